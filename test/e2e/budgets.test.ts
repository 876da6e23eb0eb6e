/**
 * Byte budgets over the built site (the snapshot of dist/ the e2e run serves). Reads files only, so the
 * figures are exact and the test cannot flake; `npm run bench` prints the same figures in a table.
 *
 *  - Every policy and shared page: HTML + CSS ≤ 14 KB gzip (the first TCP round trip), and no JavaScript
 *    before the visitor does something except the tiny inline scripts listed in ALLOWED_INLINE below.
 *  - /check/ (the wizard): everything it needs ≤ 25 KB gzip (known over budget today: see below).
 *  - /posters/make/ (the poster builder, a tool for school staff that needs its island at once) is the
 *    one page outside the first rule: see APP_PAGES.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { distDir } from './helpers';
import { BUDGET, executableInlineScripts, fileOf, htmlPages, pageResources, totals } from '../bench/bytes.mjs';
import { LARGE_TEXT_KEY } from '../../src/components/shell/site';

const dist = distDir();
const pages = htmlPages(dist);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Pages that run an island as soon as they open; each has its own rule. */
const APP_PAGES: Record<string, string> = {
  '/check/': 'the wizard: everything ≤ 25 KB gzip (test below)',
  '/posters/make/': 'the poster builder for school aid officers: its island loads at once; measured by npm run bench, not budgeted',
};

/**
 * The only JavaScript a policy or shared page may carry, all inline (no request), each ≤ 2 KB:
 * what it is, how it is recognised, on which pages, and how many times per page.
 */
const ALLOWED_INLINE: { name: string; test: (js: string) => boolean; on: (path: string) => boolean; max: number }[] = [
  { name: '大字 switch (applies the saved choice before first paint; the button)', test: (js) => js.includes(JSON.stringify(LARGE_TEXT_KEY)), on: () => true, max: 2 },
  { name: 'service worker registration and 「有新版本」 prompt', test: (js) => js.includes('/sw.js') && js.includes('serviceWorker'), on: () => true, max: 1 },
  { name: 'search loader (loads Pagefind UI on /search/ only)', test: (js) => js.includes('/pagefind/pagefind-ui.js'), on: (p) => p === '/search/', max: 1 },
  { name: 'print button (calls window.print() when tapped)', test: (js) => js.includes('window.print()'), on: (p) => p.startsWith('/posters/'), max: 1 },
];
const TINY = 2048;

const policyPages = pages.filter((p) => !(p in APP_PAGES));

describe('byte budgets over dist/', () => {
  it('finds the built pages: home, six stage pages, the shared pages, the wizard and posters', () => {
    for (const p of ['/', '/stages/preschool/', '/stages/compulsory/', '/stages/senior/', '/stages/vocational/', '/stages/undergrad/',
      '/stages/postgrad/', '/recognition/', '/fraud/', '/privacy/', '/sources/', '/changes/', '/search/', '/check/', '/posters/senior/']) {
      expect(pages, `dist has no ${p}`).toContain(p);
    }
    expect(policyPages.length).toBeGreaterThanOrEqual(25);
  });

  it('every policy and shared page fits HTML + CSS in 14 KB gzip', () => {
    const over: string[] = [];
    for (const p of policyPages) {
      const t = totals(pageResources(dist, p));
      const bytes = t.html.gzip + t.css.gzip;
      if (bytes > BUDGET.firstRoundTrip) over.push(`${p}: HTML ${kb(t.html.gzip)} + CSS ${kb(t.css.gzip)} = ${kb(bytes)}`);
    }
    expect(over, `over ${kb(BUDGET.firstRoundTrip)} gzip`).toEqual([]);
  });

  it('no policy or shared page loads a script file or an island before the visitor does something', () => {
    const found: string[] = [];
    for (const p of policyPages) {
      const html = readFileSync(fileOf(dist, p), 'utf8');
      for (const m of html.match(/<script\b[^>]*\bsrc=[^>]*>|<link\b[^>]*rel="?modulepreload[^>]*>|<astro-island\b[^>]*>/gi) ?? []) {
        found.push(`${p}: ${m.slice(0, 120)}`);
      }
      const js = pageResources(dist, p).filter((r) => r.kind === 'js');
      for (const r of js) found.push(`${p}: loads ${r.url}`);
    }
    expect(found).toEqual([]);
  });

  it('the only inline scripts on policy and shared pages are the tiny allowed ones', () => {
    const problems: string[] = [];
    const counts = new Map<string, number>();
    for (const p of policyPages) {
      const perPage = new Map<string, number>();
      for (const { text } of executableInlineScripts(readFileSync(fileOf(dist, p), 'utf8'))) {
        const rule = ALLOWED_INLINE.find((a) => a.test(text) && a.on(p));
        if (!rule) {
          problems.push(`${p}: unexpected inline script «${text.slice(0, 80).replace(/\s+/g, ' ')}…»`);
          continue;
        }
        if (Buffer.byteLength(text) > TINY) problems.push(`${p}: ${rule.name} is ${Buffer.byteLength(text)} bytes (> ${TINY})`);
        perPage.set(rule.name, (perPage.get(rule.name) ?? 0) + 1);
      }
      for (const [name, n] of perPage) {
        const rule = ALLOWED_INLINE.find((a) => a.name === name)!;
        if (n > rule.max) problems.push(`${p}: ${n}× ${name} (at most ${rule.max})`);
        counts.set(name, (counts.get(name) ?? 0) + n);
      }
      // Every page has the 大字 switch and the service worker registration.
      if ((perPage.get(ALLOWED_INLINE[0]!.name) ?? 0) !== 2) problems.push(`${p}: 大字 switch scripts missing`);
      if ((perPage.get(ALLOWED_INLINE[1]!.name) ?? 0) !== 1) problems.push(`${p}: service worker registration missing`);
    }
    expect(problems).toEqual([]);
    // The search loader exists exactly once in the whole site.
    expect(counts.get(ALLOWED_INLINE[2]!.name)).toBe(1);
  });

  // KNOWN OVER BUDGET: the wizard weighs ≈ 34 KB gzip today (its data prop alone is ≈ 9 KB; see
  // `npm run bench`). Until it is trimmed, the 25 KB rule is marked as expected to fail — vitest turns
  // it red the day it passes, and then `.fails` must go — and it must not grow past WIZARD_CEILING.
  const WIZARD_CEILING = 36 * 1024;
  const wizard = () => {
    const rows = pageResources(dist, '/check/');
    return { t: totals(rows), table: rows.map((r) => `${r.url} ${r.kind} ${kb(r.gzip)}`).join('\n') };
  };

  it.fails('the wizard /check/ needs at most 25 KB gzip in all (HTML, CSS and every script it imports) — known to fail until trimmed', () => {
    const { t, table } = wizard();
    expect(t.js.raw, 'the wizard page loads its script').toBeGreaterThan(0);
    expect(t.total.gzip, `/check/ is ${kb(t.total.gzip)} gzip:\n${table}`).toBeLessThanOrEqual(BUDGET.wizard);
  });

  it('the wizard /check/ does not grow while it is over its budget', () => {
    const { t, table } = wizard();
    expect(t.js.raw, 'the wizard page loads its script').toBeGreaterThan(0);
    expect(t.total.gzip, `/check/ is ${kb(t.total.gzip)} gzip:\n${table}`).toBeLessThanOrEqual(WIZARD_CEILING);
  });
});
