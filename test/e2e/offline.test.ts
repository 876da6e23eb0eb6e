/**
 * Offline after the first visit (dist/sw.js, Workbox, written by src/integrations/service-worker.mjs):
 * a phone opens the home page once, the service worker precaches the pages and the wizard; the family
 * searches once and opens a poster while there is signal (search and the printable sheets are kept
 * when first used, not precached); then the signal goes. Every stage page, the wizard answered to
 * its results, that poster and search still work. The region search's city and county names are kept
 * the first time the family types there, not precached: offline before that, the search says it
 * cannot look cities up and still finds the configured names; once kept, 成都 finds 四川省 offline.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { distDir, launchBrowser, newPage, phone } from './helpers';
import { fileOf } from '../bench/bytes.mjs';
import { waitForServiceWorker, wizardToResults } from './offline-helpers';
import { STAGES, stageHref } from '../../src/components/shell/stages';
import { PLACES_CACHE, SEARCH_CACHES } from '../../src/integrations/service-worker.mjs';

const baseURL = inject('baseURL');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext(phone);
  ({ page, errors } = await newPage(context));
  await page.goto(baseURL + '/');
  await waitForServiceWorker(page);
  // Online still: one search and one poster (kept at runtime by the service worker).
  await page.goto(`${baseURL}/search/?q=${encodeURIComponent('助学金')}`);
  await page.waitForSelector('.pagefind-ui__result', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.goto(baseURL + '/posters/senior/');
  await page.waitForLoadState('networkidle');
  await context.setOffline(true);
});
afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close();
});

describe('offline after the first visit', () => {
  it('the network is really gone: a file that was never built does not load', async () => {
    // Not in the precache, so the service worker passes it to the network, which fails. (Its own tab:
    // the failed request is not an error of the pages under test.)
    const probe = await context.newPage();
    await probe.goto(baseURL + '/');
    const ok = await probe.evaluate(async (u) => fetch(u).then((r) => r.ok, () => false), `${baseURL}/never-built-${Date.now()}.txt`);
    await probe.close();
    expect(ok).toBe(false);
  });

  it('a page the phone has no copy of shows the offline page from the cache, whose links all open (issue 13)', async () => {
    // Its own tab: the offline page is served at the address asked for.
    const probe = await context.newPage();
    const res = await probe.goto(`${baseURL}/never-built-${Date.now()}/`);
    expect(res?.ok()).toBe(true);
    expect(await probe.locator('h1').innerText()).toBe('现在没有网络');
    const links = await probe.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(STAGES.length);
    for (const l of new Set(links)) {
      if (l.endsWith('/') && l.includes('never-built')) continue;
      const r = await probe.goto(l);
      expect(r?.ok(), l).toBe(true);
      expect(await probe.locator('h1').innerText(), l).not.toBe('现在没有网络');
    }
    await probe.close();
  });

  it('a staff or region page never opened before shows the offline page, not the browser\'s error page', async () => {
    const probe = await context.newPage();
    for (const path of ['/schools/gongshi/', '/posters/make/', '/regions/510000/']) {
      const res = await probe.goto(baseURL + path);
      expect(res?.ok(), path).toBe(true);
      expect(await probe.locator('h1').innerText(), path).toBe('现在没有网络');
    }
    await probe.close();
  });

  it('a stage address without its last slash shows the offline page, which offers the address with the slash', async () => {
    const probe = await context.newPage();
    const path = stageHref(STAGES[0]!).replace(/\/$/, '');
    await probe.goto(baseURL + path);
    expect(await probe.locator('h1').innerText()).toBe('现在没有网络');
    const offer = probe.locator('#off-slash a');
    await offer.waitFor();
    await offer.click();
    await probe.waitForURL(baseURL + path + '/');
    expect(await probe.locator('h1').innerText()).not.toBe('现在没有网络');
    expect(await probe.locator('[data-amount]').count()).toBeGreaterThan(0);
    await probe.close();
  });

  it('every stage page opens with its amounts', async () => {
    expect(STAGES.length).toBe(6);
    for (const s of STAGES) {
      const res = await page.goto(baseURL + stageHref(s));
      expect(res?.ok(), stageHref(s)).toBe(true);
      const built = readFileSync(fileOf(distDir(), stageHref(s)), 'utf8').match(/<h1[^>]*>([^<]+)/)![1]!;
      expect((await page.locator('h1').innerText()).startsWith(built.trim())).toBe(true);
      expect(await page.locator('[data-amount]').count(), `${stageHref(s)} shows amounts`).toBeGreaterThan(0);
      // The stylesheet came from the cache too.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    }
    expect(errors).toEqual([]);
  });

  it('the wizard answers to its results, with every stage\'s data at hand', async () => {
    await wizardToResults(page, baseURL);
    expect(await page.locator('.wz-results').innerText()).toMatch(/元/);
    // Every stage's data file is there too (the wizard fetches the family's stage's one).
    const parts = await page.evaluate(() => Object.values(JSON.parse(document.getElementById('wz-data')!.textContent!).parts as Record<string, string>));
    expect(parts.length).toBe(7);
    for (const u of new Set(parts)) expect(await page.evaluate(async (url) => (await fetch(url)).ok, u), u).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a poster opened before opens with its QR code, and search finds pages again', async () => {
    const res = await page.goto(baseURL + '/posters/senior/');
    expect(res?.ok()).toBe(true);
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent('助学金')}`);
    await page.waitForSelector('.pagefind-ui__result', { timeout: 15_000 });
    expect(errors).toEqual([]);
  });

  it('keeps search in its own caches, filled by that one search, not in the precache', async () => {
    const stored = await page.evaluate(async () => {
      const out: Record<string, string[]> = {};
      for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
      return out;
    });
    const precache = Object.entries(stored).filter(([n]) => n.includes('precache')).flatMap(([, urls]) => urls);
    expect(precache.length).toBeGreaterThan(20);
    expect(precache.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    const search = [...(stored[SEARCH_CACHES.index] ?? []), ...(stored[SEARCH_CACHES.code] ?? [])];
    expect(search).toContain('/pagefind/pagefind-ui.js');
    expect(search.some((u) => /^\/pagefind\/(index|fragment)\//.test(u)), search.join(' ')).toBe(true);
  });

  it('the region search: offline before the city and county names were kept it says so and finds provinces; once kept, 成都 finds 四川省 offline', async () => {
    const before = errors.length;
    const line = page.locator('.wz-find [aria-live]');
    const found = () => page.locator('.wz-find button[data-v]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-v')));
    const toRegion = async () => {
      await page.goto(`${baseURL}/check/#stage=senior&grade=1&school=public&hukou=rural&family=dibao`);
      await page.waitForSelector('#wz-find');
    };
    await toRegion();
    await page.locator('#wz-find').fill('成都');
    await page.getByText('没有网络，查不了市、县').waitFor();
    expect(await found()).toEqual([]);
    await page.locator('#wz-find').fill('四川');
    expect(await found()).toEqual(['510000']);
    // Signal for a moment: the next letter fetches the names, and the service worker keeps them.
    await context.setOffline(false);
    await page.locator('#wz-find').fill('成都');
    await page.getByText('成都市属于四川省').waitFor();
    await context.setOffline(true);
    await toRegion();
    await page.locator('#wz-find').fill('成都');
    await page.getByText('成都市属于四川省').waitFor();
    expect(await line.innerText()).toBe('成都市属于四川省，按四川省的标准。');
    expect(await found()).toEqual(['510000']);
    const kept = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), PLACES_CACHE);
    expect(kept).toEqual([expect.stringMatching(/^\/check\/data\/places\.[0-9a-f]{10}\.json$/)]);
    // The one failed fetch (no signal, no copy yet) is all that went wrong.
    expect(errors.slice(before).filter((e) => !/\/check\/data\/places\.[0-9a-f]{10}\.json/.test(e))).toEqual([]);
    errors.length = before;
  });
});
