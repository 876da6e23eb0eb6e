// Build step after Pagefind (src/integrations/pagefind.mjs calls lowerPagefind()): Pagefind ships its browser files
// (dist/pagefind/*.js: search UI, engine, worker) already built with ES2020+ syntax (`?.`, `??`,
// private class fields), which Chrome 70-era WebViews cannot parse. This lowers them in place to Chrome 70's
// syntax with esbuild (target `chrome70`), the same level Astro's client build is set to (astro.config.mjs), keeping
// `import()` and `import.meta` (Chrome 63/64). README「支持的浏览器」; checked by
// test/e2e/old-engines.test.ts with es-check.
//
//   lowerPagefind(distDir) → number of scripts lowered      (or: node .ci/lower-js.mjs [distDir])
import { transform } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The syntax level every shipped script must parse at (esbuild's name; es-check checks ES2018 + `catch {}`). */
export const TARGET = 'chrome70';

/** Lowers every script in `<dist>/pagefind/` to TARGET in place; returns how many. @throws when the folder is missing. */
export async function lowerPagefind(dist) {
  const dir = join(dist, 'pagefind');
  if (!existsSync(dir)) throw new Error(`lower-js: ${dir} 不存在，先运行 pagefind`);
  let n = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const file = join(dir, name);
    const { code } = await transform(readFileSync(file, 'utf8'), {
      loader: 'js',
      target: TARGET,
      supported: { 'dynamic-import': true, 'import-meta': true },
      // Whitespace and syntax only: top-level names of these classic and module scripts stay as they are.
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'inline',
    });
    writeFileSync(file, code);
    n++;
  }
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = await lowerPagefind(resolve(process.argv[2] ?? 'dist'));
  console.log(`lower-js: ${n} Pagefind scripts lowered to ${TARGET}`);
}
