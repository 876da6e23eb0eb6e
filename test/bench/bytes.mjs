// Byte accounting over a built site (dist/), shared by `npm run bench` (test/bench/bench.mjs) and the
// budget test (test/e2e/budgets.test.ts). Reads files only: deterministic, no browser, no timing.
//
// pageResources(dist, '/check/') lists what a browser fetches to show that page before anyone taps
// anything: the HTML, its stylesheets, external scripts, island component/renderer scripts and every
// module they import statically (followed recursively). wizardJourney(dist) adds what the wizard
// fetches later: the modules it imports dynamically and the stage's data part. Each file is
// compressed on its own, as a server sends it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The budgets (bytes, gzip -9), in one place for the test and the benchmark. */
export const BUDGET = {
  /** A page's HTML + CSS: about what arrives in the first TCP round trip (10 segments ≈ 14.6 kB). */
  firstRoundTrip: 14 * 1024,
  /**
   * Pages over the first round trip, each with its own ceiling until it is trimmed back: the 本专科 page
   * has the most subsidies (10); the 「怎么发」 links, windows and 听一听 pushed it to 14.4 KB, and 14.3 KB
   * since 「什么时候」 stopped repeating the application window (2026-12-02). What is left is content
   * (the 去哪里拿 of every document, history tables, FAQ), not markup or CSS: README 「速度和体积」.
   */
  firstRoundTripOver: { '/stages/undergrad/': 14.4 * 1024 },
  /** /check/: everything the wizard needs to open and ask its questions (HTML, CSS, JS, data). */
  // Ceilings raised when issues 12, 14, 15, 17 and 18 landed together (2026-12-01): each added text
  // and code to the wizard (paths and windows, 「怎么发」 links, 听一听 and 这样问, family links, helper
  // words). Measured then: opening 29.5 KB, undergrad journey 46.7 KB, a two-child family 64.5 KB. They
  // hold the line; issue 16's aim (opening and journey ≤ 25 KB) is NOT met — README 「速度和体积」.
  // 29.75 since the seventh session (2026-12-02; measured 29.51 KB): what every island loads is one file
  // (astro.config.mjs PREACT_CHUNK) and /check/ no longer carries CSS only other pages use.
  // 30 since 2026-12-03 (measured 29.92 KB, was 29.53): typing a city or county in the region search
  // (「成都」) finds its province with 「成都市属于四川省，按四川省的标准」, and a search that finds nothing
  // names the regions the site has. That is the search code (src/rules/region-lookup.ts findRegions,
  // +0.37 KB) and the names file's address in the data block (+0.02 KB); the names themselves (2 KB)
  // load only when the family types (BUDGET.regionNames), so they are in no journey.
  wizard: 30 * 1024,
  /**
   * /check/ all the way to the results for the stage with the most data: the opening, the results
   * code and that stage's part. A ceiling (it must not grow unnoticed), not the 25 KB aim: see README
   * 「性能」. 36.5 since issue 14: each result's 「怎么发」 link to /payment/ or /loan/ (+0.26 KB in
   * Results) and three footer links with 96110 beside the fraud line (+0.15 KB on /check/) took the
   * undergrad journey from 35.8 to 36.3 KB.
   */
  // Issue 17 (several children): reading and writing family links in the opening (≈ 2 KB) and the
  // delivery form and application months in each part (what the money sums and the calendar need).
  // 48 since the sixth session (2026-12-02; measured 47.96 KB): right answers cost bytes in Results and
  // the parts — the loan card's 在校贴息 and 宽限期, 「这样问」 for paths' conditions and without 什么时候申请
  // for what needs no application, a path's own 依据, an unlisted county's province, 补报 ahead, the
  // final year's 「孩子那时已经升学」 and 「本站资料核对于…」 on a clock far past the check. Seventh session:
  // 未确认 on the figures, 监测户's own path, 补报 and 毕业 wording (+0.2 KB) paid for by the one-file
  // runtime (−0.4 KB); measured 47.83 KB. 48.25 since the ninth session (2026-12-03; measured 48.08 KB):
  // 「要不要申请：不用申请，…会办理」 for what a path gives without applying, and whose figures the results
  // are (「这些项目，本站没有收录云南省另外公布的金额」 where a region published none of them).
  // 48.5 since 2026-12-03 (measured 48.47 KB, was 48.08): the region search's code for city and
  // county names, in the opening as above (+0.39 KB).
  // 48.75 since the ninth session's new-user pass (measured 48.50 KB): 未确认 on the region's published
  // line, 「涉农专业：不是」, the chip 「今年的申请时间已过」 on what has passed (it said 「可以申请」).
  wizardJourney: 48.75 * 1024,
  /** What the service worker precaches on the first visit (sw.js's list, each file gzip -9 as sent). */
  precache: 300 * 1024,
  /**
   * /check/ to a two-child family's results (issue 17): the journey above plus the family layer and
   * three stages' parts. A ceiling like the one above; the image, QR and calendar modules load only
   * on a tap and are not in it.
   */
  // 65.5 since 2026-12-02 (was 65): the family results got the fraud line and 再试一次 when a part fails,
  // 代问模式 its 「这一户的结果」, and the loan notes plain words (+0.1 KB); measured 65.1 KB.
  // 66.5 since the sixth session (measured 66.24 KB): as the journey, plus the 「这样问」 sentences every
  // joined part now keeps (mergeParts dropped them: a family's 可能可以 results had none).
  // 66.75 since the ninth session (measured 66.53 KB): the journey's right answers above, and 代问模式
  // keeping the image and calendar off the officer's phone.
  // 67 since 2026-12-03 (measured 66.96 KB, was 66.57): the region search's code, as above.
  // 67.5 since the ninth session's new-user pass (measured 67.27 KB): 「孩子本人残疾」 counted for the
  // first child only, with the sentence that says so (it made every sibling a 残疾学生), and the above.
  // 67.75 since the eleventh session (measured 67.53 KB, was 67.17): 本专科生/研究生国家助学金 by stage
  // (the names ride in both parts), both figures in the summary when 住校 is 不确定, 县镇 低保 worded as
  // 可能可以, and 「不加了，回到结果」 after 再加一个孩子 (a grandmother's only way back was 清除我的回答).
  familyJourney: 67.75 * 1024,
  /**
   * The city and county names of the configured provinces (/check/data/places.<hash>.json,
   * src/site/places.ts): fetched when the family first types in the region search, so in neither
   * journey above, and kept by the service worker then (not precached: BUDGET.precache had 2.1 KB
   * left). 347 names of 四川 and 云南 are 2.0 KB.
   */
  regionNames: 3 * 1024,
};

export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotli = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;

/** Sizes of one file, computed once per run (shared CSS and JS appear on many pages). */
const sizes = new Map();
function measure(file, withBrotli) {
  const key = `${file}\0${withBrotli}`;
  let m = sizes.get(key);
  if (!m) {
    const buf = readFileSync(file);
    // Text is compressed by the server; images, wasm and Pagefind's index (already gzip) are sent as they are.
    const text = /\.(html|css|m?js|json|svg|webmanifest|xml|txt)$/.test(file);
    m = { raw: buf.length, gzip: text ? gzip(buf) : buf.length, brotli: !withBrotli ? NaN : text ? brotli(buf) : buf.length };
    sizes.set(key, m);
  }
  return m;
}

/** Every built page as a URL path ("/", "/stages/senior/", "/404.html"), sorted. */
export function htmlPages(dist) {
  const out = [];
  const walk = (dir, rel) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (rel === '' && (name === '_astro' || name === 'pagefind')) continue;
        walk(p, `${rel}/${name}`);
      } else if (name === 'index.html') out.push(`${rel}/`);
      else if (name.endsWith('.html')) out.push(`${rel}/${name}`);
    }
  };
  walk(dist, '');
  return out.sort();
}

/** dist file for a URL path. */
export const fileOf = (dist, path) => join(dist, path.endsWith('/') ? `${path}index.html` : path.split(/[?#]/)[0]);

const kindOf = (url) => {
  const p = url.split(/[?#]/)[0];
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  if (p.endsWith('.css')) return 'css';
  if (/\.m?js$/.test(p)) return 'js';
  return 'other';
};

const attrs = (text, re) => [...text.matchAll(re)].map((m) => m[1].replace(/&amp;/g, '&'));

/** Inline <script> elements of an HTML text: { type, text }. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/i.test(m[1]))
    .map((m) => ({ type: (m[1].match(/\btype\s*=\s*["']?([^"'\s>]+)/i)?.[1] ?? '').toLowerCase(), text: m[2] }));
}

/** Inline scripts a browser runs (not JSON data blocks). */
export const executableInlineScripts = (html) =>
  inlineScripts(html).filter((s) => ['', 'module', 'text/javascript', 'application/javascript'].includes(s.type));

/**
 * What the page at `path` loads before any interaction: [{ url, kind: html|css|js|other, raw, gzip, brotli }].
 * Images (<img src>, the favicon) count as "other"; the manifest, icons and the service worker do not
 * (the browser fetches those in the background, after the page is usable). Brotli (slow) only when asked.
 */
export function pageResources(dist, path, { withBrotli = false, dynamic = false } = {}) {
  const rows = [];
  const seen = new Set();
  const add = (url) => {
    if (seen.has(url)) return;
    seen.add(url);
    rows.push({ url, kind: kindOf(url), ...measure(fileOf(dist, url), withBrotli) });
  };
  const abs = (u, from) => (u.startsWith('/') ? u : posix.normalize(posix.join(posix.dirname(from.endsWith('/') ? `${from}x` : from), u)));
  const local = (u) => !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith('//');

  add(path);
  const text = readFileSync(fileOf(dist, path), 'utf8');
  for (const tag of text.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = tag.match(/\brel="?([^">]+)"?/i)?.[1] ?? '';
    const href = tag.match(/\bhref="([^"]+)"/i)?.[1];
    if (!href || !local(href)) continue;
    const url = abs(href.replace(/&amp;/g, '&'), path);
    if (/\bstylesheet\b/.test(rel) || /\bicon\b/.test(rel) && !/apple-touch-icon/.test(rel)) {
      if (existsSync(fileOf(dist, url))) add(url);
    }
  }
  for (const src of attrs(text, /<img\b[^>]*\bsrc="([^"]+)"/gi).filter(local)) {
    const url = abs(src, path);
    if (existsSync(fileOf(dist, url))) add(url);
  }
  const queue = [
    ...attrs(text, /<script\b[^>]*\bsrc="([^"]+)"/gi),
    ...attrs(text, /<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/gi),
    ...attrs(text, /\bcomponent-url="([^"]+)"/g),
    ...attrs(text, /\brenderer-url="([^"]+)"/g),
    ...attrs(text, /\bbefore-hydration-url="([^"]+)"/g).filter(Boolean),
    // Imports written inside inline module scripts.
    ...executableInlineScripts(text).flatMap((s) => importsOf(s.text, dynamic)),
  ].filter(local).map((u) => abs(u, path));
  while (queue.length) {
    const url = queue.shift();
    const file = fileOf(dist, url);
    if (seen.has(url) || !existsSync(file)) continue;
    add(url);
    if (kindOf(url) === 'js') for (const i of importsOf(readFileSync(file, 'utf8'), dynamic)) queue.push(abs(i, url));
  }
  return rows;
}

/** Relative or absolute module specifiers a JS text imports statically (and dynamically, when asked). */
function importsOf(src, dynamic = false) {
  return [
    ...[...src.matchAll(/(?:import|export)\s*(?:[^'"`;]*?from\s*)?["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]/g)].map((m) => m[1]),
    ...(dynamic ? [...src.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]\s*\)/g)].map((m) => m[1]) : []),
  ];
}

/**
 * The wizard from opening to results:
 *  - `open`: what /check/ loads before anyone taps (pageResources);
 *  - `later`: the modules it imports dynamically for the results screens and the engine (and their
 *    static imports), fetched once the stage is known;
 *  - `parts`: each stage's data file (from the page's `#wz-data` block), with its size;
 *  - `worst`: the stage whose part is largest, and `total`: open + later + that part (gzip bytes);
 *  - `family`: the family layer (`/_astro/Family.*.js`, its static imports and its stylesheet),
 *    loaded once a results screen is open (issue 17), and `familyTotal`: open + later + family + the
 *    three largest distinct parts (two children at different stages, and the stage one of them moves
 *    to next, for 接下来几年);
 *  - `onTap`: what only a tap loads (the saved image, its QR code, the calendar file), never counted
 *    in a journey;
 *  - `newYear`: 孩子升级了吗 (./NewYear.tsx), which only a link from an earlier school year loads, never
 *    counted in a journey either;
 *  - `places`: the city and county names the region search fetches when the family types there
 *    (the page's `#wz-data` block names it), never counted in a journey either.
 */
export function wizardJourney(dist, { withBrotli = false } = {}) {
  const open = pageResources(dist, '/check/', { withBrotli });
  const known = new Set(open.map((r) => r.url));
  const row = (url) => ({ url, kind: kindOf(url), ...measure(fileOf(dist, url), withBrotli) });
  const src = (url) => readFileSync(fileOf(dist, url), 'utf8');
  const abs = (u, from) => (u.startsWith('/') ? u : posix.normalize(posix.join(posix.dirname(from), u)));
  const dynamicOf = (url) => [...src(url).matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]\s*\)/g)].map((m) => abs(m[1], url));
  /** `roots` and everything they import statically, minus `seen` (which it extends). */
  const closure = (roots, seen) => {
    const out = [];
    const queue = [...roots];
    while (queue.length) {
      const url = queue.shift();
      if (seen.has(url) || !existsSync(fileOf(dist, url))) continue;
      seen.add(url);
      out.push(row(url));
      if (kindOf(url) !== 'js') continue;
      for (const i of importsOf(src(url))) queue.push(abs(i, url));
      // A stylesheet the module links itself (`?url` import).
      for (const m of src(url).matchAll(/["'`](\/_astro\/[^"'`]+\.css)["'`]/g)) queue.push(m[1]);
    }
    return out;
  };
  const first = open.filter((r) => r.kind === 'js').flatMap((r) => dynamicOf(r.url));
  const isFamily = (u) => /\/_astro\/Family\.[\w-]+\.js$/.test(u);
  const isHandoff = (u) => /\/_astro\/Handoff\.[\w-]+\.js$/.test(u);
  const seen = new Set(known);
  const later = closure(first.filter((u) => !isFamily(u) && !isHandoff(u)), seen);
  // 代问模式 (issue 18): what only the helper mode loads, not in the family's journey.
  const helperOnly = closure(first.filter(isHandoff), seen);
  const family = closure(first.filter(isFamily), seen);
  // 孩子升级了吗: only a link from an earlier school year loads it, not in a journey.
  const isNewYear = (u) => /\/_astro\/NewYear\.[\w-]+\.js$/.test(u);
  const fromFamily = family.filter((r) => r.kind === 'js').flatMap((r) => dynamicOf(r.url));
  const newYear = closure(fromFamily.filter(isNewYear), seen);
  const onTap = closure([...later.filter((r) => r.kind === 'js').flatMap((r) => dynamicOf(r.url)), ...fromFamily.filter((u) => !isNewYear(u))], seen);
  const html = readFileSync(fileOf(dist, '/check/'), 'utf8');
  const block = html.match(/<script type="application\/json" id="wz-data">([\s\S]*?)<\/script>/)?.[1];
  if (!block) throw new Error('/check/ has no #wz-data block');
  const partUrls = JSON.parse(block).parts ?? {};
  const parts = Object.entries(partUrls).map(([stage, url]) => ({ stage, url, kind: 'json', ...measure(fileOf(dist, url), withBrotli) }));
  if (!parts.length) throw new Error('/check/ lists no stage parts');
  const worst = parts.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const placesUrl = JSON.parse(block).places;
  const places = placesUrl ? { url: placesUrl, kind: 'json', ...measure(fileOf(dist, placesUrl), withBrotli) } : undefined;
  const sum = (rows) => rows.reduce((n, r) => n + r.gzip, 0);
  const distinct = [...new Map(parts.map((p) => [p.url, p])).values()].sort((a, b) => b.gzip - a.gzip);
  const familyParts = distinct.slice(0, 3);
  return {
    open, later, helperOnly, parts, worst, total: sum(open) + sum(later) + worst.gzip,
    family, familyParts, familyTotal: sum(open) + sum(later) + sum(family) + sum(familyParts), onTap, newYear, places,
  };
}

/** Sums of rows by kind: { html, css, js, other, total } each { raw, gzip, brotli }. */
export function totals(rows) {
  const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });
  const t = { html: zero(), css: zero(), js: zero(), other: zero(), total: zero() };
  for (const r of rows) {
    for (const k of [r.kind, 'total']) {
      t[k].raw += r.raw;
      t[k].gzip += r.gzip;
      t[k].brotli += r.brotli;
    }
  }
  return t;
}

/** Total size of a folder (bytes) and file count. */
export function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else {
        bytes += s.size;
        files += 1;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files };
}

/**
 * What dist/sw.js precaches: [{ url (relative to the worker, e.g. "stages/senior/index.html"), raw, gzip }]
 * read from its Workbox manifest (`{url:"…",revision:…}`); [] when there is no sw.js.
 */
export function precacheEntries(dist) {
  const file = join(dist, 'sw.js');
  if (!existsSync(file)) return [];
  const sw = readFileSync(file, 'utf8');
  return [...new Set([...sw.matchAll(/\burl:"([^"]+)"/g)].map((m) => m[1]))].map((url) => {
    const f = join(dist, url.split(/[?#]/)[0]);
    return { url, ...(existsSync(f) ? measure(f, false) : { raw: NaN, gzip: NaN, brotli: NaN }) };
  });
}
