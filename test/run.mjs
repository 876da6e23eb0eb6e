// The one test command (README: `npm test`). Builds the site, then runs every vitest project
// (unit + content + e2e in Chromium) and closes with the line CI reads: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};

// Browser tests need Debian's Chromium and a CJK font. On a fresh machine (root, Debian) install them.
if (!existsSync('/usr/bin/chromium') || !existsSync('/usr/share/fonts/opentype/noto')) {
  if (process.getuid?.() === 0) {
    console.log('› 安装 Chromium 和中文字体（Debian 软件包）');
    run('bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null']);
  } else {
    console.warn('! /usr/bin/chromium 不存在且不是 root：浏览器测试会失败。请安装 Debian 的 chromium 和 fonts-noto-cjk。');
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
