/**
 * Several children in one visit (issue 17) in Chromium at 360×640 and 390×844, against the built site:
 * a parent enters two children by tapping, sees both, edits the first without losing the second,
 * saves the image (its QR code is decoded and must reopen the same family), downloads the .ics (parsed
 * with ical.js: one event per application month), and prints in 大字 (text ≥ 14 pt, at most one child
 * on a page). The engine is the oracle: what the page shows is compared with evaluateFamily /
 * applicationMonths for the family in the final URL.
 */
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
// @ts-expect-error pngjs ships no type declarations (only used here to read the saved image)
import pngjs from 'pngjs';
import jsQR from 'jsqr';
import ICAL from 'ical.js';
import { formatViolations, newPage, phone, printToPng, runAxe, screenshot, useBrowser } from './helpers';
import { dataset } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';
import { NATIONAL_REGION } from '../../src/rules/answers.ts';
import { parseFamily, type Family } from '../../src/rules/family.ts';
import { evaluateFamily } from '../../src/rules/family-eval.ts';
import { applicationMonths } from '../../src/rules/calendar.ts';
import { docLine } from '../../src/islands/wizard/family-view.ts';

const baseURL = inject('baseURL');
const DATE = '2026-12-02';

// One Chromium for this file, its contexts closed after it (test/e2e/helpers.ts).
const browserContext = useBrowser();

const small: BrowserContextOptions = { ...phone, viewport: { width: 360, height: 640 } };

async function open(context: BrowserContextOptions, hash = '') {
  const c = await browserContext({ ...context, acceptDownloads: true });
  const t = await newPage(c);
  await t.page.clock.setFixedTime(new Date(`${DATE}T12:00:00+08:00`));
  await t.page.goto(`${baseURL}/check/${hash ? `#${hash}` : ''}`);
  await t.page.waitForSelector('#wz-h');
  return t;
}

const familyOf = (page: Page): Family => {
  const r = parseFamily(new URL(page.url()).hash);
  expect(r.errors).toEqual([]);
  return r.family;
};
const q = (page: Page) => page.evaluate(() => document.querySelector('section[data-q]')?.getAttribute('data-q') ?? null);

/** Taps the answers in order (question id → value), until the review screen. */
async function tapAnswers(page: Page, answers: Record<string, string[]>) {
  for (let i = 0; i < 12; i++) {
    const id = await q(page);
    if (!id) break;
    const vs = answers[id];
    if (!vs) throw new Error(`没有给「${id}」的回答`);
    if (id === 'family') {
      for (const v of vs) await page.locator(`input[name="family"][value="${v}"]`).tap();
      await page.getByRole('button', { name: '下一步' }).tap();
    } else await page.locator(`button[data-v="${vs[0]}"]`).tap();
    await page.waitForFunction((prev) => document.querySelector('section[data-q]')?.getAttribute('data-q') !== prev, id);
  }
  expect(await page.locator('#wz-h').innerText()).toBe('核对你的回答');
}

const FIRST = { stage: ['primary'], grade: ['3'], school: ['public'], boarding: ['yes'], hukou: ['rural'], family: ['dibao'], region: [NATIONAL_REGION] };
const SECOND = { stage: ['junior'], grade: ['2'], school: ['public'], boarding: ['yes'] };

/** Decodes the QR code in a PNG data URL. */
function decodeQr(dataUrl: string): string | null {
  const png = pngjs.PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe.each([['360×640', small], ['390×844', phone]] as const)('a family of two at %s', (name, ctx) => {
  it('enters two children by tapping, sees both, edits the first without losing the second, saves the image, the calendar and a 大字 printout', { timeout: 180_000 }, async () => {
    const { page, errors, requests } = await open(ctx);
    await tapAnswers(page, FIRST);
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.wz-results');
    await page.getByRole('button', { name: '再加一个孩子' }).tap();
    expect(await page.locator('#wz-h').innerText()).toContain('第 2 个孩子怎么称呼');
    expect(await page.locator('.wz-label').innerText()).toContain('第一个孩子现在叫「孩子 1」，看结果时点「改称呼」可以改');
    await page.getByRole('button', { name: '老二' }).tap();
    // Only the child's own questions: 户口, 家庭情况 and 地区 are the family's.
    const asked: string[] = [];
    const rec = { ...SECOND };
    for (let i = 0; i < 8; i++) {
      const id = await q(page);
      if (!id) break;
      asked.push(id);
      // Counted among the four asked, not the seven a first child answers (none before the stage is known).
      if (id === 'stage') expect(await page.locator('.wz-pos').count()).toBe(0);
      else expect(await page.locator('.wz-pos').innerText()).toBe(`第 ${asked.length} 题，共 4 题`);
      await page.locator(`button[data-v="${rec[id as keyof typeof rec]![0]}"]`).tap();
      await page.waitForFunction((prev) => document.querySelector('section[data-q]')?.getAttribute('data-q') !== prev, id);
    }
    expect(asked).toEqual(['stage', 'grade', 'school', 'boarding']);
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.fam-child');

    let family = familyOf(page);
    expect(family.children).toHaveLength(2);
    expect(family.children[1]!.order).toBe(2);
    // The day the page evaluated for (the device clock, or the data's date when the clock is earlier).
    const day = (await page.locator('time.wz-date').first().getAttribute('datetime'))!;
    let fe = evaluateFamily(dataset, regions, family, { date: day });
    expect(await page.locator('.fam-child').count()).toBe(2);
    // The merged checklist says what the engine says, each shared document once with whom it is for.
    for (const d of fe.checklist.shared) {
      const li = page.locator(`.fam-docs li[data-doc="${d.doc.id}"]`);
      expect(await li.count(), d.doc.id).toBe(1);
      expect(await li.innerText()).toContain(docLine(d));
    }
    expect(await page.locator('.fam-docs').innerText()).toContain('户口簿：两个孩子都要');
    for (const [i, l] of fe.checklist.perChild.entries()) expect(await page.locator(`.fam-docs li[data-child="${i}"]`).count()).toBe(l.length);
    expect(await page.locator('.fam-total').innerText()).toContain(String(fe.money.sum!.total));
    await screenshot(page, `family-${name}`);
    expect(formatViolations(await runAxe(page))).toBe('');

    // Edit the first child's grade; the second child stays as it was.
    const second = JSON.stringify(family.children[1]);
    await page.getByRole('button', { name: '改孩子 1 的回答' }).tap();
    // 核对你的回答 shows every child under its name, then the family's shared answers once.
    expect(await page.locator('#wz-h').innerText()).toBe('核对你的回答');
    expect(await page.locator('section h3').allInnerTexts()).toEqual(['孩子 1 · 小学三年级', '老二 · 初中二年级', '全家共用']);
    await page.getByRole('button', { name: /^修改\s*孩子 1 的年级$/ }).tap();
    expect(await page.locator('.wz-who-child').innerText()).toContain('孩子 1');
    await page.locator('button[data-v="4"]').tap();
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.fam-child');
    family = familyOf(page);
    expect(family.children[0]!.answers.grade).toBe(4);
    expect(JSON.stringify(family.children[1])).toBe(second);
    expect(await page.locator('.fam-child h3').allInnerTexts()).toEqual(['孩子 1 · 小学四年级', '老二 · 初中二年级']);
    fe = evaluateFamily(dataset, regions, family, { date: day });

    // The image: drawn in the page, its QR code reopens this family.
    await page.getByRole('button', { name: '存成图片' }).tap();
    const src = await page.locator('#fam-img').getAttribute('src', { timeout: 30_000 });
    expect(src).toMatch(/^data:image\/png;base64,/);
    const link = await page.locator('#wz-link').inputValue();
    writeFileSync(`test-results/screenshots/family-image-${name}.png`, Buffer.from(src!.split(',')[1]!, 'base64'));
    expect(decodeQr(src!)).toBe(link);
    expect(parseFamily(new URL(link).hash).family).toEqual(family);

    // The shared link opens on 核对你的回答 with both children, not only the first.
    {
      const other = await newPage(await browserContext(ctx));
      await other.page.clock.setFixedTime(new Date(`${DATE}T12:00:00+08:00`));
      await other.page.goto(link.replace(/^https?:\/\/[^/]+/, baseURL));
      await other.page.waitForSelector('#wz-h');
      expect(await other.page.locator('#wz-h').innerText()).toBe('核对你的回答');
      const review = await other.page.locator('section[aria-labelledby="wz-h"]').innerText();
      expect(review).toContain('2 个孩子：孩子 1 · 小学四年级，老二 · 初中二年级。');
      expect(await other.page.locator('section h3').allInnerTexts()).toEqual(['孩子 1 · 小学四年级', '老二 · 初中二年级', '全家共用']);
      expect(await other.page.locator('.wz-who-child').count()).toBe(0);
      await screenshot(other.page, `family-link-review-${name}`, { fullPage: false });
      expect(formatViolations(await runAxe(other.page))).toBe('');
      await other.page.getByRole('button', { name: '看结果' }).tap();
      await other.page.waitForSelector('.fam-child');
      expect(await other.page.locator('.fam-child').count()).toBe(2);
      expect(other.errors).toEqual([]);
    }

    // The calendar file: one all-day event per application month the engine lists.
    const months = applicationMonths(fe);
    expect(months.length).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '加到手机日历' }).tap()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toString())).toEqual(months.map((m) => m.date));
    for (const [i, e] of events.entries()) for (const it of months[i]!.items) expect(e.description).toContain(it.name);
    // The title a calendar list shows says whose each application is (two children here).
    for (const [i, e] of events.entries()) for (const it of months[i]!.items) expect(e.summary).toContain(`${it.label}：`);
    expect(await page.locator('.fam-months li').count()).toBe(months.length);

    // Print in 大字: no text under 14 pt, at most one child per page.
    await page.locator('#lt-toggle').tap();
    await page.emulateMedia({ media: 'print' });
    const tiny = await page.evaluate(() => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.querySelector('.wz')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent!.trim() || !el.getClientRects().length) continue;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < (14 * 96) / 72 - 0.01) out.push(`${el.tagName} ${px}px ${n.textContent!.trim().slice(0, 12)}`);
      }
      return out;
    });
    expect(tiny).toEqual([]);
    const pngs = await printToPng(page, `family-print-lt-${name}`);
    const pdf = pngs.length ? pngs[0]!.replace(/-0*1\.png$/, '.pdf') : '';
    if (pdf) {
      const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f');
      const heads = ['孩子 1 · 小学四年级', '老二 · 初中二年级'];
      // A child's heading is a line of its own (the summary line names both children in one sentence).
      const onPage = (p: string) => heads.filter((h) => p.split('\n').some((l) => l.trim() === h));
      for (const p of pages) expect(onPage(p).length, p.slice(0, 120)).toBeLessThanOrEqual(1);
      // Page 1 is not the money box and blank paper: the first child starts under it.
      expect(onPage(pages[0]!)).toEqual([heads[0]]);
      expect(pages.flatMap(onPage).sort()).toEqual([...heads].sort());
    }

    expect(errors).toEqual([]);
    for (const u of requests) expect(new URL(u).origin, u).toBe(new URL(baseURL).origin);
  });
});

describe('family links', () => {
  it('再加一个孩子 can be taken back: 「不加了，回到结果」 returns to the one child\'s results with its answers, no second child', { timeout: 60_000 }, async () => {
    const { page, errors } = await open(phone, 'stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=dibao&region=000000');
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.wz-results');
    const before = new URL(page.url()).hash;
    await page.getByRole('button', { name: '再加一个孩子' }).tap();
    expect(await page.locator('#wz-h').innerText()).toContain('第 2 个孩子怎么称呼');
    await page.getByRole('button', { name: '不加了，回到结果' }).tap();
    await page.waitForSelector('.wz-results');
    expect(await page.locator('.fam-child').count()).toBe(0);
    expect(familyOf(page).children.length).toBe(1);
    expect(new URL(page.url()).hash).toBe(before);
    expect(errors).toEqual([]);
  });

  it('a family link copied while the second child was half answered opens at that child\'s next question, not at a review whose 看结果 would count it as getting nothing', { timeout: 60_000 }, async () => {
    const { page, errors } = await open(small, 'stage=primary&grade=3&school=public&boarding=no&hukou=rural&family=dibao&region=000000&stage2=junior&order2=2');
    await page.waitForSelector('section[data-q="grade"]');
    expect(await page.locator('main').innerText()).toContain('现在回答的是：老二');
    expect(await page.getByRole('button', { name: '看结果' }).count()).toBe(0);
    await page.getByRole('button', { name: '初中二年级' }).tap();
    await page.waitForSelector('section[data-q="school"]');
    expect(familyOf(page).children.map((c) => c.answers)).toEqual([
      expect.objectContaining({ stage: 'primary', grade: 3 }),
      expect.objectContaining({ stage: 'junior', grade: 2 }),
    ]);
    expect(errors).toEqual([]);
  });

  it('a family link opens the family results; a malformed child is named and the others kept', { timeout: 60_000 }, async () => {
    const { page, errors } = await open(phone, 'stage=senior&grade=2&hukou=rural&family=dibao&region=000000&stage2=junior&grade2=7&stage3=undergrad&grade3=1&school3=public&veteran3=no&school=public');
    expect(await page.locator('.wz-errors').innerText()).toContain('第 2 个孩子');
    const family = familyOf(page);
    expect(family.children.map((c) => c.answers.stage)).toEqual(['senior', 'undergrad']);
    // Both children kept are on the review, each with its own answers.
    expect(await page.locator('section h3').allInnerTexts()).toEqual(['孩子 1 · 高中二年级', '孩子 2 · 大学一年级', '全家共用']);
    expect(await page.getByRole('button', { name: /^修改\s*孩子 2 的退役士兵$/ }).count()).toBe(1);
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.fam-child');
    expect(await page.locator('.fam-child').count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('a 初三 student in December: next 9 月 says each way once, with its own items (「上普通高中的话：…；上中职的话：…」)', { timeout: 60_000 }, async () => {
    const { page, errors } = await open(small, 'stage=junior&grade=3&school=public&boarding=yes&hukou=rural&family=tuopin&region=000000');
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.fam-months, .fam-months-none');
    const sep = (await page.locator('.fam-months > li').allInnerTexts()).find((m) => m.startsWith('2027 年 9 月'))!;
    expect(sep).toMatch(/月\s*上普通高中的话：普通高中[^；]*国家助学金[^；]*；上中职的话：中等职业教育国家助学金/);
    expect(sep.split('上普通高中的话').length).toBe(2);
    expect(sep.split('上中职的话').length).toBe(2);
    expect(errors).toEqual([]);
  });

  it('a 高三 student in December: 高中 items stop at 3 月 (补报); 7–9 月 are the 大学 applications 「考上大学（含高职）的话」, in the strip and the calendar file', { timeout: 60_000 }, async () => {
    const { page, errors } = await open(small, 'stage=senior&grade=3&school=public&hukou=rural&family=dibao&region=000000');
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.fam-months, .fam-months-none');
    const months = await page.locator('.fam-months > li').allInnerTexts();
    expect(months[0]).toMatch(/^2027 年 3 月\s*普通高中/);
    const later = months.slice(1);
    expect(later.map((m) => m.slice(0, 10))).toEqual(['2027 年 7 月', '2027 年 8 月', '2027 年 9 月']);
    for (const m of later) {
      expect(m).toMatch(/月\s*考上大学（含高职）的话：/);
      expect(m).toContain('国家助学贷款');
      expect(m).not.toContain('普通高中');
    }
    expect(later[0]).toContain('新生入学资助');
    expect(await page.locator('.fam-next').innerText()).toContain('普通高中国家助学金：不再有');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '加到手机日历' }).tap()]);
    const cal = new ICAL.Component(ICAL.parse(readFileSync((await download.path())!, 'utf8')));
    expect(cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toString())).toEqual(['2027-03-01', '2027-07-01', '2027-08-01', '2027-09-01']);
    await screenshot(page, 'family-senior3-months-360');
    expect(errors).toEqual([]);
  });

  it('住校「不确定」: the money box lists the 生活补助 the card says can be applied for, with both figures, not under 可能可以', { timeout: 60_000 }, async () => {
    const { page, errors } = await open(small, 'stage=junior&grade=1&school=public&boarding=unknown&hukou=rural&family=dibao&region=000000');
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.waitForSelector('.fam-money');
    expect(await page.locator('.wz-r[data-id="living-allowance"] .wz-st').innerText()).toBe('可以申请');
    const box = page.locator('.fam-money');
    const sums = await box.locator('ul').first().innerText();
    expect(sums).toContain('义务教育家庭经济困难学生生活补助：初中寄宿生 1500 元/年');
    expect(sums).toContain('初中走读生 750 元/年');
    expect(sums).toContain('可以申请，金额看孩子属于哪一种');
    expect(sums).not.toContain('没有可以加在一起的');
    expect(await box.locator('.fam-maybe').innerText()).not.toContain('生活补助');
    await box.scrollIntoViewIfNeeded();
    await screenshot(page, 'family-money-boarding-unknown-360', { fullPage: false });
    expect(errors).toEqual([]);
  });
});
