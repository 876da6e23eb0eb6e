/**
 * A site path as a link on this build, under the deployment's base path:
 *
 *   sitePath('/check/') → '/check/', or '/zizhu/check/' when the site is built under /zizhu/
 *
 * Apart from ./site-url.ts (the configured address, its checks and QR-code addresses, which the poster
 * builder needs) so the wizard, which needs only this, does not download the rest.
 */

/** The build's base path ('/' or '/zizhu/'), from Vite's `import.meta.env.BASE_URL`. */
function base(): string {
  let b: string | undefined;
  try {
    b = import.meta.env?.BASE_URL as string | undefined;
  } catch {
    b = undefined;
  }
  return (b ?? '/').replace(/\/*$/, '/');
}

/**
 * A site path ('/check/#stage=senior', from src/rules or a component) as a link on this build: the
 * deployment's base path in front ('/zizhu/check/#stage=senior'). Works in pages, components and
 * islands (Vite puts `import.meta.env.BASE_URL` into browser code too). Paths that already carry the
 * base are returned as they are.
 */
export function sitePath(path: string, basePath: string = base()): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  if (basePath === '/' || path.startsWith(basePath) || path === basePath.slice(0, -1)) return path;
  return basePath.slice(0, -1) + path;
}

