/**
 * Helpers for browser tests (vitest project "e2e"). The site is served by test/e2e/setup/global.ts:
 *
 *   import { afterAll, afterEach, beforeAll, inject } from 'vitest';
 *   import { useBrowser, phone, newPage, runAxe } from './helpers';
 *   const baseURL = inject('baseURL');            // "http://127.0.0.1:PORT", no trailing slash
 *   const context = useBrowser();                 // at the top of the file: one Chromium for its tests
 *   const { page, errors, requests } = await newPage(await context(phone));   // in a test
 *   await page.goto(baseURL + '/');
 *   expect(errors).toEqual([]);
 *   expect(formatViolations(await runAxe(page))).toBe('');
 * (Or by hand: `const browser = await launchBrowser()` in beforeAll, `await browser.close()` in afterAll.)
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result as AxeViolation } from 'axe-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { schoolYear } from '../../src/rules/family.ts';
import { chinaDay } from '../../src/lib/today.ts';
import { dataAsOf } from '../../src/data/index.ts';

/**
 * The school year the wizard stamps its links with (`&year=…`, src/rules/family.ts): of the device day,
 * or of the data's day when the clock is earlier (as the wizard's deviceDay).
 */
export const THIS_YEAR = schoolYear(chinaDay(new Date()) < dataAsOf ? dataAsOf : chinaDay(new Date()));

export type { AxeViolation };

/** Chromium from Debian (/usr/bin/chromium), headless, no network side traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * One Chromium for the tests of a file: call at the top level of a test file. Registers hooks that
 * launch it before the file's tests (beforeAll) and close it after them (afterAll), and returns
 * `context(opts)`, which opens a browser context that is closed after the file's tests, or, with
 * `{ closeContexts: 'afterEach' }`, after the test that opened it.
 *   const context = useBrowser();
 *   const { page, errors } = await newPage(await context(phone));
 */
export function useBrowser(
  { closeContexts = 'afterAll' }: { closeContexts?: 'afterEach' | 'afterAll' } = {},
): (opts?: BrowserContextOptions) => Promise<BrowserContext> {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const closeContextsNow = async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => {});
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  if (closeContexts === 'afterEach') afterEach(closeContextsNow);
  afterAll(async () => {
    await closeContextsNow();
    await browser?.close();
  });
  return async (opts) => {
    if (!browser) throw new Error('useBrowser: no browser yet (call useBrowser() at the top of the test file and open contexts in tests)');
    const c = await browser.newContext(opts);
    contexts.push(c);
    return c;
  };
}

/** A typical phone: 390×844 CSS px, DPR 2, touch, zh-CN. */
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/** A desktop browser window: 1280×800. */
export const desktop: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

export interface TrackedPage {
  page: Page;
  /** Console errors, uncaught page errors and failed requests, one readable line each. Assert `toEqual([])`. */
  errors: string[];
  /** Every URL the page requested (documents, CSS, JS, images, fetches), in order. */
  requests: string[];
}

/** Opens a page that records console errors, page errors, failed requests and all requested URLs. */
export async function newPage(context: BrowserContext): Promise<TrackedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (msg) => {
    try {
      if (msg.type() !== 'error') return;
      const where = msg.location()?.url;
      errors.push(`console: ${msg.text()}${where ? ` (${where})` : ''}`);
    } catch (err) {
      errors.push(`console: <unreadable message: ${String(err)}>`);
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err?.message ?? String(err)}`));
  page.on('request', (req) => requests.push(req.url()));
  page.on('requestfailed', (req) => {
    try {
      const why = req.failure()?.errorText ?? 'failed';
      // A navigation away aborts pending requests; that is not an error of the page.
      if (why !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${req.url()} ${why}`);
    } catch { /* ignore */ }
  });
  return { page, errors, requests };
}

/** URLs in `requests` that are JavaScript files (by path), e.g. to assert a page loads no JS. */
export const scriptRequests = (requests: string[]) =>
  requests.filter((u) => /\.m?js(\?|$)/.test(new URL(u).pathname));

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; returns the violations (empty = clean). */
export async function runAxe(page: Page, opts: { exclude?: string[]; disableRules?: string[] } = {}): Promise<AxeViolation[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const sel of opts.exclude ?? []) builder = builder.exclude(sel);
  if (opts.disableRules?.length) builder = builder.disableRules(opts.disableRules);
  const results = await builder.analyze();
  return results.violations;
}

/** One line per violated node ("rule: selector — message"); '' when clean. Use `expect(formatViolations(v)).toBe('')`. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? v.help}`))
    .join('\n');
}

/** The built site being tested (what global setup serves). */
export function distDir(): string {
  try {
    const d = inject('distDir');
    if (d) return d;
  } catch { /* outside a vitest worker */ }
  return resolve(process.env.E2E_DIST ?? 'dist');
}

/**
 * Every page URL in dist/sitemap-*.xml, rewritten from the configured site address (astro.config's
 * `site`, SITE_URL at build time) to the local server: "https://zizhu.example.org/x/" → baseURL + "/x/".
 */
export async function sitemapUrls(baseURL: string): Promise<string[]> {
  const dir = distDir();
  const files = readdirSync(dir).filter((f) => /^sitemap-.*\.xml$/.test(f));
  const locs = (xml: string, tag: 'url' | 'sitemap') =>
    [...xml.matchAll(new RegExp(`<${tag}>\\s*<loc>([^<]+)</loc>`, 'g'))].map((m) => m[1].trim().replace(/&amp;/g, '&'));
  // The sitemap index sits at the site root, so its entries' folder is the configured site.
  let site: string | undefined;
  if (files.includes('sitemap-index.xml')) {
    const first = locs(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8'), 'sitemap')[0];
    if (first) site = first.slice(0, first.lastIndexOf('/') + 1);
  }
  const base = baseURL.replace(/\/+$/, '') + '/';
  const urls = files
    .filter((f) => f !== 'sitemap-index.xml')
    .flatMap((f) => locs(readFileSync(join(dir, f), 'utf8'), 'url'))
    .map((loc) => {
      if (site && loc.startsWith(site)) return base + loc.slice(site.length);
      const u = new URL(loc);
      return base + (u.pathname + u.search).replace(/^\//, '');
    });
  return [...new Set(urls)].sort();
}

const SHOTS = resolve('test-results/screenshots');

/** Saves a full-page PNG to test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: opts.fullPage ?? true });
  return path;
}

/**
 * Prints the page to A4 PDF (test-results/screenshots/NAME.pdf, print CSS applies) and, when pdftoppm
 * or Ghostscript is installed, renders each sheet to NAME-1.png, NAME-2.png … Returns the PNG paths
 * ([] when no converter is available; the PDF is still written).
 */
export async function printToPng(page: Page, name: string, dpi = 80): Promise<string[]> {
  mkdirSync(SHOTS, { recursive: true });
  const pdf = join(SHOTS, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  for (const f of readdirSync(SHOTS)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(SHOTS, f));
  const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  if (have('pdftoppm')) {
    spawnSync('pdftoppm', ['-png', '-r', String(dpi), pdf, join(SHOTS, name)], { timeout: 30_000 });
  } else if (have('gs')) {
    spawnSync('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=png16m', `-r${dpi}`,
      `-sOutputFile=${join(SHOTS, name)}-%d.png`, pdf], { timeout: 30_000 });
  } else {
    return [];
  }
  return readdirSync(SHOTS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort((a, b) => parseInt(a.slice(name.length + 1)) - parseInt(b.slice(name.length + 1)))
    .map((f) => join(SHOTS, f));
}

/**
 * Horizontal scrolling check: how many CSS px the document is wider than the viewport (0 = fine), and
 * the elements sticking out past the right edge (to say what to fix).
 */
export async function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const overflow = Math.max(0, document.documentElement.scrollWidth - vw);
    const culprits: string[] = [];
    if (overflow > 0) {
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1 && r.width > 0) {
          culprits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} right=${Math.round(r.right)}`);
          if (culprits.length >= 10) break;
        }
      }
    }
    return { overflow, culprits };
  });
}

/**
 * Visible elements matching `selector` whose box is smaller than min×min CSS px (tap targets).
 * Returns descriptions of the offenders; [] = all big enough.
 */
export async function smallTapTargets(page: Page, selector: string, min = 44): Promise<string[]> {
  return page.$$eval(selector, (els, m) => els.flatMap((el) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') return [];
    return r.width + 0.5 < m || r.height + 0.5 < m
      ? [`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`]
      : [];
  }), min);
}

/** Whether the site was built with Pagefind (dist/pagefind/pagefind-ui.js exists). */
export const hasPagefind = () => existsSync(join(distDir(), 'pagefind', 'pagefind-ui.js'));
