// Bytes of the wizard page /check/ as a browser loads it: the HTML, its stylesheets, the island's
// component and renderer scripts and every module they import (followed recursively). Prints each
// resource with raw and gzip bytes, then the total. Not a test: run after a build.
//   node test/bench/wizard-bytes.mjs [distDir]        (default: dist)
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const page = '/check/index.html';
if (!existsSync(join(dist, page))) {
  console.error(`${join(dist, page)} 不存在：先运行 npm run build`);
  process.exit(1);
}

const read = (url) => readFileSync(join(dist, url.split(/[?#]/)[0]));
const rows = [];
const seen = new Set();
const add = (url, kind, buf) => {
  if (seen.has(url)) return;
  seen.add(url);
  rows.push({ url, kind, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
};

const html = read(page);
add('/check/', 'html', html);
const text = html.toString('utf8');
const attr = (re) => [...text.matchAll(re)].map((m) => m[1].replace(/&amp;/g, '&'));
const abs = (u, from = '/check/') => (u.startsWith('/') ? u : posix.normalize(posix.join(posix.dirname(from + 'x'), u)));

for (const href of attr(/<link[^>]+rel="?stylesheet"?[^>]*href="([^"]+)"/g)) add(abs(href), 'css', read(abs(href)));
for (const href of attr(/<link[^>]+href="([^"]+)"[^>]*rel="?stylesheet"?/g)) add(abs(href), 'css', read(abs(href)));

const scripts = [
  ...attr(/<script[^>]+src="([^"]+)"/g),
  ...attr(/component-url="([^"]+)"/g),
  ...attr(/renderer-url="([^"]+)"/g),
  ...attr(/before-hydration-url="([^"]+)"/g).filter(Boolean),
];
const queue = scripts.map((s) => abs(s));
while (queue.length) {
  const url = queue.shift();
  if (seen.has(url) || !existsSync(join(dist, url))) continue;
  const buf = read(url);
  add(url, 'js', buf);
  const src = buf.toString('utf8');
  for (const m of src.matchAll(/(?:import|export)\s*(?:[^'"]*?from\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g)) queue.push(abs(m[1], url));
  for (const m of src.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+|\/[^"']+)["']\s*\)/g)) queue.push(abs(m[1], url));
}

const kb = (n) => (n / 1024).toFixed(1).padStart(6) + ' KB';
const w = Math.max(...rows.map((r) => r.url.length), 8);
console.log(`${'resource'.padEnd(w)}  kind  ${'raw'.padStart(9)}  ${'gzip'.padStart(9)}`);
for (const r of rows) console.log(`${r.url.padEnd(w)}  ${r.kind.padEnd(4)}  ${kb(r.raw)}  ${kb(r.gzip)}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
console.log(`${'total'.padEnd(w)}        ${kb(total.raw)}  ${kb(total.gzip)}   (${total.raw} / ${total.gzip} bytes; aim: < 25 KB gzip)`);
