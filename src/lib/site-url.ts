/**
 * The public address of this deployment, as configured in astro.config.mjs (`site`, which a county
 * overrides at build time with the environment variable SITE_URL). QR codes on posters use it, so a
 * printed code opens the county's own copy of the site.
 *
 *   siteUrl()                          → 'https://zizhu.example.org'   (no trailing slash)
 *   siteUrl('https://jyj.example.gov.cn/zizhu/') → 'https://jyj.example.gov.cn/zizhu'   (a sub-path deployment keeps its path)
 *   absoluteUrl('/check/#stage=senior') → 'https://zizhu.example.org/check/#stage=senior'
 *   absoluteUrl('/check/', 'https://jyj.example.gov.cn/zizhu/') → 'https://jyj.example.gov.cn/zizhu/check/'
 *   shortUrl('https://zizhu.example.org/check/#stage=senior') → 'zizhu.example.org/check/#stage=senior'
 *   isPlaceholderSite()                → true while SITE_URL was not set for this build
 *
 * Works in Astro pages (import.meta.env.SITE), in tests (process.env.SITE_URL) and in the browser
 * (pass the value down from the page; `import.meta.env.SITE` is also replaced there by Vite).
 */

/** The default in astro.config.mjs: a placeholder that no real deployment should keep. */
export const PLACEHOLDER_SITE_URL = 'https://zizhu.example.org';

function fromEnv(): string | undefined {
  let astroSite: string | undefined;
  try {
    astroSite = import.meta.env?.SITE as string | undefined;
  } catch {
    astroSite = undefined;
  }
  if (astroSite) return astroSite;
  const env = typeof process !== 'undefined' ? process.env?.SITE_URL : undefined;
  return env && env.trim() !== '' ? env.trim() : undefined;
}

/**
 * The configured site's address: origin (scheme + host + port) and, for a site served under a path
 * (`https://jyj.example.gov.cn/zizhu/`), that path; no trailing slash, no query or hash.
 * @throws Error (Chinese message) when the configured value is not an http(s) address.
 */
export function siteUrl(configured: string | undefined = fromEnv()): string {
  const raw = configured ?? PLACEHOLDER_SITE_URL;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`SITE_URL 要写成完整网址（如 https://zizhu.example.gov.cn），现在是「${raw}」`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`SITE_URL 只能是 http 或 https 网址，现在是「${raw}」`);
  return u.origin + u.pathname.replace(/\/+$/, '');
}

/**
 * The path part of a SITE_URL as Astro's `base` (astro.config.mjs): '/' or '/zizhu/' (always with
 * leading and trailing slash).
 */
export function basePathOf(configured: string): string {
  const p = new URL(siteUrl(configured)).pathname.replace(/\/+$/, '');
  return `${p}/`;
}

export { sitePath } from './site-path.ts';

/** A site path ('/check/#stage=senior') on the configured site. */
export function absoluteUrl(path: string, site: string = siteUrl()): string {
  if (!path.startsWith('/')) throw new Error(`路径要以 / 开头：「${path}」`);
  return siteUrl(site) + path;
}

/** What to print under a QR code for people who type it: no `https://`, nothing else changed. */
export function shortUrl(url: string): string {
  return url.replace(/^https:\/\//, '');
}

/** Whether the site address is still the placeholder default (the deployment must set SITE_URL). */
export function isPlaceholderSite(site: string = siteUrl()): boolean {
  return new URL(siteUrl(site)).origin === PLACEHOLDER_SITE_URL;
}

/**
 * Whether a source's address is an official one a family may be sent to: a government (.gov.cn) or
 * school (.edu.cn) site, or a national news site. Other copies (转载页 on mirror sites) are cited by
 * name with their host as plain text, not as a link: the site tells parents not to tap unknown links.
 *   isOfficialUrl('https://www.moe.gov.cn/…') → true · isOfficialUrl('https://agent4you.net/…') → false
 */
export function isOfficialUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return /(^|\.)(gov\.cn|edu\.cn|people\.com\.cn|people\.cn|xinhuanet\.com|news\.cn|cctv\.com)$/.test(host);
}

/** The host of an address, for citing a copy that is not linked (「agent4you.net」). */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};

/**
 * How a source's address is cited, for every list of sources: `href` for an official site (a link),
 * `copy` for another site (「（转载：agent4you.net）」, no link), nothing without an address.
 */
export function sourceLink(url: string | undefined): { href?: string; copy?: string } {
  if (!url) return {};
  return isOfficialUrl(url) ? { href: url } : { copy: `（转载：${hostOf(url)}）` };
}
