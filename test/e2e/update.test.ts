/**
 * A new deployment replaces the old one cleanly, and a rebuild with no change replaces nothing.
 *
 * Deployment 1 is the site under test (dist/, built by `npm test` in the repository). In a temporary
 * copy of the repository (another folder, as a fresh clone or a county's machine would be) the same
 * sources are built once more: every file must be identical byte for byte, so a no-op rebuild makes
 * no phone download anything or see 「有新版本」. Then one amount changes (普通高中国家助学金, the latest
 * entry) and the copy is built again: deployment 2. Both are served at the same address, as a county
 * would replace its files: a phone that visited deployment 1 keeps working from its cache, is offered
 * 「有新版本，点此刷新」, and after tapping it shows the new amount.
 * (Both copy builds use the day deployment 1 was built for: ZZ_TODAY from its pages.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, newPage, phone, screenshot } from './helpers';
import { createStaticServer } from './setup/global';
import { waitForServiceWorker } from './offline-helpers';
import { buildSite } from '../support/build-site.mjs';

const SUBSIDY = 'senior-grant';
const PAGE = '/stages/senior/';
const repo = resolve('.');

let work = '';
let oldValue = 0;
let newValue = 0;
let buildLog = '';
/** Files that differ between deployment 1 and the copy built from the same sources. */
let rebuildDiff: string[] = [];
let rebuildFiles = 0;
let server: Server | undefined;
let browser: Browser | undefined;
/** Which deployment the server answers with. */
let current: 1 | 2 = 1;

/** The request handler of a static server for `root` (test/e2e/setup/global.ts), without listening. */
const handlerFor = (root: string) => createStaticServer(root).listeners('request')[0] as RequestListener;

beforeAll(async () => {
  // Deployment 2: a copy of the sources (not node_modules, not dist) with one amount changed.
  // (Copies left by a run that was killed hours ago: remove.)
  for (const name of readdirSync(tmpdir())) {
    const old = join(tmpdir(), name);
    try {
      if (name.startsWith('zz-update-') && Date.now() - statSync(old).mtimeMs > 3 * 3600_000) rmSync(old, { recursive: true, force: true });
    } catch { /* in use or gone */ }
  }
  work = mkdtempSync(join(tmpdir(), 'zz-update-'));
  for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', '.ci']) {
    cpSync(join(repo, entry), join(work, entry), { recursive: true });
  }
  // node_modules: links to each package, so Astro's content cache (node_modules/.astro) stays the copy's own.
  mkdirSync(join(work, 'node_modules'));
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (!['.astro', '.vite', '.cache', '.install-stamp'].includes(name)) symlinkSync(join(repo, 'node_modules', name), join(work, 'node_modules', name));
  }
  const env = { ZZ_TODAY: builtDay(inject('distDir')) };
  const same = buildSite({ root: work, outDir: join(work, 'dist-same'), env, timeoutMs: 240_000 });
  if (!same.ok) throw new Error(`the no-op rebuild failed:\n${same.log}`);
  ({ differ: rebuildDiff, files: rebuildFiles } = compareTrees(inject('distDir'), join(work, 'dist-same')));

  const file = join(work, 'content', 'subsidies', `${SUBSIDY}.yaml`);
  const yaml = readFileSync(file, 'utf8');
  const values = [...yaml.matchAll(/^ {4}value: (\d+)$/gm)];
  const last = values.at(-1)!;
  oldValue = Number(last[1]);
  newValue = oldValue + 45;
  writeFileSync(file, yaml.slice(0, last.index) + `    value: ${newValue}` + yaml.slice(last.index! + last[0].length));

  const two = buildSite({ root: work, outDir: join(work, 'dist'), env, timeoutMs: 240_000 });
  buildLog = two.log;
  if (!two.ok) throw new Error(`deployment 2 did not build:\n${buildLog}`);

  const one = handlerFor(inject('distDir'));
  const second = handlerFor(join(work, 'dist'));
  server = createServer((req, res) => (current === 1 ? one : second)(req, res));
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', () => ok()));
  server.unref();
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The day the pages of a built site show amounts for (`<time data-today datetime>`, src/components/policy/AsOf.astro). */
function builtDay(dist: string): string {
  const day = readFileSync(join(dist, 'stages', 'senior', 'index.html'), 'utf8').match(/<time data-today datetime="(\d{4}-\d{2}-\d{2})"/)?.[1];
  if (!day) throw new Error('the senior stage page names no day (data-today)');
  return day;
}

/** Every file under a and b (relative paths) whose bytes differ or that only one has. */
function compareTrees(a: string, b: string): { differ: string[]; files: number } {
  const list = (root: string) => (readdirSync(root, { recursive: true }) as string[]).filter((f) => statSync(join(root, f)).isFile()).sort();
  const ignore = (f: string) => f.startsWith('.zz-'); // markers of the test harness
  const fa = list(a).filter((f) => !ignore(f));
  const fb = new Set(list(b).filter((f) => !ignore(f)));
  const differ = fa.filter((f) => !fb.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  for (const f of fb) if (!fa.includes(f)) differ.push(`${f} (only in the rebuild)`);
  return { differ, files: fa.length };
}

describe('a rebuild with no change', () => {
  it('produces the same files byte for byte, sw.js included, in another folder', () => {
    expect(rebuildFiles).toBeGreaterThan(50);
    expect(rebuildDiff, 'files that differ (was dist/ built from the current tree? `npm test` builds it)').toEqual([]);
  });
});

describe('a new deployment', () => {
  it('built from a copy where only the amount changed', () => {
    expect(existsSync(join(work, 'dist', 'sw.js'))).toBe(true);
    expect(readFileSync(join(work, 'dist', 'sw.js'), 'utf8')).not.toBe(readFileSync(join(inject('distDir'), 'sw.js'), 'utf8'));
    expect(newValue).toBeGreaterThan(oldValue);
  });

  it('shows 「有新版本，点此刷新」 to a phone that has the old one, and the new amount after the tap', async () => {
    const addr = server!.address();
    const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const context = await browser!.newContext(phone);
    const { page, errors } = await newPage(context);
    const selector = `[data-amount="${SUBSIDY}"]`;
    const amount = () => page.locator(selector).first().innerText();

    // First visit: deployment 1, the service worker installs and takes over.
    await page.goto(base + PAGE);
    await waitForServiceWorker(page);
    expect(await amount()).toContain(String(oldValue));
    const prompt = page.getByRole('button', { name: '有新版本，点此刷新' });
    expect(await prompt.isVisible()).toBe(false);

    // The county replaces the files. The next visit still shows what is cached (nothing changes under
    // the reader's eyes) and offers the update once the new version is downloaded.
    current = 2;
    await page.reload();
    expect(await amount()).toContain(String(oldValue));
    await prompt.waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'update-prompt', { fullPage: false });

    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), prompt.click()]);
    await page.waitForFunction(([sel, v]) => document.querySelector(sel!)?.textContent?.includes(v!), [selector, String(newValue)], { timeout: 15_000 });
    expect(await amount()).toContain(String(newValue));
    expect(await amount()).not.toContain(String(oldValue));
    expect(await prompt.isVisible()).toBe(false);

    // Offline now, the phone has the new version (the old entries were replaced in the cache).
    await context.setOffline(true);
    await page.reload();
    expect(await amount()).toContain(String(newValue));
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
