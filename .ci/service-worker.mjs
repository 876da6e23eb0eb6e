// Build step after `astro build` and Pagefind (package.json "build"): writes dist/sw.js with Workbox
// (workbox-build generateSW). The service worker precaches the whole built site — every page, the
// wizard, the posters, the search index — so after the first visit the site works with no signal.
//
// Updates: every deployment produces a different sw.js (the precache list carries a revision per file),
// the browser notices it on the next visit and installs it next to the old one; the old one keeps
// serving until the page (src/components/pwa/UpdatePrompt.astro) shows 「有新版本，点此刷新」 and the
// visitor taps it (message SKIP_WAITING), or until every tab of the site is closed. Old caches are
// deleted when the new worker takes over, so nobody is left on last year's amounts.
//
//   node .ci/service-worker.mjs [distDir]      (default: dist)
import { generateSW } from 'workbox-build';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`service worker: ${dist}/index.html 不存在，先运行 astro build`);
  process.exit(1);
}

/** What the service worker precaches (relative to dist/). */
const PRECACHE = {
  globPatterns: [
    '**/*.html',
    '_astro/**/*.{js,css}',
    'check/data/*.json', // the wizard's data, one file per stage
    '*.{svg,png,webmanifest}',
    'icons/*.png',
    // Pagefind: the default UI, its engine and worker, the wasm and the whole index.
    'pagefind/pagefind-ui.{js,css}',
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-entry.json',
    'pagefind/*.pf_meta',
    'pagefind/wasm.*.pagefind',
    'pagefind/{index,fragment,filter}/*',
  ],
  globIgnores: [
    'share.png', // the link-preview picture, only fetched by chat apps' crawlers
  ],
};

const { count, size, warnings } = await generateSW({
  globDirectory: dist,
  ...PRECACHE,
  swDest: join(dist, 'sw.js'),
  // Wait for the visitor to accept the update (the page sends SKIP_WAITING); take over the first visit
  // at once so it is offline-ready without a reload.
  skipWaiting: false,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  // /search/?q=… and Pagefind's pagefind-entry.json?ts=… are the same files as without the query.
  ignoreURLParametersMatching: [/.*/],
  // Files whose names already carry a content hash need no ?__WB_REVISION__.
  dontCacheBustURLsMatching: /^(_astro\/|check\/data\/|pagefind\/(index|fragment|filter)\/|pagefind\/pagefind\.[^/]+\.pf_meta$)/,
  maximumFileSizeToCacheInBytes: 1024 * 1024,
  // Offline, a page the phone has no copy of (an address never built, a stage address without its last
  // slash) gets src/pages/offline.astro from the cache, which links what is there. Online the network
  // answers as usual (new pages of a newer deployment, the server's 404). Relative to sw.js, so it
  // works under a sub-path deployment too.
  runtimeCaching: [{
    urlPattern: ({ request }) => request.mode === 'navigate',
    handler: 'NetworkOnly',
    options: { precacheFallback: { fallbackURL: 'offline/index.html' } },
  }],
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
  disableDevLogs: true,
});
// Older phones (README「支持的浏览器」): Workbox's runtime calls Promise.allSettled (Chrome 76) while
// precaching, so on older engines the worker would never install. A few lines of fallback go first.
const sw = join(dist, 'sw.js');
writeFileSync(sw, 'Promise.allSettled||(Promise.allSettled=function(a){return Promise.all(Array.from(a,function(p){return Promise.resolve(p).then(function(v){return{status:"fulfilled",value:v}},function(r){return{status:"rejected",reason:r}})}))});\n' + readFileSync(sw, 'utf8'));
for (const w of warnings) console.warn(`service worker: ${w}`);
console.log(`service worker: dist/sw.js precaches ${count} files, ${(size / 1024).toFixed(0)} KB`);
