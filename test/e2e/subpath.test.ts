/**
 * A deployment under a path (issue 13; README「部署在子路径下」): built with
 * SITE_URL=https://jyj.example.gov.cn/zizhu/ and served under /zizhu/ only (anything outside it is a
 * 404, as on a county's shared web server). Every page loads its CSS and scripts, every internal link
 * and every fetch stays under /zizhu/ and works, the wizard reaches its results, the search finds
 * pages, QR codes and printed addresses carry the path, the manifest and the service worker live under
 * it, the 404 page is styled and links under it, and 「听一听」 imports its speech module from under it
 * (the inline loader's URL carries the base: inline scripts are not rewritten after the build).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatViolations, newPage, phone, runAxe, useBrowser } from './helpers';
import { waitForServiceWorker } from './offline-helpers';
import { SUBPATH_BUILD, subPathBuild, type RegionBuild } from './region-build';

const context = useBrowser();
let build: RegionBuild;
beforeAll(async () => {
  build = await subPathBuild();
  if (!build.url) throw new Error(`the /zizhu/ build failed:\n${build.log}`);
}, 300_000);
afterAll(() => build?.close());

const origin = () => new URL(build.url).origin;
const site = SUBPATH_BUILD.site.replace(/\/$/, '');
/** Page addresses from the build's sitemap, moved to the local server. */
const pages = () =>
  [...readFileSync(join(build.dir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => build.url + m[1]!.slice(site.length));

describe('a site built for https://jyj.example.gov.cn/zizhu/ and served under /zizhu/', () => {
  it('has every page in the sitemap under the path', () => {
    const locs = [...readFileSync(join(build.dir, 'sitemap-0.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(10);
    for (const l of locs) expect(l.startsWith(`${site}/`), l).toBe(true);
  });

  it('loads every page with its CSS and no failed request, and every internal link works', async () => {
    const { page, errors, requests } = await newPage(await context(phone));
    const links = new Set<string>();
    for (const url of pages()) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(200);
      const styled = await page.evaluate(() => [...document.styleSheets].some((s) => { try { return s.cssRules.length > 0; } catch { return false; } }));
      expect(styled, `${url}: CSS loaded`).toBe(true);
      for (const h of await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href)))
        if (h.startsWith(origin())) links.add(h.replace(/#.*$/, ''));
    }
    expect(errors).toEqual([]);
    const outside = requests.filter((u) => u.startsWith(origin()) && !new URL(u).pathname.startsWith(SUBPATH_BUILD.prefix));
    expect(outside, 'requests outside /zizhu/').toEqual([]);
    const bad: string[] = [];
    for (const l of links) {
      if (!new URL(l).pathname.startsWith(SUBPATH_BUILD.prefix)) { bad.push(`${l} (outside /zizhu/)`); continue; }
      const r = await page.request.get(l);
      if (r.status() !== 200) bad.push(`${l} → ${r.status()}`);
    }
    expect(bad).toEqual([]);
    expect(links.size).toBeGreaterThan(20);
  });

  it('takes the wizard to its results (the stage data fetched under /zizhu/) and links the stage page there', async () => {
    const { page, errors, requests } = await newPage(await context(phone));
    await page.goto(`${build.url}/check/#stage=senior&grade=2&school=public&hukou=rural&family=dibao&region=000000`);
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.wz-results', { timeout: 20_000 }).catch(async (e) => {
      throw new Error(`${await page.locator('#wz').innerText()}\n${errors.join('\n')}\n${requests.join('\n')}`, { cause: e });
    });
    expect(requests.some((u) => new URL(u).pathname.startsWith('/zizhu/check/data/'))).toBe(true);
    const hrefs = await page.locator('#wz a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const h of hrefs) expect(h.startsWith('/zizhu/'), h).toBe(true);
    // Without signal for the stage data, the wizard links the stage page: under /zizhu/ too.
    const t = await newPage(await context(phone));
    await t.page.route('**/check/data/**', (r) => r.abort());
    await t.page.goto(`${build.url}/check/#stage=senior&grade=2&school=public&hukou=rural&family=dibao&region=000000`);
    await t.page.getByRole('button', { name: '看结果' }).tap();
    const link = t.page.getByRole('link', { name: '这个学段的全部资助' });
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute('href')).toBe('/zizhu/stages/senior/');
    expect(errors).toEqual([]);
  });

  it('finds pages in the site search, with result links under /zizhu/', async () => {
    const { page, errors } = await newPage(await context(phone));
    await page.goto(`${build.url}/search/?q=${encodeURIComponent('助学金')}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 }).catch(async (e) => {
      throw new Error(`${await page.locator('main').innerText()}\n${errors.join('\n')}`, { cause: e });
    });
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h.startsWith('/zizhu/'), h).toBe(true);
    expect(errors).toEqual([]);
  });

  it('prints the path in the addresses under QR codes, on ready posters and in the builder', async () => {
    const { page } = await newPage(await context(phone));
    await page.goto(`${build.url}/posters/senior/`);
    expect((await page.locator('.sheet').first().innerText()).replace(/\s+/g, '')).toContain('jyj.example.gov.cn/zizhu/check/#stage=senior');
    await page.goto(`${build.url}/posters/make/`);
    await page.locator('.builder[data-ready="true"]').waitFor();
    expect((await page.locator('.sheets .sheet').first().innerText()).replace(/\s+/g, '')).toContain('jyj.example.gov.cn/zizhu/check/');
  });

  it('has its manifest and icons under /zizhu/', async () => {
    const { page } = await newPage(await context(phone));
    const m = await (await page.request.get(`${build.url}/manifest.webmanifest`)).json();
    expect([m.id, m.start_url, m.scope]).toEqual(['/zizhu/', '/zizhu/', '/zizhu/']);
    for (const icon of m.icons) expect((await page.request.get(origin() + icon.src)).status(), icon.src).toBe(200);
  });

  it('registers its service worker under /zizhu/ and opens pages offline', async () => {
    const c = await context(phone);
    const { page } = await newPage(c);
    await page.goto(`${build.url}/`);
    await waitForServiceWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${build.url}/`);
    await c.setOffline(true);
    const res = await page.goto(`${build.url}/stages/senior/`);
    expect(res?.ok()).toBe(true);
    expect(await page.locator('h1').innerText()).not.toBe('');
    await c.setOffline(false);
  });

  it('「听一听」: the inline loader imports the speech module from under /zizhu/, and a tap speaks', async () => {
    const html = readFileSync(join(build.dir, 'stages', 'senior', 'index.html'), 'utf8');
    const loader = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).find((t) => t.includes('speechSynthesis'));
    expect(loader, 'the 听一听 loader is inline on the page').toBeDefined();
    const url = loader!.match(/"([^"]*speech\.[\w-]+\.js)"/)?.[1];
    expect(url, 'the loader names the speech module').toMatch(/^\/zizhu\/_astro\/speech\.[\w-]+\.js$/);
    expect(existsSync(join(build.dir, url!.slice(SUBPATH_BUILD.prefix.length))), `${url} is in the build`).toBe(true);
    // A phone with a Chinese voice (a recorder in place of speechSynthesis): the tap loads the module and speaks.
    const c = await context(phone);
    await c.addInitScript(() => {
      const log: string[] = [];
      const zh = { lang: 'zh-CN', name: 'zh', voiceURI: 'zh', localService: true, default: true };
      const synth = { speaking: false, pending: false, paused: false, getVoices: () => [zh], speak: (u: { text: string }) => log.push(u.text), cancel() {}, pause() {}, resume() {}, addEventListener() {}, removeEventListener() {} };
      Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synth });
      (window as unknown as Record<string, unknown>).SpeechSynthesisUtterance = function (this: Record<string, unknown>, text: string) { this.text = text; this.lang = ''; };
      (window as unknown as { __tts: string[] }).__tts = log;
    });
    const { page, errors, requests } = await newPage(c);
    await page.goto(`${build.url}/stages/senior/`);
    await page.locator('.tts-btn').first().tap();
    await page.waitForFunction(() => (window as unknown as { __tts: string[] }).__tts.length > 0, undefined, { timeout: 10_000 });
    expect(requests.filter((u) => /speech\.[\w-]+\.js$/.test(u)).map((u) => new URL(u).pathname)).toEqual([url]);
    expect(errors).toEqual([]);
  });

  it('answers an unknown address with the styled 404 page, whose links stay under /zizhu/', async () => {
    const { page } = await newPage(await context(phone));
    const res = await page.goto(`${build.url}/no-such-page/`);
    expect(res?.status()).toBe(404);
    const styled = await page.evaluate(() => [...document.styleSheets].some((s) => s.cssRules.length > 0));
    expect(styled).toBe(true);
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs.filter((x) => x.startsWith('/'))) expect(h.startsWith('/zizhu/'), h).toBe(true);
    expect(formatViolations(await runAxe(page))).toBe('');
  });
});
