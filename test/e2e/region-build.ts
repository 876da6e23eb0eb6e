/**
 * A region-default build of the site (ZZ_REGION + SITE_URL, as a county aid centre would build it),
 * made once per e2e run and shared by the test files that need it (test/e2e/regions.test.ts,
 * test/e2e/region-default.test.ts):
 *
 *   const sc = await regionBuild();          // in beforeAll (allow ~3 minutes)
 *   if (!sc.url) throw new Error(sc.log);     // the build failed: its log says why
 *   await page.goto(sc.url + '/stages/senior/');
 *   sc.close();                               // in afterAll: stops this file's server (the files stay)
 *
 * The build goes to a folder next to the snapshot the e2e global setup serves
 * (`<tmp>/zz-e2e-dist-XXXX-region-510000`), so the second file of the same run finds it done (a marker
 * file is written only after a successful build); folders of finished runs are removed at the start,
 * and the global setup sweeps anything older than 3 hours. It is built as `npm run build` builds
 * (Astro's build(), whose integrations write the search index and the service worker:
 * test/support/build-site.mjs). test/e2e/wizard.test.ts uses it too: one region build per run.
 */
import { inject } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Server } from 'node:http';
import { createStaticServer } from './setup/global';
import { buildSite } from '../support/build-site.mjs';

/** The deployment the shared build is made for. */
export const REGION_BUILD = { region: '510000', site: 'https://zizhu.example-sc.cn' } as const;

export interface RegionBuild {
  /** Local address serving the build ("http://127.0.0.1:PORT"); '' when the build failed. */
  url: string;
  /** The built folder. */
  dir: string;
  /** The end of the build output (to explain a failure). */
  log: string;
  close(): void;
}

const MARKER = '.zz-region-build-ok';

export async function regionBuild(region: string = REGION_BUILD.region, site: string = REGION_BUILD.site): Promise<RegionBuild> {
  return extraBuild(`region-${region}`, { ZZ_REGION: region, SITE_URL: site });
}

/** The sub-path deployment (issue 13): served under /zizhu/ as a county's web server would. */
export const SUBPATH_BUILD = { site: 'https://jyj.example.gov.cn/zizhu/', prefix: '/zizhu/' } as const;

/** The build for SUBPATH_BUILD, served under its path: `url` is "http://127.0.0.1:PORT/zizhu" (no trailing slash). */
export function subPathBuild(): Promise<RegionBuild> {
  return extraBuild('subpath', { SITE_URL: SUBPATH_BUILD.site }, SUBPATH_BUILD.prefix);
}

/**
 * One extra build of the site with `env` (memoised per run by its `tag`, like regionBuild), served at
 * `prefix` on a local port.
 */
export async function extraBuild(tag: string, buildEnv: Record<string, string>, prefix = '/'): Promise<RegionBuild> {
  const snapshot = inject('distDir');
  const dir = `${snapshot}-${tag}`;
  // Leftovers of earlier runs (their snapshot is gone): remove.
  const prefixName = basename(snapshot).replace(/-[^-]+$/, '-');
  for (const name of readdirSync(dirname(snapshot))) {
    const m = /^(.*)-(?:region-\d{6}|subpath)$/.exec(name);
    if (m && name.startsWith(prefixName) && !existsSync(join(dirname(snapshot), m[1]!))) {
      rmSync(join(dirname(snapshot), name), { recursive: true, force: true });
    }
  }
  let log = '';
  if (existsSync(join(dir, MARKER))) {
    log = readFileSync(join(dir, MARKER), 'utf8');
  } else {
    rmSync(dir, { recursive: true, force: true });
    // As `npm run build` builds (Astro's build(): search index, Chrome 70 lowering and service worker are
    // its integrations), into `dir`. ZZ_REGION is cleared unless this build sets it.
    const r = buildSite({ outDir: dir, env: { ZZ_REGION: '', ...buildEnv }, timeoutMs: 240_000 });
    log = r.log;
    if (!r.ok) return { url: '', dir, log, close() {} };
    if (!existsSync(join(dir, 'index.html'))) return { url: '', dir, log, close() {} };
    writeFileSync(join(dir, MARKER), log);
  }
  const server: Server = createStaticServer(dir, prefix);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  server.unref();
  const addr = server.address();
  const url = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}${prefix.replace(/\/$/, '')}` : '';
  return {
    url,
    dir,
    log,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
