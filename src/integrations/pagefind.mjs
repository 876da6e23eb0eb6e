// @ts-check
/**
 * Astro integration: the site search index, written by Pagefind's Node API (`pagefind` package:
 * createIndex → addDirectory → writeFiles) into `<outDir>/pagefind/` when `astro build` is done, so
 * `astro build` (or Astro's `build()`) is the whole build and nothing runs after it by hand.
 *
 * It must come after every integration that rewrites the built HTML (CSP hashes, modulepreload links)
 * and before the service worker (src/integrations/service-worker.mjs), which lists the index files.
 * Pages are indexed from `<main data-pagefind-body>` (src/layouts/Base.astro); the language comes
 * from `<html lang="zh-CN">`, which makes Pagefind split Chinese into words.
 *
 * A failed indexing fails the build (a site whose search page finds nothing must not ship).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** @returns {import('astro').AstroIntegration} */
export default function pagefind() {
  return {
    name: 'zz-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const api = await import('pagefind');
        try {
          const { index, errors } = await api.createIndex({});
          if (!index) throw new Error(`Pagefind 没能建立索引：${errors.join('；')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind 读网页时出错：${added.errors.join('；')}`);
          if (added.page_count === 0) throw new Error(`Pagefind 在 ${site} 里没有找到可以搜索的页面（<main data-pagefind-body>）`);
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          if (written.errors.length) throw new Error(`Pagefind 写索引时出错：${written.errors.join('；')}`);
          logger.info(`search index: ${added.page_count} page(s) → ${join(site, 'pagefind')}`);
          // Pagefind's own browser scripts are ES2020+: lower them to Chrome 70's syntax for older phones (.ci/lower-js.mjs).
          const { lowerPagefind } = await import('../../.ci/lower-js.mjs');
          logger.info(`${await lowerPagefind(site)} Pagefind scripts lowered to Chrome 70's syntax`);
        } finally {
          // Stop Pagefind's background binary, or the build process would not exit.
          await api.close();
        }
      },
    },
  };
}
