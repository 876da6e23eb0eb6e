// @ts-check
/**
 * Builds the site the one way it is built (`npm run build` is `astro build`: the Astro integrations in
 * astro.config.mjs write the search index and the service worker too), through Astro's own `build()`,
 * in a child process so a deployment's environment (ZZ_REGION, SITE_URL, ZZ_TODAY) and Vite's state
 * never leak into the caller (a vitest worker, the bench).
 *
 *   import { buildSite } from '../support/build-site.mjs';
 *   const r = buildSite({ root: '/tmp/copy', outDir: '/tmp/out', env: { ZZ_REGION: '510000' } });
 *   if (!r.ok) throw new Error(r.log);          // r.seconds: wall-clock time of the build
 *
 * Used by test/e2e/region-build.ts, test/e2e/update.test.ts and test/bench/bench.mjs. As a script
 * (the child): `node test/support/build-site.mjs ROOT OUTDIR`.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);

/**
 * vitest puts Vite's own variables into process.env (BASE_URL='/', MODE, DEV, PROD, SSR); a child build
 * would take them over (BASE_URL would undo a sub-path base in import.meta.env).
 * @param {Record<string, string | undefined>} env
 */
function withoutViteVars(env) {
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[k];
  return env;
}

/**
 * @param {{ root?: string, outDir: string, env?: Record<string, string | undefined>, timeoutMs?: number }} options
 *   root: the repository (or a copy of it) to build, default the current folder; outDir: where the
 *   built site goes; env: extra environment variables; timeoutMs: default 10 minutes.
 * @returns {{ ok: boolean, log: string, seconds: number }} log: the end of the build output (≤ 4000 characters)
 */
export function buildSite({ root = '.', outDir, env = {}, timeoutMs = 600_000 }) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [self, resolve(root), resolve(outDir)], {
    cwd: resolve(root),
    // NODE_ENV: vitest sets it to "test", which would make Vite build in non-production mode.
    env: withoutViteVars({ ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env }),
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${r.stdout ?? ''}\n${r.stderr ?? ''}${r.error ? `\n${r.error.message}` : ''}`.slice(-4000);
  return { ok: r.status === 0, log, seconds: (performance.now() - t0) / 1000 };
}

if (process.argv[1] && resolve(process.argv[1]) === self) {
  const [root, outDir] = process.argv.slice(2);
  if (!root || !outDir) {
    console.error('用法：node test/support/build-site.mjs 仓库目录 输出目录');
    process.exit(2);
  }
  // Astro from the tree being built (a copy links its node_modules to the repository's packages).
  const { build } = await import(pathToFileURL(resolve(root, 'node_modules', 'astro', 'dist', 'index.js')).href);
  try {
    await build({ root, outDir, logLevel: 'warn' });
  } catch (err) {
    console.error(err instanceof Error ? err.stack ?? err.message : String(err));
    process.exit(1);
  }
}
