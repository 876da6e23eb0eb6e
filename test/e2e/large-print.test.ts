/**
 * 大字 that holds (issue 15), checked against 《互联网网站适老化通用设计规范》 at 360×640 with the 大字
 * switch on (localStorage, as the header button leaves it):
 *  - axe on every page of the sitemap, and on the wizard's question and results screens;
 *  - line spacing ≥ 1.3 for all body text; between paragraphs ≥ 1.3 × the line spacing (the distance
 *    from one paragraph's last line to the next one's first line, against the distance between lines).
 *    Poster and letter previews (.sheet: a scaled picture of the A4 sheet) are left out here; the
 *    letter's print in 大字 is checked below;
 *  - tap targets (buttons, tick boxes, menu and footer links) ≥ 44 × 44 CSS px;
 *  - no pop-ups: nothing fixed over the page, no <dialog>, no alert()/confirm()/prompt();
 *  - the family question's 「下一步」 is on the first screen when the question appears;
 *  - printing keeps 大字: under print media no text in the page body is under 14 pt, for the results,
 *    a stage page and a letter; the PDFs are rendered to PNG (test-results/screenshots) to look at.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatViolations, newPage, printToPng, runAxe, screenshot, sitemapUrls, smallTapTargets, useBrowser } from './helpers';
import { LARGE_TEXT_KEY } from '../../src/components/shell/site.ts';

const baseURL = inject('baseURL');
const context = useBrowser({ closeContexts: 'afterEach' });
const small = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const urls = await sitemapUrls(baseURL);

/** A 360×640 phone with 大字 on; alert/confirm/prompt are recorded (a pop-up would be a failure). */
async function open(path: string) {
  const c = await context(small);
  await c.addInitScript((key) => {
    localStorage.setItem(key, '1');
    const popups: string[] = ((window as unknown as { __popups: string[] }).__popups = []);
    for (const f of ['alert', 'confirm', 'prompt'] as const) (window as unknown as Record<string, unknown>)[f] = (m: string) => { popups.push(`${f}: ${m}`); return null; };
  }, LARGE_TEXT_KEY);
  const t = await newPage(c);
  await t.page.goto(path.startsWith('http') ? path : `${baseURL}${path}`);
  expect(await t.page.evaluate(() => document.documentElement.classList.contains('lt'))).toBe(true);
  return t;
}

/** Text elements whose line spacing is under 1.3 (line-height / font-size), or `normal`. */
const tightLines = (page: Page) => page.evaluate(() => {
  const bad: string[] = [];
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('main p, main li, main dd, main dt, main td, main th, main label, main summary'))) {
    // Poster and letter previews are scaled pictures of a printed sheet (their print is checked below).
    if (!el.offsetParent || !el.innerText.trim() || el.closest('.sheet')) continue;
    const cs = getComputedStyle(el);
    const lh = cs.lineHeight === 'normal' ? 0 : parseFloat(cs.lineHeight);
    if (lh / parseFloat(cs.fontSize) < 1.3 - 1e-6) bad.push(`${el.tagName.toLowerCase()}.${el.className} 「${el.innerText.slice(0, 12)}」 ${cs.lineHeight}/${cs.fontSize}`);
  }
  return bad;
});

/** Paragraphs followed by another whose baseline-to-baseline distance across the gap is < 1.3 × the line spacing. */
const tightParagraphs = (page: Page) => page.evaluate(() => {
  const bad: string[] = [];
  for (const p of Array.from(document.querySelectorAll<HTMLElement>('main p + p'))) {
    const prev = p.previousElementSibling as HTMLElement;
    if (!p.offsetParent || !prev.offsetParent || p.closest('.sheet')) continue;
    const lh = parseFloat(getComputedStyle(p).lineHeight);
    const gap = p.getBoundingClientRect().top - prev.getBoundingClientRect().bottom;
    if (getComputedStyle(prev).display.startsWith('inline') || getComputedStyle(p).display.startsWith('inline')) continue;
    if ((lh + gap) / lh < 1.3 - 1e-6) bad.push(`「${p.innerText.slice(0, 12)}」 gap ${gap.toFixed(1)} px, line ${lh.toFixed(1)} px`);
  }
  return bad;
});

/** Fixed elements on screen and <dialog>s: pop-ups, which the 适老化 rules forbid. */
const popups = (page: Page) => page.evaluate(() => [
  ...Array.from(document.querySelectorAll<HTMLElement>('body *'))
    .filter((e) => getComputedStyle(e).position === 'fixed' && e.offsetParent !== null && e.getBoundingClientRect().height > 0)
    .map((e) => `fixed: ${e.tagName.toLowerCase()}.${e.className}`),
  ...Array.from(document.querySelectorAll('dialog')).map(() => 'dialog'),
  ...(window as unknown as { __popups: string[] }).__popups,
]);

const TARGETS = 'button, .btn, summary, .wz-check, .hd-nav > a, .ft-links a, input[type=search], .lt-toggle';

/** Smallest computed font size (pt) of any text in the page body under the current media, with where. */
const smallestText = (page: Page) => page.evaluate(() => {
  let min = Infinity;
  let where = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.nodeValue?.trim() || !el.getClientRects().length) continue;
    if (el.closest('svg, .qr')) continue;
    const pt = parseFloat(getComputedStyle(el).fontSize) * 0.75;
    if (pt < min) {
      min = pt;
      where = `${el.tagName.toLowerCase()}.${el.className} 「${n.nodeValue.trim().slice(0, 12)}」`;
    }
  }
  return { min, where };
});

describe('大字 at 360×640 on every page of the sitemap', () => {
  it('finds the pages', () => expect(urls.length).toBeGreaterThanOrEqual(25));
  for (const url of urls) {
    const path = new URL(url).pathname;
    it(`${path}: axe clean, line and paragraph spacing, big tap targets, no pop-ups`, async () => {
      const { page, errors } = await open(url);
      expect(formatViolations(await runAxe(page)), path).toBe('');
      expect(await tightLines(page), path).toEqual([]);
      expect(await tightParagraphs(page), path).toEqual([]);
      expect(await smallTapTargets(page, TARGETS), path).toEqual([]);
      expect(await popups(page), path).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

describe('the wizard in 大字', () => {
  it('shows 下一步 of the family question on the first screen when the question appears', async () => {
    const { page, errors } = await open('/check/#stage=junior&grade=2&school=public&boarding=yes');
    await page.waitForSelector('section[data-q="hukou"]');
    await page.locator('button[data-v="rural"]').tap();
    await page.waitForSelector('section[data-q="family"]');
    await page.waitForTimeout(300);
    const box = await page.locator('.wz-next').boundingBox();
    expect(box, 'no 下一步').not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(640);
    // …and the question's title with it.
    const h = await page.locator('#wz-h').boundingBox();
    expect(h!.y).toBeGreaterThanOrEqual(0);
    expect(await smallTapTargets(page, TARGETS)).toEqual([]);
    expect(formatViolations(await runAxe(page))).toBe('');
    await screenshot(page, 'large-family-360', { fullPage: false });
    expect(errors).toEqual([]);
  });

  it('prints the results at 14 pt or more, and the results screen passes axe', async () => {
    const { page, errors } = await open('/check/#stage=junior&grade=2&school=public&boarding=unknown&hukou=rural&family=unknown&region=000000');
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.wz-results');
    expect(formatViolations(await runAxe(page))).toBe('');
    expect(await smallTapTargets(page, TARGETS)).toEqual([]);
    expect(await tightLines(page)).toEqual([]);
    await screenshot(page, 'large-results-360', { fullPage: false });
    await page.emulateMedia({ media: 'print' });
    const s = await smallestText(page);
    expect(s.min, s.where).toBeGreaterThanOrEqual(14 - 1e-6);
    // Every result the family can get prints its amount, also what has passed this year (in December a
    // printout once kept only names and 「明年 3 月再申请」).
    const hidden = await page.$$eval('section[data-group]:not([data-group="out"]) article[data-id]', (as) =>
      as.filter((a) => { const m = a.querySelector('.wz-money'); return !m || !(m as HTMLElement).getClientRects().length; }).map((a) => a.getAttribute('data-id')));
    expect(hidden).toEqual([]);
    await page.emulateMedia({ media: null });
    const pngs = await printToPng(page, 'large-results-print');
    expect(pngs.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  for (const path of ['/stages/compulsory/', '/stages/senior/', '/recognition/', '/posters/letter/senior/']) {
    it(`prints ${path} at 14 pt or more`, async () => {
      const { page, errors } = await open(path);
      await page.emulateMedia({ media: 'print' });
      const s = await smallestText(page);
      expect(s.min, s.where).toBeGreaterThanOrEqual(14 - 1e-6);
      await page.emulateMedia({ media: null });
      const pngs = await printToPng(page, `large-print${path.replace(/\/$/, '').replace(/\//g, '-')}`);
      expect(pngs.length).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  }

  it('prints small type when 大字 is off (the choice is what changes it)', async () => {
    const c = await context(small);
    const { page } = await newPage(c);
    await page.goto(`${baseURL}/stages/senior/`);
    await page.emulateMedia({ media: 'print' });
    expect((await smallestText(page)).min).toBeLessThan(14);
  });
});
