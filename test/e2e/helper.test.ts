// 代问模式 (/check/?mode=helper): three families in a row on one phone. After 「下一户，清空」 nothing of
// the previous family is in the page, the address, the history (Back does not bring it back),
// localStorage or sessionStorage; each family gets its result as a QR code that decodes to its link.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import jsQR from 'jsqr';
// @ts-expect-error pngjs ships no types (the same import as test/e2e/posters.test.ts)
import { PNG } from 'pngjs';
import { THIS_YEAR, formatViolations, newPage, phone, runAxe, screenshot, useBrowser } from './helpers';
import { WIZARD_READY } from './offline-helpers';
import { formatAnswers, parseAnswers, type Answers } from '../../src/rules/answers.ts';
import { dataset } from '../../src/data/index.ts';

const baseURL = inject('baseURL');
const context = useBrowser();
const small = { ...phone, viewport: { width: 360, height: 640 } };
const term = (id: string) => dataset.glossary.find((g) => g.kind === 'term' && g.id === id)!.term;
/** Handoff.tsx's way back after a mistaken 「下一户，清空」. */
const UNDO = '点错了，找回上一户';

/** Three families, each with answers the others do not share (stage, family situation, region answer). */
const FAMILIES: { name: string; answers: Answers; taps: [string, string][]; marks: RegExp }[] = [
  {
    name: 'a senior-school family on 低保',
    answers: { stage: 'senior', grade: 2, school: 'public', hukou: 'rural', family: ['dibao'], region: '000000' },
    taps: [['stage', 'senior'], ['grade', '2'], ['school', 'public'], ['hukou', 'rural'], ['family', 'dibao'], ['region', '000000']],
    marks: /普通高中国家助学金|低保家庭|高二/,
  },
  {
    name: 'a boarding primary-school pupil',
    answers: { stage: 'primary', grade: 5, school: 'public', boarding: 'yes', hukou: 'rural', family: ['tuopin'], region: '000000' },
    taps: [['stage', 'primary'], ['grade', '5'], ['school', 'public'], ['boarding', 'yes'], ['hukou', 'rural'], ['family', 'tuopin'], ['region', '000000']],
    marks: /寄宿|脱贫家庭|五年级/,
  },
  {
    name: 'an undergraduate who served in the army',
    answers: { stage: 'undergrad', grade: 1, school: 'private', hukou: 'town', family: ['hardship'], veteran: 'yes', region: '000000' },
    taps: [['stage', 'undergrad'], ['grade', '1'], ['school', 'private'], ['hukou', 'town'], ['family', 'hardship'], ['veteran', 'yes'], ['region', '000000']],
    marks: /退役士兵|国家助学贷款|服兵役/, // not 本专科: the first question's option names it (「…（普通高校本专科）」)
  },
];

const currentQuestion = (page: Page) => page.evaluate(() => document.querySelector('section[data-q]')?.getAttribute('data-q') ?? null);

/** Taps through the wizard as the helper does, until the results. */
async function ask(page: Page, taps: [string, string][]) {
  for (let i = 0; i < 12; i++) {
    const q = await currentQuestion(page);
    if (!q) break;
    const tap = taps.find(([id]) => id === q);
    if (!tap) throw new Error(`这一户没有准备「${q}」的回答`);
    if (q === 'family') {
      await page.locator(`input[name="family"][value="${tap[1]}"]`).tap();
      await page.getByRole('button', { name: '下一步' }).tap();
    } else {
      await page.locator(`button[data-v="${tap[1]}"]`).tap();
    }
    await page.waitForFunction((prev) => document.querySelector('section[data-q]')?.getAttribute('data-q') !== prev, q);
  }
  await page.getByRole('button', { name: '看结果' }).tap();
  await page.waitForSelector('.wz-results');
}

/** Everything of the page a later family could see or get back. */
async function traces(page: Page) {
  return page.evaluate(() => {
    const store = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n');
    return { text: document.body.innerText, url: location.href, state: JSON.stringify(history.state), local: store(localStorage), session: store(sessionStorage) };
  });
}

async function decodeQr(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.locator('.wz-qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('代问模式: three families in a row', () => {
  it('after 「下一户，清空」 nothing of the previous family is in the page, the URL, history or storage', async () => {
    const { page, errors } = await newPage(await context({ ...small, permissions: ['clipboard-read', 'clipboard-write'] }));
    await page.goto(baseURL + '/schools/');
    await page.locator('main a[href="/check/?mode=helper"]').first().tap();
    await page.waitForSelector(WIZARD_READY); // not the first question's copy in the HTML, before the wizard mounts
    expect(await page.locator('#wz-h').innerText()).toBe(term('helper-ask') + '孩子现在上什么学？');
    expect(formatViolations(await runAxe(page))).toBe('');
    const entries = await page.evaluate(() => history.length);

    for (const [n, f] of FAMILIES.entries()) {
      await ask(page, f.taps);
      // the way back to the family before goes once this family answers
      expect(await page.getByRole('button', { name: UNDO }).count(), 'no 找回上一户 once the next family answers').toBe(0);
      // the helper's wording was used, and the family's answers are on screen now
      const during = await traces(page);
      expect(parseAnswers(new URL(during.url).hash)).toMatchObject({ ok: true, answers: f.answers });
      expect(during.text, f.name).toMatch(f.marks);
      expect(await page.locator('#wz-h').innerText(), 'the heading speaks of the family, not 「你的结果」').toContain(term('helper-results'));
      // 「下一户，清空」 stays on screen on a long result: at once, or (when the QR code is where it would
      // stick, see the next test) as soon as the code is scrolled past
      const nextBar = page.getByRole('button', { name: term('helper-next') });
      const inView = async () => { const bar = await nextBar.boundingBox(); return !!bar && bar.y >= 0 && bar.y + bar.height <= small.viewport.height + 1; };
      if (!(await inView())) {
        await page.evaluate(() => scrollBy(0, document.querySelector('.wz-handoff')!.getBoundingClientRect().bottom));
        await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
      }
      expect(await inView(), 'the 下一户 button is in view').toBe(true);
      // tick a document and keep the ticks, so something is stored
      await page.locator('.wz-results input[type=checkbox]').first().check();
      await page.getByLabel(/记住我的勾选/).check();
      expect((await traces(page)).local, 'the ticks are stored while this family is asked').toContain(formatAnswers(f.answers));
      // the QR code hands over exactly this family's link, without the helper flag
      await page.waitForSelector('.wz-qr svg');
      const link = await decodeQr(page);
      expect(link, f.name).toBe(`${baseURL}/check/#${formatAnswers(f.answers)}&year=${THIS_YEAR}`);
      if (n === 0) {
        expect(formatViolations(await runAxe(page))).toBe('');
        await screenshot(page, 'helper-results');
      }
      // history holds one entry for the wizard, whatever the number of steps
      expect(await page.evaluate(() => history.length)).toBe(entries);

      await page.getByRole('button', { name: term('helper-next') }).tap();
      await page.waitForSelector('section[data-q="stage"]');
      const after = await traces(page);
      expect(after.url).toBe(`${baseURL}/check/?mode=helper`);
      expect(after.state).toBe('null');
      expect(after.text).toContain(term('helper-cleared'));
      for (const prev of FAMILIES.slice(0, n + 1)) {
        expect(after.text, `${prev.name}: page`).not.toMatch(prev.marks);
        for (const s of [after.url, after.local, after.session]) expect(s).not.toContain(formatAnswers(prev.answers));
      }
      expect(after.local).not.toMatch(/stage=/);
      expect(after.session).toBe('');
      expect(await page.locator('.wz-qr').count()).toBe(0);
      if (n === 0) {
        // 「下一户，清空」 tapped by mistake: 「点错了，找回上一户」 brings this family's answers back from memory
        // (nothing stored), in the same history entry; tapped again, it is wiped as before.
        await page.getByRole('button', { name: UNDO }).tap();
        await page.waitForSelector('.wz-results');
        const again = await traces(page);
        expect(parseAnswers(new URL(again.url).hash)).toMatchObject({ ok: true, answers: f.answers });
        expect(again.text).toMatch(f.marks);
        expect(again.text).toContain('已找回上一户的回答');
        expect(await page.evaluate(() => history.length)).toBe(entries);
        await page.getByRole('button', { name: term('helper-next') }).tap();
        await page.waitForSelector('section[data-q="stage"]');
        const wiped = await traces(page);
        expect(wiped.url).toBe(`${baseURL}/check/?mode=helper`);
        expect(wiped.text).not.toMatch(f.marks);
        for (const x of [wiped.local, wiped.session]) expect(x).not.toContain(formatAnswers(f.answers));
      }
    }

    // Back leaves the wizard for the page before it (no entry holds answers); Forward opens a clean wizard.
    await page.goBack();
    await page.waitForURL(`${baseURL}/schools/`);
    await page.goForward();
    await page.waitForSelector(WIZARD_READY); // not the first question's copy in the HTML, before the wizard mounts
    expect(page.url()).toBe(`${baseURL}/check/?mode=helper`);
    expect(await currentQuestion(page)).toBe('stage');
    const back = await traces(page);
    for (const f of FAMILIES) expect(back.text).not.toMatch(f.marks);
    expect(errors).toEqual([]);
  });

  // A link on the result (「钱什么时候到」) and then the header's 资格自测 used to drop the mode, and
  // Back brought the last family's result (低保, the county) back for the next family to see.
  it('leaving by a link on the result takes the answers out of the address: Back shows a clean wizard, and the header\'s 资格自测 keeps the mode', async () => {
    const { page, errors } = await newPage(await context(small));
    await page.goto(baseURL + '/check/?mode=helper');
    await page.waitForSelector(WIZARD_READY);
    const f = FAMILIES[0]!;
    await ask(page, f.taps);
    const out = page.locator('.wz-results a[href^="/"]:not([href^="/check/"])').first();
    const target = await out.getAttribute('href');
    await out.tap();
    await page.waitForURL((u) => u.pathname === new URL(target!, baseURL).pathname);
    await page.goBack();
    await page.waitForSelector(WIZARD_READY);
    await page.waitForSelector('section[data-q="stage"]');
    const back = await traces(page);
    expect(back.url).toBe(`${baseURL}/check/?mode=helper`);
    expect(back.text).not.toMatch(f.marks);
    expect(back.text).toContain(term('helper-ask'));
    // The header's 资格自测 from another page is the family's wizard; from this one it stays in the mode.
    await page.locator('header a[href="/check/"]').first().tap();
    await page.waitForSelector(WIZARD_READY);
    expect(new URL(page.url()).search).toBe('?mode=helper');
    expect(await page.locator('#wz-h').innerText()).toBe(term('helper-ask') + '孩子现在上什么学？');
    expect(errors).toEqual([]);
  });

  // At 360×640 the sticky 「下一户，清空」 bar covered the bottom of the code (its bottom-left finder pattern,
  // so it did not scan) and put the wipe button right under the code a parent scans.
  it('at 360×640 the QR code is never under 「下一户，清空」, wherever it is scrolled, and scans from the screen', async () => {
    const ones = [
      FAMILIES.map((f) => formatAnswers(f.answers)),
      ['stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=dibao&region=000000&stage2=senior&grade2=1&school2=public'],
    ].flat();
    for (const large of [false, true]) {
      const ctx = await context(small);
      if (large) await ctx.addInitScript(() => localStorage.setItem('zz-large-text', '1'));
      const { page, errors } = await newPage(ctx);
      for (const hash of ones) {
        const what = `${large ? '大字, ' : ''}${hash}`;
        await page.goto(`${baseURL}/check/?mode=helper#${hash}`);
        await page.getByRole('button', { name: '看结果' }).tap();
        await page.waitForSelector('.wz-qr svg');
        await page.waitForSelector('.wz-results');
        /** The code's and the bar's boxes on screen after scrolling (`how`), a frame later. */
        const boxes = (how: string) => page.evaluate(async (how) => {
          const qr = document.querySelector('.wz-qr svg')!;
          if (how === 'stay') { /* where 看结果 left it */ } else if (how.startsWith('y=')) scrollTo(0, +how.slice(2));
          else qr.scrollIntoView({ block: how as ScrollLogicalPosition });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const box = (e: Element) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
          return { qr: box(qr), card: box(qr.closest('.wz-handoff')!), bar: box(document.querySelector('.wz-helper > .wz-next')!), vh: innerHeight };
        }, how);
        const hits = (a: { top: number; bottom: number }, b: { top: number; bottom: number }) => a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        const top = await page.evaluate(() => document.querySelector('.wz-handoff')!.getBoundingClientRect().top + scrollY);
        const ways = ['stay', 'start', 'center', 'end', 'nearest', ...Array.from({ length: 40 }, (_, i) => `y=${Math.max(0, Math.round(top - 640 + i * 25))}`)];
        for (const how of ways) {
          const b = await boxes(how);
          const onScreen = b.qr.bottom > 0 && b.qr.top < b.vh;
          if (onScreen) expect(hits(b.card, b.bar), `${what}: ${how}: the QR card ${JSON.stringify(b.card)} under the bar ${JSON.stringify(b.bar)}`).toBe(false);
        }
        // Playwright's own scrolling, and what a phone camera sees: the screen, not the element alone.
        await page.locator('.wz-qr').scrollIntoViewIfNeeded();
        const b = await boxes('stay');
        expect(hits(b.qr, b.bar), `${what}: scrollIntoViewIfNeeded`).toBe(false);
        await boxes('end');
        const shot = PNG.sync.read(await page.screenshot());
        expect(jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height)?.data, `${what}: scanned from the screen`).toBe(`${baseURL}/check/#${hash}&year=${THIS_YEAR}`);
        if (hash === ones[0]) await screenshot(page, `helper-qr-360${large ? '-large' : ''}`, { fullPage: false });
        // Past the code, reading the long result, the bar is back at the bottom of the screen.
        const past = await boxes(`y=${Math.round(top + b.card.bottom - b.card.top + 200)}`);
        expect(past.bar.bottom <= past.vh + 1 && past.bar.top < past.vh, `${what}: the bar is in view below the code`).toBe(true);
        await page.getByRole('button', { name: term('helper-next') }).tap();
        await page.waitForSelector('section[data-q="stage"]');
      }
      expect(errors).toEqual([]);
    }
  });

  it('a family of two children gets its QR code too, and it decodes to the link with both children (no helper flag)', async () => {
    const { page, errors } = await newPage(await context(phone));
    const two = 'stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=dibao&region=000000&stage2=senior&grade2=1&school2=public';
    await page.goto(`${baseURL}/check/?mode=helper#${two}`);
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.fam');
    await page.waitForSelector('.wz-qr svg');
    const link = await decodeQr(page);
    expect(link).toContain('stage2=senior');
    expect(link).not.toContain('mode=helper');
    expect(errors).toEqual([]);
  });

  it('the officer\'s phone makes no image or calendar file and shows no 「去学校可以这样问」; the family\'s own phone does', async () => {
    const hash = 'stage=senior&grade=2&school=public&hukou=rural&family=dibao&region=000000';
    for (const [url, shown] of [[`/check/?mode=helper#${hash}`, false], [`/check/#${hash}`, true]] as const) {
      const { page, errors } = await newPage(await context(small));
      await page.goto(baseURL + url);
      await page.getByRole('button', { name: '看结果' }).tap();
      await page.waitForSelector('.fam-home');
      expect(await page.locator('.wz-ask').count(), url).toBeGreaterThan(0);
      expect(await page.locator('.wz-ask').first().isVisible(), url).toBe(shown);
      expect(await page.getByRole('button', { name: '存成图片' }).isVisible(), url).toBe(shown);
      expect(await page.getByRole('button', { name: '加到手机日历' }).isVisible(), url).toBe(shown);
      // 打印 stays for the officer: a paper copy for a family without a phone.
      expect(await page.locator('.wz-share').getByRole('button', { name: '打印或存成 PDF' }).isVisible(), url).toBe(true);
      expect(errors).toEqual([]);
    }
  });

  it('answers written after ? in a helper link move to the hash and the mode stays (a reload keeps it)', async () => {
    const { page } = await newPage(await context(small));
    await page.goto(`${baseURL}/check/?mode=helper&stage=junior&grade=2`);
    await page.waitForSelector('.wz-helper-note');
    expect(new URL(page.url()).search).toBe('?mode=helper');
    expect(new URL(page.url()).hash).toContain('stage=junior');
    await page.reload();
    await page.waitForSelector('.wz-helper-note');
  });

  it('the family\'s own wizard (no flag) keeps its own wording and history', async () => {
    const { page } = await newPage(await context(small));
    await page.goto(baseURL + '/check/');
    await page.waitForSelector(WIZARD_READY); // not the first question's copy in the HTML, before the wizard mounts
    expect(await page.locator('#wz-h').innerText()).not.toContain(term('helper-ask'));
    await page.locator('button[data-v="senior"]').tap();
    await page.waitForSelector('section[data-q="grade"]');
    expect(await page.locator('.wz-helper-note').count()).toBe(0);
    const before = await page.evaluate(() => history.length);
    await page.locator('button[data-v="2"]').tap();
    await page.waitForSelector('section[data-q="school"]');
    expect(await page.evaluate(() => history.length)).toBe(before + 1);
  });
});
