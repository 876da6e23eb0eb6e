// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import yaml from './src/integrations/yaml.mjs';
import cspHashes from './src/integrations/csp-hashes.mjs';
import modulePreload from './src/integrations/module-preload.mjs';
import speechChunk from './src/integrations/speech-chunk.mjs';

/**
 * The public address of this deployment. QR codes on posters, canonical links and the sitemap use it.
 * A county that deploys its own copy sets SITE_URL at build time, e.g.
 *   SITE_URL=https://zizhu.example-county.gov.cn npm run build
 */
export const SITE_URL = process.env.SITE_URL || 'https://zizhu.example.org';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  build: { format: 'directory' },
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
    // Pages that are not content (search, 404) stay out of the sitemap.
    sitemap({ filter: (page) => !/\/(search|404)\/?$/.test(new URL(page).pathname) }),
    // The 「听一听」 speech module: one small file a tap imports (/_astro/speech.<hash>.js).
    speechChunk(),
    cspHashes(),
    // <link rel="modulepreload"> for what a page's module script imports (one round trip, not a chain).
    modulePreload(),
  ],
  vite: {
    // Policy data is YAML under content/; this turns it into plain JS objects at build time
    // (no YAML parser ships to the browser).
    plugins: [yaml()],
  },
});
