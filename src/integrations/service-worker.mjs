// @ts-check
/**
 * Astro integration: writes `<outDir>/sw.js` with Workbox (workbox-build generateSW) when `astro build`
 * is done, after the search index (src/integrations/pagefind.mjs) — so it must be the last integration.
 *
 * What a phone keeps (README「离线和更新」):
 *  - precached on the first visit (PRECACHE below): every policy, shared and region page, the wizard
 *    with its scripts and every stage's data, the posters' index, the icons. That is what a family
 *    needs with no signal, and it is held to BUDGET.precache (test/e2e/budgets.test.ts; ≤ 300 KB gzip).
 *  - search (Pagefind, about half of the site's bytes) is NOT precached: its files are kept at runtime
 *    the first time the family searches (searchRoutes), and serve later searches with no signal.
 *  - the printable sheets under posters/ (posters, cards, letters, the builder: for school staff, who
 *    print them online) are kept when first opened (posterRoutes), not downloaded by every phone.
 *  - the city and county names of the wizard's region search are kept when the family first types
 *    there (placesRoute).
 *
 * URLs: the precache lists paths relative to the service worker, which lives at Astro's `base`
 * (`<base>sw.js`), and the search routes match `<base>pagefind/`; so the same worker is right for a
 * site at the root of its domain and for one under a sub-path.
 *
 * Updates: a deployment that changes any precached file produces a different sw.js (a revision per
 * file); the browser installs it next to the old one, which keeps serving until the page
 * (src/components/pwa/UpdatePrompt.astro) shows 「有新版本，点此刷新」 and the visitor taps it
 * (message SKIP_WAITING), or until every tab is closed. A rebuild with no change produces the same
 * sw.js byte for byte (test/e2e/update.test.ts), so phones download nothing and see no prompt.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Older phones (README「支持的浏览器」): Workbox's runtime calls Promise.allSettled (Chrome 76) while
 * precaching, so on older engines the worker would never install. These lines go first in sw.js.
 */
export const ALL_SETTLED_FALLBACK = 'Promise.allSettled||(Promise.allSettled=function(a){return Promise.all(Array.from(a,function(p){return Promise.resolve(p).then(function(v){return{status:"fulfilled",value:v}},function(r){return{status:"rejected",reason:r}})}))});\n';

/** What the service worker precaches (globs relative to the built folder). */
export const PRECACHE = {
  globPatterns: [
    '**/*.html',
    '_astro/**/*.{js,css}',
    'check/data/*.json', // the wizard's data, one file per stage
    '*.{svg,png,webmanifest}',
    'icons/*.png',
  ],
  globIgnores: [
    'share.png', // the link-preview picture, only fetched by chat apps' crawlers
    'pagefind/**', // search: cached when first used (searchRoutes)
    'posters/*/**/*.html', // printable sheets and the builder: cached when first opened (posterRoutes); posters/index.html stays
    // The officer's kit (/schools/…) and the county pages (/regions/CODE/) are for school and county
    // staff: cached when first opened (posterRoutes), so a family's phone does not download them.
    'schools/*/**/*.html',
    'regions/*/**/*.html',
    // 更新记录 (/changes/, 8 KB): what changed when, not what a family needs without signal; kept
    // when first opened (posterRoutes), which leaves the offline copy inside BUDGET.precache.
    'changes/index.html',
    '404.html', // the server's page; offline, offline/index.html answers instead
    // The region search's city and county names (src/site/places.ts, 2 KB): kept when first fetched
    // (placesRoute); the offline copy has no room for them within BUDGET.precache.
    'check/data/places.*.json',
    // Code that only runs after a tap, or only on the staff pages above: fetched then, kept at runtime.
    '_astro/ics-file.*.js', // 加到手机日历
    '_astro/browser.*.js', // the QR code library (family image, 代问模式 hand-over)
    '_astro/GongshiChecker.*.js',
    '_astro/universal.*.js', // the .xlsx reader of the 公示 checker
    '_astro/PosterBuilder.*.js',
  ],
};

/** Cache names of the search files kept at runtime (also read by the tests). */
export const SEARCH_CACHES = { index: 'zz-search-index', code: 'zz-search-code' };

/** @param {string} s */
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Workbox runtime routes for Pagefind under `base` ("/" or "/sub/"):
 *  - the index chunks (`pagefind/{index,fragment,filter}/…`, `pagefind/*.pf_meta`) carry a content hash
 *    in their names: served from the cache once there (CacheFirst);
 *  - the entry file, engine, UI, worker and wasm keep their names across versions: fetched fresh when the
 *    network answers within 4 s, else from the cache (NetworkFirst), so after a deployment the entry file
 *    and the chunks it names stay consistent. Pagefind adds `?ts=…` to the entry file: ignored.
 * @param {string} base
 * @returns {import('workbox-build').RuntimeCaching[]}
 */
export function searchRoutes(base) {
  const root = `^https?://[^/]+${escapeRe(base)}pagefind/`;
  return [
    {
      urlPattern: new RegExp(`${root}(?:(?:index|fragment|filter)/|[^/?]+\\.pf_meta(?:\\?|$))`),
      handler: 'CacheFirst',
      options: { cacheName: SEARCH_CACHES.index, expiration: { maxEntries: 400 }, cacheableResponse: { statuses: [200] } },
    },
    {
      urlPattern: new RegExp(root),
      handler: 'NetworkFirst',
      options: {
        cacheName: SEARCH_CACHES.code,
        networkTimeoutSeconds: 4,
        matchOptions: { ignoreSearch: true },
        expiration: { maxEntries: 40 },
        cacheableResponse: { statuses: [200] },
      },
    },
  ];
}

/**
 * The printable sheets under `<base>posters/…/` (not the index), the staff pages under `schools/` and
 * `regions/`, 更新记录 (`changes/`), and the code only they or a tap need: opened online by school staff, kept once opened (fresh from the network when it answers within 4 s, else from the cache).
 * @param {string} base
 * @returns {import('workbox-build').RuntimeCaching[]}
 */
export function posterRoutes(base) {
  const options = { cacheName: 'zz-posters', networkTimeoutSeconds: 4, matchOptions: { ignoreSearch: true }, expiration: { maxEntries: 40 }, cacheableResponse: { statuses: [200] } };
  return [
    // The pages (only HTML lives under these folders): offline and never opened, the offline page
    // answers, as for any other page (not the browser's own error page).
    {
      urlPattern: new RegExp(`^https?://[^/]+${escapeRe(base)}(?:(?:posters|schools|regions)/[^?#]+|changes/[^?#]*)`),
      handler: /** @type {const} */ ('NetworkFirst'),
      options: { ...options, precacheFallback: { fallbackURL: 'offline/index.html' } },
    },
    // Their code: no fallback (an HTML page is no answer to a script request).
    {
      urlPattern: new RegExp(`^https?://[^/]+${escapeRe(base)}_astro/(?:ics-file|browser|GongshiChecker|universal|PosterBuilder)\\.`),
      handler: 'NetworkFirst',
      options,
    },
  ];
}

/** Cache name of the city and county names kept at runtime (also read by the tests). */
export const PLACES_CACHE = 'zz-places';

/**
 * The region search's city and county names under `<base>check/data/places.<hash>.json`: fetched the
 * first time the family types in the search box, then served from the cache (the name carries a hash
 * of the content, so a cached copy is never stale). Not precached: with no signal and no copy yet, the
 * search says it cannot look up cities and counties and still finds the configured names.
 * @param {string} base
 * @returns {import('workbox-build').RuntimeCaching}
 */
export function placesRoute(base) {
  return {
    urlPattern: new RegExp(`^https?://[^/]+${escapeRe(base)}check/data/places\\.[0-9a-f]+\\.json$`),
    handler: 'CacheFirst',
    options: { cacheName: PLACES_CACHE, expiration: { maxEntries: 2 }, cacheableResponse: { statuses: [200] } },
  };
}

/**
 * Workbox options for the built folder `dist` of a site under `base`.
 * @param {string} dist
 * @param {string} base
 * @returns {import('workbox-build').GenerateSWOptions}
 */
export function workboxOptions(dist, base) {
  return {
    globDirectory: dist,
    ...PRECACHE,
    swDest: join(dist, 'sw.js'),
    // Wait for the visitor to accept the update (the page sends SKIP_WAITING); take over the first visit
    // at once so it is offline-ready without a reload.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // /search/?q=… is the same page as /search/.
    ignoreURLParametersMatching: [/.*/],
    // Files whose names already carry a content hash need no ?__WB_REVISION__.
    dontCacheBustURLsMatching: /^(_astro\/|check\/data\/)/,
    runtimeCaching: [
      ...searchRoutes(base),
      ...posterRoutes(base),
      placesRoute(base),
      // Offline, a page the phone has no copy of (an address never built, a stage address without its
      // last slash) gets src/pages/offline.astro from the cache, which links what is there. Online the
      // network answers as usual. Relative to sw.js, so it works under a sub-path deployment too.
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: 'offline/index.html' } },
      },
    ],
    maximumFileSizeToCacheInBytes: 1024 * 1024,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    disableDevLogs: true,
  };
}

/** @returns {import('astro').AstroIntegration} */
export default function serviceWorker() {
  let base = '/';
  return {
    name: 'zz-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { generateSW } = await import('workbox-build');
        const dist = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW(workboxOptions(dist, base));
        const sw = join(dist, 'sw.js');
        writeFileSync(sw, ALL_SETTLED_FALLBACK + readFileSync(sw, 'utf8'));
        for (const w of warnings) logger.warn(w);
        logger.info(`sw.js precaches ${count} files, ${(size / 1024).toFixed(0)} KB (search is cached when first used)`);
      },
    },
  };
}
