// @ts-check
/**
 * Astro integration for deployments under a path (README「部署在子路径下」): SITE_URL
 * `https://jyj.example.gov.cn/zizhu/` gives Astro `base: '/zizhu/'` (astro.config.mjs), and Astro puts
 * that base in front of its own files (/zizhu/_astro/…). Everything the site links by hand is written
 * root-relative to the site (`/check/`, `/stages/senior/`, `/favicon.svg`, MDX links `[…](/fraud/)`):
 * after the build this puts the base in front of those too, in every page of dist/:
 *   - attributes href, src, action of HTML elements that start with one `/` (not `//`) and do not
 *     already start with the base;
 *   - manifest.webmanifest: id, start_url, scope and the icons' src.
 * Inline scripts, styles and text are left alone (their CSP hashes stay valid); code that builds links
 * at run time uses `sitePath()` (src/lib/site-url.ts) itself. With base '/' nothing is rewritten.
 *
 * It also warns during the build when SITE_URL is still the placeholder: posters then carry
 * 「示例地址，请勿张贴」 (src/components/posters/SiteUrlWarning.astro, ReadySheet).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The placeholder address of astro.config.mjs (the same string as src/lib/site-url.ts PLACEHOLDER_SITE_URL). */
export const PLACEHOLDER_ORIGIN = 'https://zizhu.example.org';

/**
 * Puts `base` ('/zizhu/') in front of root-relative href/src/action attributes of one HTML page.
 * @param {string} html
 * @param {string} base
 * @returns {string}
 */
export function prefixLinks(html, base) {
  if (base === '/') return html;
  const b = base.replace(/\/$/, '');
  // Only inside tags (not in script or style text): split the page at <script>…</script> and <style>…</style>.
  return html
    .split(/(<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>)/i)
    .map((part, i) => {
      const code = i % 2 === 1;
      const tagOnly = code ? part.replace(/^(<(?:script|style)\b[^>]*>)[\s\S]*$/i, '$1') : part;
      const fixed = tagOnly.replace(/<[a-z][^<>]*>/gi, (tag) =>
        tag.replace(/(\s(?:href|src|action)=)(["']?)\/(?!\/)([^"'\s>]*)/gi, (all, pre, q, rest) =>
          `/${rest}`.startsWith(`${b}/`) || `/${rest}` === b ? all : `${pre}${q}${b}/${rest}`));
      return code ? fixed + part.slice(tagOnly.length) : fixed;
    })
    .join('');
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []);
}

/** @returns {import('astro').AstroIntegration} */
export default function basePath() {
  let base = '/';
  return {
    name: 'zz-base-path',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const site = config.site ? new URL(config.site) : undefined;
        if (!site || site.origin === PLACEHOLDER_ORIGIN)
          logger.warn(`SITE_URL 没有设置，本次构建用的是示例地址 ${PLACEHOLDER_ORIGIN}：海报和信上的二维码打不开，打印出来会带「示例地址，请勿张贴」。正式部署请这样构建：SITE_URL=https://本站网址/ npm run build`);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (base === '/') return;
        const root = fileURLToPath(dir);
        let n = 0;
        for (const file of htmlFiles(root)) {
          const html = readFileSync(file, 'utf8');
          const out = prefixLinks(html, base);
          if (out !== html) { writeFileSync(file, out); n++; }
        }
        const manifest = join(root, 'manifest.webmanifest');
        if (existsSync(manifest)) {
          const m = JSON.parse(readFileSync(manifest, 'utf8'));
          const fix = (/** @type {unknown} */ p) => (typeof p === 'string' && p.startsWith('/') && !p.startsWith(base) ? base.slice(0, -1) + p : p);
          for (const k of ['id', 'start_url', 'scope']) if (k in m) m[k] = fix(m[k]);
          for (const icon of m.icons ?? []) icon.src = fix(icon.src);
          writeFileSync(manifest, JSON.stringify(m, null, 2) + '\n');
        }
        logger.info(`base ${base}: links put under it in ${n} page(s) and the manifest`);
      },
    },
  };
}
