// `npm run bench`: figures for the built site — not a test, nothing here passes or fails (the budgets
// are held by test/e2e/budgets.test.ts). Prints tables and saves them to test/bench/last-run.json, which
// is committed so a change's effect on the figures shows up in review.
//
//   npm run bench                 everything (≈ 10+ minutes: Lighthouse and a 1,000-page build)
//   npm run bench -- --quick      skips Lighthouse and the 1,000-page build
//   npm run bench -- --no-build   measures the existing dist/ (no build time, no scaling)
//   npm run bench -- --no-scale   skips the scaling builds
//
// What it does:
//  1. builds the site into a temporary folder as `npm run build` does (Astro's build(); its
//     integrations write the search index and the service worker: test/support/build-site.mjs), timed;
//     then two copies of the repository in other folders: one with no change (a no-op rebuild: must
//     give the same files) and one with one amount changed (a new deployment), and one with the CSS in
//     files instead of inline (only to compare first paint in the same run);
//  2. per page type (home, each stage page, a shared page, /check/, a poster, the poster builder,
//     search with a query): opens it in Chromium (a first visit: empty cache, no service worker) and
//     records every request until the page is usable; prints HTML / CSS / JS / other bytes raw, gzip -9
//     and brotli -11 as a server would send them, the number of requests, and the largest JS file;
//     for /check/ also each resource;
//  3. Pagefind index size and what the service worker precaches;
//  4. Lighthouse 13 (its default mobile preset: Moto G-class screen, simulated slow 4G, 4× CPU slow-down)
//     in Debian's Chromium: performance / accessibility / best practices / SEO for home, a stage page,
//     /check/ and a poster; says so in the output when it cannot run;
//  5. the 公示 checker (src/rules/gongshi.ts): a generated 5,000-row list (a quarter of its rows with an
//     ID number, phone, card, birth date, address or hardship word) parsed and checked, median of 5 runs;
//  6. on the throttled profile of a weak rural signal (THROTTLE: 400 ms per round trip, 400 kbit/s
//     shared by all requests, CPU 4× slower): first paint and load of home, a stage page and /check/
//     (median of 3; and the ratio CSS inline / CSS in a file); when the wizard's first question is
//     usable; the whole wizard journey to the results for every stage (bytes to the last byte, time);
//     the service worker's install (bytes, time); and what a phone that has the site downloads when it
//     comes back after a one-amount change and after a no-op rebuild;
//  7. scaling: builds a copy of the repository with 10, 100 and 1,000 extra synthetic MDX pages and
//     prints build seconds per page.
// Times are noisy on a shared machine: they stay here, never in a test; byte budgets are in the test.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { BUDGET, brotli, fileOf, folderSize, gzip, htmlPages, pageResources, precacheEntries, totals, wizardJourney } from './bytes.mjs';
import { buildSite } from '../support/build-site.mjs';
import { THROTTLE, THROTTLE_NOTE, differingFiles, paintAndLoad, returningPhone, serviceWorkerInstall, wizardJourneys } from './throttled.mjs';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const NO_BUILD = args.has('--no-build');
const NO_SCALE = args.has('--no-scale');
const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const SCALE = QUICK ? [10, 100] : [10, 100, 1000];

const kb = (n) => (n == null || Number.isNaN(n) ? '–' : (n / 1024).toFixed(1));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const log = (...a) => console.log(...a);
const temps = [];
const cleanup = () => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
};
process.on('exit', cleanup);
// Copies left by a run that was killed hours ago: remove.
for (const name of readdirSync(tmpdir())) {
  const old = join(tmpdir(), name);
  try {
    if (name.startsWith('zz-bench-') && Date.now() - statSync(old).mtimeMs > 3 * 3600_000) rmSync(old, { recursive: true, force: true });
  } catch { /* in use or gone */ }
}
process.on('SIGINT', () => process.exit(130));

// ---------------------------------------------------------------- build ----------------------------

/** `npm run build` (Astro's build() with its integrations) of the tree `cwd` into `outDir`; seconds. */
function build(cwd, outDir, env = {}) {
  const r = buildSite({ root: cwd, outDir, env, timeoutMs: 3_600_000 });
  if (!r.ok) throw new Error(`build failed in ${cwd}:\n${r.log}`);
  return { total: r.seconds };
}

// ---------------------------------------------------------------- server ---------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /\.(html|css|m?js|json|svg|webmanifest|xml|txt)$/;

/**
 * Serves a built site the way README「部署」 tells a server to: text compressed (brotli or gzip),
 * hashed /_astro/ and /check/data/ files cached for a year, everything else revalidated (ETag → 304).
 * `server.root` can be switched (a new deployment at the same address); `server.sent` counts the body
 * bytes sent (what the phone downloads, compressed) and `server.requests` the requests; with
 * `server.throttle = true` every response waits one round trip (THROTTLE.rttMs) and all bodies share
 * THROTTLE.kbitPerSecond, so the page and its service worker are slowed alike.
 */
function serve(root) {
  const cache = new Map();
  const bytesPerMs = (THROTTLE.kbitPerSecond * 1000) / 8 / 1000;
  let lineFreeAt = 0; // when the shared line can take the next chunk (ms, performance.now())
  const wait = (ms) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)));
  const state = { root, sent: 0, requests: 0, throttle: false, paths: [] };
  async function send(res, status, headers, body, head) {
    if (state.throttle) await wait(THROTTLE.rttMs);
    res.writeHead(status, headers);
    if (head || !body?.length) return res.end();
    if (!state.throttle) {
      state.sent += body.length;
      return res.end(body);
    }
    for (let i = 0; i < body.length; i += 1460) {
      const chunk = body.subarray(i, i + 1460);
      const start = Math.max(performance.now(), lineFreeAt);
      lineFreeAt = start + chunk.length / bytesPerMs;
      await wait(lineFreeAt - performance.now());
      if (res.destroyed) return;
      res.write(chunk);
      state.sent += chunk.length;
    }
    res.end();
  }
  const server = createServer(async (req, res) => {
    try {
      const root = state.root;
      state.requests += 1;
      const url = new URL(req.url ?? '/', 'http://x');
      state.paths.push(url.pathname);
      let path = decodeURIComponent(url.pathname);
      let file = resolve(root, '.' + path);
      if (!(file === root || file.startsWith(root + sep))) file = join(root, '404.html');
      let status = 200;
      if (existsSync(file) && statSync(file).isDirectory()) {
        if (!path.endsWith('/')) {
          await send(res, 301, { location: `${path}/${url.search}` });
          return;
        }
        file = join(file, 'index.html');
      }
      if (!existsSync(file)) {
        file = join(root, '404.html');
        status = 404;
      }
      const ext = extname(file);
      const type = ext.startsWith('.pf_') || ext === '.pagefind' ? 'application/octet-stream' : TYPES[ext] ?? 'application/octet-stream';
      const accept = String(req.headers['accept-encoding'] ?? '');
      const enc = COMPRESSIBLE.test(file) ? (accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : '') : '';
      const raw = readFileSync(file);
      const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 16)}${enc ? `-${enc}` : ''}"`;
      const key = `${etag}\0${enc}`;
      let body = cache.get(key);
      if (!body) {
        body = enc === 'br'
          ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : enc === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
        cache.set(key, body);
      }
      const headers = {
        'content-type': type,
        ...(enc ? { 'content-encoding': enc, vary: 'Accept-Encoding' } : {}),
        etag,
        'cache-control': /^\/(_astro|check\/data)\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      if (status === 200 && req.headers['if-none-match'] === etag) {
        await send(res, 304, headers, null, true);
        return;
      }
      await send(res, status, { ...headers, 'content-length': body.length }, body, req.method === 'HEAD');
    } catch (err) {
      try { res.writeHead(500).end(String(err)); } catch { res.destroy(); }
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, state, base: `http://127.0.0.1:${server.address().port}` })));
}

// ---------------------------------------------------------------- pages ----------------------------

function pageTypes(dist) {
  const pages = htmlPages(dist);
  const stages = pages.filter((p) => /^\/stages\/[^/]+\/$/.test(p));
  const poster = pages.includes('/posters/senior/') ? '/posters/senior/' : pages.find((p) => /^\/posters\/[a-z]+\/$/.test(p) && p !== '/posters/make/');
  return [
    { type: 'home', path: '/' },
    ...stages.map((p) => ({ type: `stage ${p.split('/')[2]}`, path: p })),
    { type: 'shared /recognition/', path: '/recognition/' },
    { type: 'wizard /check/', path: '/check/', ready: '#wz-h' },
    { type: 'poster', path: poster },
    { type: 'poster builder', path: '/posters/make/' },
    { type: '公示 checker', path: '/schools/gongshi/' },
    { type: '问答卡 A4 senior', path: '/schools/faq/senior/' },
    { type: 'search ?q=(助学金)', path: `/search/?q=${encodeURIComponent('助学金')}`, ready: '.pagefind-ui__result' },
  ].filter((t) => t.path && (pages.includes(t.path.split('?')[0])));
}

/** dist file behind a request URL path. */
function fileFor(dist, pathname) {
  const p = decodeURIComponent(pathname);
  const f = fileOf(dist, p);
  if (existsSync(f) && statSync(f).isFile()) return f;
  return existsSync(join(dist, p, 'index.html')) ? join(dist, p, 'index.html') : null;
}

const kindOf = (pathname, resourceType) => {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet' || pathname.endsWith('.css')) return 'css';
  if (resourceType === 'script' || /\.m?js$/.test(pathname)) return 'js';
  return 'other';
};

async function measurePages(dist, base) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS.filter((f) => f !== '--headless=new') });
  const rows = [];
  try {
    for (const t of pageTypes(dist)) {
      // A first visit: new context (empty cache), no service worker (its background precaching comes
      // after the page is usable and is reported separately).
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, serviceWorkers: 'block', locale: 'zh-CN' });
      const page = await context.newPage();
      const seen = [];
      page.on('request', (r) => seen.push({ url: r.url(), type: r.resourceType() }));
      await page.goto(base + t.path, { waitUntil: 'load' });
      if (t.ready) await page.waitForSelector(t.ready, { timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      await context.close();
      const files = [];
      const sums = { html: [0, 0, 0], css: [0, 0, 0], js: [0, 0, 0], other: [0, 0, 0] };
      let largestJs = null;
      for (const r of seen) {
        const u = new URL(r.url);
        if (u.origin !== base) continue;
        const f = fileFor(dist, u.pathname);
        if (!f) continue;
        const buf = readFileSync(f);
        // Text is compressed by the server; images, wasm and Pagefind's index (already gzip) are sent as they are.
        const text = COMPRESSIBLE.test(f);
        const row = { url: u.pathname + u.search, kind: kindOf(u.pathname, r.type), raw: buf.length, gzip: text ? gzip(buf) : buf.length, brotli: text ? brotli(buf) : buf.length };
        files.push(row);
        const s = sums[row.kind];
        s[0] += row.raw; s[1] += row.gzip; s[2] += row.brotli;
        if (row.kind === 'js' && (!largestJs || row.gzip > largestJs.gzip)) largestJs = row;
      }
      const total = Object.values(sums).reduce((a, s) => [a[0] + s[0], a[1] + s[1], a[2] + s[2]], [0, 0, 0]);
      const budget = pageResources(dist, t.path.split('?')[0]);
      const bt = totals(budget);
      rows.push({
        type: t.type, path: t.path, requests: seen.length, sums, total,
        largestJs: largestJs && { url: largestJs.url, raw: largestJs.raw, gzip: largestJs.gzip },
        firstRoundTrip: bt.html.gzip + bt.css.gzip,
        files,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}

// ---------------------------------------------------------------- lighthouse -----------------------

async function runLighthouse(base, paths) {
  let lighthouse, launch;
  try {
    ({ default: lighthouse } = await import('lighthouse'));
    ({ launch } = await import('chrome-launcher'));
  } catch (err) {
    return { error: `Lighthouse 不能运行：没有安装 lighthouse / chrome-launcher（${err.message}）` };
  }
  let chrome;
  const out = {};
  try {
    chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
    const RUNS = 3;
    const median = (xs) => {
      const v = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
      return v.length ? v[Math.floor(v.length / 2)] : null;
    };
    for (const p of paths) {
      // Three runs per page, the median of each figure (a single run on a busy machine is noisy).
      const runs = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await lighthouse(base + p, {
          port: chrome.port, output: 'json', logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const lhr = r?.lhr;
        const c = lhr?.categories ?? {};
        const score = (k) => (c[k]?.score == null ? null : Math.round(c[k].score * 100));
        runs.push({
          performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
          fcpMs: lhr?.audits?.['first-contentful-paint']?.numericValue,
          lcpMs: lhr?.audits?.['largest-contentful-paint']?.numericValue,
          tbtMs: lhr?.audits?.['total-blocking-time']?.numericValue,
          cls: lhr?.audits?.['cumulative-layout-shift']?.numericValue,
          failed: Object.values(lhr?.audits ?? {}).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id),
          runtimeError: lhr?.runtimeError?.message,
        });
      }
      const m = (k) => median(runs.map((r) => r[k]));
      out[p] = {
        performance: m('performance'), accessibility: m('accessibility'), bestPractices: m('bestPractices'), seo: m('seo'),
        fcpMs: Math.round(m('fcpMs')), lcpMs: Math.round(m('lcpMs')), tbtMs: Math.round(m('tbtMs')), cls: m('cls'),
        performanceRuns: runs.map((r) => r.performance),
        failedAudits: [...new Set(runs.flatMap((r) => r.failed))],
        runtimeError: runs.find((r) => r.runtimeError)?.runtimeError,
      };
    }
    return { preset: 'mobile (Lighthouse default: simulated slow 4G, 4× CPU slow-down), median of 3 runs', version: JSON.parse(readFileSync(join(repo, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version, pages: out };
  } catch (err) {
    return { error: `Lighthouse 没能在这台机器上运行：${String(err?.message ?? err).split('\n')[0]}`, pages: out };
  } finally {
    try { chrome?.kill(); } catch { /* gone */ }
  }
}

// ---------------------------------------------------------------- scaling --------------------------

/**
 * node_modules for a copy of the repository: a folder of links to the packages (not one link to the
 * folder), so Astro's and Vite's caches (node_modules/.astro, .vite) stay the copy's own and never
 * mix with the real tree's content store.
 */
function linkNodeModules(dir) {
  const from = join(repo, 'node_modules');
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(from)) {
    if (['.astro', '.vite', '.cache', '.install-stamp'].includes(name)) continue;
    symlinkSync(join(from, name), join(dir, 'node_modules', name));
  }
}

/** A copy of the sources (no node_modules/dist/.git) in a new folder, then `change(dir)`. */
function plainCopy(name, change = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), `zz-bench-${name}-`));
  temps.push(dir);
  for (const e of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', '.ci']) {
    if (existsSync(join(repo, e))) cpSync(join(repo, e), join(dir, e), { recursive: true });
  }
  linkNodeModules(dir);
  change(dir);
  return dir;
}

/** The latest amount of 普通高中国家助学金 plus 45 元 (the bench's "one-amount change"). */
function changeOneAmount(dir) {
  const file = join(dir, 'content', 'subsidies', 'senior-grant.yaml');
  const yaml = readFileSync(file, 'utf8');
  const values = [...yaml.matchAll(/^ {4}value: (\d+)$/gm)];
  const last = values[values.length - 1];
  writeFileSync(file, yaml.slice(0, last.index) + `    value: ${Number(last[1]) + 45}` + yaml.slice(last.index + last[0].length));
}

/** CSS in files again (Astro's default 'auto' puts larger stylesheets in files): the comparison variant. */
function cssInFiles(dir) {
  const file = join(dir, 'astro.config.mjs');
  const cfg = readFileSync(file, 'utf8');
  if (!cfg.includes("inlineStylesheets: 'always'")) throw new Error("astro.config.mjs has no inlineStylesheets: 'always' to undo");
  writeFileSync(file, cfg.replace("inlineStylesheets: 'always'", "inlineStylesheets: 'never'"));
}

/** A copy of the sources (no node_modules/dist/.git) with `n` synthetic MDX pages routed at /bench/NNNN/. */
function syntheticCopy(n) {
  const dir = mkdtempSync(join(tmpdir(), `zz-bench-${n}-`));
  temps.push(dir);
  for (const e of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', '.ci']) {
    if (existsSync(join(repo, e))) cpSync(join(repo, e), join(dir, e), { recursive: true });
  }
  linkNodeModules(dir);
  const subsidy = readdirSync(join(repo, 'content', 'subsidies')).filter((f) => f.endsWith('.yaml')).sort()[0].replace(/\.yaml$/, '');
  const pagesDir = join(dir, 'content', 'pages', 'bench');
  mkdirSync(pagesDir, { recursive: true });
  for (let i = 1; i <= n; i++) {
    const id = String(i).padStart(4, '0');
    writeFileSync(join(pagesDir, `${id}.mdx`), `---
title: 示例页面 ${id}
description: 用来测构建时间的示例页面，第 ${id} 页。
order: ${1000 + i}
---

这是第 ${id} 个示例页面。孩子上学能得到哪些资助、要准备什么材料、到哪里去问，这一页用几段话说一说。

## 能拿多少

<Amount id="${subsidy}" />

具体金额以当地公布为准。资助不收任何费用，也不会向你要验证码或银行卡密码。

## 怎么申请

1. 开学后向学校提出申请。
2. 学校认定家庭经济困难情况。
3. 公示以后，钱打到卡上。

- 户口簿
- 家庭经济困难学生认定申请表
- 学生资助卡

## 常见问题

**要交钱吗？** 不要。任何要你先交钱的，都是骗子。

**错过了怎么办？** 问一问学校的资助专干，春季学期还可以补报。
`);
  }
  mkdirSync(join(dir, 'src', 'pages', 'bench'), { recursive: true });
  writeFileSync(join(dir, 'src', 'pages', 'bench', '[id].astro'), `---
import { getCollection } from 'astro:content';
import ProsePage from '../../components/policy/ProsePage.astro';
export async function getStaticPaths() {
  const pages = await getCollection('pages', (e) => e.id.startsWith('bench/'));
  return pages.map((e) => ({ params: { id: e.id.slice('bench/'.length) } }));
}
const { id } = Astro.params;
---
<ProsePage name={\`bench/\${id}\`} />
`);
  return dir;
}

// ---------------------------------------------------------------- main -----------------------------

const result = {
  date: new Date().toISOString(),
  quick: QUICK,
  machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '' },
  budgets: { firstRoundTripBytes: BUDGET.firstRoundTrip, wizardBytes: BUDGET.wizard, precacheBytes: BUDGET.precache },
  build: null, pages: [], pagefind: null, precache: null, gongshi: null, lighthouse: null, scaling: null,
};

let dist = join(repo, 'dist');
/** Other builds for the comparisons: the same sources in another folder, one amount changed, CSS in files. */
const variants = {};
if (!NO_BUILD) {
  const out = mkdtempSync(join(tmpdir(), 'zz-bench-dist-'));
  temps.push(out);
  log('› 构建（astro build：页面、搜索索引、service worker）…');
  const times = build(repo, out);
  dist = out;
  result.build = { seconds: +times.total.toFixed(2), pages: htmlPages(dist).length };
  // The day the first build showed, for the others (a build after midnight in China would differ).
  const day = readFileSync(join(dist, 'stages', 'senior', 'index.html'), 'utf8').match(/<time data-today datetime="([\d-]+)"/)?.[1];
  const env = day ? { ZZ_TODAY: day } : {};
  for (const [name, change] of [['same', () => {}], ['amount', changeOneAmount], ['cssfiles', cssInFiles]]) {
    log(`› 对照构建：${{ same: '不改任何东西、换一个文件夹', amount: '改一个金额', cssfiles: 'CSS 放在文件里' }[name]}…`);
    const dir = plainCopy(name, change);
    const t = build(dir, join(dir, 'dist'), env);
    variants[name] = { dir: join(dir, 'dist'), seconds: +t.total.toFixed(2) };
  }
  const list = (root) => readdirSync(root, { recursive: true }).map(String).filter((f) => statSync(join(root, f)).isFile()).sort();
  result.rebuild = {
    noChangeDifferingFiles: differingFiles(dist, variants.same.dir, list),
    oneAmountDifferingFiles: differingFiles(dist, variants.amount.dir, list).length,
  };
} else if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ 里没有构建好的网站：先运行 npm run build，或去掉 --no-build');
  process.exit(1);
}

const srv = await serve(dist);
const { server, base } = srv;
try {
  log('› 在 Chromium 里逐页打开（首次访问、不启用 service worker）…');
  const rows = await measurePages(dist, base);
  result.pages = rows.map(({ files, ...r }) => ({ ...r, files: r.path === '/check/' ? files : undefined }));
  {
    const j = wizardJourney(dist);
    const sum = (rows) => rows.reduce((n, r) => n + r.gzip, 0);
    result.wizard = {
      open: sum(j.open), later: sum(j.later), parts: j.parts.map((p) => ({ stage: p.stage, url: p.url, gzip: p.gzip })), worst: j.worst.stage, total: j.total,
      // The family results (issue 17): what they add after the results screen, and what only a tap loads.
      family: { layer: sum(j.family), files: j.family.map((r) => ({ url: r.url, gzip: r.gzip })), parts: j.familyParts.map((p) => p.stage), total: j.familyTotal },
      onTap: j.onTap.map((r) => ({ url: r.url, gzip: r.gzip })),
      places: j.places && { url: j.places.url, gzip: j.places.gzip },
    };
  }

  // Pagefind and precache
  const pf = join(dist, 'pagefind');
  const part = (re) => readdirSync(pf, { recursive: true }).map(String).filter((f) => re.test(f)).reduce((t, f) => t + statSync(join(pf, f)).size, 0);
  result.pagefind = {
    totalBytes: folderSize(pf).bytes,
    files: folderSize(pf).files,
    indexBytes: part(/^(index|fragment|filter)[/\\]|\.pf_meta$/),
    wasmBytes: part(/^wasm\./),
    uiBytes: part(/^pagefind-ui\.(js|css)$|^pagefind(-worker)?\.js$/),
    pagesIndexed: Object.values(JSON.parse(readFileSync(join(pf, 'pagefind-entry.json'), 'utf8')).languages ?? {}).reduce((t, l) => t + (l.page_count ?? 0), 0),
  };
  const sw = existsSync(join(dist, 'sw.js')) ? readFileSync(join(dist, 'sw.js'), 'utf8') : '';
  const pre = precacheEntries(dist);
  result.precache = {
    files: pre.length, bytes: pre.reduce((n, e) => n + e.raw, 0), gzipBytes: pre.reduce((n, e) => n + e.gzip, 0),
    budgetGzipBytes: BUDGET.precache, swBytes: Buffer.byteLength(sw), swGzipBytes: sw ? gzip(Buffer.from(sw)) : 0,
  };

  log(`› 弱信号（${THROTTLE_NOTE}）：首次显示、加载完、资格自测全程、service worker 安装、回访下载…`);
  {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS.filter((f) => f !== '--headless=new') });
    try {
      const stage = rows.find((r) => r.path === '/stages/undergrad/')?.path ?? rows.find((r) => r.type.startsWith('stage'))?.path ?? '/stages/senior/';
      const paths = ['/', stage, '/check/'];
      const t = { profile: THROTTLE_NOTE, pages: await paintAndLoad(browser, srv, base, paths) };
      if (variants.cssfiles) {
        srv.state.root = variants.cssfiles.dir;
        const files = await paintAndLoad(browser, srv, base, paths);
        srv.state.root = dist;
        t.cssInFiles = files;
        t.firstPaintRatioInlineToFiles = Object.fromEntries(paths.map((p) => [p, t.pages[p].firstPaintMs && files[p].firstPaintMs ? +(t.pages[p].firstPaintMs / files[p].firstPaintMs).toFixed(2) : null]));
      }
      t.wizard = await wizardJourneys(browser, srv, base, wizardJourney(dist).parts.map((p) => p.stage));
      t.serviceWorker = await serviceWorkerInstall(browser, srv, base);
      if (variants.same) {
        t.returning = {
          afterNoOpRebuild: await returningPhone(browser, srv, base, dist, variants.same.dir),
          afterOneAmountChange: await returningPhone(browser, srv, base, dist, variants.amount.dir),
        };
      }
      result.throttled = t;
    } finally {
      await browser.close();
    }
  }

  if (!QUICK) {
    log('› Lighthouse（移动端预设）…');
    const stage = rows.find((r) => r.type.startsWith('stage'))?.path ?? '/stages/senior/';
    const poster = rows.find((r) => r.type === 'poster')?.path ?? '/posters/senior/';
    result.lighthouse = await runLighthouse(base, ['/', stage, '/check/', poster, `/search/?q=${encodeURIComponent('助学金')}`]);
  } else {
    result.lighthouse = { skipped: '--quick' };
  }
} finally {
  server.closeAllConnections();
  server.close();
}

if (!NO_BUILD && !NO_SCALE) {
  // Each size is built from its own copy, the same way, one after the other (the 0 row is the copy
  // with no extra page, so every row pays the same cold-start costs).
  const runs = [];
  for (const n of [0, ...SCALE]) {
    log(`› 规模：多 ${n} 个 MDX 页面的构建…`);
    const dir = syntheticCopy(n);
    const times = build(dir, join(dir, 'dist'));
    runs.push({ extraPages: n, pages: htmlPages(join(dir, 'dist')).length, seconds: +times.total.toFixed(2) });
    rmSync(dir, { recursive: true, force: true });
  }
  for (const r of runs) r.secondsPerPage = +(r.seconds / r.pages).toFixed(3);
  // Least-squares line seconds = fixed + perPage × pages, and how well a line fits (R²).
  const n = runs.length;
  const mx = runs.reduce((t, r) => t + r.pages, 0) / n;
  const my = runs.reduce((t, r) => t + r.seconds, 0) / n;
  const sxy = runs.reduce((t, r) => t + (r.pages - mx) * (r.seconds - my), 0);
  const sxx = runs.reduce((t, r) => t + (r.pages - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssTot = runs.reduce((t, r) => t + (r.seconds - my) ** 2, 0);
  const ssRes = runs.reduce((t, r) => t + (r.seconds - (intercept + slope * r.pages)) ** 2, 0);
  result.scaling = {
    runs,
    fit: { secondsPerPage: +slope.toFixed(4), fixedSeconds: +intercept.toFixed(2), r2: +(1 - ssRes / ssTot).toFixed(4) },
    note: 'wall-clock seconds on a shared machine; the slope (seconds per extra page) is the figure to compare',
  };
} else {
  result.scaling = { skipped: NO_BUILD ? '--no-build' : '--no-scale' };
}

// ---------------------------------------------------------------- 公示 checker ---------------------

/** Times parsing and checking a generated 5,000-row 公示 list (the officer's biggest realistic paste). */
async function gongshiBench(rows = 5000, runs = 5) {
  const { load, CORE_SCHEMA } = await import('js-yaml');
  const { checkGongshi } = await import('../../src/rules/gongshi.ts');
  const { parseTable } = await import('../../src/lib/table-input.ts');
  const rules = load(readFileSync(join(repo, 'content/schools/gongshi.yaml'), 'utf8'), { schema: CORE_SCHEMA });
  // zod defaults the checker relies on (the build validates the file; here it is read raw)
  for (const a of rules.allowed) a.placeNames ??= false;
  rules.ignored ??= [];
  const sources = load(readFileSync(join(repo, 'content/sources.yaml'), 'utf8'), { schema: CORE_SCHEMA });
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const id = (i) => {
    const s = `5305212010${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    return s + '10X98765432'[[...s].reduce((t, c, k) => t + Number(c) * W[k], 0) % 11];
  };
  const lines = ['某某县第一中学2026年秋季学期国家助学金名单公示', '序号\t姓名\t性别\t学校\t年级\t班级\t资助档次\t金额（元）\t备注'];
  const notes = ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '13812345678', '家住某某镇杨柳村3组', '父亲重病', '低保户', '2010-03-05'];
  for (let i = 1; i <= rows; i++) {
    const note = i % 25 === 0 ? id(i) : notes[i % notes.length];
    lines.push([i, i % 7 ? `学生${i}` : `阿依古丽·买买提${i}`, i % 2 ? '男' : '女', '某某县第一中学', '高一', `高一（${1 + (i % 12)}）班`, i % 3 ? '二档' : '一档', i % 3 ? '2000' : '2500', note].join('\t'));
  }
  const text = lines.join('\n');
  const times = [];
  const cpu = [];
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const report = checkGongshi(parseTable(text), { rules, sources, today: '2026-09-10' });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    findings = report.findings.length;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  return {
    rows, runs, medianMs: +times[mid].toFixed(1), maxMs: +times[runs - 1].toFixed(1), medianCpuMs: +cpu[mid].toFixed(1),
    load: +loadavg()[0].toFixed(1), findings, bytes: Buffer.byteLength(text),
    note: 'wall-clock ms of parseTable + checkGongshi in Node (the browser runs the same code); CPU ms shows the cost when the machine is busy',
  };
}

log('› 公示名单自查：5000 行…');
try {
  result.gongshi = await gongshiBench();
} catch (e) {
  result.gongshi = { error: String(e?.stack ?? e) };
}

// ---------------------------------------------------------------- report ---------------------------

log('');
if (result.build) {
  log(`构建：${result.build.pages} 个页面，共 ${result.build.seconds.toFixed(1)} s（astro build：页面、搜索索引和 service worker 一起）`);
  if (result.rebuild) {
    const d = result.rebuild.noChangeDifferingFiles;
    log(`不改任何东西在另一个文件夹再构建一次：${d.length ? `${d.length} 个文件不同 ✗：${d.slice(0, 8).join('，')}` : '每个文件逐字节相同 ✓'}；改一个金额：${result.rebuild.oneAmountDifferingFiles} 个文件不同`);
  }
}
log('');
log('每类页面，首次访问到可以使用为止（KB，raw / gzip / brotli）');
const W = 22;
log(`${pad('page', W)} ${lpad('HTML', 17)} ${lpad('CSS', 17)} ${lpad('JS', 17)} ${lpad('other', 15)} ${lpad('total', 19)} ${lpad('req', 4)} ${lpad('largest JS (gz)', 16)} ${lpad('HTML+CSS gz', 12)}`);
const trip = (a) => `${kb(a[0])}/${kb(a[1])}/${kb(a[2])}`;
for (const r of result.pages) {
  log(`${pad(r.type, W)} ${lpad(trip(r.sums.html), 17)} ${lpad(trip(r.sums.css), 17)} ${lpad(trip(r.sums.js), 17)} ${lpad(trip(r.sums.other), 15)} ${lpad(trip(r.total), 19)} ${lpad(r.requests, 4)} ${lpad(r.largestJs ? kb(r.largestJs.gzip) : '–', 16)} ${lpad(kb(r.firstRoundTrip), 12)}`);
}
const check = result.pages.find((r) => r.path === '/check/');
if (check) {
  log('');
  log(`/check/ 的每个文件（gzip KB）：${check.files.map((f) => `${f.url} ${kb(f.gzip)}`).join('，')}`);
}
log('');
const policy = result.pages.filter((r) => !['/check/', '/posters/make/', '/schools/gongshi/'].includes(r.path) && !r.path.startsWith('/search/'));
const worst = policy.reduce((a, r) => (r.firstRoundTrip > (a?.firstRoundTrip ?? -1) ? r : a), null);
log(`预算：政策页和共用页 HTML+CSS ≤ ${kb(BUDGET.firstRoundTrip)} KB gzip —— 这里最大的是 ${worst?.path} ${kb(worst?.firstRoundTrip)} KB ${worst && worst.firstRoundTrip <= BUDGET.firstRoundTrip ? '✓' : '✗'}（全站每一页由 test/e2e/budgets.test.ts 检查）`);
if (check) {
  const w = result.wizard;
  log(`预算：/check/ 打开（能回答第一题）≤ ${kb(BUDGET.wizard)} KB gzip —— 现在 ${kb(w.open)} KB ${w.open <= BUDGET.wizard ? '✓' : '✗'}`);
  log(`      选了学段后再取：结果页和计算代码 ${kb(w.later)} KB + 该学段的资料（${w.parts.map((p) => `${p.stage} ${kb(p.gzip)}`).join('，')}）`);
  log(`      从打开到出结果，资料最多的学段（${w.worst}）共 ${kb(w.total)} KB；上限 ${kb(BUDGET.wizardJourney)} KB ${w.total <= BUDGET.wizardJourney ? '✓' : '✗'}（issue 16 的 25 KB 目标没有达到，见 README「速度和体积」）`);
  if (w.family) {
    log(`      全家的结果页（几个孩子）：结果页打开后再取 ${kb(w.family.layer)} KB（${w.family.files.map((f) => `${f.url} ${kb(f.gzip)}`).join('，')}）；从打开到两个孩子的结果（${w.family.parts.join('、')} 三份资料）共 ${kb(w.family.total)} KB；上限 ${kb(BUDGET.familyJourney)} KB ${w.family.total <= BUDGET.familyJourney ? '✓' : '✗'}`);
    log(`      点了才取（不算在内）：${w.onTap.map((f) => `${f.url} ${kb(f.gzip)}`).join('，')}`);
  }
  if (w.places) log(`      在地区搜索框里打字才取（不算在内）：市、县名单 ${w.places.url} ${kb(w.places.gzip)} KB；上限 ${kb(BUDGET.regionNames)} KB ${w.places.gzip <= BUDGET.regionNames ? '✓' : '✗'}`);
}
log('');
const p = result.pagefind;
log(`Pagefind：${p.pagesIndexed} 个页面进索引；pagefind/ 共 ${kb(p.totalBytes)} KB（${p.files} 个文件）：索引 ${kb(p.indexBytes)} KB，wasm ${kb(p.wasmBytes)} KB，界面和引擎 JS/CSS ${kb(p.uiBytes)} KB`);
const pc = result.precache;
log(`离线缓存（sw.js 预缓存，不含搜索）：${pc.files} 个文件，${kb(pc.bytes)} KB（按 gzip 传输约 ${kb(pc.gzipBytes)} KB，上限 ${kb(pc.budgetGzipBytes)} KB ${pc.gzipBytes <= pc.budgetGzipBytes ? '✓' : '✗'}）；sw.js 本身 ${kb(pc.swBytes)} KB（gzip ${kb(pc.swGzipBytes)} KB）`);
const th = result.throttled;
if (th) {
  log('');
  log(`弱信号（${th.profile}；首次访问，3 次取中位数；KB 是服务器实际发出的压缩字节）`);
  log(`${pad('page', W)} ${lpad('首次显示 ms', 12)} ${lpad('加载完 ms', 10)} ${lpad('KB', 7)} ${lpad('请求', 5)} ${lpad('CSS 在文件里时首次显示 ms', 26)} ${lpad('比值', 6)}`);
  for (const [path, m] of Object.entries(th.pages)) {
    const f = th.cssInFiles?.[path];
    log(`${pad(path, W)} ${lpad(m.firstPaintMs, 12)} ${lpad(m.loadMs, 10)} ${lpad(kb(m.bytes), 7)} ${lpad(m.requests, 5)} ${lpad(f?.firstPaintMs ?? '–', 26)} ${lpad(th.firstPaintRatioInlineToFiles?.[path] ?? '–', 6)}`);
  }
  const q = th.pages['/check/'];
  if (q) log(`资格自测：第一题出现并能点 ${q.questionMs ?? '–'} ms（页面首次显示 ${q.firstPaintMs} ms）`);
  log(`资格自测全程（打开 → 选学段 → 其余每题选第一个 → 看结果）：`);
  for (const j of th.wizard) log(`  ${pad(j.stage, 11)} ${lpad(kb(j.bytes), 6)} KB，${lpad(j.requests, 3)} 个请求，第一题 ${lpad(j.questionMs ?? '–', 5)} ms，出结果 ${lpad(j.resultsMs, 6)} ms`);
  const sw = th.serviceWorker;
  log(`service worker 安装（首页之后在后台）：${kb(sw.installBytes)} KB，${sw.installRequests} 个请求；从打开首页到离线可用 ${sw.controlledMs} ms（首页本身 ${kb(sw.pageBytes)} KB）`);
  if (th.returning) {
    const r = th.returning;
    log(`回访的手机要下载：不改任何东西重新构建后 ${kb(r.afterNoOpRebuild.bytes)} KB（${r.afterNoOpRebuild.requests} 个请求，${r.afterNoOpRebuild.newVersion ? '提示有新版本 ✗' : '不提示新版本 ✓'}）；改一个金额后 ${kb(r.afterOneAmountChange.bytes)} KB（${r.afterOneAmountChange.requests} 个请求，${r.afterOneAmountChange.newVersion ? '提示有新版本' : '没有发现新版本 ✗'}）`);
  }
}
log('');
const g = result.gongshi;
if (g?.error) log(`公示名单自查：没能运行（${g.error.split('\n')[0]}）`);
else if (g) log(`公示名单自查：${g.rows} 行（${kb(g.bytes)} KB 文字）解析加检查，${g.runs} 次的中位数 ${g.medianMs} ms（CPU ${g.medianCpuMs} ms），最慢 ${g.maxMs} ms（目标 < 1000 ms ${g.maxMs < 1000 ? '✓' : '✗'}；测时机器负载 ${g.load}），报出 ${g.findings} 处`);
log('');
if (result.lighthouse?.skipped) log('Lighthouse：跳过（--quick）');
else if (result.lighthouse?.error && !Object.keys(result.lighthouse.pages ?? {}).length) log(result.lighthouse.error);
else {
  if (result.lighthouse.error) log(result.lighthouse.error);
  log(`Lighthouse ${result.lighthouse.version ?? ''}，${result.lighthouse.preset ?? ''}`);
  log(`${pad('page', W)} ${lpad('perf', 5)} ${lpad('a11y', 5)} ${lpad('b.p.', 5)} ${lpad('SEO', 5)} ${lpad('FCP ms', 7)} ${lpad('LCP ms', 7)} ${lpad('TBT ms', 7)} ${lpad('CLS', 5)}  ${pad('perf runs', 12)} audits not passed`);
  for (const [path, s] of Object.entries(result.lighthouse.pages)) {
    log(`${pad(path, W)} ${lpad(s.performance ?? '–', 5)} ${lpad(s.accessibility ?? '–', 5)} ${lpad(s.bestPractices ?? '–', 5)} ${lpad(s.seo ?? '–', 5)} ${lpad(s.fcpMs, 7)} ${lpad(s.lcpMs, 7)} ${lpad(s.tbtMs, 7)} ${lpad(s.cls == null ? '–' : s.cls.toFixed(2), 5)}  ${pad(s.performanceRuns.join(' '), 12)} ${s.runtimeError ?? (s.failedAudits.join(', ') || '–')}`);
  }
}
log('');
if (result.scaling.runs) {
  log('规模（整套构建 astro build：页面、搜索索引、service worker；墙钟时间，机器忙时会有波动）');
  log(`${lpad('extra pages', 12)} ${lpad('pages', 6)} ${lpad('seconds', 8)} ${lpad('s/page', 7)}`);
  for (const r of result.scaling.runs) {
    log(`${lpad(r.extraPages, 12)} ${lpad(r.pages, 6)} ${lpad(r.seconds.toFixed(1), 8)} ${lpad(r.secondsPerPage.toFixed(3), 7)}`);
  }
  const f = result.scaling.fit;
  log(`直线拟合：每多一页 ${f.secondsPerPage.toFixed(3)} s，固定开销 ${f.fixedSeconds.toFixed(1)} s，R² = ${f.r2}（越接近 1 越是线性增长）`);
} else {
  log(`规模：跳过（${result.scaling.skipped}）`);
}
log('');

const file = join(repo, 'test', 'bench', 'last-run.json');
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
log('');
log(`已保存：${file.slice(repo.length + 1)}`);
