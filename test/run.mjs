// The one test command (README: `npm test`). Builds the site, then runs every vitest project
// (unit + content + e2e in Chromium) and closes with the line CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

// Browser tests need Debian's Chromium and a CJK font; the printed-QR test needs zbarimg (zbar-tools),
// pdftoppm (poppler-utils) and convert (imagemagick). On a fresh machine (root, Debian) install them.
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!existsSync('/usr/bin/chromium') || !existsSync('/usr/share/fonts/opentype/noto') || !['zbarimg', 'pdftoppm', 'convert'].every(has)) {
  if (process.getuid?.() === 0) {
    console.log('› 安装 Chromium、中文字体和读二维码的工具（Debian 软件包）');
    run('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk zbar-tools poppler-utils imagemagick >/dev/null']);
  } else {
    console.warn('! 缺少 chromium、中文字体或 zbarimg/pdftoppm/convert 且不是 root：浏览器测试会失败。请安装 Debian 的 chromium fonts-noto-cjk zbar-tools poppler-utils imagemagick。');
  }
}

const only = process.argv.slice(2);
let buildStatus = 0;
if (!process.env.SKIP_BUILD) {
  console.log('› 构建网站（astro build：页面、搜索索引、service worker）');
  buildStatus = run('npm', ['run', 'build']);
}

mkdirSync('test-results', { recursive: true });
const vitestStatus = run('npx', ['vitest', 'run', '--config', 'test/vitest.config.ts',
  '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...only]);

let passed = 0, failed = 0, skipped = 0;
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed = report.numPassedTests; failed = report.numFailedTests;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load (syntax error, failed setup) has no tests but must still count.
  failed += (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} catch {
  failed += 1;
}
if (buildStatus !== 0) { console.error('✗ 构建失败'); failed += 1; }
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && vitestStatus === 0 && buildStatus === 0 ? 0 : 1);
