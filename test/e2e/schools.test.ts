// The school kit in Chromium: /schools/ and its pages pass axe at 360×640; the 公示 checker flags a bad
// list pasted, opened as CSV and as XLSX, passes a good one, and makes no network request (and keeps
// working offline) while it runs; the 问答卡 print as one A4 sheet and as A6 cards four to a sheet; the
// 宣传月 message copies in one tap with the link.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import type { Page } from 'playwright-core';
import { formatViolations, horizontalOverflow, newPage, phone, printToPng, runAxe, screenshot, useBrowser } from './helpers';
import { faq } from '../../src/data/schools.ts';
import { LARGE_TEXT_KEY } from '../../src/components/shell/site.ts';
import { parseTable } from '../../src/lib/table-input.ts';
import jsQR from 'jsqr';
// @ts-expect-error pngjs ships no types (the same import as test/e2e/posters.test.ts)
import { PNG } from 'pngjs';

const baseURL = inject('baseURL');
const context = useBrowser();
const small = { ...phone, viewport: { width: 360, height: 640 } };
const fixtures = join(import.meta.dirname, '../fixtures/gongshi');
const fixture = (f: string) => readFileSync(join(fixtures, f));

const PAGES = ['/schools/', '/schools/gongshi/', '/schools/faq/', '/schools/faq/senior/', '/schools/faq/compulsory/cards/', '/schools/messages/'];

describe('school kit pages', () => {
  it.each(PAGES)('%s passes axe at 360×640, without horizontal scrolling or errors', async (path) => {
    const { page, errors } = await newPage(await context(small));
    await page.goto(baseURL + path, { waitUntil: 'networkidle' });
    expect(formatViolations(await runAxe(page))).toBe('');
    expect((await horizontalOverflow(page)).overflow).toBe(0);
    expect(errors).toEqual([]);
    await screenshot(page, `schools${path.replace(/\//g, '_')}`);
  });

  it('home and the posters page link to /schools/', async () => {
    const { page } = await newPage(await context(small));
    for (const p of ['/', '/posters/']) {
      await page.goto(baseURL + p);
      expect(await page.locator('main a[href="/schools/"]').count(), p).toBeGreaterThan(0);
    }
  });
});

/** Rule ids shown as cards after a check. */
const shownRules = (page: Page) => page.locator('.gs-rule').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
const cleanedHeaders = (page: Page) => page.locator('.gs-table thead th').allTextContents();
const SENSITIVE = ['id-number', 'phone', 'bank-card', 'birth-date', 'address', 'hardship'];

describe('公示名单自查 (/schools/gongshi/)', () => {
  it('flags a pasted, a CSV and an XLSX bad list, passes a good one, with no request at all while it runs (and offline)', async () => {
    const ctx = await context(small);
    const { page, errors, requests } = await newPage(ctx);
    await page.goto(baseURL + '/schools/gongshi/', { waitUntil: 'networkidle' });
    requests.length = 0;
    await ctx.setOffline(true);

    // 1. a paste from Excel (tabs)
    await page.fill('#gs-text', fixture('bad.tsv').toString('utf8'));
    await page.click('.gs-in button[type=submit]');
    await page.waitForSelector('.gs-rule');
    expect((await shownRules(page)).sort()).toEqual([...SENSITIVE, 'not-listed'].sort());
    for (const id of SENSITIVE) await expect.poll(() => page.locator(`.gs-rule[data-rule="${id}"]`).textContent()).toContain('教财厅函〔2017〕28号');
    expect(await cleanedHeaders(page)).toEqual(['序号', '姓名', '班级', '资助档次']);
    const sheet = await page.locator('.gs-sheet').textContent();
    expect(sheet).toContain('阿依古丽·买买提');
    expect(sheet).not.toMatch(/5305212010|13812345678|杨柳村|重病|低保/);
    expect(sheet).toMatch(/不少于 5 个工作日/);
    expect(sheet).toMatch(/撤下/);
    expect(formatViolations(await runAxe(page))).toBe('');
    await screenshot(page, 'schools-gongshi-bad');
    const pngs = await printToPng(page, 'schools-gongshi-print');
    expect(pngs.length).toBeGreaterThan(0);

    // 2. a CSV file
    await page.setInputFiles('#gs-file', { name: '名单.csv', mimeType: 'text/csv', buffer: fixture('bad.csv') });
    await expect.poll(() => page.locator('.gs-result [role=status]').textContent()).toContain('名单.csv');
    expect((await shownRules(page)).sort()).toEqual([...SENSITIVE, 'not-listed'].sort());

    // 3. an XLSX file
    const rows = parseTable(fixture('bad.tsv').toString('utf8'));
    const xlsx = await writeExcelFile(rows.map((r) => r.map((c) => ({ value: c, type: String }))) as never).toBuffer();
    await page.setInputFiles('#gs-file', { name: '名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(xlsx) });
    await expect.poll(() => page.locator('.gs-result [role=status]').textContent()).toContain('名单.xlsx');
    expect((await shownRules(page)).sort()).toEqual([...SENSITIVE, 'not-listed'].sort());
    expect(await cleanedHeaders(page)).toEqual(['序号', '姓名', '班级', '资助档次']);

    // 4. a good list: no false alarm
    await page.setInputFiles('#gs-file', { name: 'good.csv', mimeType: 'text/csv', buffer: fixture('good-gbk.csv') });
    await expect.poll(() => page.locator('.gs-result [role=status]').textContent()).toContain('没有发现不能公示的内容');
    expect(await shownRules(page)).toEqual([]);
    expect(await cleanedHeaders(page)).toEqual(['序号', '姓名', '学校', '年级', '班级', '资助档次', '金额（元）']);

    expect(requests, 'no request while checking').toEqual([]);
    expect(errors).toEqual([]);
    await ctx.setOffline(false);
  });

  // An .xlsx was read on its first worksheet only: 「见第二页」 on sheet 1 gave 「没有找到表头」 and the ID
  // numbers on sheet 2 went unchecked. A paste without a header labelled its rows 「（标题）」.
  it('checks every worksheet of an .xlsx, each under its name, and names cells of a list without a header by row and column', async () => {
    const { page, errors } = await newPage(await context(small));
    await page.goto(baseURL + '/schools/gongshi/', { waitUntil: 'networkidle' });
    const text = (c: string) => ({ value: c, type: String });
    const bad = parseTable(fixture('bad.tsv').toString('utf8'));
    const xlsx = await writeExcelFile([
      { sheet: '说明', data: [[text('见第二页')]] },
      { sheet: '名单', data: bad.map((r) => r.map(text)) },
      { sheet: '二档', data: [['姓名', '班级', '资助档次'], ['张三', '一班', '二档']].map((r) => r.map(text)) },
      { sheet: 'Sheet4', data: [] },
    ] as never).toBuffer();
    await page.setInputFiles('#gs-file', { name: '两页.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(xlsx) });
    const status = page.locator('.gs-result [role=status]');
    await expect.poll(() => status.textContent()).toContain('两页.xlsx');
    expect(await status.textContent()).toContain('这个文件有 4 张工作表，都查过了：「说明」「名单」「二档」「Sheet4」（空的）。');
    expect(await status.textContent()).not.toContain('没有找到表头');
    const ws = (name: string) => page.locator(`.gs-ws[data-sheet="${name}"]`);
    expect(await ws('说明').textContent()).toMatch(/工作表「说明」.*没有找到表头/);
    expect(await ws('名单').locator('.gs-rule[data-rule="id-number"]').textContent()).toMatch(/第 3 行「身份证号」：5305\*+24/);
    expect(await ws('二档').textContent()).toContain('没有发现不能公示的内容');
    expect(await page.locator('.gs-sheet').count()).toBe(2);
    expect(formatViolations(await runAxe(page))).toBe('');
    expect((await horizontalOverflow(page)).overflow).toBe(0);
    await screenshot(page, 'schools-gongshi-sheets');
    expect(await printToPng(page, 'schools-gongshi-sheets-print')).toHaveLength(2); // each cleaned list on its own page

    await page.getByRole('button', { name: '清空，查下一份' }).click();
    await page.fill('#gs-text', '张三\t510123200801010011');
    await page.click('.gs-in button[type=submit]');
    await page.waitForSelector('.gs-rule[data-rule="id-number"]');
    expect(await status.textContent()).toContain('没有找到表头');
    const cells = await page.locator('.gs-cells li').allTextContents();
    expect(cells).toEqual([expect.stringMatching(/^第 1 行第 2 列：5101\*+11/)]);
    expect(await page.locator('.gs-result').textContent()).not.toContain('（标题）');
    expect(errors).toEqual([]);
  });

  // A tester's paste came back 「没有发现不能公示的内容，共 6 行」 with every cell printed unchanged, and a
  // stray 「"」 merged the rows after it into one (「共 1 行」) without a word.
  it('flags 特困, 孤残, a 镇+村 address, a dotted ID, an 8-digit birth date and a 微信号 in a paste, and warns of a stray quote instead of merging rows', async () => {
    const { page, errors } = await newPage(await context(small));
    await page.goto(baseURL + '/schools/gongshi/', { waitUntil: 'networkidle' });
    const status = page.locator('.gs-result [role=status]');
    await page.fill('#gs-text', ['姓名\t班级\t档次', '张三\t高一1班\t一档 特困', '李四\t高一2班\t二档 孤残', '王五\t高一3班\t一档 城关镇和平村', '赵六 510101.20050101.1234\t高一4班\t二档', '钱七（20090305）\t高一5班\t二档', '孙八 微信zs123456\t高一6班\t一档'].join('\n'));
    await page.click('.gs-in button[type=submit]');
    await page.waitForSelector('.gs-rule');
    expect(await status.textContent()).toContain('有 5 类不能公示的内容，共 6 行');
    expect((await shownRules(page)).sort()).toEqual(['address', 'birth-date', 'hardship', 'id-number', 'online-id']);
    const sheet = (await page.locator('.gs-sheet').textContent())!;
    expect(sheet).toContain('孙八');
    expect(sheet).not.toMatch(/特困|孤残|城关镇|和平村|510101|20050101|20090305|微信|zs123456/);
    expect(await page.locator('.gs-table tbody tr').count()).toBe(6);

    await page.getByRole('button', { name: '清空，查下一份' }).click();
    await page.fill('#gs-text', ['姓名\t班级\t档次', '"张三\t高一1班\t一档', '李四\t高一2班\t二档'].join('\n'));
    await page.click('.gs-in button[type=submit]');
    await expect.poll(() => status.textContent()).toContain('共 2 行');
    expect(await page.locator('.gs-warn').textContent()).toMatch(/^第 2 行有一个没有配对的引号，后面的行可能被并在一起了，请检查。/);
    expect(await page.locator('.gs-table tbody tr').count()).toBe(2);
    expect(formatViolations(await runAxe(page))).toBe('');
    expect(errors).toEqual([]);
  });

  // Testers (2026-12): a paste with spaces between its columns printed an empty 公示 table as if it were fine; real
  // majors and a name were cut (「残疾人事业管理」→「事业管理」, 「王重病」→「王」) without a word.
  it('a paste with spaces that cannot be split prints no 公示 table and says why; names and majors kept are listed under 请核对', async () => {
    const { page, errors } = await newPage(await context(small));
    await page.goto(baseURL + '/schools/gongshi/', { waitUntil: 'networkidle' });
    const status = page.locator('.gs-result [role=status]');
    await page.fill('#gs-text', ['姓名 班级 身份证号 电话', '王芳 高一2班 530521201203051234 13812345678', '欧阳 小燕 高一3班 530521201003050024 13912345678'].join('\n'));
    await page.click('.gs-in button[type=submit]');
    await expect.poll(() => status.textContent()).toContain('看起来不是从 Excel 复制的');
    expect(await page.locator('.gs-table').count()).toBe(0);
    expect((await shownRules(page)).sort()).toEqual(['id-number', 'phone']);

    await page.getByRole('button', { name: '清空，查下一份' }).click();
    await page.fill('#gs-text', ['姓名\t专业\t班级\t档次', '王重病\t残疾人事业管理\t20230101班\t一档（烈属）', '李四\t孤独症儿童教育\t高一2班\t二档'].join('\n'));
    await page.click('.gs-in button[type=submit]');
    await page.waitForSelector('.gs-review');
    const rows = await page.locator('.gs-table tbody tr').allTextContents();
    expect(rows).toEqual(['1王重病残疾人事业管理20230101班一档', '2李四孤独症儿童教育高一2班二档']);
    const review = (await page.locator('.gs-review').textContent())!;
    expect(review).toContain('第 2 行「姓名」：王重病');
    expect(review).toContain('第 2 行「专业」：残疾人事业管理');
    expect(review).toContain('第 3 行「专业」：孤独症儿童教育');
    expect((await shownRules(page)).sort()).toEqual(['hardship']);
    expect(formatViolations(await runAxe(page))).toBe('');
    expect(errors).toEqual([]);
  });

  /** A 360×640 phone with 大字 on (as the header button leaves it), on /schools/gongshi/. */
  const openLarge = async () => {
    const c = await context({ ...small, deviceScaleFactor: 1 });
    await c.addInitScript((key) => localStorage.setItem(key, '1'), LARGE_TEXT_KEY);
    const t = await newPage(c);
    await t.page.goto(baseURL + '/schools/gongshi/', { waitUntil: 'networkidle' });
    expect(await t.page.evaluate(() => document.documentElement.classList.contains('lt'))).toBe(true);
    return t;
  };

  // At 360×640 with 大字 on the page scrolled sideways (scrollWidth 449): the file input and the hidden
  // 「有新版本，点此刷新」 bar (fixed to a layout viewport widened by the input) stuck out.
  it('at 360×640 with 大字 nothing sticks out: before and after a check, and with the 「有新版本」 bar shown', async () => {
    const { page, errors } = await openLarge();
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
    const file = await page.locator('#gs-file').boundingBox();
    expect(file!.x + file!.width).toBeLessThanOrEqual(360);
    await page.fill('#gs-text', fixture('bad.tsv').toString('utf8'));
    await page.click('.gs-in button[type=submit]');
    await page.waitForSelector('.gs-sheet');
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
    await page.evaluate(() => { (document.getElementById('sw-update') as HTMLButtonElement).hidden = false; });
    expect(await page.locator('#sw-update').isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toEqual({ overflow: 0, culprits: [] });
    const bar = await page.locator('#sw-update').boundingBox();
    expect(bar!.x).toBeGreaterThanOrEqual(0);
    expect(bar!.x + bar!.width).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
  });

  // On paper the 公示 carried the teacher's 「公示期满要及时撤下……」 and lacked the lines a real 公示 has.
  it('printed (大字 on), the sheet has the 盖章 / 公示时间 / 异议 lines and not the teacher\'s note, which stays on screen', async () => {
    const { page, errors } = await openLarge();
    await page.fill('#gs-text', fixture('bad.tsv').toString('utf8'));
    await page.click('.gs-in button[type=submit]');
    await page.waitForSelector('.gs-sheet');
    const takeDown = page.locator('.gs-sheet .gs-takedown');
    expect(await takeDown.textContent()).toContain('公示期满要及时撤下');
    expect(await takeDown.isVisible(), 'the teacher\'s note is on screen').toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await takeDown.isVisible(), 'the teacher\'s note is not printed').toBe(false);
    const printed = await page.locator('.gs-sheet').innerText();
    expect(printed).not.toContain('撤下');
    expect(printed).toMatch(/学校（盖章）：＿+/);
    expect(printed).toMatch(/公示时间：＿+ 至 ＿+（不少于 5 个工作日）/);
    expect(printed).toMatch(/有异议请联系：＿+/);
    expect(await page.locator('.gs-sign').isVisible()).toBe(true);
    expect(await printToPng(page, 'schools-gongshi-print-large')).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });

  // A 20,000-row paste took ~20 s on a slow phone with nothing on screen: the officer could not tell it was working.
  it('a 20,000-row paste shows 「正在检查…」 on screen (painted) before the check, then the right result', async () => {
    const { page, errors, requests } = await newPage(await context(small));
    await page.goto(baseURL + '/schools/gongshi/', { waitUntil: 'networkidle' });
    const N = 20000;
    const lines = ['姓名\t班级\t档次'];
    for (let i = 1; i <= N; i++) lines.push(`学生${i}${i % 1000 === 0 ? '（艾滋病）' : ''}\t高一${1 + (i % 12)}班\t${i % 500 === 0 ? '一档 530521201003050024' : '二档'}`);
    // (page.fill types into the box; setting the value is what a paste does)
    await page.evaluate((t) => {
      const box = document.getElementById('gs-text') as HTMLTextAreaElement;
      box.value = t;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, lines.join('\n'));
    requests.length = 0;
    // Frames painted while 「正在检查…」 shows and no result is there yet.
    await page.evaluate(() => {
      const w = window as unknown as { busyFrames: number; stop: boolean };
      w.busyFrames = 0;
      const tick = () => {
        const busy = document.querySelector('.gs-busy')?.textContent ?? '';
        if (busy.includes('正在检查…') && !document.querySelector('.gs-table')) w.busyFrames++;
        if (!document.querySelector('.gs-table')) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.click('.gs-in button[type=submit]', { noWaitAfter: true });
    await page.waitForSelector('.gs-table', { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { busyFrames: number }).busyFrames), 'frames painted with 正在检查… before the result').toBeGreaterThan(0);
    const status = (await page.locator('.gs-result [role=status]').textContent())!;
    expect(status).toContain(`共 ${N} 行`);
    expect(status).toContain('有 2 类不能公示的内容');
    expect(await page.locator('.gs-table tbody tr').count()).toBe(N);
    expect(await page.locator('.gs-table tbody tr').nth(999).textContent()).toBe('1000学生1000高一5班一档');
    expect(await page.locator('.gs-busy').textContent()).toBe('');
    expect(requests, 'no request while checking').toEqual([]);
    expect(errors).toEqual([]);
  });

  it('says in Chinese what is wrong with an old .xls file', async () => {
    const { page, errors } = await newPage(await context(small));
    await page.goto(baseURL + '/schools/gongshi/', { waitUntil: 'networkidle' });
    await page.setInputFiles('#gs-file', { name: '名单.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('not really') });
    await expect.poll(() => page.locator('.gs-error').textContent()).toContain('另存为');
    expect(errors).toEqual([]);
  });
});

describe('九月问答卡 and 宣传月 messages', () => {
  it('the A4 问答卡 prints on one sheet, with a source and date on every answer', async () => {
    const { page } = await newPage(await context(small));
    await page.goto(baseURL + '/schools/faq/senior/');
    const n = await page.locator('.qa').count();
    expect(n).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.qa .cite time').count()).toBe(n);
    await page.emulateMedia({ media: 'print' });
    const pages = await printToPng(page, 'schools-faq-senior-a4');
    expect(pages).toHaveLength(1);
  });

  it('the A6 cards print four to an A4 sheet', async () => {
    const { page } = await newPage(await context(small));
    await page.goto(baseURL + '/schools/faq/compulsory/cards/');
    const n = await page.locator('.a6').count();
    expect(n).toBe(faq.questions.filter((q) => q.answers.some((a) => a.stages.includes('compulsory'))).length);
    await page.emulateMedia({ media: 'print' });
    const pages = await printToPng(page, 'schools-faq-compulsory-a6');
    expect(pages).toHaveLength(Math.ceil(n / 4));
  });

  // A family is handed one card: it must lead to the rest (a family with a card and no address had nowhere to go).
  it.each(['preschool', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad'])('every %s A6 card carries a QR code to the wizard (≥ 1 mm per module on paper) and the address, and nothing on it is cut off', async (slug) => {
    const { page } = await newPage(await context(small));
    await page.goto(`${baseURL}/schools/faq/${slug}/cards/`);
    const n = await page.locator('.a6').count();
    expect(await page.locator('.a6 .card-qr .qr svg').count()).toBe(n);
    const url = await page.locator('.a6 .card-qr').first().getAttribute('data-url');
    expect(url).toMatch(slug === 'compulsory' ? /\/check\/$/ : new RegExp(`/check/#stage=${slug}$`));
    expect(await page.locator('.a6 .card-url').first().innerText()).toBe(url!.replace(/^https:\/\//, ''));
    await page.emulateMedia({ media: 'print' });
    const cards = await page.$$eval('.a6', (els) => els.map((e) => {
      const qr = e.querySelector('.card-qr .qr')!;
      return { cut: e.scrollHeight - e.clientHeight, mm: qr.getBoundingClientRect().width / (96 / 25.4) / Number(qr.getAttribute('data-m')) };
    }));
    for (const [i, c] of cards.entries()) {
      expect(c.cut, `card ${i + 1} overflows`).toBeLessThanOrEqual(1);
      expect(c.mm, `card ${i + 1}: mm per module`).toBeGreaterThanOrEqual(0.999);
    }
    const png = PNG.sync.read(await page.locator('.a6 .card-qr .qr').first().screenshot());
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);
  });

  it('the parents\' group message copies in one tap, with the link to the wizard', async () => {
    const { page, errors } = await newPage(await context({ ...small, permissions: ['clipboard-read', 'clipboard-write'] }));
    await page.goto(baseURL + '/schools/messages/');
    const text = await page.inputValue('#m-senior');
    expect(text).toMatch(/\/check\/#stage=senior$/);
    await page.click('[data-copy="m-senior"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expect(await page.locator('[data-copy="m-senior"]').textContent()).toBe('已复制');
    expect(errors).toEqual([]);
  });
});
