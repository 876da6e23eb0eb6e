// @ts-check
/**
 * Astro integration: builds the 「听一听」 speech module (src/islands/speak/speech.ts, with
 * src/lib/speak.ts) into one small file, `/_astro/speech.<hash>.js`, minified for Chrome 70 engines
 * (Chrome 70-era phones). Policy pages carry no script file (test/e2e/budgets.test.ts): their inline
 * loader (src/components/shell/tts.ts) imports this file only when a 「听一听」 button is tapped, so the
 * loader needs its URL at render time: pages import it from the virtual module `virtual:zz-speech`
 * (`export const speechUrl`). The URL carries the site's base (SITE_URL https://x/zizhu/ →
 * `/zizhu/_astro/speech.<hash>.js`): src/integrations/base-path.mjs does not rewrite inline scripts
 * (their CSP hashes, computed by csp-hashes.mjs from the built page, cover the URL as written), so the
 * loader must get it right from the start. The file is written into dist/_astro/ when the build is
 * done (before the service worker is generated, which precaches it like the other /_astro files) and
 * served from memory by the dev server. The source is bundled once, when the config is set up.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('../islands/speak/speech.ts', import.meta.url));
const VIRTUAL = 'virtual:zz-speech';

/**
 * The bundled module, its URL under `base` ('/' or '/zizhu/') and its path inside dist/ ('_astro/speech.<hash>.js').
 * @param {string} [base]
 * @returns {Promise<{ code: string, url: string, file: string }>}
 */
export async function bundleSpeech(base = '/') {
  const r = await build({
    entryPoints: [ENTRY], bundle: true, minify: true, format: 'esm', target: 'chrome70', write: false, legalComments: 'none', charset: 'utf8',
  });
  const code = r.outputFiles[0].text;
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 8);
  const file = `_astro/speech.${hash}.js`;
  return { code, url: `${base.replace(/\/*$/, '/')}${file}`, file };
}

/** @returns {import('astro').AstroIntegration} */
export default function speechChunk() {
  /** @type {{ code: string, url: string, file: string }} */
  let out = { code: '', url: '', file: '' };
  return {
    name: 'zz-speech-chunk',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig }) => {
        out = await bundleSpeech(config.base);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'zz-speech',
                resolveId: (id) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
                load: (id) => (id === `\0${VIRTUAL}` ? `export const speechUrl = ${JSON.stringify(out.url)};` : undefined),
                configureServer(server) {
                  server.middlewares.use((req, res, next) => {
                    if (req.url !== out.url && req.url !== `/${out.file}`) return next(); // with or without the base
                    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                    res.end(out.code);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir }) => {
        const file = new URL(out.file, dir);
        mkdirSync(new URL('.', file), { recursive: true });
        writeFileSync(file, out.code);
      },
    },
  };
}
