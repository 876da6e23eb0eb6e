/**
 * Links that real apps mangle (issue 13), opened in Chromium: the wizard reads the answers of a
 * mangled link as those of the clean link (the engine's parse of the clean link is the oracle), and
 * the search page repeats a ?q= from a link only when it is a short plain term.
 */
import { describe, expect, inject, it } from 'vitest';
import { THIS_YEAR, formatViolations, newPage, phone, runAxe, useBrowser } from './helpers';
import { formatAnswers, parseAnswers } from '../../src/rules/answers.ts';

const baseURL = inject('baseURL');
const context = useBrowser();
const CLEAN = 'stage=senior&grade=2&school=public&hukou=rural&family=dibao&region=000000';
const clean = parseAnswers(CLEAN);

describe('the wizard reads mangled links', () => {
  const cases: [string, string][] = [
    ['&amp; separators', `/check/#${CLEAN.replace(/&/g, '&amp;')}`],
    ['%3D for =', `/check/#${CLEAN.replace(/=/g, '%3D')}`],
    ['+&+ separators', `/check/#${CLEAN.replace(/&/g, '+&+')}`],
    ['answers after ? instead of #', `/check/?${CLEAN}`],
    ['?from=singlemessage glued after the hash', `/check/#${CLEAN}?from=singlemessage&isappinstalled=0`],
  ];
  for (const [name, path] of cases) {
    it(`${name}: the review screen with every answer, and a clean address`, async () => {
      const { page, errors } = await newPage(await context(phone));
      await page.goto(baseURL + path);
      await page.waitForSelector('#wz-h');
      expect(await page.locator('#wz-h').innerText()).toBe('核对你的回答');
      expect(clean.ok).toBe(true);
      const url = new URL(page.url());
      // The school year of the grades joins the answers (src/rules/family.ts formatFamily).
      expect(url.hash.slice(1)).toBe(`${formatAnswers(clean.ok ? clean.answers : {})}&year=${THIS_YEAR}`);
      expect(url.search).toBe('');
      expect(await page.locator('.wz-warn, [role="alert"]').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  }
});

describe('the search page and a crafted ?q=', () => {
  it('does not repeat a crafted message, and says so', async () => {
    const { page, errors } = await newPage(await context(phone));
    const crafted = '国家助学金已到账，请加微信 zz12345 领取';
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent(crafted)}`);
    await page.locator('#search-dropped').waitFor();
    await page.locator('#search .pagefind-ui').first().waitFor({ state: 'attached' }); // Pagefind's own box is hidden: the page's box (#q) drives it
    await page.waitForTimeout(500);
    expect(await page.locator('body').innerText()).not.toContain('已到账');
    expect(await page.inputValue('#q')).toBe('');
    expect(errors).toEqual([]);
    expect(formatViolations(await runAxe(page))).toBe('');
  });
  it('searches what was typed in the header box as typed: numbers, punctuation, long terms (only links are filtered)', async () => {
    const { page, errors } = await newPage(await context(phone));
    for (const typed of ['96110', '学费、住宿费', '家庭经济困难学生认定申请表']) {
      await page.goto(`${baseURL}/stages/senior/`);
      await page.fill('#hd-q', typed);
      await page.press('#hd-q', 'Enter');
      await page.waitForURL(/\/search\/\?q=/);
      await page.locator('#search .pagefind-ui').first().waitFor({ state: 'attached' });
      expect(await page.inputValue('#q'), typed).toBe(typed);
      expect(await page.locator('#search-dropped').isVisible(), typed).toBe(false);
    }
    expect(errors).toEqual([]);
  });
  it('still searches a plain term from a link', async () => {
    const { page, errors } = await newPage(await context(phone));
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent('助学金')}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('#search-dropped').isVisible()).toBe(false);
    expect(await page.inputValue('#search input')).toBe('助学金');
    expect(errors).toEqual([]);
  });
});
