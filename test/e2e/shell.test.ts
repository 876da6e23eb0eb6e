/**
 * The site shell (Base.astro, header, footer, 大字 switch, search page, 404, print CSS) in Chromium,
 * against the built site served by test/e2e/setup/global.ts.
 */
import { searchTermFromLink } from '../../src/lib/link-value.ts';
import { describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  desktop, distDir, formatViolations, hasPagefind, horizontalOverflow, newPage, phone,
  printToPng, runAxe, screenshot, scriptRequests, sitemapUrls, smallTapTargets, useBrowser,
} from './helpers';
import { FRAUD_LINE, LARGE_TEXT_KEY } from '../../src/components/shell/site';
import { STAGES } from '../../src/components/shell/stages';

const baseURL = inject('baseURL');
const context = useBrowser();

/** All built HTML files (relative paths), for picking pages that are in the search index. */
function htmlFiles(dir = distDir()): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'pagefind' && name !== '_astro') out.push(...htmlFiles(p));
    } else if (name.endsWith('.html')) out.push(relative(distDir(), p));
  }
  return out;
}
const pathOf = (file: string) => '/' + file.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/');

describe('home page', () => {
  it('renders in Chinese with the shell, no console errors, no JS files', async () => {
    const { page, errors, requests } = await newPage(await context(phone));
    const res = await page.goto(baseURL + '/');
    expect(res?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.title()).toBe('资助明白纸');
    expect(await page.textContent('h1')).toBe('资助明白纸');
    expect(await page.getAttribute('meta[name="viewport"]', 'content')).toContain('width=device-width');
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toMatch(/^https?:\/\/.+\/$/);
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toMatch(/\/share\.png$/);
    expect(await page.locator('main#main[data-pagefind-body]').count()).toBe(1);
    // Header: home link, wizard, six stages, search form (plain GET to /search/)
    expect(await page.getAttribute('header a.brand', 'href')).toBe('/');
    expect(await page.locator('header a[href="/check/"]').count()).toBe(1);
    for (const s of STAGES) expect(await page.locator(`header a[href="/stages/${s.slug}/"]`).count()).toBe(1);
    expect(await page.getAttribute('header form', 'action')).toBe('/search/');
    expect(await page.getAttribute('header form input[type="search"]', 'name')).toBe('q');
    // Home body: big buttons for the six stages and the wizard, the anti-fraud line
    for (const s of STAGES) expect(await page.locator(`main a.btn[href="/stages/${s.slug}/"]`).textContent()).toBe(s.name);
    expect(await page.locator('main a.btn[href="/check/"]').textContent()).toBe('开始资格自测');
    expect(await page.locator('main').textContent()).toContain(FRAUD_LINE);
    // Footer links and the anti-fraud line
    for (const href of ['/fraud/', '/privacy/', '/sources/', '/changes/', '/recognition/']) {
      expect(await page.locator(`footer a[href="${href}"]`).count()).toBe(1);
    }
    expect(await page.locator('footer').textContent()).toContain(FRAUD_LINE);
    // No amounts on the home page
    expect(await page.locator('main').textContent()).not.toMatch(/\d+\s*元/);
    expect(errors).toEqual([]);
    expect(scriptRequests(requests)).toEqual([]);
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await screenshot(page, 'home-phone-390');
  });

  it('is axe-clean at phone and desktop sizes', async () => {
    for (const [name, opts] of [['phone', phone], ['desktop', desktop]] as const) {
      const { page, errors } = await newPage(await context(opts));
      await page.goto(baseURL + '/');
      expect(formatViolations(await runAxe(page)), name).toBe('');
      // The stage menu open too (its links must be reachable and readable)
      await page.click('.hd-stages summary');
      expect(formatViolations(await runAxe(page)), `${name}, stage menu open`).toBe('');
      expect(errors).toEqual([]);
      if (name === 'desktop') await screenshot(page, 'home-desktop-menu-open', { fullPage: false });
    }
    const { page } = await newPage(await context(desktop));
    await page.goto(baseURL + '/');
    await screenshot(page, 'home-desktop');
  });

  it('has tap targets of at least 44×44 px in header, footer and buttons', async () => {
    const { page } = await newPage(await context(phone));
    await page.goto(baseURL + '/');
    await page.click('.hd-stages summary');
    const small = await smallTapTargets(page, 'header a, header button, header summary, header input, footer a, main .btn');
    expect(small).toEqual([]);
  });

  it('serves the favicon and share image', async () => {
    for (const [path, type] of [['/favicon.svg', 'image/svg+xml'], ['/share.png', 'image/png']]) {
      const res = await fetch(baseURL + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain(type);
    }
  });
});

describe('大字 (large text) switch', () => {
  it('toggles the root font size, persists across reloads, and is off again after a second press', async () => {
    const { page, errors } = await newPage(await context(phone));
    await page.goto(baseURL + '/');
    const button = page.locator('#lt-toggle');
    const rootPx = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(await button.isVisible()).toBe(true);
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    const normal = await rootPx();
    expect(normal).toBe(18);

    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await rootPx()).toBeCloseTo(normal * 1.25, 1);
    expect(await page.evaluate((k) => localStorage.getItem(k), LARGE_TEXT_KEY)).toBe('1');

    await page.reload();
    expect(await page.evaluate(() => document.documentElement.classList.contains('lt'))).toBe(true);
    expect(await page.locator('#lt-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await rootPx()).toBeCloseTo(normal * 1.25, 1);

    // Another page of the site gets it too
    await page.goto(baseURL + '/search/');
    expect(await page.evaluate(() => document.documentElement.classList.contains('lt'))).toBe(true);

    await page.goto(baseURL + '/');
    await page.locator('#lt-toggle').click();
    expect(await page.locator('#lt-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(await rootPx()).toBe(normal);
    await page.reload();
    expect(await rootPx()).toBe(normal);
    expect(errors).toEqual([]);
  });

  it('is applied before first paint by a script in <head>, ahead of the stylesheet', async () => {
    const html = await (await fetch(baseURL + '/')).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const scriptAt = head.indexOf(LARGE_TEXT_KEY);
    const cssAt = head.search(/<link[^>]+rel="?stylesheet|<style/);
    expect(scriptAt).toBeGreaterThan(0);
    if (cssAt >= 0) expect(scriptAt).toBeLessThan(cssAt);
    expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers (CSP later)
  });

  it('is hidden without JS and nothing breaks', async () => {
    const { page, errors } = await newPage(await context({ ...phone, javaScriptEnabled: false }));
    await page.goto(baseURL + '/');
    expect(await page.locator('#lt-toggle').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('layout at small widths and zoom', () => {
  const pages = ['/', '/search/', '/no-such-page/'];
  it.each([
    ['320 px', { ...phone, viewport: { width: 320, height: 640 } }, false],
    ['320 px, 大字', { ...phone, viewport: { width: 320, height: 640 } }, true],
    ['200 % zoom of a 1280 px window (640 px), 大字', { ...desktop, viewport: { width: 640, height: 400 } }, true],
  ] as const)('no horizontal scrolling at %s', async (name, opts, large) => {
    const c = await context(opts);
    if (large) await c.addInitScript((k) => localStorage.setItem(k, '1'), LARGE_TEXT_KEY);
    const { page, errors } = await newPage(c);
    for (const path of pages) {
      await page.goto(baseURL + path);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.classList.contains('lt'))).toBe(large);
      expect(await horizontalOverflow(page), `${path} at ${name}`).toEqual({ overflow: 0, culprits: [] });
      await page.click('.hd-stages summary');
      expect(await horizontalOverflow(page), `${path} at ${name}, stage menu open`).toEqual({ overflow: 0, culprits: [] });
    }
    // The 404 page's own document status is logged as a console error; nothing else may be.
    expect(errors.filter((e) => !e.includes('/no-such-page/'))).toEqual([]);
    await page.goto(baseURL + '/');
    if (name === '320 px, 大字') await screenshot(page, 'home-320-large-text');
    if (name === '320 px') await screenshot(page, 'home-320');
  });
});

describe('404 page', () => {
  it('answers unknown paths with status 404 and a friendly Chinese page', async () => {
    const { page, errors } = await newPage(await context(phone));
    const res = await page.goto(baseURL + '/no-such-page/');
    expect(res?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('h1')).toBe('没找到这一页');
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toContain('noindex');
    expect(await page.locator('main[data-pagefind-body]').count()).toBe(0);
    expect(await page.locator('main a[href="/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href="/check/"]').count()).toBeGreaterThan(0);
    for (const s of STAGES) expect(await page.locator(`main a[href="/stages/${s.slug}/"]`).count()).toBe(1);
    expect(formatViolations(await runAxe(page))).toBe('');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await screenshot(page, '404-phone');
  });

  it('the test server: folders redirect to a trailing slash, assets have the right types', async () => {
    const redirect = await fetch(baseURL + '/search', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/search/');
    expect((await fetch(baseURL + '/missing.css')).status).toBe(404);
    expect((await fetch(baseURL + '/../package.json')).status).toBe(404);
    const home = await fetch(baseURL + '/');
    expect(home.headers.get('content-type')).toContain('text/html');
    const css = readFileSync(join(distDir(), 'index.html'), 'utf8').match(/href="(\/_astro\/[^"]+\.css)"/)?.[1];
    if (css) expect((await fetch(baseURL + css)).headers.get('content-type')).toContain('text/css');
  });
});

describe('search', () => {
  it('the header search works without JS: GET /search/?q=… with a no-JS note', async () => {
    const { page, errors } = await newPage(await context({ ...phone, javaScriptEnabled: false }));
    await page.goto(baseURL + '/');
    await page.fill('header input[name="q"]', '助学金');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press('header input[name="q"]', 'Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('助学金');
    expect(await page.locator('#search-form').isVisible()).toBe(true);
    expect(await page.locator('main noscript').count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('没有打开 JavaScript');
    expect(errors).toEqual([]);
  });

  it('loads the Pagefind UI on /search/ only, and runs the query from ?q=', async () => {
    expect(hasPagefind(), 'the build wrote a Pagefind index').toBe(true);
    // Pick a page that is in the index (the most specific heading) and search for its heading
    const indexed = htmlFiles()
      .map((f) => ({ f, html: readFileSync(join(distDir(), f), 'utf8') }))
      .filter(({ html }) => /data-pagefind-body/.test(html))
      .map(({ f, html }) => ({ f, h1: html.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]?.trim() }))
      // A heading a link may carry as ?q= (src/lib/link-value.ts: short plain words; 「、」「（」 are left out).
      .filter((x) => x.h1 && searchTermFromLink(x.h1) === x.h1)
      .sort((a, b) => b.h1!.length - a.h1!.length);
    expect(indexed.length, 'pages in the search index with a plain-text <h1>').toBeGreaterThan(0);
    const { f: target, h1 } = indexed[0];

    const { page, errors, requests } = await newPage(await context(phone));
    // Layout shifts from the start of the page (Lighthouse's CLS counts the same entries).
    await page.addInitScript(() => {
      (window as unknown as { zzShift: number }).zzShift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!e.hadRecentInput) (window as unknown as { zzShift: number }).zzShift += e.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent(h1!)}`);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(pathOf(target));
    // The page's own box drives Pagefind (whose box is hidden): it stays where it was, with the query.
    expect(await page.inputValue('#q')).toBe(h1);
    expect(await page.locator('#search-form').isVisible()).toBe(true);
    expect(await page.locator('#search .pagefind-ui__search-input').isVisible()).toBe(false);
    // Nothing moved while Pagefind and the results arrived (Lighthouse counts ≥ 0.1 as poor; it was 0.37).
    expect(await page.evaluate(() => (window as unknown as { zzShift: number }).zzShift)).toBeLessThan(0.02);
    expect(requests.some((u) => u.endsWith('/pagefind/pagefind-ui.js'))).toBe(true);
    expect(errors).toEqual([]);
    expect(formatViolations(await runAxe(page))).toBe('');
    await screenshot(page, 'search-phone');

    // Typing searches and keeps ?q= in the address bar
    await page.fill('#q', '资助');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '资助');
    await page.waitForFunction(() => (document.querySelector('.pagefind-ui__message')?.textContent ?? '').includes('资助'), undefined, { timeout: 15_000 });
  });

  it('filters by stage when pages carry a stage (data-pagefind-filter)', async () => {
    expect(hasPagefind(), 'the build wrote a Pagefind index').toBe(true);
    const staged = htmlFiles()
      .map((f) => ({ f, html: readFileSync(join(distDir(), f), 'utf8') }))
      .map(({ f, html }) => ({ f, stage: html.match(/<meta data-pagefind-filter="stage\[content\]" content="([^"]+)"/)?.[1], h1: html.match(/<h1[^>]*>([^<]+)<\/h1>/)?.[1]?.trim() }))
      .find((x) => x.stage && x.h1 && searchTermFromLink(x.h1) === x.h1);
    expect(staged, 'a stage page with a Pagefind stage filter').toBeTruthy();
    const { page, errors } = await newPage(await context(phone));
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent(staged!.h1!)}&stage=${encodeURIComponent(staged!.stage!)}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const checked = page.locator('#search input.pagefind-ui__filter-checkbox:checked');
    expect(await checked.count()).toBe(1);
    expect(await checked.getAttribute('value')).toBe(staged!.stage);
    // The filter is shown with a Chinese name, not the key "stage"
    await page.locator('.pagefind-ui__filter-name', { hasText: '学段' }).waitFor({ timeout: 5_000 });
    expect(await page.locator('#search').textContent()).not.toMatch(/stage/i);
    const hrefs = await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(pathOf(staged!.f));
    expect(errors).toEqual([]);
  });

  it('no page but /search/ requests Pagefind or any JS file of its own (checked on the shell pages)', async () => {
    const { page, requests } = await newPage(await context(phone));
    for (const path of ['/', '/no-such-page/']) {
      requests.length = 0;
      await page.goto(baseURL + path);
      await page.waitForLoadState('networkidle');
      expect(requests.filter((u) => u.includes('/pagefind/')), path).toEqual([]);
      expect(scriptRequests(requests), path).toEqual([]);
    }
  });
});

describe('print', () => {
  it('hides header, footer, search and buttons, and shows folded answers', async () => {
    const { page, errors } = await newPage(await context(desktop));
    await page.goto(baseURL + '/');
    // A folded FAQ answer, as content pages will have
    await page.evaluate(() => {
      const d = document.createElement('details');
      d.innerHTML = '<summary>问：要交钱吗？</summary><p id="print-answer">答：不要。</p>';
      document.querySelector('main')!.append(d);
    });
    expect(await page.locator('#print-answer').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['header.site-header', 'footer.site-footer', '.hd-search', '#lt-toggle', 'main .btn']) {
      expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
    }
    expect(await page.locator('main h1').isVisible()).toBe(true);
    expect(await page.locator('#print-answer').isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main h1')!).color)).toBe('rgb(0, 0, 0)');
    const pngs = await printToPng(page, 'home-print');
    expect(errors).toEqual([]);
    // pdftoppm/gs may be missing: then only the PDF is written
    if (pngs.length) expect(pngs.length).toBeGreaterThan(0);
  });
});

describe('every page in the sitemap', () => {
  it('answers 200 with <html lang="zh-CN">', async () => {
    const urls = await sitemapUrls(baseURL);
    expect(urls).toContain(baseURL + '/');
    for (const url of urls) {
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      expect(await res.text(), url).toMatch(/<html[^>]*\slang="zh-CN"/);
    }
  });
});
