/**
 * Fallbacks for older phones (README「支持的浏览器」: Chrome 70-era engines), as plain ES5 text for an
 * inline `<script is:inline set:html={ISLAND_FALLBACKS} />` (hashed into the CSP like every inline
 * script, src/integrations/csp-hashes.mjs).
 *
 * Astro's island loader (the inline `astro-island` script Astro puts before the first `client:*`
 * component of a page) reads the island's props with `Object.fromEntries` (Chrome 73) and checks export
 * paths with `Object.hasOwn` (Chrome 93). A page with an island (/posters/make/) puts this before it,
 * so the loader finds both on older engines. Our own code uses neither (test/e2e/old-engines.test.ts).
 */
export const ISLAND_FALLBACKS =
  'Object.fromEntries||(Object.fromEntries=function(l){var o={};Array.from(l,function(e){o[e[0]]=e[1]});return o});' +
  'Object.hasOwn||(Object.hasOwn=function(o,k){return Object.prototype.hasOwnProperty.call(o,k)});';

/**
 * The `ics` package (加到手机日历, src/islands/wizard/ics-file.ts) calls String.prototype.replaceAll
 * (Chrome 85). The wizard installs this fallback before it imports that chunk (Family.tsx).
 */
export function ensureReplaceAll(): void {
  const sp = String.prototype as unknown as { replaceAll?: unknown };
  if (typeof sp.replaceAll === 'function') return;
  sp.replaceAll = function (this: string, find: string | RegExp, to: string): string {
    if (find instanceof RegExp) return this.replace(find, to);
    return this.split(find).join(to);
  };
}
