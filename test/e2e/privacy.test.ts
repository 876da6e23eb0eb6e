/**
 * Private by construction: while a family uses the site — each kind of page, search, the wizard to its
 * results with 「记住我的勾选」 on, the 大字 switch — every request stays on the site's origin (the
 * service worker's too), no cookie is set, and the browser keeps only the 大字 choice and the wizard's
 * own keys, which 「清除我的回答」 removes.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newPage, phone } from './helpers';
import { waitForServiceWorker, wizardToResults } from './offline-helpers';
import { LARGE_TEXT_KEY } from '../../src/components/shell/site';

const baseURL = inject('baseURL');
const origin = new URL(baseURL).origin;
/** What may be in localStorage / sessionStorage: the 大字 choice and the wizard's own keys. */
const allowedKey = (k: string) => k === LARGE_TEXT_KEY || k.startsWith('zz-wizard-');

/** One page of each kind. */
const PAGES = [
  '/', '/stages/preschool/', '/stages/compulsory/', '/stages/senior/', '/stages/vocational/', '/stages/undergrad/',
  '/stages/postgrad/', '/recognition/', '/fraud/', '/privacy/', '/sources/', '/changes/', '/regions/',
  '/payment/', '/loan/', '/message-check/',
  '/posters/', '/posters/senior/', '/posters/letter/senior/', '/posters/make/', '/no-such-page/',
];

let browser: Browser;
let context: BrowserContext;
/** Every request the context made: pages, their subresources and the service worker's fetches. */
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext(phone);
  context.on('request', (r) => {
    try { requests.push(r.url()); } catch { /* ignore */ }
  });
});
afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
});

describe('privacy while using the site', () => {
  it('every request while visiting each kind of page, searching and using the wizard goes to the site itself, and no cookie is set', async () => {
    const { page, errors } = await newPage(context);
    for (const path of PAGES) {
      await page.goto(baseURL + path, { waitUntil: 'load' });
      expect(await page.evaluate(() => document.cookie), `${path} cookie`).toBe('');
    }
    await waitForServiceWorker(page); // its precaching requests are recorded too
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent('助学金')}`);
    await page.waitForSelector('.pagefind-ui__result', { timeout: 15_000 });
    await wizardToResults(page, baseURL);
    await page.waitForLoadState('networkidle');

    const network = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(network.length).toBeGreaterThan(PAGES.length);
    expect(network.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    // 404 of /no-such-page/ is expected; nothing else failed.
    expect(errors.filter((e) => !/no-such-page|404/.test(e))).toEqual([]);
    await page.close();
  }, 180_000);

  it('the browser keeps only the 大字 choice and the wizard\'s ticks, and 「清除我的回答」 removes the wizard\'s', async () => {
    const { page } = await newPage(context);
    await wizardToResults(page, baseURL);
    // Keep the checklist on this phone, tick a document, and switch on 大字.
    await page.getByRole('checkbox', { name: /记住我的勾选/ }).check();
    await page.locator('.wz-doclist input[type="checkbox"]').first().check();
    await page.locator('#lt-toggle').click();
    const stored = () => page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      cookie: document.cookie,
    }));
    const during = await stored();
    expect(during.local).toContain(LARGE_TEXT_KEY);
    expect(during.local.some((k) => k.startsWith('zz-wizard-')), 'the wizard kept the ticks').toBe(true);
    expect([...during.local, ...during.session].filter((k) => !allowedKey(k))).toEqual([]);
    expect(during.cookie).toBe('');

    await page.getByRole('button', { name: '清除我的回答' }).click();
    await page.getByRole('button', { name: '确定清除' }).click();
    const after = await stored();
    expect([...after.local, ...after.session].filter((k) => k.startsWith('zz-wizard-'))).toEqual([]);
    expect(after.local).toEqual([LARGE_TEXT_KEY]);
    expect(await context.cookies()).toEqual([]);
    await page.close();
  });
});
