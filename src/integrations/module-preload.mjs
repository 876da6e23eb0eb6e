// @ts-check
/**
 * Astro integration: every page that runs a module script or an island (the wizard /check/, the
 * poster builder) gets `<link rel="modulepreload">` for each module they need at once, followed
 * through static imports. Without them the browser learns of `preact.module.js` only after the page's script has
 * arrived and been parsed: one more round trip, which on a weak rural connection (2 s latency) is
 * seconds before the first question shows. Dynamic imports (the wizard's results screens, loaded after
 * the stage is picked) are not preloaded. Same-origin files only, so the CSP ('self') allows them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './csp-hashes.mjs';

const MODULE_SRC = /<script\b[^>]*\btype="module"[^>]*\bsrc="(\/[^"]+)"[^>]*><\/script>/g;
const STATIC_IMPORT = /(?:import|export)\s*(?:[^'"`;]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;

/**
 * The site paths `entry` imports statically, directly or through other modules, in first-seen order.
 * @param {string} dist
 * @param {string} entry a site path such as /_astro/index.js
 * @returns {string[]}
 */
export function staticImports(dist, entry) {
  /** @type {string[]} */
  const out = [];
  const queue = [entry];
  const seen = new Set(queue);
  while (queue.length) {
    const url = /** @type {string} */ (queue.shift());
    const file = join(dist, url);
    if (!existsSync(file)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const dep = posix.normalize(posix.join(posix.dirname(url), /** @type {string} */ (m[1])));
      if (seen.has(dep)) continue;
      seen.add(dep);
      out.push(dep);
      queue.push(dep);
    }
  }
  return out;
}

/**
 * The page with a modulepreload link, at the end of <head>, for each module its scripts and islands
 * need: what its module scripts import statically, and each island's component and renderer with
 * their static imports (unchanged when there is nothing to add).
 * @param {string} html
 * @param {string} dist
 */
export function withModulePreloads(html, dist) {
  const scripts = [...html.matchAll(MODULE_SRC)].map((m) => /** @type {string} */ (m[1]));
  const islands = [...html.matchAll(/\b(?:component|renderer)-url="(\/[^"]+)"/g)].map((m) => /** @type {string} */ (m[1]));
  const have = new Set([...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]));
  const deps = [...new Set([...islands, ...[...scripts, ...islands].flatMap((e) => staticImports(dist, e))])].filter((d) => !have.has(d) && !scripts.includes(d));
  if (!deps.length || !html.includes('</head>')) return html;
  const links = deps.map((d) => `<link rel="modulepreload" href="${d}">`).join('');
  return html.replace('</head>', `${links}</head>`);
}

/** @returns {import('astro').AstroIntegration} */
export default function modulePreload() {
  return {
    name: 'zz-module-preload',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        let pages = 0;
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const out = withModulePreloads(html, dist);
          if (out !== html) {
            writeFileSync(file, out);
            pages += 1;
          }
        }
        logger.info(`modulepreload links added to ${pages} page(s)`);
      },
    },
  };
}
