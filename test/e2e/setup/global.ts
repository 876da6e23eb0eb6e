/**
 * vitest globalSetup for the "e2e" project: serves the already-built site (dist/, or $E2E_DIST) on
 * 127.0.0.1 at a free port and hands the address to tests:
 *     import { inject } from 'vitest';
 *     const baseURL = inject('baseURL');   // e.g. "http://127.0.0.1:41234" (no trailing slash)
 * It serves a copy of dist/ taken at the start (a rebuild during the run cannot change the pages).
 * The server is a small in-process Node http server (no child process that could outlive the run):
 * /x/ → /x/index.html, /x → 301 /x/ when x is a folder, unknown paths → dist/404.html with status 404,
 * content types for html/css/js/json/svg/png/xml/wasm and Pagefind's binary .pf_* files.
 * It is closed in teardown and, as a last resort, on process exit; it never keeps the process alive.
 * createStaticServer(root, '/zizhu/') serves the folder under that path instead (a sub-path deployment,
 * test/e2e/subpath.test.ts): /zizhu/x/ → root/x/index.html; anything outside /zizhu/ is a plain 404.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the local static server, without a trailing slash: "http://127.0.0.1:PORT". */
    baseURL: string;
    /** Absolute path of the built site being served (a snapshot of dist/ taken at the start of the run). */
    distDir: string;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.gif': 'image/gif',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
/** Pagefind's index files (.pf_meta, .pf_index, .pf_fragment, .pf_filter, …) and wasm.*.pagefind are gzip bytes the JS inflates itself. */
const typeOf = (file: string) => {
  const ext = extname(file).toLowerCase();
  if (ext.startsWith('.pf_') || ext === '.pagefind') return 'application/octet-stream';
  return TYPES[ext] ?? 'application/octet-stream';
};

const isFile = (p: string) => {
  try { return statSync(p).isFile(); } catch { return false; }
};
const isDir = (p: string) => {
  try { return statSync(p).isDirectory(); } catch { return false; }
};

function send(res: ServerResponse, status: number, file: string, head: boolean) {
  res.writeHead(status, { 'content-type': typeOf(file), 'content-length': statSync(file).size, 'cache-control': 'no-store' });
  if (head) { res.end(); return; }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export function createStaticServer(root: string, prefix = '/'): Server {
  const notFound = join(root, '404.html');
  return createServer((req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const head = req.method === 'HEAD';
      const url = new URL(req.url ?? '/', 'http://local');
      let path: string;
      try { path = decodeURIComponent(url.pathname); } catch { path = '\0'; }
      if (prefix !== '/') {
        if (`${path}/` === prefix) path = prefix; // /zizhu → /zizhu/ (redirected below)
        if (!path.startsWith(prefix)) { res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found'); return; }
        path = path.slice(prefix.length - 1);
      }
      const target = resolve(root, '.' + path);
      const inside = target === root || target.startsWith(root + sep);
      if (inside && !path.includes('\0')) {
        if (isFile(target)) return send(res, 200, target, head);
        if (isDir(target)) {
          if (!path.endsWith('/')) {
            res.writeHead(301, { location: url.pathname + '/' + url.search }).end();
            return;
          }
          const index = join(target, 'index.html');
          if (isFile(index)) return send(res, 200, index, head);
        }
      }
      if (isFile(notFound)) return send(res, 404, notFound, head);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 Not Found');
    } catch (err) {
      // Never let an error escape a listener (it would leave the server and the run hanging).
      try { res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(err)); } catch { res.destroy(); }
    }
  });
}

const SNAPSHOT_PREFIX = 'zz-e2e-dist-';

export default async function setup(project: TestProject) {
  const distDir = resolve(process.env.E2E_DIST ?? 'dist');
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `e2e: ${distDir}/index.html is missing, so there is no built site to test.\n` +
        '  Build first: `bash .ci/node22 npm run build` (or run everything with `npm test`, which builds).',
    );
  }
  if (!existsSync(join(distDir, 'pagefind'))) {
    console.warn(`e2e: ${distDir}/pagefind/ is missing; build with \`npm run build\` (its integrations write the search index).`);
  }

  // Serve a snapshot, so a rebuild of dist/ during the run (another shell, `astro build --watch`)
  // cannot change pages under the tests.
  // (A run killed by a signal cannot clean up: drop snapshots left over from runs hours ago.)
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(SNAPSHOT_PREFIX)) continue;
    const old = join(tmpdir(), name);
    try { if (Date.now() - statSync(old).mtimeMs > 3 * 3600_000) rmSync(old, { recursive: true, force: true }); } catch { /* in use or gone */ }
  }
  const snapshot = mkdtempSync(join(tmpdir(), SNAPSHOT_PREFIX));
  cpSync(distDir, snapshot, { recursive: true });
  const removeSnapshot = () => rmSync(snapshot, { recursive: true, force: true });

  const app = createStaticServer(snapshot);
  try {
    await new Promise<void>((ok, fail) => {
      app.once('error', fail);
      app.listen(0, '127.0.0.1', () => ok());
    });
  } catch (err) {
    removeSnapshot();
    throw err;
  }
  app.unref();
  const addr = app.address();
  if (!addr || typeof addr === 'string') throw new Error('e2e: static server has no port');
  const baseURL = `http://127.0.0.1:${addr.port}`;

  let closed = false;
  const stop = () => {
    if (closed) return;
    closed = true;
    app.closeAllConnections();
    app.close();
    removeSnapshot();
  };
  process.once('exit', stop);

  project.provide('baseURL', baseURL);
  project.provide('distDir', snapshot);

  return async function teardown() {
    process.off('exit', stop);
    stop();
  };
}
