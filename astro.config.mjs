// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import yaml from '@rollup/plugin-yaml';

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
  integrations: [
    mdx(),
    preact(),
    // Pages that are not content (search, 404) stay out of the sitemap.
    sitemap({ filter: (page) => !/\/(search|404)\/?$/.test(new URL(page).pathname) }),
  ],
  vite: {
    // Policy data is YAML under content/; this turns it into plain JS objects at build time
    // (no YAML parser ships to the browser).
    plugins: [yaml()],
  },
});
