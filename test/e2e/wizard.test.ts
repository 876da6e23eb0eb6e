/**
 * The eligibility wizard /check/ (issues 4 and 7) in Chromium at 390×844, against the built site.
 * Cases are answered by tapping through the real UI; what the page shows is compared with `evaluate()`
 * (national data plus the region of the answers, or of the build's default) for the answers in the
 * final URL and the day the page says it used — the engine is the oracle, no amount or status is
 * written here. The region question is answered by typing a name into its search box; a build with
 * ZZ_REGION=510000 (test/e2e/region-build.ts, shared with the region tests) checks the pre-answered default.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { THIS_YEAR, distDir, formatViolations, horizontalOverflow, launchBrowser, newPage, phone, runAxe, screenshot, smallTapTargets } from './helpers';
import { regionBuild, type RegionBuild } from './region-build';
import { WIZARD_READY } from './offline-helpers';
import { dataAsOf, dataset } from '../../src/data/index.ts';
import { applySteps } from '../../src/data/steps.ts';
import { regions } from '../../src/data/regions.ts';
import { evaluate, formatAnswers, NATIONAL_REGION, parseAnswers, STAGES, type Answers, type Result, type Stage } from '../../src/site/evaluate.ts';
import { findRegion, findRegions, formatTiers, regionLabel } from '../../src/rules/regions.ts';
import { firstUnanswered, questionsFor, question, type QuestionId } from '../../src/rules/questions.ts';
import { formatAmount, formatDay, formatPerInstalment, isUnconfirmed, LOCAL, UNCONFIRMED } from '../../src/lib/format.ts';
import { FRAUD_LINE, LARGE_TEXT_KEY } from '../../src/components/shell/site.ts';
import { loadCases, type Case } from '../cases/load.ts';

const baseURL = inject('baseURL');
const STORE_KEY = 'zz-wizard-ticks';

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

interface Opened { page: Page; errors: string[]; requests: string[]; context: BrowserContext }

/**
 * A phone page, its device clock at noon China time on `date` when given; `site` is another build's
 * address; `before` runs on the context before the page opens (routes that answer for the server).
 */
async function open(hash = '', opts: { date?: string; context?: BrowserContextOptions; site?: string; before?: (c: BrowserContext) => Promise<unknown> } = {}): Promise<Opened> {
  const context = await browser.newContext({ ...phone, ...opts.context });
  contexts.push(context);
  await opts.before?.(context);
  const { page, errors, requests } = await newPage(context);
  if (opts.date) await page.clock.setFixedTime(new Date(`${opts.date}T12:00:00+08:00`));
  await page.goto(`${opts.site ?? baseURL}/check/${hash ? `#${hash}` : ''}`);
  await page.waitForSelector(WIZARD_READY);
  return { page, errors, requests, context };
}

/**
 * The address's answers, without the `year=` of this school year the wizard adds once a grade is
 * answered (checked on its own in 「孩子升级了吗」 below); any other year stays and fails the comparison.
 */
const hashOf = (page: Page) => new URL(page.url()).hash.replace(new RegExp(`&year=${THIS_YEAR}$`), '');
const answersOf = (page: Page): Answers => {
  const r = parseAnswers(hashOf(page));
  if (!r.ok) throw new Error(`URL 里的答案读不懂：${hashOf(page)}`);
  return r.answers;
};
const heading = (page: Page) => page.locator('#wz-h').innerText();
/** The question on screen (null on the review and results screens). Does not wait. */
const currentQuestion = (page: Page) =>
  page.evaluate(() => document.querySelector('section[data-q]')?.getAttribute('data-q') ?? null) as Promise<QuestionId | null>;
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** What a parent taps for a question the case does not answer. */
const DEFAULTS: Partial<Record<QuestionId, string[]>> = {
  school: ['public'], boarding: ['unknown'], hukou: ['unknown'], agri: ['unknown'], family: ['unknown'], veteran: ['no'], degree: ['master'],
  region: [NATIONAL_REGION],
};

/** 「不知道 / 用全国标准」 on the region question. */
const NATIONAL = `region=${NATIONAL_REGION}`;

/** Answers the region question: types the region's name into the search box and taps the match. */
async function pickRegion(page: Page, code: string) {
  if (code !== NATIONAL_REGION) await page.locator('#wz-find').fill(findRegion(regions, code)!.name.slice(0, 2));
  await page.locator(`button[data-v="${code}"]`).tap();
}

function valuesFor(a: Answers, id: QuestionId): string[] {
  const v = a[id];
  if (v === undefined) return DEFAULTS[id] ?? [];
  return Array.isArray(v) ? v : [String(v)];
}

/** Answers every question shown by tapping, until the review screen. Returns the questions asked. */
async function tapThrough(page: Page, a: Answers): Promise<QuestionId[]> {
  const asked: QuestionId[] = [];
  for (let i = 0; i < 12; i++) {
    const q = await currentQuestion(page);
    if (!q) break;
    asked.push(q);
    const values = valuesFor(a, q);
    if (!values.length) throw new Error(`不知道「${q}」该选什么`);
    if (q === 'family') {
      for (const v of values) await page.locator(`input[name="family"][value="${v}"]`).tap();
      await page.getByRole('button', { name: '下一步' }).tap();
    } else if (q === 'region') {
      await pickRegion(page, values[0]!);
    } else {
      await page.locator(`button[data-v="${values[0]}"]`).tap();
    }
    await page.waitForFunction((prev) => document.querySelector('section[data-q]')?.getAttribute('data-q') !== prev, q);
  }
  expect(await heading(page)).toBe('核对你的回答');
  return asked;
}

async function showResults(page: Page) {
  await page.getByRole('button', { name: '看结果' }).tap();
  await page.waitForSelector('.wz-results');
}

const cardText = (page: Page, id: string) => page.locator(`article[data-id="${id}"]`).innerText();

/**
 * Compares the rendered results, checklist, notices and contacts with `evaluate()` for the URL's
 * answers, the page's day and the build's default region.
 */
async function expectMatchesEngine(page: Page, defaultRegion?: string) {
  const a = answersOf(page);
  const date = await page.locator('.wz-date').getAttribute('datetime') ?? '';
  const ev = evaluate(a, { date, region: defaultRegion });

  // Groups (cash now, other help, 可能可以, passed, 不符合), each with its results in the engine's order.
  const shown = await page.$$eval('section[data-group]', (ss) =>
    ss.map((s) => [s.getAttribute('data-group'), [...s.querySelectorAll('article[data-id]')].map((x) => x.getAttribute('data-id'))]));
  const want = (['cash', 'help', 'maybe', 'passed', 'out'] as const)
    .map((g) => [g, ev.results.filter((r) => r.group === g).map((r) => r.id)] as const)
    .filter(([, ids]) => ids.length);
  expect(shown).toEqual(want);
  expect((await page.locator('.wz-sum').innerText()).trim()).toBe(ev.summary);
  // 「你的回答」 names the question before an answer that says nothing alone (「涉农专业：不是」, not 「不是」).
  const who = (await page.locator('.wz-who').innerText()).split('：').slice(1).join('：').split(' · ');
  expect(who.filter((w) => /^(是|不是|不确定|以上都不是)$/.test(w.trim()))).toEqual([]);

  for (const r of ev.results) {
    const text = (await cardText(page, r.id)).replace(/\s+/g, ' ');
    expect(text).toContain(r.name);
    expect(text).toContain(r.reason);
    // The chip: what can only be applied for next time says 「今年的申请时间已过」, never 「可以申请」 above 「已经过了」.
    const chipId = r.group === 'passed' ? 'group-passed' : r.status;
    const chip = dataset.glossary.find((g) => g.kind === 'status' && g.id === chipId)!;
    expect(await page.locator(`.wz-r[data-id="${r.id}"] .wz-st`).innerText(), r.id).toBe(chip.short ?? chip.term);
    if (r.status === 'ineligible') {
      expect(r.missed.length).toBeGreaterThan(0);
      continue;
    }
    await expectAmount(text, r);
    if (r.region) expect(text).toContain(`${r.region.name}自己的项目`);
    if (r.timing) expect(text).toContain(r.timing.message);
    expect(text).toContain(r.delivery.text);
    expect(text).toContain(r.apply.where);
    // When to apply: the window in words, except where the card says 补报 in its own words (the months, not the window again).
    if (r.timing?.state === 'catchup' && r.timing.message.includes('补报')) expect(text).toMatch(/还可以补报；\d+ 月已经申请/);
    else expect(text).toContain(r.apply.when);
    for (const s of r.sources) {
      expect(text).toContain(s.title);
      if (s.docNumber) expect(text).toContain(s.docNumber);
    }
  }

  // The merged checklist: same documents, same order, and how many subsidies need each.
  const docs = await page.$$eval('li[data-doc]', (ls) => ls.map((l) => [l.getAttribute('data-doc'), (l as HTMLElement).innerText.replace(/\s+/g, ' ')]));
  expect(docs.map(([id]) => id)).toEqual(ev.documents.map((d) => d.doc.id));
  for (const [i, d] of ev.documents.entries()) {
    expect(docs[i]![1]).toContain(d.doc.name);
    expect(docs[i]![1]).toContain(d.doc.where);
    expect(docs[i]![1]).toContain(`${d.neededFor.length} 项资助要用`);
  }
  // Documents only 「可能可以」 results need come last, under 看情况再准备.
  const maybe = await page.$$eval('.wz-maybe ~ .wz-doclist li[data-doc]', (ls) => ls.map((l) => l.getAttribute('data-doc')));
  expect(maybe).toEqual(ev.documents.filter((d) => d.maybe).map((d) => d.doc.id));
  expect(await page.locator('.wz-maybe-h').count()).toBe(ev.documents.some((d) => d.maybe) ? 1 : 0);
  const steps = page.locator('.wz-steps');
  const applying = ev.results.some((r) => r.status === 'apply' || r.status === 'conditional');
  expect(await steps.count()).toBe(applying ? 1 : 0);
  if (applying) {
    // The steps of applying, as content/steps.yaml says (the 认定 page shows the same steps).
    const shown = (await steps.locator('li').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
    expect(shown.map((t) => t.split('（')[0])).toEqual(applySteps.map((s) => s.name));
    for (const [i, st] of applySteps.entries()) expect(shown[i], st.name).toContain(`（${st.when}）：${st.short}`.replace(/\s+/g, ''));
  }
  expect(await page.locator('main').innerText()).toContain(FRAUD_LINE);

  // Whose standards, what the link got wrong, and where to ask.
  const notices = await page.locator('.wz-notice').allInnerTexts();
  expect(notices).toEqual(ev.notices.map((n) => `${n.message}。`));
  const std = page.locator('.wz-std');
  expect(await std.count()).toBe(ev.region ? 1 : 0);
  if (ev.region) expect(await std.innerText()).toContain(ev.region.label);
  if (ev.contacts.length) {
    const shown = await page.locator('[data-contact]').allInnerTexts();
    expect(shown.length).toBe(ev.contacts.length);
    for (const [i, c] of ev.contacts.entries()) {
      expect(shown[i]).toContain(c.name);
      if (c.phone) expect(shown[i]).toContain(c.phone);
    }
  } else expect(await page.locator('[data-no-contacts]').innerText()).toBe('请向学校或当地教育局学生资助管理中心咨询。');
  return ev;
}

async function expectAmount(text: string, r: Result) {
  const lines = r.alternatives.length > 1 ? r.alternatives : r.amount ? [r.amount] : [];
  for (const l of lines) {
    expect(text).toContain(formatAmount(l));
    const sem = formatPerInstalment(l);
    if (sem) expect(text).toContain(sem);
    if (r.alternatives.length > 1) expect(text).toContain(`${l.label}：`);
    // A regional figure says who published it, with its tiers.
    if (l.region) expect(text).toContain(`${l.region.name}公布${formatTiers(l) ? `：${formatTiers(l)}` : '的标准'}`);
  }
  // A figure whose confidence is not high carries 未确认, as on the stage page (and so does a span of tiers).
  const range = r.amount?.range?.confidence;
  expect(text.split(UNCONFIRMED).length - 1, `${r.id}: 未确认`).toBe(lines.filter(isUnconfirmed).length + (range && range !== 'high' ? 1 : 0));
  if (r.local && r.localNote) expect(text).toContain(r.localNote);
  if (r.local && r.amount && r.amount.basis !== 'local') expect(text).toContain(LOCAL);
  if (r.local && r.amount?.basis === 'local') expect(text).toContain(LOCAL);
}

/** Number of pages in a PDF (its /Type /Page objects). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

// --- Cases -------------------------------------------------------------------------------------------

/** Cases marked `ui: true` in test/cases/ (YAML), plus one per stage the marked ones do not cover. */
function uiCases(): Case[] {
  const marked = loadCases().flatMap(([, cs]) => cs).filter((c) => c.ui && !c.error && !c.region);
  const stageOf = (c: Case) => new URLSearchParams(c.answers).get('stage');
  const own: Case[] = [
    { name: '小学走读生、城市户口、家里都不是', date: '2026-10-10', answers: 'stage=primary&grade=1&school=public&boarding=no&hukou=urban&family=none' },
    { name: '初中寄宿、不确定户口和家庭情况', date: '2026-10-10', answers: 'stage=junior&grade=1&school=private&boarding=yes&hukou=unknown&family=unknown' },
    { name: '中职涉农专业、不确定家庭情况', date: '2026-10-10', answers: 'stage=vocational&grade=2&school=public&hukou=town&agri=yes&family=unknown' },
    { name: '博士研究生、残疾学生', date: '2026-10-10', answers: 'stage=postgrad&grade=1&degree=doctor&school=public&hukou=urban&family=disabled&veteran=no' },
    { name: '幼儿园中班、孤儿', date: '2026-10-10', answers: 'stage=preschool&grade=2&school=private&hukou=rural&family=orphan' },
    { name: '高中、多种家庭情况', date: '2026-10-10', answers: 'stage=senior&grade=3&school=public&hukou=rural&family=tuopin,disabledparent,martyr' },
    { name: '大学、不确定家庭情况', date: '2026-10-10', answers: 'stage=undergrad&grade=4&school=private&hukou=rural&family=unknown&veteran=no' },
    // The region question answered by search: a province's tiers, a county's figures with 不确定 住校.
    { name: '四川的困难高中生（地区按名字搜）', date: '2026-10-10', answers: 'stage=senior&grade=1&school=public&hukou=rural&family=dibao&region=510000' },
    { name: '施甸县初中、不确定是否住校', date: '2026-10-10', answers: 'stage=junior&grade=1&school=public&boarding=unknown&hukou=rural&family=tuopin&region=530521' },
  ];
  const all = [...marked, ...own];
  for (const s of STAGES) if (!all.some((c) => stageOf(c) === s)) throw new Error(`没有覆盖「${s}」的界面用例`);
  return all;
}

describe('replaying cases through the wizard by tapping', () => {
  for (const c of uiCases()) {
    it(`shows what the engine says for: ${c.name}`, async () => {
      const want = parseAnswers(c.answers);
      if (!want.ok) throw new Error(c.answers);
      const { page, errors } = await open('', { date: c.date });
      const asked = await tapThrough(page, want.answers);
      expect(asked).toEqual(questionsFor(answersOf(page)));
      // Every answer the case gives is in the URL; questions it leaves out got the default tap.
      const got = answersOf(page);
      for (const [k, v] of Object.entries(want.answers)) expect(got[k as keyof Answers], k).toEqual(v);
      await showResults(page);
      // The device day, or the day the data was checked when the device clock is earlier.
      expect(await page.locator('.wz-date').getAttribute('datetime')).toBe(c.date < dataAsOf ? dataAsOf : c.date);
      await expectMatchesEngine(page);
      expect(errors).toEqual([]);
    });
  }
});

// --- Links, history, reload --------------------------------------------------------------------------

describe('links and history', () => {
  it('starts a poster link with only the stage at the first unanswered question', async () => {
    const { page, errors } = await open('stage=senior');
    expect(await currentQuestion(page)).toBe('grade');
    expect(await heading(page)).toBe(question('grade', { stage: 'senior' }).title);
    expect(await page.locator('.wz-pos').innerText()).toBe(`第 2 题，共 ${questionsFor({ stage: 'senior' }).length} 题`);
    expect(await page.locator('.wz-errors').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('continues a half-filled link at the gap and keeps every answer', async () => {
    const { page } = await open('stage=junior&grade=2&family=dibao&hukou=rural');
    expect(await currentQuestion(page)).toBe('school');
    await page.locator('button[data-v="public"]').tap();
    expect(await currentQuestion(page)).toBe('boarding');
    await page.locator('button[data-v="yes"]').tap();
    expect(await currentQuestion(page)).toBe('region');
    await pickRegion(page, NATIONAL_REGION);
    expect(await heading(page)).toBe('核对你的回答');
    expect(hashOf(page)).toBe(`#stage=junior&grade=2&school=public&boarding=yes&hukou=rural&family=dibao&${NATIONAL}`);
  });

  it('goes back and forward through the answers with the browser buttons', async () => {
    const { page, errors } = await open();
    await page.locator('button[data-v="primary"]').tap();
    await page.locator('button[data-v="4"]').tap();
    await page.locator('button[data-v="public"]').tap();
    expect(await currentQuestion(page)).toBe('boarding');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('section[data-q]')?.getAttribute('data-q') === 'school');
    expect(hashOf(page)).toBe('#stage=primary&grade=4');
    expect(await focusedId(page)).toBe('wz-h');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('section[data-q]')?.getAttribute('data-q') === 'grade');
    await page.goForward();
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('section[data-q]')?.getAttribute('data-q') === 'boarding');
    expect(hashOf(page)).toBe('#stage=primary&grade=4&school=public');
    expect(errors).toEqual([]);
  });

  it('has an in-page 上一题 button that keeps the answers', async () => {
    const { page } = await open('stage=senior&grade=2&school=public');
    expect(await currentQuestion(page)).toBe('hukou');
    await page.getByRole('button', { name: '← 上一题' }).tap();
    expect(await currentQuestion(page)).toBe('school');
    expect(await page.locator('button[data-v="public"]').getAttribute('aria-pressed')).toBe('true');
    expect(hashOf(page)).toBe('#stage=senior&grade=2&school=public');
  });

  it('changes an earlier answer from the review screen and keeps the later ones', async () => {
    const { page, errors } = await open(`stage=senior&grade=2&school=public&hukou=rural&family=dibao&${NATIONAL}`);
    expect(await heading(page)).toBe('核对你的回答');
    await page.getByRole('button', { name: /^修改\s*学校类型$/ }).tap();
    expect(await currentQuestion(page)).toBe('school');
    expect(await focusedId(page)).toBe('wz-h');
    await page.locator('button[data-v="private"]').tap();
    expect(await heading(page)).toBe('核对你的回答');
    expect(hashOf(page)).toBe(`#stage=senior&grade=2&school=private&hukou=rural&family=dibao&${NATIONAL}`);
    const review = await page.locator('.wz-review').innerText();
    expect(review).toContain('民办学校');
    expect(review).toContain('低保户（最低生活保障家庭）');
    expect(review).toContain('全国标准');
    expect(errors).toEqual([]);
  });

  it('asks again only what a new stage needs, says what was dropped, and keeps the rest', async () => {
    const { page } = await open('stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=tuopin&region=530521');
    await page.getByRole('button', { name: /^修改\s*上学阶段$/ }).tap();
    await page.locator('button[data-v="vocational"]').tap();
    expect(await currentQuestion(page)).toBe('grade');
    const note = await page.locator('.wz-q .note').innerText();
    expect(note).toContain('是否住校');
    // The grade is asked again right here: it is not among the questions 「不再需要」.
    expect(note).not.toContain('年级');
    await page.locator('button[data-v="1"]').tap();
    expect(await currentQuestion(page)).toBe('agri');
    await page.locator('button[data-v="no"]').tap();
    expect(await heading(page)).toBe('核对你的回答');
    expect(hashOf(page)).toBe('#stage=vocational&grade=1&school=public&hukou=rural&agri=no&family=tuopin&region=530521');
  });

  it('keeps the answers and the results screen on reload', async () => {
    const { page, errors } = await open(`stage=undergrad&grade=1&school=public&hukou=rural&family=dibao&veteran=no&${NATIONAL}`);
    await showResults(page);
    const before = hashOf(page);
    await page.reload();
    await page.waitForSelector('.wz-results');
    expect(hashOf(page)).toBe(before);
    expect(await heading(page)).toBe('你的结果');
    await expectMatchesEngine(page);
    // Mid-way: reload keeps the question.
    const mid = await open('stage=senior&grade=1');
    await mid.page.reload();
    await mid.page.waitForSelector(WIZARD_READY);
    expect(await currentQuestion(mid.page)).toBe('school');
    expect(errors).toEqual([]);
  });

  it('keeps a region from the link, skips the region question, names the region on the review and in the share link', async () => {
    const { page, errors } = await open('stage=senior&grade=1&school=public&hukou=rural&region=510000');
    expect(await currentQuestion(page)).toBe('family');
    await page.locator('input[value="none"]').tap();
    await page.getByRole('button', { name: '下一步' }).tap();
    expect(hashOf(page)).toBe('#stage=senior&grade=1&school=public&hukou=rural&family=none&region=510000');
    const review = await page.locator('.wz-review').innerText();
    expect(review).not.toContain('510000');
    expect(review).toContain(regionLabel(regions, '510000'));
    await showResults(page);
    expect(await page.locator('#wz-link').inputValue()).toContain('region=510000');
    expect(errors).toEqual([]);
  });
});

describe('malformed and outdated links', () => {
  const bad = [
    { hash: 'stage=senior&grade=5', first: 'grade' },
    { hash: 'stage=moon', first: 'stage' },
    { hash: 'family=dibao,none', first: 'stage' },
    { hash: 'stage=senior&boarding=yes&grade=2', first: 'school' },
    { hash: 'stage=junior&grade=2&stage=senior', first: 'school' },
    { hash: 'stage=undergrad&grade=1&veteran=maybe&region=xx', first: 'school' },
  ];
  for (const b of bad) {
    it(`explains in Chinese what is wrong with #${b.hash} and continues with what could be kept`, async () => {
      const parsed = parseAnswers(b.hash);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const { page, errors } = await open(b.hash);
      const msg = await page.locator('.wz-errors[role="alert"]').innerText();
      expect(msg).toContain('这个链接有几处看不懂');
      for (const e of parsed.errors) expect(msg).toContain(e.message);
      expect(await currentQuestion(page)).toBe(b.first);
      expect(firstUnanswered(parsed.partial)).toBe(b.first);
      const kept = formatAnswers(parsed.partial);
      expect(hashOf(page)).toBe(kept ? `#${kept}` : '');
      // The message goes away once the family answers.
      await page.locator('section[data-q] button[data-v], section[data-q] input').first().tap();
      if ((await currentQuestion(page)) === 'family') await page.getByRole('button', { name: '下一步' }).tap();
      expect(await page.locator('.wz-errors').count()).toBe(0);
      expect(errors).toEqual([]);
    });
  }
});

describe('孩子升级了吗: links from an earlier school year', () => {
  const rawHash = (page: Page) => new URL(page.url()).hash;
  it('stamps the school year into the address once a grade is answered, and into the share link', async () => {
    const { page, errors } = await open('', { date: '2026-12-05' });
    await page.locator('button[data-v="primary"]').tap();
    expect(rawHash(page)).toBe('#stage=primary');
    await page.locator('button[data-v="4"]').tap();
    expect(rawHash(page)).toBe('#stage=primary&grade=4&year=2026');
    const done = await open(`${TYPICAL}&year=2026`, { date: '2027-08-31' });
    await showResults(done.page);
    expect(await done.page.locator('.wz-newyear').count()).toBe(0);
    expect(await done.page.locator('#wz-link').inputValue()).toMatch(/&year=2026$/);
    expect(errors).toEqual([]);
  });

  it('asks whether the child went up a grade, says the new grade, and takes it on 「升了」', async () => {
    const { page, errors } = await open(`${TYPICAL}&year=2025`, { date: '2026-12-05' });
    expect(await heading(page)).toBe('核对你的回答');
    const note = page.locator('.wz-newyear');
    await note.waitFor();
    const text = await note.innerText();
    expect(text).toContain('孩子升年级了吗？');
    expect(text).toContain('2025 年秋季开学的那个学年填的');
    expect(text).toContain('原来高中二年级，现在应该是高中三年级');
    expect(formatViolations(await runAxe(page))).toBe('');
    await screenshot(page, 'wizard-new-year');
    await page.getByRole('button', { name: '升了，按现在的年级算' }).tap();
    expect(rawHash(page)).toBe(`#${TYPICAL.replace('grade=2', 'grade=3')}&year=2026`);
    expect(await page.locator('.wz-newyear').count()).toBe(0);
    expect(await page.locator('.wz-review').innerText()).toContain('高中三年级');
    await showResults(page);
    await expectMatchesEngine(page);
    // Back brings the old link, and its question, again.
    await page.goBack();
    await page.goBack();
    await note.waitFor();
    expect(rawHash(page)).toBe(`#${TYPICAL}&year=2025`);
    expect(errors).toEqual([]);
  });

  it('asks a child who finished 初三 what it is in now and a 小学一年级 its new school, and 「没升」 keeps the grades', async () => {
    const link = `stage=junior&grade=3&school=public&boarding=yes&hukou=rural&family=dibao&${NATIONAL}`;
    const { page, errors } = await open(`${link}&year=2025`, { date: '2026-12-05' });
    await page.locator('.wz-newyear').waitFor();
    expect(await page.locator('.wz-newyear').innerText()).toContain('原来初中三年级，初中已经毕业，要重新选现在读什么');
    await page.getByRole('button', { name: '升了，按现在的年级算' }).tap();
    expect(await currentQuestion(page)).toBe('stage');
    expect(rawHash(page)).toBe(`#hukou=rural&family=dibao&${NATIONAL}`);
    await page.locator('button[data-v="senior"]').tap();
    await page.locator('button[data-v="1"]').tap();
    expect(rawHash(page)).toBe(`#stage=senior&grade=1&hukou=rural&family=dibao&${NATIONAL}&year=2026`);

    // Two children: 老大 answers its stage, then 老二 (大班 → 小学一年级) its new school, then 核对你的回答.
    const two = await open('stage=junior&grade=3&school=public&boarding=no&hukou=rural&family=tuopin&order=1&stage2=preschool&grade2=3&school2=public&order2=2&region=000000&year=2026', { date: '2027-09-15' });
    await two.page.locator('.wz-newyear').waitFor();
    expect(await two.page.locator('.wz-newyear li').allInnerTexts()).toEqual(['老大：原来初中三年级，初中已经毕业，要重新选现在读什么', '老二：原来大班，现在应该是小学一年级']);
    await two.page.getByRole('button', { name: '升了，按现在的年级算' }).tap();
    for (const [q, v] of [['stage', 'vocational'], ['grade', '1'], ['school', 'public'], ['agri', 'no']]) {
      expect(await currentQuestion(two.page)).toBe(q);
      await two.page.locator(`section[data-q] button[data-v="${v}"]`).tap();
    }
    expect(await two.page.locator('.wz-who-child').innerText()).toContain('老二');
    for (const [q, v] of [['school', 'public'], ['boarding', 'no']]) {
      expect(await currentQuestion(two.page)).toBe(q);
      await two.page.locator(`section[data-q] button[data-v="${v}"]`).tap();
    }
    expect(await heading(two.page)).toBe('核对你的回答');
    expect(rawHash(two.page)).toBe('#stage=vocational&grade=1&school=public&hukou=rural&agri=no&family=tuopin&region=000000&order=1&stage2=primary&grade2=1&school2=public&boarding2=no&order2=2&year=2027');

    // A link that opens on a question (a child half answered) shows the box there too.
    const half = await open('stage=junior&grade=2&hukou=rural&family=dibao&region=000000&year=2025', { date: '2026-12-05' });
    expect(await currentQuestion(half.page)).toBe('school');
    await half.page.locator('.wz-newyear').waitFor();
    expect(await half.page.locator('.wz-newyear li').allInnerTexts()).toEqual(['原来初中二年级，现在应该是初中三年级']);

    // 看结果 before answering it: no results for last year's grades, the question first; 没升 shows them.
    const skip = await open(`${link}&year=2025`, { date: '2026-12-05' });
    await skip.page.locator('.wz-newyear').waitFor();
    await skip.page.getByRole('button', { name: '看结果' }).tap();
    expect(await skip.page.locator('.wz-newyear').innerText()).toContain('先选一下，结果按现在的年级算出来');
    expect(await skip.page.locator('.wz-results, .wz-wait').count()).toBe(0);
    await skip.page.getByRole('button', { name: '没升，还是原来的年级' }).tap();
    await skip.page.waitForSelector('.wz-results');
    await expectMatchesEngine(skip.page);

    const kept = await open(`${link}&year=2025`, { date: '2026-12-05' });
    await kept.page.locator('.wz-newyear').waitFor();
    await kept.page.getByRole('button', { name: '没升，还是原来的年级' }).tap();
    expect(rawHash(kept.page)).toBe(`#${link}&year=2026`);
    expect(await kept.page.locator('.wz-newyear').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

// --- Results tools -----------------------------------------------------------------------------------

const TYPICAL = `stage=senior&grade=2&school=public&hukou=rural&family=dibao&${NATIONAL}`;

describe('print, share and clear', () => {
  it('prints the results and checklist of a typical family on one A4 page', async () => {
    for (const hash of [TYPICAL, 'stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=tuopin&region=530521', 'stage=senior&grade=2&school=public&hukou=rural&family=dibao&region=510000']) {
      const { page } = await open(hash);
      await showResults(page);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.wz-share').isVisible()).toBe(false);
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('.wz-plink').innerText()).toContain(`/check/#${hash}`);
      expect(await page.locator('li[data-doc]').first().isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPages(pdf), hash).toBe(1);
    }
  });

  it('copies a share link that carries only the answers (and the school year of the grades) and opens the same results', async () => {
    const { page, errors } = await open(TYPICAL, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await showResults(page);
    expect(await page.locator('.wz-share').innerText()).toContain('谁打开这个链接，都会先看到这些回答，点「看结果」就是同样的结果');
    await page.getByRole('button', { name: '复制链接' }).tap();
    await page.waitForFunction(() => document.querySelector('.wz-copied')?.textContent?.includes('已复制'));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseURL}/check/#${TYPICAL}&year=${THIS_YEAR}`);
    expect(await page.locator('#wz-link').inputValue()).toBe(link);
    // Someone else opens it: the review screen with the same answers, then the same results.
    const other = await open(link.split('#')[1]);
    expect(await heading(other.page)).toBe('核对你的回答');
    await showResults(other.page);
    await expectMatchesEngine(other.page);
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });

  it('keeps ticks in memory only, unless the family asks to remember them, and 清除我的回答 (after 确定清除) clears everything', async () => {
    const { page, errors } = await open(TYPICAL);
    await showResults(page);
    const first = page.locator('li[data-doc] input[type="checkbox"]').first();
    await first.tap();
    expect(await first.isChecked()).toBe(true);
    expect(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY)).toBeNull();
    // Ticks survive going to the review and back (memory) …
    await page.getByRole('button', { name: '修改回答' }).tap();
    await showResults(page);
    expect(await page.locator('li[data-doc] input[type="checkbox"]').first().isChecked()).toBe(true);
    // … but not a reload, unless remembered.
    await page.reload();
    await page.waitForSelector('.wz-results');
    expect(await page.locator('li[data-doc] input[type="checkbox"]').first().isChecked()).toBe(false);
    await page.locator('li[data-doc] input[type="checkbox"]').first().tap();
    await page.locator('.wz-remember input').tap();
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), STORE_KEY))!)).toEqual({ a: TYPICAL, t: [await page.locator('li[data-doc]').first().getAttribute('data-doc')] });
    await page.reload();
    await page.waitForSelector('.wz-results');
    expect(await page.locator('li[data-doc] input[type="checkbox"]').first().isChecked()).toBe(true);
    expect(await page.locator('.wz-remember input').isChecked()).toBe(true);
    // Clear asks first: 不清除 keeps everything, 确定清除 wipes it.
    const before = hashOf(page);
    await page.getByRole('button', { name: '清除我的回答' }).tap();
    expect(await page.locator('.wz-confirm').innerText()).toContain('要清除吗');
    await page.getByRole('button', { name: '不清除' }).tap();
    expect(await page.locator('.wz-confirm').count()).toBe(0);
    expect(hashOf(page)).toBe(before);
    expect(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY)).not.toBeNull();
    // Clear: no hash, nothing stored, back at the first question.
    await page.getByRole('button', { name: '清除我的回答' }).tap();
    await page.getByRole('button', { name: '确定清除' }).tap();
    expect(hashOf(page)).toBe('');
    expect(await page.evaluate((k) => localStorage.getItem(k), STORE_KEY)).toBeNull();
    expect(await currentQuestion(page)).toBe('stage');
    expect(await focusedId(page)).toBe('wz-h');
    await page.reload();
    await page.waitForSelector(WIZARD_READY);
    expect(await currentQuestion(page)).toBe('stage');
    expect(errors).toEqual([]);
  });

  it('清除我的回答 is true: after clearing, Back does not bring the answers back', async () => {
    const { page, errors } = await open();
    await tapThrough(page, { stage: 'senior', grade: 2, school: 'public', hukou: 'rural', family: ['dibao'], region: NATIONAL_REGION });
    await showResults(page);
    expect(hashOf(page)).not.toBe('');
    await page.getByRole('button', { name: '清除我的回答' }).tap();
    await page.getByRole('button', { name: '确定清除' }).tap();
    await page.waitForFunction(() => location.hash === '');
    expect(await currentQuestion(page)).toBe('stage');
    // Every Back from here: no answers in the address and none on screen.
    for (let i = 0; i < 3; i++) {
      await page.goBack().catch(() => null);
      if (!page.url().includes('/check/')) break;
      expect(hashOf(page)).toBe('');
      expect(['stage', null]).toContain(await currentQuestion(page));
    }
    expect(errors).toEqual([]);
  });

  it('says what to ask the school when an answer was 不确定 (寄宿 vs 走读 amounts)', async () => {
    const hash = `stage=junior&grade=3&school=public&boarding=unknown&hukou=rural&family=tuopin&${NATIONAL}`;
    const { page } = await open(hash);
    await showResults(page);
    const ev = await expectMatchesEngine(page);
    const withAlts = ev.results.filter((r) => r.alternatives.length > 1);
    expect(withAlts.length).toBeGreaterThan(0);
    expect(await page.locator('.wz-unsure').innerText()).toContain(`有 1 个问题你选了「不确定」（${question('boarding', answersOf(page)).short}）`);
    for (const r of withAlts) {
      const text = await cardText(page, r.id);
      expect(text).toContain('不确定');
      for (const l of r.alternatives) expect(text).toContain(l.label!);
    }
  });

  it('says which condition was missed and where else to look for results that do not apply', async () => {
    const { page } = await open(`stage=senior&grade=1&school=public&hukou=urban&family=none&${NATIONAL}`);
    await showResults(page);
    const ev = await expectMatchesEngine(page);
    const out = ev.results.filter((r) => r.status === 'ineligible');
    expect(out.length).toBeGreaterThan(0);
    for (const r of out) expect(await cardText(page, r.id)).toContain(r.missed[0]!);
    const group = await page.locator('section[data-group="out"]').innerText();
    expect(group).toContain('学生资助管理中心');
    expect(await page.locator('section[data-group="out"] a[href="/stages/senior/"]').count()).toBe(1);
  });
});

// --- Accessibility -----------------------------------------------------------------------------------

describe('accessibility', () => {
  it('is axe clean on every step, with big tap targets and no sideways scrolling', async () => {
    const { page, errors } = await open('', { date: '2026-12-01' });
    const check = async (name: string) => {
      expect(formatViolations(await runAxe(page)), name).toBe('');
      expect((await horizontalOverflow(page)).overflow, name).toBe(0);
      expect(await smallTapTargets(page, '.wz button, .wz .wz-check'), name).toEqual([]);
      await screenshot(page, `wizard-${name}`);
    };
    const a: Answers = { stage: 'vocational', grade: 2, school: 'public', hukou: 'rural', agri: 'unknown', family: ['dibao', 'disabledparent'] };
    for (let i = 0; i < 10; i++) {
      const q = await currentQuestion(page);
      if (!q) break;
      if (await page.locator('.wz-help summary').count()) await page.locator('.wz-help summary').tap();
      await check(`${i + 1}-${q}`);
      const values = valuesFor(a, q);
      if (q === 'family') {
        await page.getByRole('button', { name: '下一步' }).tap();
        expect(await page.locator('.wz-warn[role="alert"]').count()).toBe(1);
        for (const v of values) await page.locator(`input[name="family"][value="${v}"]`).tap();
        await page.getByRole('button', { name: '下一步' }).tap();
      } else if (q === 'region') {
        // The search box with a name typed, then with a name that matches nothing.
        await page.locator('#wz-find').fill('四川');
        await check(`${i + 1}-region-found`);
        await page.locator('#wz-find').fill('火星');
        await check(`${i + 1}-region-none`);
        await pickRegion(page, values[0]!);
      } else await page.locator(`button[data-v="${values[0]}"]`).tap();
    }
    await check('review');
    await showResults(page);
    expect(await page.locator('.wz-live[aria-live="polite"] #wz-h').count()).toBe(1);
    await check('results');
    const bad = await open('stage=senior&grade=5');
    expect(formatViolations(await runAxe(bad.page))).toBe('');
    await screenshot(bad.page, 'wizard-malformed-link');
    expect(errors).toEqual([]);
  }, 150_000);

  it('fits a 320 px screen with 大字 on, from the first question to the results', async () => {
    const context = await browser.newContext({ ...phone, viewport: { width: 320, height: 640 } });
    contexts.push(context);
    await context.addInitScript((k) => localStorage.setItem(k, '1'), LARGE_TEXT_KEY);
    const { page, errors } = await newPage(context);
    const fits = async (name: string) => {
      expect(await page.evaluate(() => document.documentElement.classList.contains('lt')), name).toBe(true);
      expect(await horizontalOverflow(page), name).toEqual({ overflow: 0, culprits: [] });
    };
    await page.goto(`${baseURL}/check/#stage=undergrad&grade=1&school=public&hukou=rural`);
    await page.waitForSelector(WIZARD_READY);
    await page.locator('.wz-help summary').tap();
    await fits('family');
    await page.locator('input[value="tuopin"]').tap();
    await page.getByRole('button', { name: '下一步' }).tap();
    await fits('veteran');
    await page.locator('button[data-v="yes"]').tap();
    await page.locator('#wz-find').fill('施甸');
    await fits('region');
    await page.locator('button[data-v="530521"]').tap();
    await fits('review');
    await showResults(page);
    await fits('results');
    await screenshot(page, 'wizard-results-320-large-text');
    expect(errors).toEqual([]);
  });

  it('works with the keyboard alone, moving focus to each new heading', async () => {
    const { page, errors } = await open('', { context: { hasTouch: false, isMobile: false } });
    // Tab from the top of the page to the first option, then answer with Enter / Space only.
    const press = async (key: string) => page.keyboard.press(key);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await press('Tab');
      }
      throw new Error(`Tab 到不了 ${selector}`);
    };
    const pick = async (v: string) => {
      await tabTo(`button[data-v="${v}"]`);
      await press('Enter');
      expect(await focusedId(page)).toBe('wz-h');
    };
    await pick('senior');
    await pick('2');
    await pick('public');
    await pick('rural');
    await tabTo('input[value="dibao"]');
    await press('Space');
    await tabTo('button[type="submit"]');
    await press('Enter');
    expect(await focusedId(page)).toBe('wz-h');
    expect(await currentQuestion(page)).toBe('region');
    await pick(NATIONAL_REGION);
    expect(await heading(page)).toBe('核对你的回答');
    await tabTo('.btn-primary');
    await press('Enter');
    await page.waitForSelector('.wz-results');
    expect(await focusedId(page)).toBe('wz-h');
    await tabTo('li[data-doc] input');
    await press('Space');
    expect(await page.locator('li[data-doc] input').first().isChecked()).toBe(true);
    expect(hashOf(page)).toBe(`#${TYPICAL}`);
    expect(errors).toEqual([]);
  });
});

// --- Page basics -------------------------------------------------------------------------------------

describe('the page', () => {
  it('links the stage pages when JavaScript is off', async () => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${baseURL}/check/`);
    const note = page.locator('main .note:not([data-wz-stuck])');
    expect(await note.innerText()).toContain('JavaScript');
    // The copy of the first question (links that only set the address) is hidden: it could do nothing.
    expect(await page.locator('#wz [data-wz-copy]').isVisible()).toBe(false);
    for (const s of ['preschool', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad']) {
      expect(await note.locator(`a[href="/stages/${s}/"]`).count(), s).toBe(1);
    }
    await screenshot(page, 'wizard-no-js');
  });

  it('asks the first question before its script arrives: plain links in the HTML, which the wizard takes over', async () => {
    const context = await browser.newContext(phone);
    contexts.push(context);
    const { page, errors } = await newPage(context);
    let release = () => {};
    const gate = new Promise<void>((ok) => (release = ok));
    await context.route('**/_astro/**', async (r) => {
      await gate;
      await r.continue();
    });
    await page.goto(`${baseURL}/check/`, { waitUntil: 'commit' });
    const link = page.locator('#wz [data-wz-copy] a[data-v="senior"]');
    await link.waitFor();
    expect(await page.locator('#wz [data-wz-copy] a[data-v]').count()).toBe(STAGES.length);
    expect(await link.getAttribute('href')).toBe('#stage=senior');
    await screenshot(page, 'wizard-before-script');
    await link.tap();
    expect(hashOf(page)).toBe('#stage=senior');
    // The script arrives: the wizard starts from the answer in the address and asks the next question.
    release();
    await page.waitForSelector(WIZARD_READY);
    expect(answersOf(page).stage).toBe('senior');
    expect(await currentQuestion(page)).not.toBe('stage');
    expect(await page.locator('[data-wz-copy]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('uses the data-check day when the device clock is earlier, and shows a later device day as is', async () => {
    const early = await open(TYPICAL, { date: '2001-01-01' });
    await showResults(early.page);
    expect(await early.page.locator('.wz-date').getAttribute('datetime')).toBe(dataAsOf);
    const later = await open(TYPICAL, { date: '2027-03-15' });
    await showResults(later.page);
    expect(await later.page.locator('.wz-date').getAttribute('datetime')).toBe('2027-03-15');
    await expectMatchesEngine(later.page);
  });

  it('a clock a year or more after the data-check day says when the data were checked, not 「在用的政策」', async () => {
    const { page } = await open(TYPICAL, { date: '2030-01-01' });
    await showResults(page);
    const line = (await page.locator('.wz-date').textContent()) ?? '';
    expect(line).toContain(`本站资料核对于 ${formatDay(dataAsOf)}`);
    expect(line).toContain('以学校和当地资助中心的通知为准');
    expect(line).not.toContain('在用的政策');
  });

  it('ships no zod and makes no third-party requests', async () => {
    const { page, requests } = await open(TYPICAL);
    await showResults(page);
    for (const u of requests) expect(new URL(u).origin, u).toBe(baseURL);
    const js = requests.filter((u) => u.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const u of js) {
      const src = readFileSync(join(distDir(), new URL(u).pathname), 'utf8');
      expect(src, u).not.toMatch(/ZodError|\$ZodType/);
    }
  });

  it('fetches the stage\'s data only after the stage is picked, and only that stage\'s', async () => {
    const { page, requests } = await open();
    const parts = () => requests.filter((u) => new URL(u).pathname.startsWith('/check/data/'));
    const results = () => requests.filter((u) => /\/_astro\/Results\.[\w-]+\.js$/.test(new URL(u).pathname));
    await page.waitForLoadState('networkidle');
    expect(parts(), 'no stage data before the stage is known').toEqual([]);
    expect(results(), 'no results code before the stage is known').toEqual([]);
    await page.locator('.wz-opts button[data-v="vocational"]').tap();
    await page.waitForLoadState('networkidle');
    expect(parts().map((u) => new URL(u).pathname)).toEqual([expect.stringMatching(/^\/check\/data\/vocational\.[0-9a-f]{10}\.json$/)]);
    expect(results()).toHaveLength(1);
  });

  it('says in Chinese when the stage\'s data cannot be fetched (no signal), keeps the answers, and 再试一次 shows the results', async () => {
    const context = await browser.newContext({ ...phone });
    contexts.push(context);
    const { page, errors } = await newPage(context);
    await context.route('**/check/data/*.json', (r) => r.abort('internetdisconnected'));
    await page.goto(`${baseURL}/check/#${TYPICAL}`);
    await page.waitForSelector(WIZARD_READY);
    const before = hashOf(page);
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.locator('.wz-wait .btn').waitFor();
    expect(await heading(page)).toBe('结果还没能算出来');
    const wait = await page.locator('.wz-wait').innerText();
    expect(wait).toContain('信号不好');
    expect(wait).toContain('你的回答都还在');
    expect(await page.locator('.wz-wait a').getAttribute('href')).toBe('/stages/senior/');
    expect(await page.locator('.wz-results').count()).toBe(0);
    expect(hashOf(page)).toBe(before);
    await screenshot(page, 'wizard-no-signal');
    await context.unroute('**/check/data/*.json');
    await page.getByRole('button', { name: '再试一次' }).tap();
    await page.waitForSelector('.wz-results');
    expect(await focusedId(page)).toBe('wz-h');
    await expectMatchesEngine(page);
    expect(errors.filter((e) => !/internetdisconnected|Failed to fetch|ERR_INTERNET_DISCONNECTED/i.test(e))).toEqual([]);
  });

  it('treats a stage data file of the wrong shape as a failed fetch, with 再试一次', async () => {
    const { page } = await open(TYPICAL, {
      before: (c) => c.route('**/check/data/*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{}' })),
    });
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.getByRole('button', { name: '再试一次' }).waitFor();
    expect(await heading(page)).toBe('结果还没能算出来');
  });

  for (const [who, hash] of [
    ['one child', TYPICAL],
    ['two children', 'stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=dibao&region=000000&stage2=senior&grade2=1&school2=public'],
  ] as const) {
    it(`a data file that keeps failing (${who}) is asked for once, not in a loop behind 「结果还没能算出来」; 再试一次 asks again`, async () => {
      let asked = 0;
      const perUrl = new Map<string, number>();
      const { page } = await open(hash, {
        context: { serviceWorkers: 'block' },
        before: (c) => c.route('**/check/data/*.json', (r) => {
          asked += 1;
          perUrl.set(r.request().url(), (perUrl.get(r.request().url()) ?? 0) + 1);
          return r.fulfill({ status: 404, body: 'not here' });
        }),
      });
      await page.getByRole('button', { name: '看结果' }).tap();
      await page.getByRole('button', { name: '再试一次' }).waitFor({ timeout: 10_000 });
      expect(await heading(page)).toBe('结果还没能算出来');
      await page.waitForTimeout(1000);
      const once = asked;
      await page.waitForTimeout(2000);
      // Nothing more behind the message: each stage part the children need was asked for a few times at most
      // (the child's results, the family layer, the first child's again), then the wizard waits for 再试一次.
      expect(asked, 'no new requests while the message shows').toBe(once);
      expect(Math.max(...perUrl.values()), 'requests per stage part').toBeLessThanOrEqual(3);
      await page.getByRole('button', { name: '再试一次' }).tap();
      await page.getByRole('button', { name: '再试一次' }).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(1000);
      expect(asked).toBeGreaterThan(once);
      const again = asked;
      await page.waitForTimeout(2000);
      expect(asked).toBe(again);
    });
  }

  it('data of the right outline but unreadable inside says so in Chinese with 再试一次, not a blank screen', async () => {
    const { page } = await open(TYPICAL, {
      context: { serviceWorkers: 'block' },
      before: (c) => c.route('**/check/data/*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"subsidies":[{"id":1}],"sources":[],"documents":[],"regions":[],"steps":[]}' })),
    });
    await page.getByRole('button', { name: '看结果' }).tap();
    await page.getByRole('button', { name: '再试一次' }).waitFor({ timeout: 10_000 });
    expect(await heading(page)).toBe('结果还没能算出来');
  });

  it('the 「跳到正文」 skip link moves to the content and keeps the answers', async () => {
    const { page, errors } = await open('stage=senior&grade=1&school=public');
    const before = hashOf(page);
    expect(await currentQuestion(page)).toBe('hukou');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(hashOf(page)).toBe(before);
    expect(await currentQuestion(page)).toBe('hukou');
    expect(errors).toEqual([]);
  });

  it('gives up on a request that stalls (weak signal) after a while and offers 再试一次, instead of waiting forever', async () => {
    const context = await browser.newContext({ ...phone });
    contexts.push(context);
    const { page } = await newPage(context);
    await page.clock.install();
    let stalled = true;
    await context.route('**/check/data/*.json', (r) => (stalled ? undefined : r.continue()));
    await page.goto(`${baseURL}/check/#${TYPICAL}`);
    await page.waitForSelector(WIZARD_READY);
    await page.getByRole('button', { name: '看结果' }).tap();
    expect(await heading(page)).toBe('正在算你的结果…');
    expect(await page.locator('.wz-wait').innerText()).toContain('信号不好时要等一会儿');
    expect(await page.locator('.wz-wait a').getAttribute('href')).toBe('/stages/senior/');
    await page.clock.runFor(21_000);
    await page.getByRole('button', { name: '再试一次' }).waitFor();
    expect(await heading(page)).toBe('结果还没能算出来');
    stalled = false;
    await context.unroute('**/check/data/*.json');
    await page.getByRole('button', { name: '再试一次' }).tap();
    await page.waitForSelector('.wz-results');
    await expectMatchesEngine(page);
  });

  it('takes phone screenshots of each stage\'s results', { timeout: 300_000 }, async () => {
    const stages: Record<Stage, string> = {
      preschool: `stage=preschool&grade=3&school=public&hukou=rural&family=dibao&${NATIONAL}`,
      primary: 'stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=tuopin&region=530521',
      junior: `stage=junior&grade=3&school=public&boarding=unknown&hukou=rural&family=tuopin&${NATIONAL}`,
      senior: 'stage=senior&grade=2&school=public&hukou=rural&family=dibao&region=510000',
      vocational: `stage=vocational&grade=1&school=public&hukou=rural&agri=yes&family=none&${NATIONAL}`,
      undergrad: `stage=undergrad&grade=1&school=public&hukou=rural&family=dibao&veteran=no&${NATIONAL}`,
      postgrad: `stage=postgrad&grade=2&degree=master&school=public&hukou=urban&family=none&veteran=no&${NATIONAL}`,
    };
    for (const [s, hash] of Object.entries(stages)) {
      const { page, errors } = await open(hash);
      await showResults(page);
      await expectMatchesEngine(page);
      await screenshot(page, `wizard-results-${s}`);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPages(pdf), `${s} prints on one page`).toBe(1);
      expect(errors).toEqual([]);
    }
  });
});

// --- Regions (issue 7) -------------------------------------------------------------------------------

const SENIOR_DIBAO = 'stage=senior&grade=1&school=public&hukou=rural&family=dibao';

describe('the region question', () => {
  it('answering 四川 for a senior dibao student shows 四川省\'s tiers, who published them and the source', async () => {
    const { page, errors } = await open(SENIOR_DIBAO);
    expect(await currentQuestion(page)).toBe('region');
    expect(await heading(page)).toBe('孩子在哪个省/县上学？');
    await page.locator('#wz-find').fill('四川');
    expect(await page.locator('.wz-find button[data-v]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-v')))).toEqual(['510000']);
    await screenshot(page, 'wizard-region-question-sichuan');
    await page.locator('button[data-v="510000"]').tap();
    expect(await heading(page)).toBe('核对你的回答');
    expect(hashOf(page)).toBe(`#${SENIOR_DIBAO}&region=510000`);
    expect(await page.locator('.wz-review').innerText()).toContain('四川省');
    await showResults(page);
    const ev = await expectMatchesEngine(page);
    const grant = ev.results.find((r) => r.id === 'senior-grant')!;
    expect(grant.amount?.region?.code).toBe('510000');
    const card = await cardText(page, 'senior-grant');
    expect(card).toContain(`四川省公布：${formatTiers(grant.amount!)}`);
    expect(formatTiers(grant.amount!)).toBe('分三档：1300、2300、3300 元/年');
    // 四川's tiers are what is single-source, not the national average shown above them (FACTS §3: 高).
    expect(await page.locator('[data-id="senior-grant"] .wz-pub .unc').count()).toBe(grant.amount!.confidence === 'high' ? 0 : 1);
    expect(await page.locator('[data-id="senior-grant"] .wz-main .unc').count()).toBe(0);
    expect(card).toContain(grant.amount!.source.title);
    expect(await page.locator('.wz-std').innerText()).toContain('四川省');
    expect(await page.locator('#wz-link').inputValue()).toContain('region=510000');
    await screenshot(page, 'wizard-region-results-sichuan', { fullPage: true });
    expect(errors).toEqual([]);
  });

  it('finds a county by part of its name or by code, and says so when nothing matches', async () => {
    const { page, errors } = await open(SENIOR_DIBAO);
    const found = () => page.locator('.wz-find button[data-v]').evaluateAll((bs) => bs.map((b) => [b.getAttribute('data-v'), b.textContent]));
    // Before typing: every configured region (there are only a few), plus 「不知道 / 用全国标准」.
    expect((await found()).map(([c]) => c)).toEqual(regions.map((r) => r.code));
    await page.locator('#wz-find').fill('施甸');
    expect(await found()).toEqual([['530521', regionLabel(regions, '530521')]]);
    await page.locator('#wz-find').fill('5305');
    expect(await found()).toEqual([['530521', '云南省施甸县']]);
    await page.locator('#wz-find').fill('北京');
    expect(await found()).toEqual([]);
    expect(await page.locator('.wz-find [aria-live]').innerText()).toContain('没有找到「北京」');
    expect(await page.locator('.wz-find [aria-live]').innerText()).toContain(`本站收录了：${regions.map((r) => regionLabel(regions, r.code)).join('、')}；`);
    expect(await page.locator(`button[data-v="${NATIONAL_REGION}"]`).innerText()).toBe('不知道 / 用全国标准');
    await screenshot(page, 'wizard-region-question-none');
    expect(errors).toEqual([]);
  });

  it('a parent at 360×640 who types the city 成都 is offered 四川省, told that 成都 belongs to it, and gets 四川省\'s tiers', async () => {
    const { page, errors, requests } = await open(SENIOR_DIBAO, { context: { viewport: { width: 360, height: 640 } } });
    const found = () => page.locator('.wz-find button[data-v]').evaluateAll((bs) => bs.map((b) => [b.getAttribute('data-v'), b.textContent]));
    const line = page.locator('.wz-find [aria-live]');
    const names = () => requests.filter((u) => /^\/check\/data\/places\.[0-9a-f]{10}\.json$/.test(new URL(u).pathname));
    await page.waitForLoadState('networkidle');
    expect(names(), 'the city and county names wait until the family types').toEqual([]);
    await page.locator('#wz-find').fill('保山');
    // 施甸县 is in 保山市: both 云南省 and 云南省施甸县 are offered.
    await page.getByText('保山市属于云南省').waitFor();
    expect(await found()).toEqual([['530000', '云南省'], ['530521', '云南省施甸县']]);
    expect(names()).toHaveLength(1);
    await page.locator('#wz-find').fill('成都');
    await page.getByText('成都市属于四川省').waitFor();
    expect(await line.innerText()).toBe('成都市属于四川省，按四川省的标准。');
    expect(await found()).toEqual([['510000', '四川省']]);
    expect(names(), 'fetched once').toHaveLength(1);
    expect((await horizontalOverflow(page)).overflow).toBe(0);
    await screenshot(page, 'wizard-region-city-chengdu-360');
    await page.locator('button[data-v="510000"]').tap();
    expect(hashOf(page)).toBe(`#${SENIOR_DIBAO}&region=510000`);
    await showResults(page);
    const ev = await expectMatchesEngine(page);
    expect(ev.region?.code).toBe('510000');
    expect(ev.notices).toEqual([]);
    expect(await cardText(page, 'senior-grant')).toContain('四川省公布：分三档：1300、2300、3300 元/年');
    expect((await horizontalOverflow(page)).overflow).toBe(0);
    expect(errors).toEqual([]);
  });

  it('without the city and county names (no signal before they were kept) the search still finds the configured names, and says why a city is not found', async () => {
    const { page, errors } = await open(SENIOR_DIBAO, { before: (c) => c.route('**/check/data/places.*.json', (r) => r.abort('internetdisconnected')) });
    const found = () => page.locator('.wz-find button[data-v]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-v')));
    await page.locator('#wz-find').fill('成都');
    await page.getByText('没有网络，查不了市、县').waitFor();
    expect(await page.locator('.wz-find [aria-live]').innerText()).toBe(findRegions(regions, '成都', null).say);
    expect(await found()).toEqual([]);
    await page.locator('#wz-find').fill('四川');
    expect(await found()).toEqual(['510000']);
    await page.locator('#wz-find').fill('施甸');
    expect(await found()).toEqual(['530521']);
    await screenshot(page, 'wizard-region-names-offline');
    expect(errors.filter((e) => !/internetdisconnected|Failed to fetch|ERR_INTERNET_DISCONNECTED/i.test(e))).toEqual([]);
  });

  it('「不知道 / 用全国标准」 writes region=000000 and shows national figures without any region note', async () => {
    const { page, errors } = await open(SENIOR_DIBAO);
    await pickRegion(page, NATIONAL_REGION);
    expect(hashOf(page)).toBe(`#${SENIOR_DIBAO}&${NATIONAL}`);
    expect(await page.locator('.wz-review').innerText()).toContain('全国标准');
    await showResults(page);
    const ev = await expectMatchesEngine(page);
    expect(ev.region).toBeUndefined();
    expect(ev.notices).toEqual([]);
    expect(await page.locator('.wz-pub').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an unlisted city of a configured province (#…&region=510100 成都市) gets the figures of its province, and says so', async () => {
    const { page, errors } = await open(`${SENIOR_DIBAO}&region=510100`);
    expect(await page.locator('.wz-review').innerText()).toContain('510100（没有这个地区自己的资料）');
    await showResults(page);
    const ev = await expectMatchesEngine(page);
    expect(ev.region?.code).toBe('510000');
    expect(await page.locator('.wz-notice').innerText()).toBe('没有找到地区「510100」自己的资料，以下按四川省的标准。');
    expect(errors).toEqual([]);
  });

  it('an unknown region in a link (#…&region=123456) shows the notice in Chinese and national figures', async () => {
    const { page, errors } = await open(`${SENIOR_DIBAO}&region=123456`);
    expect(await heading(page)).toBe('核对你的回答');
    expect(await page.locator('.wz-review').innerText()).toContain('123456（没有这个地区自己的资料）');
    await showResults(page);
    const ev = await expectMatchesEngine(page);
    expect(ev.region).toBeUndefined();
    expect(await page.locator('.wz-notice').innerText()).toBe('没有找到地区「123456」的资料，以下按全国标准。');
    expect(await page.locator('.wz-pub').count()).toBe(0);
    // National figures: the same as for 「用全国标准」.
    const national = evaluate({ ...answersOf(page), region: NATIONAL_REGION }, { date: ev.date });
    expect(ev.results.map((r) => [r.id, r.status, r.amount && formatAmount(r.amount)])).toEqual(national.results.map((r) => [r.id, r.status, r.amount && formatAmount(r.amount)]));
    await screenshot(page, 'wizard-region-unknown');
    expect(errors).toEqual([]);
  });

  it('a county figure with 不确定 住校 names the county for each possible line', async () => {
    const { page, errors } = await open('stage=junior&grade=2&school=public&boarding=unknown&hukou=rural&family=dibao&region=530521', { date: '2026-10-10' });
    await showResults(page);
    const ev = await expectMatchesEngine(page);
    const living = ev.results.find((r) => r.id === 'living-allowance')!;
    expect(living.alternatives.length).toBeGreaterThan(1);
    for (const l of living.alternatives) expect(l.region?.name).toBe('施甸县');
    expect(await cardText(page, 'living-allowance')).toContain('施甸县公布的标准');
    await screenshot(page, 'wizard-region-results-shidian');
    expect(errors).toEqual([]);
  });
});

describe('a region-default build (ZZ_REGION=510000)', () => {
  let build: RegionBuild | undefined;
  let site = '';
  let buildLog = '';

  // The region build shared with test/e2e/regions.test.ts and region-default.test.ts (built once per run).
  beforeAll(async () => {
    build = await regionBuild();
    site = build.url;
    buildLog = build.log;
  }, 300_000);

  afterAll(() => build?.close());

  it('pre-answers the region question with 四川省, shows its tiers, and lets the family switch to national standards', async () => {
    expect(site, buildLog).not.toBe('');
    // A poster link without region=: the region question is skipped, the review names 四川省.
    const { page, errors } = await open(SENIOR_DIBAO, { site });
    expect(await heading(page)).toBe('核对你的回答');
    expect(hashOf(page)).toBe(`#${SENIOR_DIBAO}`);
    expect(await page.locator('.wz-review').innerText()).toContain('四川省');
    await showResults(page);
    await expectMatchesEngine(page, '510000');
    expect(await cardText(page, 'senior-grant')).toContain('四川省公布：分三档：1300、2300、3300 元/年');
    // The share link carries the region, so it means the same on any copy of the site.
    expect(await page.locator('#wz-link').inputValue()).toBe(`${site}/check/#${SENIOR_DIBAO}&region=510000&year=${THIS_YEAR}`);
    await screenshot(page, 'wizard-region-default-results');
    // Change it: the question shows 四川省 as chosen; 「不知道 / 用全国标准」 overrides the default.
    await page.getByRole('button', { name: '修改回答' }).tap();
    await page.getByRole('button', { name: /^修改\s*地区$/ }).tap();
    expect(await currentQuestion(page)).toBe('region');
    expect(await page.locator('button[data-v="510000"]').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'wizard-region-default-question');
    await pickRegion(page, NATIONAL_REGION);
    expect(hashOf(page)).toBe(`#${SENIOR_DIBAO}&${NATIONAL}`);
    await showResults(page);
    const ev = await expectMatchesEngine(page, '510000');
    expect(ev.region).toBeUndefined();
    expect(await page.locator('.wz-pub').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('falls back to the default region, saying so, for an unknown region in a link', async () => {
    expect(site, buildLog).not.toBe('');
    const { page, errors } = await open(`${SENIOR_DIBAO}&region=123456`, { site });
    await showResults(page);
    const ev = await expectMatchesEngine(page, '510000');
    expect(ev.region?.code).toBe('510000');
    expect(await page.locator('.wz-notice').innerText()).toBe('没有找到地区「123456」的资料，以下按四川省的标准。');
    expect(errors).toEqual([]);
  });
});
