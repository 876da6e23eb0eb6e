// 公示名单自查 (src/rules/gongshi.ts with content/schools/gongshi.yaml): the cell cases of
// test/cases/gongshi/cells.yaml, then whole lists from test/fixtures/gongshi/ as a paste (TSV), a CSV
// (UTF-8 with BOM, and GB18030 as WPS saves it) and an XLSX written here with write-excel-file.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeExcelFile from 'write-excel-file/node';
import { checkGongshi, checkGongshiBook, NOT_LISTED, publicizeDays, signOffLine, type GongshiReport } from '../../src/rules/gongshi.ts';
import { gongshiRules, validateGongshi, GONGSHI_FILE } from '../../src/data/schools.ts';
import { applySteps } from '../../src/data/steps.ts';
import { dataset } from '../../src/data/index.ts';
import { decodeText, parseTable, parseTableText, readTableFile, readXlsxSheets, TableInputError, type TableSheet } from '../../src/lib/table-input.ts';
import { dataErrorOf } from '../support/data-error.ts';
import rawRules from '../../content/schools/gongshi.yaml';
import rawCellCases from '../cases/gongshi/cells.yaml';

const dir = join(import.meta.dirname, '../fixtures/gongshi');
const fixture = (f: string) => readFileSync(join(dir, f));
const values = JSON.parse(fixture('values.json').toString()) as Record<string, string>;
const TODAY = '2026-09-10';
const check = (table: string[][]) => checkGongshi(table, { rules: gongshiRules, sources: dataset.sources, today: TODAY });
const checkBook = (sheets: TableSheet[]) => checkGongshiBook(sheets, { rules: gongshiRules, sources: dataset.sources, today: TODAY });
/** The one table of a paste or a CSV file. */
const only = (sheets: TableSheet[]) => {
  expect(sheets).toHaveLength(1);
  return sheets[0]!.rows;
};
const text = (c: string) => ({ value: c, type: String });

interface CellCase { name: string; header: string; cell: string; expect: string[]; note?: string }
const cellCases = rawCellCases as CellCase[];

/** ISO 7064 MOD 11-2 written the other way round (powers of 2), to check the fixtures independently. */
function mod112Valid(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return (c === 10 ? 'X' : String(c)) === id[17]!.toUpperCase();
}

describe('the fixtures are what their names say', () => {
  it('the valid IDs pass MOD 11-2 and the invalid one does not', () => {
    expect(mod112Valid(values.validId!)).toBe(true);
    expect(mod112Valid(values.validId2!)).toBe(true);
    expect(mod112Valid('11010519491231002X')).toBe(true);
    expect(mod112Valid(values.invalidId!)).toBe(false);
    expect(values.oldId).toMatch(/^\d{15}$/);
  });
});

describe('one cell (test/cases/gongshi/cells.yaml)', () => {
  it.each(cellCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = check([[c.header], [String(c.cell)]]);
    const rules = [...new Set(r.findings.map((f) => f.rule))].sort();
    expect(rules).toEqual([...c.expect].sort());
    if (c.note) expect(r.findings.map((f) => f.note).join(' ')).toContain(c.note);
  });
});

/** Headers of the bad fixture and the rule each must be flagged with. */
const BAD_COLUMNS: Record<string, string> = {
  身份证号: 'id-number', 联系电话: 'phone', 家庭住址: 'address', 银行卡号: 'bank-card', 出生日期: 'birth-date', 困难原因: 'hardship',
};
const SENSITIVE_VALUES = [values.validId!, values.invalidId!, values.oldId!, values.validId2!, values.card!, '13812345678', '8123456', '杨柳村', '文化路', '2010-03-05', '重病', '低保', '残疾', '去世', '单亲'];

function expectBad(r: GongshiReport) {
  expect(r.problem).toBe('');
  expect(r.ok).toBe(false);
  expect(r.rows).toBe(4);
  expect(r.title[0]).toContain('公示');
  for (const [header, rule] of Object.entries(BAD_COLUMNS)) {
    const col = r.columns.find((c) => c.header === header);
    expect(col, header).toMatchObject({ kind: 'forbidden', rule });
    const s = r.summary.find((x) => x.id === rule);
    expect(s?.columns, rule).toContain(header);
    expect(s!.sources.map((x) => x.docNumber)).toContain('教财厅函〔2017〕28号');
    expect(s!.rule.length).toBeGreaterThan(4);
  }
  // every sensitive cell is found, not only the column
  const at = (header: string) => r.findings.filter((f) => f.header === header);
  expect(at('身份证号').map((f) => f.rule)).toEqual(['id-number', 'id-number', 'id-number', 'id-number']);
  expect(at('身份证号').some((f) => /校验位/.test(f.note))).toBe(true);
  expect(at('身份证号').some((f) => /15 位/.test(f.note))).toBe(true);
  expect(at('联系电话').filter((f) => f.rule === 'phone')).toHaveLength(3);
  expect(at('银行卡号').filter((f) => f.rule === 'bank-card')).toHaveLength(2);
  expect(at('出生日期').filter((f) => f.rule === 'birth-date')).toHaveLength(4);
  expect(at('家庭住址').filter((f) => f.rule === 'address')).toHaveLength(3);
  expect(at('困难原因').filter((f) => f.rule === 'hardship').length).toBeGreaterThanOrEqual(4);
  expect(at('姓名').map((f) => f.rule)).toEqual(['hardship']); // 王五（低保户）
  // shown values are masked
  expect(r.findings.map((f) => f.shown).join(' ')).not.toContain(values.validId);
  // 性别 is dropped as not listed; 序号 silently
  expect(r.summary.find((s) => s.id === NOT_LISTED)?.columns).toEqual(['性别']);
  // the cleaned list: only allowed columns, nothing sensitive, names with · kept
  expect(r.cleaned.headers).toEqual(['序号', '姓名', '班级', '资助档次']);
  expect(r.cleaned.rows.map((x) => x[1])).toEqual(['阿依古丽·买买提', '张小明', '李四', '王五']);
  const printed = JSON.stringify(r.cleaned);
  for (const v of SENSITIVE_VALUES) expect(printed, v).not.toContain(v);
  expect(r.edited).toHaveLength(1);
}

const GOOD_HEADERS = ['序号', '姓名', '学校', '年级', '班级', '资助档次', '金额（元）'];
function expectGood(r: GongshiReport) {
  expect(r.problem).toBe('');
  expect(r.findings).toEqual([]);
  expect(r.summary).toEqual([]);
  expect(r.ok).toBe(true);
  expect(r.cleaned.headers).toEqual(GOOD_HEADERS);
  expect(r.cleaned.rows.map((x) => x[1])).toEqual(['阿依古丽·买买提', '买买提·艾力', '欧阳小燕', '努尔·阿不都热合曼']);
  expect(r.cleaned.rows[2]![6]).toBe('312.5');
}

describe('whole lists', () => {
  it('a bad list pasted from Excel (tab-separated): every forbidden column and cell flagged with its rule, the cleaned list has only allowed columns', () => {
    expectBad(check(parseTable(fixture('bad.tsv').toString('utf8'))));
  });
  it('the same bad list as a CSV file with a BOM', async () => {
    const file = { name: '名单.CSV', arrayBuffer: async () => new Uint8Array(fixture('bad.csv')).buffer };
    expectBad(check(only(await readTableFile(file))));
  });
  it('the same bad list as an XLSX (ID numbers as text, birth dates as real date cells, an old ID as a number)', async () => {
    const rows = parseTable(fixture('bad.tsv').toString('utf8'));
    const sheet = rows.map((r, i) =>
      r.map((c, j) => {
        if (i > 1 && rows[1]![j] === '出生日期' && /^\d{4}-\d{2}-\d{2}$/.test(c)) return { value: new Date(`${c}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' };
        if (i > 1 && /^\d{15}$/.test(c)) return { value: Number(c), type: Number };
        return { value: c, type: String };
      }),
    );
    const buffer = await writeExcelFile(sheet as never).toBuffer();
    const sheets = await readXlsxSheets(new Uint8Array(buffer).buffer);
    expect(sheets.map((x) => x.name)).toEqual(['Sheet1']);
    const table = sheets[0]!.rows;
    expect(table[2]![9]).toBe('2010-03-05');
    expect(table[4]![3]).toBe(values.oldId);
    expectBad(check(table));
  });
  it('a good list gets no false alarm (tab-separated)', () => {
    expectGood(check(parseTable(fixture('good.tsv').toString('utf8'))));
  });
  it('a good list saved by WPS as a GB18030 CSV gets no false alarm', async () => {
    expect(decodeText(new Uint8Array(fixture('good-gbk.csv')).buffer)).toContain('阿依古丽·买买提');
    // Excel's 「Unicode 文本」 (UTF-16, tab-separated, with or without the byte-order mark), and big-endian.
    const text = '姓名\t身份证号\r\n张三\t110101200501011234\r\n';
    const le = (s: string, bom: boolean) => { const out = new Uint8Array((bom ? 2 : 0) + s.length * 2); if (bom) out.set([0xff, 0xfe]); for (let k = 0; k < s.length; k++) { out[(bom ? 2 : 0) + 2 * k] = s.charCodeAt(k) & 255; out[(bom ? 2 : 0) + 2 * k + 1] = s.charCodeAt(k) >> 8; } return out.buffer; };
    const be = (s: string) => { const out = new Uint8Array(2 + s.length * 2); out.set([0xfe, 0xff]); for (let k = 0; k < s.length; k++) { out[2 + 2 * k] = s.charCodeAt(k) >> 8; out[3 + 2 * k] = s.charCodeAt(k) & 255; } return out.buffer; };
    for (const buf of [le(text, true), le(text, false), be(text)]) expect(decodeText(buf)).toBe(text);
    expect(parseTable(decodeText(le(text, true)))).toEqual([['姓名', '身份证号'], ['张三', '110101200501011234']]);
    const file = { name: 'good.csv', arrayBuffer: async () => new Uint8Array(fixture('good-gbk.csv')).buffer };
    expectGood(check(only(await readTableFile(file))));
  });
  it('a list without a header says so in Chinese instead of a wrong result', () => {
    const r = check([['张三', '高一（1）班'], ['李四', '高一（2）班']]);
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/表头/);
    expect(check([]).problem).toMatch(/空/);
    // Rows only, with 「一班」 (once taken for the 班级 header: the first student dropped, no names)
    const rows = check([['张三', '一班', '一等'], ['李四', '二班', '二等'], ['王五', '三班', '一等']]);
    expect(rows.ok).toBe(false);
    expect(rows.problem).toMatch(/没有找到表头/);
  });
  it('a paste without a header row names each cell by its row and column, not as a title line (「第 1 行（标题）」)', () => {
    const r = check(parseTable('张三\t510123200801010011'));
    expect(r.problem).toMatch(/没有找到表头/);
    expect(r.title).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.where])).toEqual([['id-number', '第 1 行第 2 列']]);
    expect(r.summary.map((x) => x.id), 'no column is 「not listed」 when no column is known').toEqual(['id-number']);
    // a title line above a header is still one; cells under a header are named by it
    const t = check([['××中学资助名单公示 咨询电话 13812345678'], ['姓名', '身份证号', '班级'], ['张三', values.validId!, '一班']]);
    expect(t.findings.map((f) => f.where)).toEqual(['第 1 行（标题）', '第 3 行「身份证号」']);
    // a column without a header in a list with one
    const blank = check([['姓名', '', '班级'], ['张三', values.validId!, '一班']]);
    expect(blank.findings.map((f) => f.where)).toEqual(['第 2 行第 2 列']);
  });
  it('the reasons families are poor, in the words lists are written with, are found (因病致贫, 父母双亡 …)', () => {
    for (const reason of ['因病致贫', '因残致贫', '因学致贫', '因灾致贫', '父母双亡', '母亲改嫁', '父亲在监狱', '缺劳力', '留守儿童', '患癌', '双残', '低收入']) {
      const r = check([['姓名', '班级', '资助档次'], ['学生甲', '一班', `一档（${reason}）`]]);
      expect(r.findings.length, reason).toBeGreaterThan(0);
    }
  });
  // A tester's paste gave 「没有发现不能公示的内容，共 6 行」 and printed every cell unchanged.
  it('the tester\'s paste (特困, 孤残, 镇+村, a dotted ID, 8-digit birth date, 微信号): every row flagged, the cleaned list without them', () => {
    const r = check(parseTable(['姓名\t班级\t档次', '张三\t高一1班\t一档 特困', '李四\t高一2班\t二档 孤残', '王五\t高一3班\t一档 城关镇和平村', '赵六 510101.20050101.1234\t高一4班\t二档', '钱七（20090305）\t高一5班\t二档', '孙八 微信zs123456\t高一6班\t一档'].join('\n')));
    expect(r.rows).toBe(6);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.where, f.rule])).toEqual([
      ['第 2 行「档次」', 'hardship'],
      ['第 3 行「档次」', 'hardship'],
      ['第 4 行「档次」', 'address'],
      ['第 5 行「姓名」', 'id-number'],
      ['第 6 行「姓名」', 'birth-date'],
      ['第 7 行「姓名」', 'online-id'],
    ]);
    expect(r.summary.find((s) => s.id === 'online-id')!.sources.map((x) => x.docNumber)).toContain('教财厅函〔2017〕28号');
    expect(r.cleaned.rows).toEqual([
      ['1', '张三', '高一1班', '一档'],
      ['2', '李四', '高一2班', '二档'],
      ['3', '王五', '高一3班', '一档'],
      ['4', '赵六', '高一4班', '二档'],
      ['5', '钱七', '高一5班', '二档'],
      ['6', '孙八', '高一6班', '一档'],
    ]);
    expect(r.edited).toHaveLength(6);
  });
  it('cleaning removes the whole word: 「一档 建档立卡户」 becomes 「一档」, not 「一档 户」', () => {
    const r = check([['姓名', '班级', '档次'], ['周九', '高一7班', '一档 建档立卡户'], ['吴十', '高一8班', '二档 孤残学生'], ['郑一', '高一9班', '低保家庭 一档']]);
    expect(r.cleaned.rows.map((x) => x[3])).toEqual(['一档', '二档', '一档']);
    expect(r.findings.map((f) => f.shown)).toEqual(['建档立卡户', '孤残学生', '低保家庭']);
  });
  // A tester's list printed 「学生15（艾滋病）」 and the like word for word in 「可以公示的名单」.
  it.each([
    ['学生15（艾滋病）', '学生15'],
    ['学生16（HIV）', '学生16'],
    ['学生17（精神分裂）', '学生17'],
    ['学生18（自闭症）', '学生18'],
    ['学生19（智力障碍）', '学生19'],
    ['学生20（聋哑）', '学生20'],
    ['学生21（吸毒）', '学生21'],
    ['学生22（弃婴）', '学生22'],
    ['学生23（车祸）', '学生23'],
    ['学生24（家庭困难）', '学生24'],
    ['学生25（先天性心脏病）', '学生25'],
    ['学生26 唐氏综合征', '学生26'],
    ['学生27（父亲入狱）', '学生27'],
    ['学生28（父亲服刑）', '学生28'],
    ['学生29（白血病）', '学生29'],
    ['学生30（孤儿）', '学生30'],
  ])('「%s」 under 姓名 is flagged and the cleaned list prints 「%s」', (name, cleaned) => {
    const r = check(parseTable(['姓名\t班级\t档次', `${name}\t高一1班\t一档`].join('\n')));
    expect(r.findings.map((f) => f.rule)).toEqual(['hardship']);
    expect(r.cleaned.rows).toEqual([['1', cleaned, '高一1班', '一档']]);
  });
  // A tester's IDs with a hidden or unusual separator were not found and printed in full.
  it.each([
    ['张三530521\u00a0200903051239', '张三'],
    ['张三530521200\u200b903051239', '张三'],
    ['张三 530521、200903051239', '张三'],
    ['张三 530521********1239', '张三'],
    ['张三 五三零五二一二零零九零三零五一二三四', '张三'],
  ])('the ID in 「%s」 is found and the cleaned list prints 「%s」', (name, cleaned) => {
    const r = check([['姓名', '班级', '档次'], [name, '高一1班', '一档']]);
    expect(r.findings.map((f) => f.rule)).toEqual(['id-number']);
    expect(r.findings[0]!.shown).not.toMatch(/200903|二零零九/);
    expect(r.cleaned.rows).toEqual([['1', cleaned, '高一1班', '一档']]);
  });
  it('an ID with any character Unicode says shows nothing (Default_Ignorable_Code_Point) inside is found', () => {
    const ignorable = /^\p{Default_Ignorable_Code_Point}$/u;
    const missed: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!ignorable.test(c)) continue;
      const r = check([['备注'], [`530521${c}201003050024`]]);
      if (r.findings.map((f) => f.rule).join() !== 'id-number') missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });
  // A tester's cleaned list kept 「+」, 「电话」 and 「王五-」 after the number or the word was removed.
  it.each([
    ['姓名', '张三 +86 138 1234 5678', '张三'],
    ['姓名', '张三 电话0871-12345678', '张三'],
    ['姓名', '王五-残疾', '王五'],
    ['姓名', '张三 电话：13812345678', '张三'],
    ['姓名', '张三 手机号:13812345678', '张三'],
    ['姓名', '赵六 电话 3312345', '赵六'],
    ['姓名', '李四 身份证号 530521201003050024', '李四'],
    ['姓名', '李四 身份证：530521201003050024', '李四'],
    ['姓名', '吴十 出生日期：2009-03-05', '吴十'],
    ['姓名', '孙八 银行卡号 6222021234567894', '孙八'],
    ['姓名', '钱七，低保户', '钱七'],
    ['姓名', '孙八/建档立卡户', '孙八'],
    ['姓名', '低保户-周九', '周九'],
    ['姓名', '阿依古丽·买买提-低保', '阿依古丽·买买提'],
    ['姓名', '郑一 家住木瓜榔村', '郑一'],
    ['档次', '一档、低保', '一档'],
    ['档次', '低保、一档', '一档'],
    ['档次', '一档 特困 孤儿', '一档'],
    ['档次', '二档（电话：13812345678）', '二档'],
    ['班级', '高一1班（家住木瓜榔村）', '高一1班'],
    ['班级', '高一（1）班 电话 3312345', '高一（1）班'],
    // A breaker's list (2026-12): a bracketed area code and +86 printed, whole terms cut to 「防止」「农村口」,
    // the village left after 省县镇, a current category name and a number Excel wrote as 1.1E+17.
    ['姓名', '张三 (0871)12345678', '张三'],
    ['姓名', '张三（0871）12345678', '张三'],
    ['姓名', '张三 +86-871-12345678', '张三'],
    ['姓名', '张三 +86 871 12345678', '张三'],
    ['档次', '二档 防止返贫致贫对象', '二档'],
    ['档次', '一档 农村低收入人口', '一档'],
    ['档次', '一档 低收入人口', '一档'],
    ['档次', '一档 防止返贫', '一档'],
    ['档次', '一档 脱贫家庭学生', '一档'],
    ['档次', '一档 脱贫不稳定户', '一档'],
    ['档次', '一档 监测帮扶对象', '一档'],
    ['档次', '一档（孤）', '一档'],
    ['姓名', '郑一 云南省施甸县由旺镇木榔村', '郑一'],
    ['姓名', '郑一 云南省施甸县由旺镇木榔村3组', '郑一'],
    ['姓名', '郑一 由旺镇木榔村', '郑一'],
    ['姓名', '吴十 09年3月5日', '吴十'],
    ['姓名', '李四 1.1010519491231E+17', '李四'],
  ])('under %s 「%s」 is cleaned to 「%s」', (header, cell, cleaned) => {
    const r = check([[header], [cell]]);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.cleaned.rows).toEqual([['1', cleaned]]);
  });
  it('a title 「……家庭经济困难学生资助名单公示」 and a list of ordinary names, classes and majors raise nothing', () => {
    const r = check([
      ['某某职业技术学院2026年家庭经济困难学生资助名单公示'],
      ['序号', '姓名', '院系', '专业', '班级', '资助档次'],
      ['1', '王秀英', '医学院', '医学影像技术', '医学影像技术1班', '家庭经济困难'],
      ['2', '李病', '护理学院', '护理', '护理2班', '一般困难'],
      ['3', '张伟', '康复医学院', '康复治疗技术', '康复3班', '特别困难'],
      ['4', '刘洋', '商学院', '电子商务', '电子商务1班', '家庭经济特别困难'],
      ['5', '陈静', '临床医学院', '肿瘤学', '研2026级', '一档'],
      ['6', '杨帆', '教育学院', '特殊教育', '特教1班', '二档'],
    ]);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
  });
  it('a normal list (姓名, 班级, 学号, 资助项目, 档次, 金额) stays clean with the new rules', () => {
    const r = check([
      ['序号', '姓名', '学号', '年级', '班级', '资助项目', '资助档次', '金额（元）'],
      ['1', '阿依古丽·买买提', '20230105', '2023级', '高二（3）班', '普通高中国家助学金', '一档', '2300'],
      ['2', '欧阳小燕', '20240318', '2024级', '高一（12）班', '免学费', '二档', '1500'],
      ['3', '张建国', '20221107', '2022级', '高三（1）班', '雨露计划（乡村振兴部门）', '特别困难', '3000'],
      ['4', '王小村', '20230901', '2023级', '高二（10）班', '营养改善计划、生活补助', '三档', '1000.00'],
    ]);
    expect(r.findings).toEqual([]);
    expect(r.summary.map((s) => s.id)).toEqual([NOT_LISTED]);
  });
  it('an .xls file is refused with a Chinese message', async () => {
    await expect(readTableFile({ name: 'a.xls', arrayBuffer: async () => new ArrayBuffer(4) })).rejects.toThrow(TableInputError);
    await expect(readTableFile({ name: 'a.xls', arrayBuffer: async () => new ArrayBuffer(4) })).rejects.toThrow(/另存为/);
  });
});

// A stray 「"」 at the start of a cell made papaparse read the rest of the paste as one quoted cell:
// 「共 1 行」, the other students merged into it, and Papa's errors were thrown away.
describe('a stray quote in a paste or a CSV never joins rows silently', () => {
  const LINES = ['姓名\t班级\t档次', '"张三\t高一1班\t一档', '李四\t高一2班\t二档'];
  it('an unpaired quote: every row is kept, and a Chinese warning names the row', () => {
    const t = parseTableText(LINES.join('\n'));
    expect(t.rows).toEqual([['姓名', '班级', '档次'], ['"张三', '高一1班', '一档'], ['李四', '高一2班', '二档']]);
    expect(t.warnings).toEqual(['第 2 行有一个没有配对的引号，后面的行可能被并在一起了，请检查。这里按每一行一个学生来查，引号照原样留着。']);
    expect(check(t.rows).rows).toBe(2);
    expect(parseTable(LINES.join('\n'))).toEqual(t.rows);
  });
  it('two stray quotes that happen to pair up across rows (「"张三」 … 「李四"」) are caught too', () => {
    const t = parseTableText(['姓名\t班级\t档次', '"张三\t高一1班\t一档', '王五\t高一3班\t一档', '李四"\t高一2班\t二档'].join('\r\n'));
    expect(t.rows).toHaveLength(4);
    expect(t.warnings.join('')).toMatch(/^第 2 行、第 4 行有没有配对的引号/);
  });
  it('the same in a CSV file: the sheet carries the warning', async () => {
    const csv = new TextEncoder().encode(['姓名,班级,档次', '"张三,高一1班,一档', '李四,高一2班,二档'].join('\n'));
    const [sheet] = await readTableFile({ name: '名单.csv', arrayBuffer: async () => csv.buffer });
    expect(sheet!.rows).toHaveLength(3);
    expect(sheet!.warnings).toEqual([expect.stringMatching(/^第 2 行有一个没有配对的引号/)]);
  });
  it('quotes as Excel writes them (a cell with a line break, a cell with 「"」 inside) are read as one cell, without a warning', () => {
    const t = parseTableText(['姓名\t班级\t备注', '张三\t高一1班\t"第一行\n第二行"', '李四\t高一2班\t"他说""好"""'].join('\n'));
    expect(t.rows).toEqual([['姓名', '班级', '备注'], ['张三', '高一1班', '第一行\n第二行'], ['李四', '高一2班', '他说"好"']]);
    expect(t.warnings).toEqual([]);
  });
});

// An .xlsx was read on its first worksheet only, silently: a file whose sheet 1 says 「见第二页」 and whose
// sheet 2 holds 姓名/身份证号 got 「没有找到表头」, and the ID numbers went unchecked.
describe('an .xlsx with several worksheets: every one is checked and named', () => {
  const book = async (sheets: { sheet: string; rows: string[][] }[]) => {
    const buffer = await writeExcelFile(sheets.map((x) => ({ sheet: x.sheet, data: x.rows.map((r) => r.map(text)) })) as never).toBuffer();
    return readTableFile({ name: '名单.xlsx', arrayBuffer: async () => new Uint8Array(buffer).buffer });
  };
  const LIST = [['姓名', '身份证号', '班级'], ['张三', values.validId!, '高一（1）班'], ['李四', values.validId2!, '高一（2）班']];

  it('sheet 1 「见第二页」, sheet 2 the list with ID numbers, sheet 3 empty: the IDs are found on 「名单」, each sheet is named', async () => {
    const sheets = await book([{ sheet: '说明', rows: [['见第二页']] }, { sheet: '名单', rows: LIST }, { sheet: 'Sheet3', rows: [] }]);
    expect(sheets.map((x) => x.name)).toEqual(['说明', '名单', 'Sheet3']);
    const r = checkBook(sheets);
    expect(r.problem).toBe('');
    expect(r.ok).toBe(false);
    expect(r.rows).toBe(2);
    expect(r.sensitive).toEqual(['id-number']);
    const [note, list, empty] = r.sheets;
    expect(list).toMatchObject({ name: '名单', list: true, empty: false });
    expect(list!.report.findings.map((f) => [f.rule, f.where])).toEqual([['id-number', '第 2 行「身份证号」'], ['id-number', '第 3 行「身份证号」']]);
    expect(list!.report.cleaned.headers).toEqual(['序号', '姓名', '班级']);
    expect(note).toMatchObject({ name: '说明', list: false, empty: false });
    expect(note!.note).toMatch(/没有找到表头/);
    expect(note!.note).toMatch(/也都查过/);
    expect(empty).toMatchObject({ name: 'Sheet3', list: false, empty: true });
    // one sentence says which sheets were checked
    expect(r.checked).toBe('这个文件有 3 张工作表，都查过了：「说明」「名单」「Sheet3」（空的）。');
  });

  it('ID numbers on a sheet without a header are found too, and the file says no sheet has a list', async () => {
    const r = checkBook(await book([{ sheet: '封面', rows: [['见第二页']] }, { sheet: '第二页', rows: [['张三', values.validId!]] }]));
    expect(r.problem).toMatch(/^这 2 张工作表里都没有名单：没有找到表头。/);
    const one = checkBook(await book([{ sheet: '第二页', rows: [['张三', values.validId!]] }, { sheet: 'Sheet2', rows: [] }]));
    expect(one.problem).toMatch(/^工作表「第二页」里没有找到表头：/);
    expect(r.ok).toBe(false);
    expect(r.sheets[1]!.report.findings.map((f) => [f.rule, f.where])).toEqual([['id-number', '第 1 行第 2 列']]);
    expect(r.sensitive).toEqual(['id-number']);
  });

  it('two lists on two sheets: each is cleaned on its own; a clean book is ok', async () => {
    const good = [['姓名', '班级', '资助档次'], ['张三', '一班', '一档']];
    const r = checkBook(await book([{ sheet: '一档', rows: good }, { sheet: '二档', rows: [...good, ['李四', '二班', '二档']] }]));
    expect(r.problem).toBe('');
    expect(r.ok).toBe(true);
    expect(r.rows).toBe(3);
    expect(r.sheets.map((x) => [x.name, x.list, x.report.cleaned.rows.length])).toEqual([['一档', true, 1], ['二档', true, 2]]);
    expect(r.checked).toBe('这个文件有 2 张工作表，都查过了：「一档」「二档」。');
  });

  it('a workbook with only empty sheets, and a paste (one table, no sheet names) read as before', async () => {
    const none = checkBook(await book([{ sheet: 'Sheet1', rows: [] }, { sheet: 'Sheet2', rows: [] }]));
    expect(none.problem).toMatch(/都是空的/);
    const pasted = checkBook([{ name: '', rows: parseTable(fixture('bad.tsv').toString('utf8')) }]);
    expect(pasted.checked).toBe('');
    expectBad(pasted.sheets[0]!.report);
    expect(pasted.problem).toBe('');
    expect(checkBook([{ name: '', rows: [] }]).problem).toBe(check([]).problem);
    expect(checkBook([{ name: '', rows: [['张三', '一班']] }]).problem).toBe(check([['张三', '一班']]).problem);
  });
});

describe('the 公示 period comes from content/steps.yaml', () => {
  // The printed sheet lacked the lines a real 公示 has (who posts it, when, whom to tell).
  it('the lines printed under the list name the school\'s seal, the period (with the days of the 公示 step) and whom to object to', () => {
    const days = publicizeDays(applySteps.find((s) => s.id === 'publicize')!.when);
    expect(days).toBe(5);
    const line = signOffLine(gongshiRules, days);
    expect(line).toMatch(/^学校（盖章）：＿+　公示时间：＿+ 至 ＿+（不少于 5 个工作日）　有异议请联系：＿+$/);
    expect(signOffLine(gongshiRules, 7)).toContain('（不少于 7 个工作日）');
    const r = structuredClone(rawRules) as Record<string, any>;
    r.signOff = '学校（盖章）：＿＿ 公示时间：＿＿ 至 ＿＿（不少于 5 个工作日）';
    expect(dataErrorOf(() => validateGongshi(r, dataset), 'validateGongshi')).toContain(`${GONGSHI_FILE}: signOff: 要写 {days}`);
  });
  it('reads the number of working days of the 公示 step', () => {
    const when = applySteps.find((s) => s.id === 'publicize')!.when;
    expect(publicizeDays(when)).toBe(Number(/(\d+) 个工作日/.exec(when)![1]));
    expect(() => publicizeDays('一周')).toThrow(/工作日/);
  });
});

describe('a broken content/schools/gongshi.yaml fails with the file and field named', () => {
  const copy = () => structuredClone(rawRules) as Record<string, any>;
  it('an unknown source', () => {
    const r = copy();
    r.forbidden[0].source = 'jiaocaitinghan-2099-1';
    expect(dataErrorOf(() => validateGongshi(r, dataset), 'validateGongshi')).toContain(`${GONGSHI_FILE}: forbidden[0].source: 未知来源「jiaocaitinghan-2099-1」`);
  });
  it('an unknown detector', () => {
    const r = copy();
    r.forbidden[1].detector = 'telepathy';
    expect(dataErrorOf(() => validateGongshi(r, dataset), 'validateGongshi')).toContain(`${GONGSHI_FILE}: forbidden[1].detector:`);
  });
  it('a pattern that does not compile, matches everything, or needs a newer browser', () => {
    const i = (copy().forbidden as { detector: string }[]).findIndex((f) => f.detector === 'words');
    for (const [p, msg] of [['(病', '不是有效的正则表达式'], ['病?', '匹配空字符串'], ['(?<=父)亡', '可能不认']] as const) {
      const r = copy();
      r.forbidden[i].patterns = [p];
      expect(dataErrorOf(() => validateGongshi(r, dataset), 'validateGongshi'), p).toContain(`${GONGSHI_FILE}: forbidden[${i}].patterns[0]: `);
      expect(dataErrorOf(() => validateGongshi(r, dataset), 'validateGongshi'), p).toContain(msg);
    }
    const r = copy();
    r.forbidden[0].patterns = ['病'];
    expect(dataErrorOf(() => validateGongshi(r, dataset), 'validateGongshi')).toContain(`${GONGSHI_FILE}: forbidden[0].patterns: 只有 detector 为 words 时才写 patterns`);
  });
  it('a words rule without words', () => {
    const r = copy();
    const i = r.forbidden.findIndex((f: { detector: string }) => f.detector === 'words');
    delete r.forbidden[i].words;
    expect(dataErrorOf(() => validateGongshi(r, dataset), 'validateGongshi')).toContain(`${GONGSHI_FILE}: forbidden[${i}].words: detector 为 words 时要列出 words`);
  });
});

describe('the list of characters that show nothing', () => {
  // The 公示 checker imports src/lib/invisible.ts; the message checker keeps the same list inline, so
  // its page loads one script. They must not drift apart.
  it('is the same in the message checker and the 公示 checker', async () => {
    const lib = await import('../../src/lib/invisible.ts');
    const mc = await import('../../src/rules/message-check.ts');
    expect(mc.INVISIBLE_RE.source).toBe(lib.INVISIBLE_RE.source);
  });
});

// A tester (2026-12): special groups and hardship identities in an allowed column stayed in the cleaned list
// (「一档（烈属）」), while 烈士子女、建档立卡户、监测户、脱贫户、低保、单亲 were caught. FACTS.md §6 (特殊群体, 地方常见增列)
// and §7 (教财厅函〔2017〕28号: 公示不涉及个人隐私).
describe('special groups and hardship identities in an allowed column', () => {
  it.each([
    '烈属', '军烈属', '边缘户', '边缘易致贫户', '优抚对象', '精准扶贫户', '重点救助', '重点救助对象', '见义勇为', '见义勇为人员子女', '受灾', '受灾家庭',
    '困难职工子女', '家里穷', '烈士子女', '建档立卡户', '监测户', '脱贫户', '低保', '单亲',
  ])('「一档（%s）」 under 资助档次 is flagged and cleaned to 「一档」', (word) => {
    for (const cell of [`一档（${word}）`, `一档 ${word}`]) {
      const r = check([['姓名', '班级', '资助档次'], ['学生甲', '高一1班', cell]]);
      expect(r.findings.map((f) => f.rule), cell).toEqual(['hardship']);
      expect(r.cleaned.rows, cell).toEqual([['1', '学生甲', '高一1班', '一档']]);
    }
  });
});

// A tester (2026-12): good data damaged by the cleaning. 「20230101班」 became 「班」 (read as a birth date), real
// majors 「残疾人事业管理」「孤独症儿童教育」 were cut to 「事业管理」「教育」, a name 「王重病」 became 「王」.
describe('the cleaning does not damage good data', () => {
  it.each([
    ['班级', '20230101班'], ['班级', '20230901级'], ['班级', '20230101'], ['年级', '20230901'], ['班级', '高一20230101班'],
  ])('under %s 「%s」 is a class code, not a birth date: nothing flagged, printed as written', (header, cell) => {
    const r = check([['姓名', header], ['张三', cell]]);
    expect(r.findings).toEqual([]);
    expect(r.cleaned.rows).toEqual([['1', '张三', cell]]);
  });
  it.each([
    ['备注', '20090305'], ['姓名', '张三 20090305'], ['班级', '高一1班 20090305'], ['姓名', '钱七（20090305）'],
  ])('under %s 「%s」 is still a birth date', (header, cell) => {
    expect(check([[header], [cell]]).findings.map((f) => f.rule)).toEqual(['birth-date']);
  });
  it.each([
    ['专业', '残疾人事业管理', '残疾人'],
    ['专业', '孤独症儿童教育', '孤独症儿童'],
    ['院系', '残疾人教育学院', '残疾人'],
    ['专业', '精神病学与精神卫生', null],
  ])('a 专业/院系 name 「%s」 is printed as written and left for the officer to look at, not flagged', (header, cell, word) => {
    const r = check([['姓名', header], ['张三', cell]]);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.cleaned.rows).toEqual([['1', '张三', cell]]);
    expect(r.edited).toEqual([]);
    if (word) {
      expect(r.review.map((f) => [f.where, f.shown])).toEqual([[`第 2 行「${header}」`, cell]]);
      expect(r.review[0]!.note).toContain(`「${word}」`);
    } else expect(r.review).toEqual([]);
  });
  it.each([
    ['专业', '计算机 低保户', '计算机'],
    ['专业', '计算机（残疾）', '计算机'],
    ['院系', '信息学院-单亲', '信息学院'],
  ])('a hardship note beside a 专业/院系 name (「%s」) is still flagged and cut', (header, cell, cleaned) => {
    const r = check([['姓名', header], ['张三', cell]]);
    expect(r.findings.map((f) => f.rule)).toEqual(['hardship']);
    expect(r.cleaned.rows).toEqual([['1', '张三', cleaned]]);
    expect(r.review).toEqual([]);
  });
  it.each([
    ['王重病', '重病'],
    ['张三低保', '低保'],
    ['李四父亡', '父亡'],
  ])('a word written onto a name (「%s」) is flagged, but the name is printed as written and the officer asked to look', (cell, word) => {
    const r = check([['姓名', '班级'], [cell, '高一1班']]);
    expect(r.findings.map((f) => f.rule)).toEqual(['hardship']);
    expect(r.ok).toBe(false);
    expect(r.cleaned.rows).toEqual([['1', cell, '高一1班']]);
    expect(r.edited).toEqual([]);
    expect(r.review.map((f) => f.where)).toEqual(['第 2 行「姓名」']);
    expect(r.review[0]!.note).toContain(`「${word}」`);
  });
  it.each([
    ['王五（低保户）', '王五'], ['王五-残疾', '王五'], ['学生27（父亲入狱）', '学生27'], ['低保户-周九', '周九'], ['张三 重病', '张三'],
  ])('a note set off from a name (「%s」) is still cut to 「%s」', (cell, cleaned) => {
    const r = check([['姓名'], [cell]]);
    expect(r.cleaned.rows).toEqual([['1', cleaned]]);
    expect(r.review).toEqual([]);
  });
});

// A tester (2026-12): a tab-separated paste with one stray quote collapsed into one column (an empty list), and a
// paste from WeChat or Word with spaces between its columns gave one column, missed the phone number and printed
// an empty 公示 table as if it were fine.
describe('a paste that is not tab-separated cells', () => {
  it('a stray quote in a two-column tab-separated paste keeps the tabs', () => {
    const t = parseTableText(['姓名\t家庭住址', '"张三\t幸福路12号', '李四\t人民路8号'].join('\n'));
    expect(t.rows).toEqual([['姓名', '家庭住址'], ['"张三', '幸福路12号'], ['李四', '人民路8号']]);
    expect(t.warnings.join('')).toMatch(/^第 2 行有一个没有配对的引号/);
    const r = check(t.rows);
    expect(r.problem).toBe('');
    expect(r.columns.map((c) => c.kind)).toEqual(['allowed', 'forbidden']);
    expect(r.cleaned.rows).toEqual([['1', '"张三'], ['2', '李四']]);
  });
  it.each([
    [['姓名 班级 身份证号 电话', '王芳 高一2班 530521201203051234 13812345678'], 'spaces'],
    [['姓名　班级　身份证号　电话', '王芳　高一2班　530521201203051234　13812345678'], 'ideographic spaces'],
    [['姓名  班级  身份证号  电话', '王芳  高一2班  530521201203051234  13812345678', '李四  高一3班  530521201003050024  13912345678'], 'runs of spaces'],
  ])('split at the spaces when every line has as many words as the first (%#: %s), with a warning', (lines) => {
    const t = parseTableText(lines.join('\n'));
    expect(t.rows.every((row) => row.length === 4)).toBe(true);
    expect(t.warnings.join('')).toContain('看起来不是从 Excel 复制的');
    const r = check(t.rows);
    expect(r.problem).toBe('');
    expect(r.findings.map((f) => f.rule).sort()).toEqual(lines.length === 2 ? ['id-number', 'phone'] : ['id-number', 'id-number', 'phone', 'phone']);
    expect(r.cleaned.headers).toEqual(['序号', '姓名', '班级']);
    expect(r.cleaned.rows[0]).toEqual(['1', '王芳', '高一2班']);
  });
  it('lines with different numbers of words are not split: no 公示 table, a Chinese problem, and the ID and phone still found', () => {
    const t = parseTableText(['姓名 班级 身份证号 电话', '王芳 高一2班 530521201203051234 13812345678', '欧阳 小燕 高一3班 530521201003050024 13912345678'].join('\n'));
    expect(t.rows.every((row) => row.length === 1)).toBe(true);
    const b = checkBook([{ name: '', ...t }]);
    expect(b.problem).toMatch(/^看起来不是从 Excel 复制的/);
    expect(b.sheets[0]!.list).toBe(false);
    expect(b.sensitive.sort()).toEqual(['id-number', 'phone']);
    expect(b.sheets[0]!.report.findings.map((f) => f.rule).sort()).toEqual(['id-number', 'id-number', 'phone', 'phone']);
  });
  it('a list with no column that may be published prints no 公示 table', () => {
    const r = check([['身份证号', '电话'], ['530521201203051234', '13812345678']]);
    expect(r.problem).toContain('没有可以公示的列');
    expect(checkBook([{ name: '', rows: [['身份证号', '电话'], ['530521201203051234', '13812345678']] }]).sheets[0]!.list).toBe(false);
  });
  it.each([
    ['530521201203051234 13812345678', ['id-number', 'phone']],
    ['13812345678 13912345678', ['phone', 'phone']],
    ['138 1234 5678', ['phone']],
    ['5305 2120 1203 0512 34', ['id-number']],
    ['530521 20120305 1234 138 1234 5678', ['id-number', 'phone']],
    ['530521201203051234 138 1234 5678', ['id-number', 'phone']],
    ['1300 1500 2000 300', []],
    ['金额 1500 2000 300 1500', []],
  ])('numbers one after another with spaces in one cell (「%s」) are each found', (cell, rules) => {
    expect(check([['备注'], [cell]]).findings.map((f) => f.rule).sort()).toEqual(rules);
  });
});

// A tester (2026-12): direction controls stayed in the printed list (a name shown back to front), and passport and
// 港澳通行证 numbers were not found. 教财厅函〔2017〕28号 forbids 身份证件号码: these are identity documents too.
describe('direction controls and passport numbers', () => {
  it.each(['\u202e张三\u202c', '\u2067张三\u2069', '\u200f张三\u200e', '张\u202d三'])('a direction control is taken out of the printed cell (%#)', (cell) => {
    const r = check([['姓名', '班级'], [cell, '高一\u202e1班']]);
    expect(r.findings).toEqual([]);
    expect(r.cleaned.rows).toEqual([['1', '张三', '高一1班']]);
    expect(JSON.stringify(r.cleaned)).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  });
  it.each([
    ['姓名', '张三 H12345678', '张三', '回乡证'],
    ['姓名', '张三 H0123456701', '张三', '回乡证'],
    ['姓名', '张三 M12345678', '张三', '回乡证'],
    ['姓名', '张三 E12345678', '张三', '护照'],
    ['班级', '高一2班 G12345678', '高一2班', '护照'],
    ['姓名', '张三 EA1234567', '张三', '护照'],
    ['姓名', '张三 护照号：E12345678', '张三', '护照'],
    ['姓名', '张三 C12345678', '张三', '港澳通行证'],
    ['姓名', '张三 L12345678', '张三', '台湾通行证'],
    ['姓名', '张三（E12345678）', '张三', '护照'],
  ])('under %s 「%s」: a passport or 通行证 number, cleaned to 「%s」', (header, cell, cleaned, note) => {
    const r = check([[header], [cell]]);
    expect(r.findings.map((f) => f.rule)).toEqual(['passport']);
    expect(r.findings[0]!.note).toContain(note);
    expect(r.findings[0]!.shown).not.toContain('345');
    expect(r.cleaned.rows).toEqual([['1', cleaned]]);
    expect(r.summary.find((s) => s.id === 'passport')!.sources.map((x) => x.docNumber)).toContain('教财厅函〔2017〕28号');
  });
  it.each([
    ['班级', 'C20230101班'], ['班级', 'E1班'], ['班级', 'H2023级1班'], ['学号', 'H20230101'], ['学号', 'E20230101'], ['编号', 'C12345678'],
    ['班级', '高一E班'], ['备注', 'ABE12345678'], ['备注', 'E123456789'], ['备注', 'H1234567'], ['学籍号', 'G530521201003050024'], ['资助档次', 'A档'],
  ])('under %s 「%s」 is no passport number', (header, cell) => {
    expect(check([[header], [cell]]).findings.filter((f) => f.rule === 'passport')).toEqual([]);
  });
  it('a 护照号 column is flagged as a whole', () => {
    const r = check([['姓名', '护照号码'], ['张三', 'E12345678']]);
    expect(r.columns[1]).toMatchObject({ kind: 'forbidden', rule: 'passport' });
    expect(r.cleaned.headers).toEqual(['序号', '姓名']);
  });
});
