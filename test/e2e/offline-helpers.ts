/**
 * Small helpers for the privacy, CSP, offline and update tests (test/e2e/privacy.test.ts, csp.test.ts,
 * offline.test.ts, update.test.ts).
 */
import type { Page } from 'playwright-core';

/**
 * The wizard's heading once its script has taken over #wz (before that, the page holds a copy of the
 * first question with plain links, marked data-wz-copy: src/pages/check/index.astro).
 */
export const WIZARD_READY = '#wz > .wz:not([data-wz-copy]) #wz-h';

/** A complete answer set for the wizard (普通高中二年级, 农村, 低保): opens on the review screen. */
export const SAMPLE_ANSWERS = 'stage=senior&grade=2&school=public&hukou=rural&family=dibao';

/**
 * Opens /check/ with SAMPLE_ANSWERS and goes on to the results (answering any question the wizard still
 * asks with its first choice). Resolves when the results are on screen.
 */
export async function wizardToResults(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}/check/#${SAMPLE_ANSWERS}`);
  await page.waitForSelector(WIZARD_READY);
  for (let i = 0; i < 12; i++) {
    if (await page.locator('.wz-results').count()) return;
    const see = page.getByRole('button', { name: '看结果' });
    if (await see.count()) {
      await see.click();
      await page.waitForSelector('.wz-results');
      return;
    }
    // Still a question on screen: take the first choice (a checkbox list needs 下一步 too).
    const box = page.locator('section[data-q] input[type="checkbox"]').first();
    if (await box.count()) {
      await box.check();
      await page.getByRole('button', { name: '下一步' }).click();
    } else {
      await page.locator('section[data-q] .wz-opts button').first().click();
    }
    await page.waitForTimeout(100);
  }
  await page.waitForSelector('.wz-results', { timeout: 5_000 });
}

/**
 * Waits until a service worker controls the page (dist/sw.js, first visit: installed, precached,
 * activated and claimed the page). Throws with the reason when it does not happen.
 */
export async function waitForServiceWorker(page: Page, timeout = 60_000): Promise<void> {
  try {
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout, polling: 250 });
  } catch (err) {
    const state = await page.evaluate(async () => {
      if (!('serviceWorker' in navigator)) return 'navigator.serviceWorker is missing';
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg) return 'no registration (was /sw.js built? see src/integrations/service-worker.mjs)';
      return `installing=${reg.installing?.state ?? '-'} waiting=${reg.waiting?.state ?? '-'} active=${reg.active?.state ?? '-'}`;
    }).catch(() => 'page gone');
    throw new Error(`no service worker controls ${page.url()} after ${timeout} ms: ${state}`, { cause: err });
  }
}
