// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import yaml from './src/integrations/yaml.mjs';
import cspHashes from './src/integrations/csp-hashes.mjs';
import modulePreload from './src/integrations/module-preload.mjs';
import stableIslandIds from './src/integrations/stable-island-ids.mjs';
import pagefind from './src/integrations/pagefind.mjs';
import serviceWorker from './src/integrations/service-worker.mjs';
import basePath from './src/integrations/base-path.mjs';
import speechChunk from './src/integrations/speech-chunk.mjs';

/**
 * The public address of this deployment. QR codes on posters, canonical links and the sitemap use it.
 * A county that deploys its own copy sets SITE_URL at build time, e.g.
 *   SITE_URL=https://zizhu.example-county.gov.cn npm run build
 * A site served under a path (README「部署在子路径下」) writes the path too:
 *   SITE_URL=https://jyj.example.gov.cn/zizhu/ npm run build     → base '/zizhu/'
 */
export const SITE_URL = process.env.SITE_URL || 'https://zizhu.example.org';
/** The path of SITE_URL as Astro's `base` ('/' or '/zizhu/'); src/integrations/base-path.mjs puts it in front of every link. */
const BASE = new URL(SITE_URL).pathname.replace(/\/*$/, '/');

/**
 * What every island loads, in one file (`/_astro/preact.<hash>.js`): Preact, its JSX runtime, the
 * object-spread helpers (none since the target is chrome70; kept in the test for a lower target), Vite's preload helper (every island page loads a module
 * with import()) and src/lib/today.ts (the wizard, the poster builder and the 公示 checker all read the
 * day). Apart they were four files, each a request and a gzip dictionary of its own (README「速度和体积」).
 * Hooks and signals stay apart: the wizard uses neither.
 */
const PREACT_CHUNK = {
  name: 'preact',
  test: /node_modules[\\/]preact[\\/](dist[\\/]preact\.module|jsx-runtime[\\/])|@oxc-project\+runtime@[^/]*\/helpers\/esm\/(defineProperty|objectSpread2|toPrimitive|toPropertyKey|typeof)\.js$|src[\\/]lib[\\/]today\.ts$|^\0vite\/preload-helper\.js$/,
};

export default defineConfig({
  site: SITE_URL,
  base: BASE,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Every page carries its CSS in a <style> (hashed into its CSP by cspHashes()): it paints from its
    // first response, with no second round trip for a stylesheet (test/e2e/budgets.test.ts).
    inlineStylesheets: 'always',
  },
  // Content-Security-Policy as a <meta> on every page (README「部署」: the server adds, as a header, the
  // directives a <meta> cannot carry). Scripts and styles only from this site or hashed: no
  // 'unsafe-inline', no 'unsafe-eval'. Nothing is loaded from another origin (no fonts, CDNs,
  // analytics). cspHashes() (src/integrations/csp-hashes.mjs) then lists in each page exactly the
  // hashes of that page's inline scripts and styles, <script is:inline> included.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  // No code blocks on this site; Shiki's inline styles would not pass the CSP anyway.
  markdown: { syntaxHighlight: false },
  integrations: [
    mdx(),
    preact(),
    // Pages that are not content (search, 404, the offline fallback) stay out of the sitemap.
    sitemap({ filter: (page) => !/\/(search|404|offline)\/?$/.test(new URL(page).pathname) }),
    // The 「听一听」 speech module: one small file a tap imports (/_astro/speech.<hash>.js).
    speechChunk(),
    cspHashes(),
    // <link rel="modulepreload"> for what a page's module script imports (one round trip, not a chain).
    modulePreload(),
    // Sub-path deployments: the base in front of every root-relative link of every page (and the manifest).
    basePath(),
    // The rest of the build, in this order, after every step above has rewritten the HTML:
    // deterministic island ids, then the search index of the final pages, then the service worker
    // that lists them (so `astro build` is the whole build).
    stableIslandIds(),
    pagefind(),
    serviceWorker(),
  ],
  vite: {
    // Older phones (README「支持的浏览器」): everything shipped — our islands and their dependencies
    // (Preact, @preact/signals) — is lowered to what Chrome 70 parses (esbuild's `chrome70`: object
    // spread and `catch {}` stay, `?.`, `??`, `&&=`, class fields are lowered; ES2017 spent ≈ 0.2 KB
    // gzip of helpers per file on object spread). test/e2e/old-engines.test.ts runs es-check over dist/.
    // Astro 7 hard-codes `target: 'esnext'` for its client build environment, so a top-level
    // `build.target` does not reach the browser bundle: the small plugin below sets it per environment.
    build: { target: 'chrome70' },
    // Policy data is YAML under content/; this turns it into plain JS objects at build time
    // (no YAML parser ships to the browser).
    plugins: [
      yaml(),
      {
        name: 'zz-browser-target',
        configEnvironment(name) {
          if (name === 'client') return { build: { target: 'chrome70', cssTarget: 'chrome70', rollupOptions: { output: { codeSplitting: { groups: [PREACT_CHUNK] } } } } };
        },
      },
    ],
  },
});
