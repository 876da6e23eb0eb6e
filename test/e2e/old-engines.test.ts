/**
 * Older phones (issue 13; README「支持的浏览器」): the site must work on Chrome 70-era engines, the
 * system browsers of older Android phones.
 *
 * - Syntax: es-check parses every shipped script (dist/**∕*.js and every inline <script> of every page)
 *   at ES2018, and flags built-ins newer than that. Allowed: what Chrome 70 has anyway (dynamic
 *   import(), import.meta, Array.prototype.flat/flatMap, Promise.prototype.finally, `catch {}`), and, per file,
 *   built-ins that file only uses behind a `typeof` check or after a fallback (listed below).
 * - Built-ins: Chromium with every built-in newer than Chrome 70 deleted before any page script runs
 *   (context.addInitScript) still takes the wizard to its results, draws the poster builder and
 *   finds pages in the site search.
 * - A wizard script that cannot run: /check/ says so in Chinese within seconds and links every stage.
 * - The poster preview without container units reads (fallback size first, @supports for cqw).
 */
import { describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { distDir, newPage, phone, runAxe, formatViolations, useBrowser } from './helpers';
import { STAGES } from '../../src/components/shell/stages';
import { ISLAND_FALLBACKS } from '../../src/lib/old-engines';

const baseURL = inject('baseURL');
const context = useBrowser();

/** Features Chrome 70 has although es-check files them under ES2019/ES2020. */
const CHROME_70_HAS = ['DynamicImport', 'ImportMeta', 'ArrayFlat', 'ArrayFlatMap', 'PromiseFinally', 'OptionalCatchBinding'];
/** Newer built-ins a file uses only where present (`typeof X !== 'undefined'`) or after our fallback. */
const GUARDED: Record<string, string[]> = {
  'pagefind/pagefind-ui.js': ['globalThis'], // typeof globalThis<"u"?globalThis:…
  'pagefind/pagefind.js': ['FinalizationRegistry'], // if(typeof FinalizationRegistry!=="undefined")
  'sw.js': ['PromiseAllSettled'], // src/integrations/service-worker.mjs puts a fallback first
};
/** Chunks with hashed names, by pattern: the calendar (ics) runs only after ensureReplaceAll() (src/lib/old-engines.ts, Family.tsx). */
const GUARDED_CHUNKS: [RegExp, string[]][] = [[/^_astro\/ics-file\.[\w-]+\.js$/, ['StringReplaceAll']]];
const guardOf = (rel: string) => GUARDED[rel] ?? GUARDED_CHUNKS.find(([re]) => re.test(rel))?.[1];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function esCheck(files: string[], allow: string[]): { ok: boolean; out: string } {
  const r = spawnSync('npx', ['es-check', 'es2018', ...files, '--module', '--checkFeatures', `--allowList=${allow.join(',')}`, '--noColor'], { encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /erroring file|error:/.test(l)).join('\n');
  return { ok: r.status === 0, out };
}

describe('every shipped script parses at ES2018, as Chrome 70 does (es-check)', () => {
  const dist = distDir();
  const all = walk(dist).filter((f) => f.endsWith('.js'));

  it('the script files in dist/', () => {
    expect(all.length).toBeGreaterThan(5);
    const plain = all.filter((f) => !guardOf(relative(dist, f)));
    const r = esCheck(plain, CHROME_70_HAS);
    expect(r.out).toBe('');
    expect(r.ok).toBe(true);
    const guarded = all.map((f) => relative(dist, f)).filter((f) => guardOf(f)).map((f) => [f, guardOf(f)!] as const);
    expect(guarded.length, 'the guarded files exist').toBeGreaterThanOrEqual(Object.keys(GUARDED).length);
    for (const [file, extra] of guarded) {
      const g = esCheck([join(dist, file)], [...CHROME_70_HAS, ...extra]);
      expect(g.out, file).toBe('');
      expect(g.ok, file).toBe(true);
    }
  });

  it('the inline scripts of every page', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zz-inline-js-'));
    try {
      const files: string[] = [];
      let islandPages = 0;
      for (const html of walk(dist).filter((f) => f.endsWith('.html'))) {
        const text = readFileSync(html, 'utf8');
        // Astro's island loader: checked on its own below; it needs our fallbacks earlier on the page.
        const loader = text.indexOf('customElements.get("astro-island")');
        if (loader >= 0) {
          islandPages++;
          const fallbacks = text.indexOf(ISLAND_FALLBACKS);
          expect(fallbacks, `${relative(dist, html)}: fallbacks before the island loader`).toBeGreaterThan(0);
          expect(fallbacks, relative(dist, html)).toBeLessThan(loader);
        }
        let i = 0;
        for (const m of text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)) {
          const type = /type="([^"]+)"/.exec(m[1]!)?.[1];
          if (type && type !== 'module' && type !== 'text/javascript') continue; // JSON blocks are data
          if (!m[2]!.trim()) continue;
          if (m[2]!.includes('customElements.get("astro-island")')) {
            // Object.fromEntries and Object.hasOwn: ISLAND_FALLBACKS; BigInt only for bigint props (none).
            const f = join(tmp, 'astro-island.js');
            writeFileSync(f, m[2]!);
            const r = esCheck([f], [...CHROME_70_HAS, 'ObjectFromEntries', 'ObjectHasOwn', 'BigInt']);
            expect(r.out, 'astro-island loader').toBe('');
            continue;
          }
          const f = join(tmp, `${relative(dist, html).replace(/[\\/]/g, '_')}-${i++}.js`);
          writeFileSync(f, m[2]!);
          files.push(f);
        }
      }
      expect(files.length).toBeGreaterThan(10);
      expect(islandPages).toBeGreaterThan(0);
      const r = esCheck(files, CHROME_70_HAS);
      expect(r.out).toBe('');
      expect(r.ok).toBe(true);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

/**
 * Built-ins that Chrome 70 does not have; deleted before page scripts run. (Not `globalThis`, Chrome 71:
 * Playwright's own page helpers need it; es-check above flags any unguarded use of it.)
 */
const NEWER = [
  'Array.prototype.at', 'Array.prototype.findLast', 'Array.prototype.findLastIndex', 'Array.prototype.toSorted',
  'Array.prototype.toReversed', 'Array.prototype.toSpliced', 'Array.prototype.with', 'String.prototype.at',
  'String.prototype.replaceAll', 'String.prototype.matchAll', 'Object.hasOwn', 'Object.fromEntries', 'Object.groupBy',
  'Promise.allSettled', 'Promise.any', 'window.structuredClone', 'window.queueMicrotask',
  'window.WeakRef', 'window.FinalizationRegistry', 'window.AggregateError',
];
const deleteNewer = `(function(){var l=${JSON.stringify(NEWER)};for(var i=0;i<l.length;i++){var p=l[i].split('.'),o=window;
for(var j=p[0]==='window'?1:0;j<p.length-1;j++)o=o[p[j]];try{delete o[p[p.length-1]]}catch(e){}}})()`;

describe('Chromium without the built-ins newer than Chrome 70', () => {
  const oldContext = async () => {
    const c = await context(phone);
    await c.addInitScript({ content: deleteNewer });
    return c;
  };

  it('really lacks them (the init script runs before the page)', async () => {
    const { page } = await newPage(await oldContext());
    await page.goto(`${baseURL}/`);
    const left = await page.evaluate((names) => names.filter((n) => {
      const p = n.split('.');
      let o: any = window;
      for (const k of p[0] === 'window' ? p.slice(1) : p) o = o?.[k];
      return o !== undefined;
    }), NEWER);
    expect(left).toEqual([]);
  });

  it('takes the wizard from a shared link to the results', async () => {
    const { page, errors } = await newPage(await oldContext());
    await page.goto(`${baseURL}/check/#stage=senior&grade=2&school=public&hukou=rural&family=dibao&region=000000`);
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.wz-results', { timeout: 20_000 });
    expect(await page.locator('.wz-results article[data-id]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('answers the questions one by one', async () => {
    const { page, errors } = await newPage(await oldContext());
    await page.goto(`${baseURL}/check/`);
    await page.locator('button[data-v="undergrad"]').tap();
    await page.waitForFunction(() => document.querySelector('section[data-q]')?.getAttribute('data-q') !== 'stage');
    expect(await page.locator('section[data-q]').getAttribute('data-q')).toBe('grade');
    expect(errors).toEqual([]);
  });

  it('draws the poster builder and its QR code', async () => {
    const { page, errors } = await newPage(await oldContext());
    await page.goto(`${baseURL}/posters/make/`);
    await page.locator('.builder[data-ready="true"]').waitFor();
    await page.fill('#b-school', '某某县第一中学');
    await expect.poll(() => page.locator('.sheets .sheet').innerText()).toContain('某某县第一中学');
    expect(await page.locator('.sheets .sheet svg').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('finds pages in the site search', async () => {
    const { page, errors } = await newPage(await oldContext());
    await page.goto(`${baseURL}/search/?q=${encodeURIComponent('国家助学金')}`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
  });
});

describe('a wizard script that cannot run', () => {
  it('says so in Chinese within seconds and links every stage page', async () => {
    const c = await context(phone);
    const { page } = await newPage(c);
    // The phone cannot run the module (too old, or it never arrives).
    await page.route('**/_astro/**', (r) => r.abort());
    await page.goto(`${baseURL}/check/`);
    const stuck = page.locator('[data-wz-stuck]');
    await expect.poll(() => stuck.isVisible(), { timeout: 8_000 }).toBe(true);
    expect(await stuck.innerText()).toContain('自测没有打开');
    const hrefs = await stuck.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBe(STAGES.length);
    for (const h of hrefs) expect((await page.request.get(new URL(h!, page.url()).href)).status(), h!).toBe(200);
    expect(formatViolations(await runAxe(page))).toBe('');
  });

  it('waits its few seconds quietly, and is gone once the wizard runs', async () => {
    const { page, errors } = await newPage(await context(phone));
    // Hold the wizard's script back 2 s: the note must not flash meanwhile.
    await page.route('**/_astro/**', async (r) => { await new Promise((ok) => setTimeout(ok, 2000)); await r.continue(); });
    await page.goto(`${baseURL}/check/`);
    expect(await page.locator('[data-wz-stuck]').isVisible()).toBe(false);
    await page.waitForSelector('#wz-h');
    expect(await page.locator('[data-wz-stuck]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('the poster preview on engines without container units', () => {
  it('has a fixed-size fallback before the cqw rule, which sits inside @supports', () => {
    const dist = distDir();
    // The builder page carries its CSS inline (issue 16); CSS files count too, where there are any.
    const page = readFileSync(join(dist, 'posters', 'make', 'index.html'), 'utf8');
    const css = [...walk(join(dist, '_astro')).filter((f) => f.endsWith('.css')).map((f) => readFileSync(f, 'utf8')),
      ...[...page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)].join('\n');
    const cqw = css.indexOf('100cqw');
    expect(cqw).toBeGreaterThan(0);
    // Every use of cqw is the one inside @supports (a bare one would void --u on old engines).
    expect(css.match(/cqw/g)!.length).toBe((css.match(/@supports[^{]*cqw[^{]*\{\s*\.sheet\s*\{\s*--u:[^}]*100cqw/g) ?? []).length * 2);
    expect(css.slice(0, cqw)).toMatch(/\.sheet\{[^}]*--u:\s*\.4mm/);
  });
});
