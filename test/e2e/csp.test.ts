/**
 * Content-Security-Policy (astro.config.mjs `security.csp` + src/integrations/csp-hashes.mjs): every
 * page carries a strict policy in a <meta>, everything it runs is hashed or from this site, and no page
 * reports a violation in Chromium.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { distDir, launchBrowser, phone, sitemapUrls } from './helpers';
import { executableInlineScripts, fileOf, htmlPages } from '../bench/bytes.mjs';
import { wizardToResults } from './offline-helpers';

const baseURL = inject('baseURL');
const dist = distDir();
const pages = htmlPages(dist);

const policyOf = (html: string) => html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/i)?.[1];
const directive = (policy: string, name: string) =>
  policy.split(';').map((d) => d.trim()).find((d) => d.split(/\s+/)[0] === name)?.split(/\s+/).slice(1) ?? null;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the policy in every built page', () => {
  it('every page has one CSP <meta> with no unsafe-inline or unsafe-eval', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const html = readFileSync(fileOf(dist, p), 'utf8');
      const metas = html.match(/<meta http-equiv="content-security-policy"/gi) ?? [];
      const policy = policyOf(html);
      if (metas.length !== 1 || !policy) {
        problems.push(`${p}: ${metas.length} CSP <meta>`);
        continue;
      }
      if (/unsafe-inline|unsafe-eval|unsafe-hashes|\*/.test(policy)) problems.push(`${p}: ${policy}`);
      if (directive(policy, 'default-src')?.join(' ') !== "'self'") problems.push(`${p}: default-src is not 'self'`);
      if (directive(policy, 'object-src')?.join(' ') !== "'none'") problems.push(`${p}: object-src is not 'none'`);
      for (const d of ['script-src', 'style-src']) {
        const sources = directive(policy, d);
        if (!sources) problems.push(`${p}: no ${d}`);
        else if (sources.some((s) => s !== "'self'" && !/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s))) {
          problems.push(`${p}: ${d} allows more than this site and hashes: ${sources.join(' ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every inline script and style in a page is allowed by its hash', () => {
    const missing: string[] = [];
    for (const p of pages) {
      const html = readFileSync(fileOf(dist, p), 'utf8');
      const policy = policyOf(html) ?? '';
      const scripts = directive(policy, 'script-src') ?? [];
      const styles = directive(policy, 'style-src') ?? [];
      for (const s of executableInlineScripts(html)) {
        if (!scripts.includes(sha256(s.text))) missing.push(`${p}: script «${s.text.slice(0, 60)}…»`);
      }
      for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
        if (!styles.includes(sha256(m[1]!))) missing.push(`${p}: style «${m[1]!.slice(0, 60)}…»`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no page relies on what the policy forbids: inline event handlers, javascript: links, style attributes', () => {
    const found: string[] = [];
    for (const p of pages) {
      const html = readFileSync(fileOf(dist, p), 'utf8');
      for (const tag of html.match(/<[a-z][a-z0-9-]*\b[^>]*>/gi) ?? []) {
        if (/\son[a-z]+\s*=/i.test(tag) || /\b(href|src|action)\s*=\s*["']?\s*javascript:/i.test(tag) || /\sstyle\s*=/i.test(tag)) {
          found.push(`${p}: ${tag.slice(0, 100)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

describe('in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    // The service worker is the offline test's business; here every page comes from the server.
    context = await browser.newContext({ ...phone, serviceWorkers: 'block' });
    // Violations are also events in the page: record them (init scripts are not subject to the CSP).
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample ?? ''}`.trim());
      });
    });
  });
  afterAll(async () => {
    await context?.close().catch(() => {});
    await browser?.close();
  });

  async function open(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) logged.push(`console: ${m.text().slice(0, 200)}`);
    });
    return {
      page,
      // What was reported since the last call (the page's own list starts again with each navigation).
      violations: async () => [...logged.splice(0), ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))],
    };
  }

  it('the policy is enforced: an inline script injected into a page does not run', async () => {
    const { page, violations } = await open();
    await page.goto(baseURL + '/');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations()).join('\n')).toMatch(/script-src/);
    await page.close();
  });

  it('no page of the sitemap, nor search, 404, the wizard or the poster builder, reports a CSP violation', async () => {
    const urls = [...await sitemapUrls(baseURL), `${baseURL}/search/?q=助学金`, `${baseURL}/404.html`];
    expect(urls.length).toBeGreaterThan(20);
    const found: string[] = [];
    const { page, violations } = await open();
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'load' });
      if (url.includes('/search/')) await page.waitForSelector('.pagefind-ui__result', { timeout: 15_000 });
      if (url.endsWith('/posters/make/')) await page.waitForLoadState('networkidle');
      for (const v of await violations()) found.push(`${url.slice(baseURL.length)}: ${v}`);
    }
    // The wizard, answered to its results (islands render and run under the policy).
    await wizardToResults(page, baseURL);
    for (const v of await violations()) found.push(`/check/ (results): ${v}`);
    expect(found).toEqual([]);
    await page.close();
  }, 180_000);
});
