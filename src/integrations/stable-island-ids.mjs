// @ts-check
/**
 * Astro integration: gives every island (`<astro-island uid="…">`) an id that depends only on what
 * the page ships, so building the same sources twice gives the same files byte for byte.
 *
 * Why: Astro derives `uid` from a hash that includes the component's absolute path on the build
 * machine (`/home/…/src/islands/…`), so the same sources built in another folder (a fresh clone, CI,
 * a county's machine) give the poster builder page another uid; its revision in sw.js changes, and
 * every phone downloads the new worker and sees 「有新版本」 for nothing.
 *
 * The new uid is a short SHA-256 of the island's opening tag without the uid (component and
 * renderer URLs carry content hashes; props are the serialised data) and its position in the page;
 * the uid is not referenced anywhere else in the page (Astro's client only reads it off the element).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './csp-hashes.mjs';

const ISLAND = /<astro-island\b uid="([^"]*)"([^>]*)>/g;

/**
 * The page with each island's uid replaced by a hash of what it ships.
 * @param {string} html
 * @returns {string}
 */
export function withStableIslandIds(html) {
  let n = 0;
  return html.replace(ISLAND, (_all, _uid, rest) => {
    n += 1;
    const uid = createHash('sha256').update(`${n}\0${rest}`).digest('base64url').slice(0, 8);
    return `<astro-island uid="${uid}"${rest}>`;
  });
}

/** @returns {import('astro').AstroIntegration} */
export default function stableIslandIds() {
  return {
    name: 'zz-stable-island-ids',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        let pages = 0;
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const out = withStableIslandIds(html);
          if (out !== html) {
            writeFileSync(file, out);
            pages += 1;
          }
        }
        if (pages) logger.info(`island ids made independent of the build folder on ${pages} page(s)`);
      },
    },
  };
}
