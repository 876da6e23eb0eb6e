/**
 * Build-time settings of one deployment of the site. A county (or province) 学生资助管理中心 that
 * publishes its own copy sets, when building:
 *
 *   ZZ_REGION=530521 SITE_URL=https://zizhu.example.gov.cn npm run build
 *
 * - ZZ_REGION: the GB/T 2260 code of a region that has a file in content/regions/. Pages, the wizard
 *   and posters use that region's figures and contacts unless a link names another `region=`.
 *   Unset or empty = national standards. src/data/regions.ts fails the build when no such file exists.
 * - SITE_URL (read in astro.config.mjs): the public address; canonical links and poster QR codes use it.
 *
 * Read `defaultRegion` in build-time code (pages, components, data). Browser code (islands) cannot see
 * environment variables: the page passes `defaultRegion` to the island as a prop.
 *
 *   readDeployment({ ZZ_REGION: '510000' }) → { defaultRegion: '510000' }
 *   readDeployment({ ZZ_REGION: 'sichuan' }) → throws「ZZ_REGION 要写 6 位地区代码…」
 */

export interface Deployment {
  /** Code of the region that is the default everywhere; undefined = national standards. */
  defaultRegion: string | undefined;
}

/**
 * Reads the deployment settings from environment variables.
 * @throws Error with a Chinese message when ZZ_REGION is set but is not six digits.
 */
export function readDeployment(env: Record<string, string | undefined>): Deployment {
  const raw = env.ZZ_REGION?.trim();
  if (!raw) return { defaultRegion: undefined };
  if (!/^\d{6}$/.test(raw)) throw new Error(`ZZ_REGION 要写 6 位地区代码（GB/T 2260，如 510000），现在是「${raw}」`);
  return { defaultRegion: raw };
}

const env = typeof process !== 'undefined' && process.env ? process.env : {};

/** The default region of this build (ZZ_REGION), or undefined for the national site. */
export const defaultRegion: string | undefined = readDeployment(env).defaultRegion;
