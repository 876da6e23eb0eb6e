// Build step after Pagefind (package.json "build"): Pagefind ships its browser files
// (dist/pagefind/*.js: search UI, engine, worker) already built with ES2020+ syntax (`?.`, `??`,
// private class fields), which Chrome 70-era WebViews cannot parse. This lowers them in place to ES2017
// syntax with esbuild, the same level Astro's client build is set to (astro.config.mjs), keeping
// `import()` and `import.meta` (Chrome 63/64). README「支持的浏览器」; checked by
// test/e2e/old-engines.test.ts with es-check.
//
//   node .ci/lower-js.mjs [distDir]      (default: dist)
import { transform } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The syntax level every shipped script must parse at (also es-check's in the tests). */
export const TARGET = 'es2017';

const dist = resolve(process.argv[2] ?? 'dist');
const dir = join(dist, 'pagefind');
if (!existsSync(dir)) {
  console.error(`lower-js: ${dir} 不存在，先运行 pagefind`);
  process.exit(1);
}
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
console.log(`lower-js: ${n} Pagefind scripts lowered to ${TARGET}`);
