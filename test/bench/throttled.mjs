// Measurements on the throttled profile (test/bench/bench.mjs, step 5). Each takes the bench's server
// (`serve()` there: `state.throttle`, `state.sent` body bytes, `state.requests`, `state.root`) and a
// Chromium launched by playwright-core. Every visit is a new context: an empty cache, like a phone
// opening the site for the first time, unless said otherwise. Times are milliseconds from the start
// of the navigation (performance.timeOrigin), read in the page; bytes are what the server sent
// (compressed bodies, headers not counted).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The weak-signal profile: one round trip per request, one shared line, a slow phone's CPU. */
export const THROTTLE = { rttMs: 400, kbitPerSecond: 400, cpuSlowdown: 4 };

/** How the throttled profile is described in the output. */
export const THROTTLE_NOTE = '每个请求一次 400 ms 往返，所有请求共用 400 kbit/s，CPU 慢 4 倍';

/** The wizard's answer buttons (or, before its script, its plain links) of the question on screen. */
export const QUESTION_OPTIONS = 'section[data-q] .wz-opts a, section[data-q] .wz-opts button';

const phoneContext = (browser, serviceWorkers = 'block') =>
  browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', serviceWorkers });

async function throttledPage(context, cpu) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  // First time (from the navigation start) the first question's options are on screen with a size.
  await page.addInitScript((sel) => {
    const tick = () => {
      const el = document.querySelector(sel);
      if (el && el.getBoundingClientRect().height > 0) window.__zzQuestionAt = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, QUESTION_OPTIONS);
  return page;
}

const median = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};
const round = (x) => (x == null ? null : Math.round(x));

/**
 * First paint and load of each path, median of `runs` first visits.
 * @returns {Promise<Record<string, { firstPaintMs, loadMs, questionMs?, bytes, requests, runs: number[] }>>}
 */
export async function paintAndLoad(browser, srv, base, paths, { cpu = THROTTLE.cpuSlowdown, runs = 3 } = {}) {
  const out = {};
  srv.state.throttle = true;
  try {
    for (const path of paths) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const context = await phoneContext(browser);
        const page = await throttledPage(context, cpu);
        srv.state.sent = 0;
        srv.state.requests = 0;
        await page.goto(base + path, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForLoadState('networkidle', { timeout: 120_000 });
        const m = await page.evaluate(() => ({
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
          load: performance.getEntriesByType('navigation')[0]?.loadEventEnd,
          question: window.__zzQuestionAt,
        }));
        samples.push({ ...m, bytes: srv.state.sent, requests: srv.state.requests });
        await context.close();
      }
      out[path] = {
        firstPaintMs: round(median(samples.map((s) => s.fcp))),
        loadMs: round(median(samples.map((s) => s.load))),
        ...(samples.some((s) => s.question != null) ? { questionMs: round(median(samples.map((s) => s.question))) } : {}),
        bytes: median(samples.map((s) => s.bytes)),
        requests: median(samples.map((s) => s.requests)),
        runs: samples.map((s) => round(s.fcp)),
      };
    }
  } finally {
    srv.state.throttle = false;
  }
  return out;
}

/**
 * The wizard from opening to the results, for each stage: open /check/, tap the stage, answer every
 * further question with its first choice, tap 「看结果」, wait for the results.
 * @returns {Promise<{ stage, bytes, requests, questionMs, resultsMs }[]>}
 */
export async function wizardJourneys(browser, srv, base, stages, { cpu = THROTTLE.cpuSlowdown } = {}) {
  const out = [];
  srv.state.throttle = true;
  try {
    for (const stage of stages) {
      const context = await phoneContext(browser);
      const page = await throttledPage(context, cpu);
      srv.state.sent = 0;
      srv.state.requests = 0;
      srv.state.paths = [];
      await page.goto(`${base}/check/`, { waitUntil: 'commit', timeout: 120_000 });
      // Tapped as soon as it shows (a plain link before the wizard's script, a button after).
      await page.waitForSelector(`section[data-q] [data-v="${stage}"]`, { timeout: 120_000 });
      await page.locator(`section[data-q] [data-v="${stage}"]`).first().click();
      for (let i = 0; i < 20; i++) {
        if (await page.locator('.wz-results').count()) break;
        const see = page.getByRole('button', { name: '看结果' });
        if (await see.count()) {
          await see.click();
          await page.waitForSelector('.wz-results', { timeout: 120_000 });
          break;
        }
        const box = page.locator('section[data-q] input[type="checkbox"]').first();
        if (await box.count()) {
          await box.check();
          await page.getByRole('button', { name: '下一步' }).click();
        } else {
          const first = page.locator('section[data-q] .wz-opts button').first();
          if (await first.count()) await first.click();
          else await page.waitForTimeout(200);
        }
        await page.waitForTimeout(50);
      }
      await page.waitForSelector('.wz-results', { timeout: 120_000 });
      const resultsMs = await page.evaluate(() => performance.now());
      await page.waitForLoadState('networkidle', { timeout: 120_000 });
      const questionMs = await page.evaluate(() => window.__zzQuestionAt);
      out.push({ stage, bytes: srv.state.sent, requests: srv.state.requests, paths: [...srv.state.paths], questionMs: round(questionMs), resultsMs: round(resultsMs) });
      await context.close();
    }
  } finally {
    srv.state.throttle = false;
  }
  return out;
}

/** Waits until a service worker controls the page; ms from the navigation start. */
const controlled = (page) =>
  page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 300_000, polling: 100 }).then(() => page.evaluate(() => performance.now()));

/**
 * The first visit with the service worker: the home page, then the worker's install (precache).
 * @returns {Promise<{ pageBytes, installBytes, installRequests, controlledMs }>}
 */
export async function serviceWorkerInstall(browser, srv, base, { cpu = THROTTLE.cpuSlowdown } = {}) {
  srv.state.throttle = true;
  const context = await phoneContext(browser, 'allow');
  try {
    const page = await throttledPage(context, cpu);
    srv.state.sent = 0;
    srv.state.requests = 0;
    await page.goto(`${base}/`, { waitUntil: 'load', timeout: 120_000 });
    const pageBytes = srv.state.sent;
    const pageRequests = srv.state.requests;
    const controlledMs = await controlled(page);
    await page.waitForLoadState('networkidle');
    return { pageBytes, installBytes: srv.state.sent - pageBytes, installRequests: srv.state.requests - pageRequests, controlledMs: round(controlledMs) };
  } finally {
    await context.close();
    srv.state.throttle = false;
  }
}

/**
 * A phone that has deployment `from` (service worker installed) comes back after `to` replaced it:
 * what it downloads until the new version is ready (a new worker waiting, 「有新版本」 shown) or, when
 * nothing changed, until its update check is over. Not throttled (bytes only).
 * @returns {Promise<{ bytes, requests, newVersion: boolean }>}
 */
export async function returningPhone(browser, srv, base, from, to) {
  srv.state.root = from;
  const context = await phoneContext(browser, 'allow');
  try {
    const page = await context.newPage();
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await controlled(page);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    srv.state.root = to;
    srv.state.sent = 0;
    srv.state.requests = 0;
    await page.goto(`${base}/`, { waitUntil: 'load' });
    // The browser checks for a new sw.js on navigation; ask once more and wait for that check.
    const newVersion = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg) return false;
      await reg.update().catch(() => {});
      const worker = reg.installing || reg.waiting;
      if (!worker) return false;
      if (worker.state !== 'installed') {
        await new Promise((ok) => worker.addEventListener('statechange', () => worker.state !== 'installing' && ok()));
      }
      return true;
    });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    return { bytes: srv.state.sent, requests: srv.state.requests, newVersion };
  } finally {
    await context.close();
    srv.state.root = from;
  }
}

/** Relative paths of files that differ between two built folders (or exist in one only). */
export function differingFiles(a, b, list) {
  const fa = list(a);
  const fb = new Set(list(b));
  const out = fa.filter((f) => !fb.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  for (const f of fb) if (!fa.includes(f)) out.push(f);
  return out;
}
