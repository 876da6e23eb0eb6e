/**
 * 「听一听」 (issue 15) in Chromium at 360×640, with `speechSynthesis` replaced by a recorder (an init
 * script, before the page's scripts): what the page hands the voice is compared with what the block
 * shows. The block's visible text is read here independently of the page's code, with `innerText`
 * (with the 「听一听」 button, `.tts-skip` parts and screen-reader-only copies hidden); the words it
 * should become come from src/lib/speak.ts (unit-tested in test/unit/speak.test.ts). Pauses
 * (whitespace, commas) are not compared: they are not words.
 *
 * Covered: every question of every stage (walked through by tapping), the results and checklist of
 * every table case (test/cases), a stage page's summary; one tap plays and another stops; a new
 * screen stops the voice unless 「换了一页也接着读」 is ticked; no button without a Chinese voice,
 * including after `voiceschanged`; a voice that arrives late shows it; nothing is requested but the
 * speech module.
 */
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { newPage, screenshot, useBrowser } from './helpers';
import { toSpeech } from '../../src/lib/speak.ts';
import { NATIONAL_REGION, parseAnswers, STAGES, formatAnswers } from '../../src/rules/index.ts';
import { loadCases } from '../cases/load.ts';

const baseURL = inject('baseURL');
const context = useBrowser({ closeContexts: 'afterEach' });
const small = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

type Voices = 'zh' | 'none' | 'late-zh' | 'late-en';

/** Replaces speechSynthesis with a recorder: window.__tts gets { text, lang } per utterance and 'cancel'. */
function stubSpeech(voices: Voices) {
  const zh = { lang: 'zh-CN', name: '测试中文', voiceURI: 'stub-zh', localService: true, default: true };
  const en = { lang: 'en-US', name: 'Test English', voiceURI: 'stub-en', localService: true, default: true };
  const log: unknown[] = [];
  let list = voices === 'zh' ? [zh] : [];
  const listeners: ((e: Event) => void)[] = [];
  const synth = {
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
    getVoices: () => list.slice(),
    speak: (u: { text: string; lang: string; voice?: { lang: string } }) => log.push({ text: u.text, lang: u.lang, voice: u.voice?.lang }),
    cancel: () => log.push('cancel'),
    pause() {}, resume() {},
    addEventListener: (t: string, f: (e: Event) => void) => { if (t === 'voiceschanged') listeners.push(f); },
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synth });
  (window as unknown as Record<string, unknown>).SpeechSynthesisUtterance = function (this: Record<string, unknown>, text: string) { this.text = text; this.lang = ''; };
  (window as unknown as { __tts: unknown[] }).__tts = log;
  // A late voice list (as on Android): the test calls window.__voicesArrive() when it wants it.
  (window as unknown as { __voicesArrive: () => void }).__voicesArrive = () => {
    list = voices === 'late-zh' ? [zh] : voices === 'late-en' ? [en] : list;
    for (const f of listeners) f(new Event('voiceschanged'));
  };
}

async function open(path: string, voices: Voices = 'zh', ctx?: BrowserContext) {
  const c = ctx ?? (await context(small));
  await c.addInitScript(stubSpeech, voices);
  const t = await newPage(c);
  await t.page.goto(`${baseURL}${path}`);
  return { ...t, context: c };
}

interface Heard { visible: string; spoken: string[]; langs: string[]; pressed: string | null; after: string | null; cancelled: boolean }

/**
 * Taps the 「听一听」 button of each block matching `sel` (in page order), records what the voice was
 * given, then taps it again. `visible`: the block's innerText with the button, .tts-skip and .sr-only hidden.
 */
function listen(page: Page, sel: string): Promise<Heard[]> {
  return page.evaluate(async (sel) => {
    const log = (window as unknown as { __tts: ({ text: string; lang: string } | string)[] }).__tts;
    const wait = (ok: () => boolean) => new Promise<void>((done, fail) => {
      const t0 = performance.now();
      const tick = () => (ok() ? done() : performance.now() - t0 > 5000 ? fail(new Error('no speech after 5 s')) : setTimeout(tick, 10));
      tick();
    });
    const out: Heard[] = [];
    for (const block of Array.from(document.querySelectorAll(sel))) {
      const btn = block.querySelector<HTMLElement>('.tts-btn');
      if (!btn || btn.closest('[data-tts]') !== block) continue;
      const hide = Array.from(block.querySelectorAll<HTMLElement>('.tts-btn, .tts-skip, .sr-only'));
      const was = hide.map((e) => e.style.display);
      for (const e of hide) e.style.display = 'none';
      const visible = (block as HTMLElement).innerText;
      hide.forEach((e, i) => { e.style.display = was[i]!; });
      const start = log.length;
      btn.click();
      await wait(() => log.slice(start).some((x) => typeof x !== 'string'));
      const said = log.slice(start).filter((x): x is { text: string; lang: string } => typeof x !== 'string');
      const pressed = btn.getAttribute('aria-pressed');
      const before = log.length;
      btn.click();
      await wait(() => btn.getAttribute('aria-pressed') === 'false');
      out.push({ visible, spoken: said.map((x) => x.text), langs: said.map((x) => x.lang), pressed, after: btn.getAttribute('aria-pressed'), cancelled: log.slice(before).includes('cancel') });
    }
    return out;
  }, sel) as Promise<Heard[]>;
}

/** Words only: pauses (whitespace, commas, full stops…) are not compared. */
const words = (s: string) => s.replace(/[\s，,。、；：！？（）()「」]/g, '');

function expectHeard(h: Heard[], what: string) {
  expect(h.length, `${what}: no 「听一听」 block`).toBeGreaterThan(0);
  for (const b of h) {
    const said = b.spoken.join('');
    expect(words(said), `${what}: spoken text ≠ visible text\n${b.visible}`).toBe(words(toSpeech(b.visible)));
    expect(said, `${what}: a digit is read as a digit`).not.toMatch(/[0-9]/);
    expect(b.langs.every((l) => l === 'zh-CN'), what).toBe(true);
    expect(b.pressed, `${what}: the button says it is playing`).toBe('true');
    expect(b.after, `${what}: a second tap stops`).toBe('false');
    expect(b.cancelled, `${what}: a second tap cancels the voice`).toBe(true);
  }
}

/** The first option of a question, tapped (family: the first box, then 下一步). */
async function answerFirst(page: Page) {
  const q = await page.getAttribute('section[data-q]', 'data-q');
  if (q === 'family') {
    await page.locator('input[name="family"]').first().check();
    await page.locator('.wz-next').click();
  } else if (q === 'region') {
    await page.locator(`button[data-v="${NATIONAL_REGION}"]`).click();
  } else {
    await page.locator('.wz-q .wz-opts button').first().click();
  }
  await page.waitForFunction((prev) => document.querySelector('section[data-q]')?.getAttribute('data-q') !== prev, q);
}

describe('「听一听」 reads what the block shows', () => {
  it('reads every question with its options, for every stage, amounts and numbers in words', async () => {
    const { page, errors, requests } = await open('/check/');
    const seen = new Set<string>();
    for (const stage of STAGES) {
      await page.goto(`${baseURL}/check/#stage=${stage}`);
      await page.waitForSelector('section[data-q]');
      // The stage question itself, then each question in turn.
      for (let i = 0; i < 12; i++) {
        const q = await page.getAttribute('section[data-q]', 'data-q');
        if (!q) break;
        const heard = await listen(page, 'section[data-q]');
        expectHeard(heard, `${stage}/${q}`);
        if (q === 'family') expect(heard[0]!.spoken.join('')).toContain('低保户（最低生活保障家庭）');
        seen.add(q);
        await answerFirst(page);
        if (!(await page.$('section[data-q]'))) break;
      }
    }
    await page.goto(`${baseURL}/check/`);
    await page.waitForSelector('section[data-q="stage"]');
    expectHeard(await listen(page, 'section[data-q]'), 'stage');
    seen.add('stage');
    expect([...seen].sort()).toEqual(['agri', 'boarding', 'degree', 'family', 'grade', 'hukou', 'region', 'school', 'stage', 'veteran']);
    // Nothing but the site's own files: the voice is the phone's.
    expect(requests.filter((u) => !u.startsWith(baseURL))).toEqual([]);
    expect(requests.some((u) => /\/_astro\/speech\.[\w-]+\.js$/.test(u))).toBe(true);
    expect(errors).toEqual([]);
  });

  const cases = loadCases().flatMap(([, cs]) => cs).filter((c) => !c.error);
  it('has table cases to read', () => expect(cases.length).toBeGreaterThan(30));
  for (const c of cases) {
    it(`reads each result and the checklist: ${c.name}`, async () => {
      const { page, errors } = await open('/check/');
      const parsed = parseAnswers(c.answers);
      if (!parsed.ok) throw new Error(c.answers);
      const a = { ...parsed.answers, region: parsed.answers.region ?? c.region ?? NATIONAL_REGION };
      await page.goto(`${baseURL}/check/#${formatAnswers(a)}`);
      await page.reload();
      // A case may leave questions out: tap the first option of each until 核对你的回答.
      await page.waitForSelector('#wz-h');
      for (let i = 0; i < 8 && (await page.$('section[data-q]')); i++) await answerFirst(page);
      await page.getByRole('button', { name: '看结果' }).click();
      await page.waitForSelector('.wz-results');
      await page.waitForSelector('.fam-money');
      const heard = await listen(page, '.wz [data-tts]');
      expectHeard(heard, c.name);
      // Each result card is read with its name and status; the headline with the summary, the money
      // box, the checklist, the steps (when something is applied for) and 接下来几年 are blocks too.
      const cards = await page.$$eval('.wz-r[data-tts]', (cs) => cs.map((c) => [(c.querySelector('h4') as HTMLElement).innerText, (c.querySelector('.wz-st') as HTMLElement).innerText]));
      const blocks = ['[data-tts="sum"]', '.wz-docs', '.fam-money', '.fam-next'];
      if (await page.$('.wz-steps')) blocks.push('.wz-steps');
      for (const b of blocks) expect(await page.$(`${b}[data-tts] .tts-btn`), `${c.name}: ${b}`).not.toBeNull();
      expect(heard.length).toBe(cards.length + blocks.length);
      for (const [name, status] of cards) expect(heard.some((h) => h.spoken.join('').includes(toSpeech(name!)) && h.spoken.join('').includes(status!)), `${c.name}: ${name}`).toBe(true);
      const summary = await page.locator('.wz-sum').innerText();
      expect(heard.some((h) => words(h.spoken.join('')).includes(words(toSpeech(summary)))), `${c.name}: the summary`).toBe(true);
      // Link labels (「钱什么时候到…」) and the 依据 titles are not read in the middle of a card.
      const links = await page.$$eval('.wz-pay', (as) => as.map((a) => (a as HTMLElement).innerText));
      for (const h of heard) {
        for (const l of links) expect(words(h.spoken.join('')), `${c.name}: the link 「${l}」 read aloud`).not.toContain(words(toSpeech(l)));
        expect(h.spoken.join(''), c.name).not.toContain('依据');
      }
      expect(errors).toEqual([]);
    });
  }

  it('reads each stage page\'s summary', async () => {
    const { page, errors } = await open('/stages/senior/');
    for (const s of ['preschool', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad']) {
      await page.goto(`${baseURL}/stages/${s}/`);
      const heard = await listen(page, '[data-tts]');
      expectHeard(heard, s);
      expect(heard[0]!.visible).toContain(await page.locator('.summary').innerText());
    }
    expect(errors).toEqual([]);
  });
});

describe('「听一听」 plays, stops, and shows only where it can speak', () => {
  const shown = (page: Page) => page.locator('.tts-btn').first().isVisible();

  it('shows no button when the phone has no Chinese voice, also after voiceschanged', async () => {
    for (const v of ['none', 'late-en'] as const) {
      const { page } = await open('/check/', v);
      await page.waitForSelector('section[data-q]');
      await page.evaluate(() => (window as unknown as { __voicesArrive: () => void }).__voicesArrive());
      await page.waitForTimeout(300);
      expect(await shown(page), v).toBe(false);
      expect(await page.locator('#tts-keep').isVisible(), v).toBe(false);
      await page.goto(`${baseURL}/stages/senior/`);
      await page.evaluate(() => (window as unknown as { __voicesArrive: () => void }).__voicesArrive());
      await page.waitForTimeout(300);
      expect(await shown(page), `${v} on a stage page`).toBe(false);
    }
  });

  it('shows the button when the Chinese voice arrives late (voiceschanged)', async () => {
    const { page } = await open('/check/', 'late-zh');
    await page.waitForSelector('section[data-q]');
    expect(await shown(page)).toBe(false);
    await page.evaluate(() => (window as unknown as { __voicesArrive: () => void }).__voicesArrive());
    await page.waitForFunction(() => document.documentElement.classList.contains('tts'));
    expect(await shown(page)).toBe(true);
  });

  it('stops when the screen changes, and goes on only when asked', async () => {
    const { page } = await open('/check/#stage=senior');
    await page.waitForSelector('section[data-q="grade"]');
    const log = () => page.evaluate(() => (window as unknown as { __tts: unknown[] }).__tts.slice());
    const btn = page.locator('section[data-q] .tts-btn');
    await btn.click();
    await page.waitForFunction(() => document.querySelector('section[data-q] .tts-btn')?.getAttribute('aria-pressed') === 'true');
    let n = (await log()).length;
    await page.locator('.wz-q .wz-opts button').first().click();
    await page.waitForSelector('section[data-q="school"]');
    await page.waitForFunction((n) => (window as unknown as { __tts: unknown[] }).__tts.length > n, n);
    expect((await log()).slice(n)).toContain('cancel');
    // Asked to go on: the next screen does not stop it.
    await page.locator('#tts-keep').check();
    await btn.click();
    await page.waitForFunction(() => document.querySelector('section[data-q] .tts-btn')?.getAttribute('aria-pressed') === 'true');
    n = (await log()).length;
    await page.locator('.wz-q .wz-opts button').first().click();
    await page.waitForSelector('section[data-q="hukou"]');
    await page.waitForTimeout(200);
    expect((await log()).slice(n)).not.toContain('cancel');
  });
});
