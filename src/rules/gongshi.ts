/**
 * 公示名单自查: which columns and cells of a 公示 list must not be published (教财厅函〔2017〕28号), and
 * the cleaned list with only the columns that may be. Pure: a table of strings and the rules
 * (content/schools/gongshi.yaml, validated by src/schema/schools.ts) in, a report out. No DOM, no
 * network, no file reading; parsing CSV / TSV / XLSX into a table is src/lib/table-input.ts.
 *
 *   const report = checkGongshi(table, { rules, sources, today: '2026-09-10' });
 *   report.summary      // one entry per broken rule: label, rule, sources, columns, cells
 *   report.findings     // every flagged cell: row/col (1-based, as the spreadsheet counts), rule id
 *   report.cleaned      // { headers, rows }: only the allowed columns, rows numbered again
 *   report.ok           // true when nothing was flagged
 *
 *   const book = checkGongshiBook([{ name: '说明', rows }, { name: '名单', rows }], options)
 *   book.sheets         // every worksheet of a file, each with its own report (an .xlsx may have several)
 *   book.checked        // 「这个文件有 3 张工作表，都查过了：「说明」「名单」「Sheet3」（空的）。」
 *
 * Every cell loses its direction controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C: BIDI_RE) before
 * anything else, so the printed list shows what the recognisers read.
 * Recognition (every cell, whatever its column; each rule's source is in content/schools/gongshi.yaml,
 * all resting on 教财厅函〔2017〕28号, the hardship words also on 教财〔2018〕16号). A cell is read without
 * the characters that show nothing (src/lib/invisible.ts: zero-width spaces, soft hyphens …), full-width
 * characters as half-width. Numbers are runs of digits with up to three separators between them: spaces
 * of any width (the no-break space U+00A0, the ideographic space U+3000), dashes, dots, and one 、
 * (「510101.20050101.1234」「530521、200903051239」 are IDs as much as 「510101 20050101 1234」; a run with
 * several 、 is a list, 「2000、3000、1500」, and its parts are read one by one); a run made only of dates
 * (「2026.09.20-2026.09.26」, a 公示 period) is not one. Runs of 11 or more digits written in Chinese
 * (〇/零/○ … 九: 「五三零五二一二零零九……」) are read as those digits.
 *  - 身份证号: 18 characters (17 digits + digit or X) whose birth date exists, with the GB 11643-1999
 *    check digit (ISO 7064 MOD 11-2); a wrong check digit is still flagged (a mistyped ID is still an
 *    ID). 15-digit old IDs (6-digit area + YYMMDD + 3) with an existing 19YY date. A partly masked ID
 *    (15 or 18 characters, some of them * × or X: 「530521********1239」) is flagged too: the digits left
 *    with the name and the school still tell who the child is.
 *  - 护照、通行证号码 (detector `passport`; 身份证件 like the ID card): E or C and 8 digits, or a letter and 7
 *    (ordinary passport, 往来港澳通行证); G and 8 digits (older passport); H or M and 8 or 10 digits (港澳居民来往内地通行证); L and 8 digits
 *    (往来台湾通行证). Capitals, no letter or digit touching it, not before 班、级、届、期; a whole cell of a
 *    学号、编号 or 班级 column is a code (PASSPORT).
 *  - Numbers side by side with spaces (「530521201203051234 13812345678」): each group on its own, or groups
 *    written 6 8 4 / 3 4 4 (GROUPED).
 *  - 银行卡号: 16–19 digits passing the Luhn check; a run of 16–19 digits failing it is flagged as
 *    「像卡号」 too.
 *  - 电话: 11-digit mobile numbers (1[3-9]…, optionally +86), area-code landlines (0…, 10–12 digits), and
 *    7–8 digits after 电话、手机、联系方式、座机 (a landline without its area code: 「电话 3312345」).
 *  - 微信号、QQ 号、邮箱 (detector `online-id`): 微信 / 微信号 / WeChat / VX / WX followed by an account
 *    (a letter and 5–19 letters, digits, _ or -; or 5–11 digits), QQ / QQ号 followed by 5–11 digits, an
 *    e-mail address. 「微信支付」「QQ群」 name no account and are not flagged.
 *  - 出生日期: a full date whose year is at least 2 years before `today`, or 年月 at least 3 years before
 *    (公示 dates of this year are not birth dates); also 8 digits written together (「20090305」) when
 *    they stand alone (no digit or letter touching them, not followed by 班、级、届、期: 「20230101班」 is a
 *    class) and are such a date, except as the whole cell of a dropped column whose header says it holds
 *    a number (学号、学籍号、考号、编号: codes that often begin with a year) or of the 班级、年级 columns. Dates inside a number already found (an ID's birth date) are not flagged again.
 *  - 住址: 家住/住址/住在 … and a place (「高一1班（家住木瓜榔村）」), a note in brackets naming a 村/寨/屯/
 *    社区/小区 (「李四（木瓜榔村）」), 省/市/县/区 … 乡/镇/街道/村/社区 and the 村/社区/组 after it (「云南省施甸县
 *    由旺镇木榔村3组」 whole), 乡/镇/街道 … 村/社区 (「城关镇和平村」),
 *    村 … 组, 路/街 … 号, … 栋/单元/室 (not in columns whose values are place names by nature: 学校、院系、专业).
 *  - 困难情况: the words of the `words` rule, by kind (病情「艾滋病」「HIV」「自闭症」, 残疾「聋哑」「智力障碍」,
 *    变故「服刑」「入狱」「吸毒」「弃婴」「车祸」, 困难类别「低保」「特困」「家庭困难」), case-insensitive, each with
 *    the word it is commonly written with after it (WORD_TAILS: 「建档立卡户」「孤残学生」「低保家庭」), so
 *    the cleaned cell loses the whole word instead of leaving 「一档 户」; and the rule's `patterns`, which
 *    find a kind rather than a word (a bracketed note ending in 病/症/障碍/残…: 「（先天性心脏病）」;
 *    「患有……病」; 「父亡」). Where one found text lies inside another (「艾滋病」 in 「（艾滋病）」) the
 *    longer one stands for both. In 学校、院系、专业 columns a word followed by 学、科、与、医院 … is a
 *    discipline's name (「肿瘤学」「精神病与精神卫生学」, DISCIPLINE_TAIL), not a student's illness.
 * Cleaning (allowed columns): the text found goes, with its label and separator. Two exceptions, listed
 * in `review` for the officer instead: a hardship word with a Chinese character right after it in a
 * 学校、院系、专业 cell is part of the name (「残疾人事业管理」「孤独症儿童教育」: kept, not flagged); a word
 * written onto a name with no bracket or separator (「王重病」「张三低保」) is flagged, but a name is never
 * rewritten (it may be the name).
 * Columns are classified by their header (forbidden → not listed → ignored → allowed; a header
 * "contains" a spelling after spaces are removed). The header row is the row among the first ten with
 * the most recognised headers (title lines above it are kept as the list's title, and checked too).
 */
import type { GongshiRules, ForbiddenRule } from '../schema/schools.ts';
import { INVISIBLE_RE } from '../lib/invisible.ts';

/** A source as the report cites it. */
export interface SourceRef {
  id: string;
  title: string;
  docNumber?: string;
}

export interface GongshiOptions {
  rules: GongshiRules;
  /** content/sources.yaml entries (at least those the rules cite). */
  sources: readonly SourceRef[];
  /** The day of the check, YYYY-MM-DD (birth dates are told from this year's 公示 dates by it). */
  today: string;
}

/** How a column is treated. */
export type ColumnKind = 'allowed' | 'ignored' | 'not-listed' | 'forbidden';

export interface ColumnInfo {
  /** 1-based column number (A = 1). */
  col: number;
  /** The header as written ('' when empty). */
  header: string;
  kind: ColumnKind;
  /** For allowed columns: the allowed column's id (name, school, …). */
  field?: string;
  /** For forbidden columns: the rule id (id-number, phone, …). */
  rule?: string;
}

/** Rule id of a column that is not on the allowed list (and not sensitive). */
export const NOT_LISTED = 'not-listed';

export interface Finding {
  /** 1-based row and column as the spreadsheet numbers them. */
  row: number;
  col: number;
  /** The column's header ('' for a title line, and when the column has none). */
  header: string;
  /** Where the cell is, as the page says it: 「第 3 行「身份证号」」, 「第 1 行（标题）」, 「第 1 行第 2 列」. */
  where: string;
  /** Rule id (a forbidden rule's id). */
  rule: string;
  /** What was found, partly masked (「5305**********123X」), for showing on screen. */
  shown: string;
  /** A remark such as 「校验位不对，可能抄错了一位」; '' when none. */
  note: string;
}

export interface RuleSummary {
  /** Rule id, or NOT_LISTED. */
  id: string;
  label: string;
  rule: string;
  sources: SourceRef[];
  /** Headers of the columns flagged as a whole. */
  columns: string[];
  /** Number of flagged cells. */
  cells: number;
}

export interface GongshiReport {
  /** 1-based row of the header ('0' when none was found). */
  headerRow: number;
  /** Title lines above the header, as written. */
  title: string[];
  columns: ColumnInfo[];
  /** Data rows checked (non-empty rows below the header). */
  rows: number;
  findings: Finding[];
  summary: RuleSummary[];
  /** Only the allowed columns; first column 序号 numbered again. Cells with findings lose the found text. */
  cleaned: { headers: string[]; rows: string[][] };
  /** Cells of allowed columns from which found text was removed (the officer should look at them). */
  edited: Finding[];
  /**
   * Cells of allowed columns left as written that the officer should look at (`note` says why, `shown` is
   * the cell as printed): a hardship word inside a longer 学校、院系、专业 name (「残疾人事业管理」, not flagged),
   * and one written onto a name (「王重病」, flagged as well, the name not rewritten).
   */
  review: Finding[];
  /** A problem that stops the check (no header found, empty table), in Chinese; '' when none. */
  problem: string;
  /** Nothing flagged, a header found, at least one row. */
  ok: boolean;
}

// ---- recognisers -------------------------------------------------------------------------------

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The GB 11643 check character of the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * ID_WEIGHTS[i]!;
  return ID_CHECK.charAt(sum % 11);
}

/** Whether year-month-day exists. */
function dayExists(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

/** Luhn check (bank card numbers). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = Number(digits.charAt(i));
    if (dbl) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** Separators a number is written with: spaces of any width, dashes, dots, 、 (NUMBER_RUN allows one 、). */
const SEP = '[ .\\-\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000、]';
const SEPS = new RegExp(SEP, 'g');
const SEP_ONE = new RegExp(SEP);

/**
 * What a run of digits is: an 18- or 15-digit ID, a card number, a phone number, or nothing.
 * @param run digits with separators (SEP) between them, an ID's final X
 */
export function classifyNumber(run: string, todayYear: number): { rule: 'id-number' | 'bank-card' | 'phone'; note: string } | null {
  const hasSep = SEP_ONE.test(run);
  const d = run.replace(SEPS, '').toUpperCase();
  if (/^\d{17}[\dX]$/.test(d) && /^[1-8]/.test(d)) {
    const y = Number(d.slice(6, 10));
    if (y >= 1900 && y <= todayYear && dayExists(y, Number(d.slice(10, 12)), Number(d.slice(12, 14)))) {
      return { rule: 'id-number', note: idCheckChar(d.slice(0, 17)) === d.charAt(17) ? '' : '校验位对不上，可能抄错了一位；抄错的身份证号也不能公示' };
    }
    if (d.charAt(17) === 'X') return { rule: 'id-number', note: '像身份证号（出生日期那几位不对）' };
  }
  if (/^\d{15}$/.test(d) && /^[1-8]/.test(d) && dayExists(1900 + Number(d.slice(6, 8)), Number(d.slice(8, 10)), Number(d.slice(10, 12)))) {
    return { rule: 'id-number', note: '15 位的旧身份证号' };
  }
  if (/^\d{16,19}$/.test(d)) return { rule: 'bank-card', note: luhnValid(d) ? '' : '像银行卡号（校验不对，可能抄错了）' };
  if (/^1[3-9]\d{9}$/.test(d) || /^861[3-9]\d{9}$/.test(d)) return { rule: 'phone', note: '' };
  if (/^0[1-9]\d{8,10}$/.test(d) && (hasSep || d.length >= 11)) return { rule: 'phone', note: '座机号' };
  return null;
}

/**
 * 护照、通行证号码 (group 1): an ordinary passport or a 往来港澳通行证, E or C and 8 digits or a letter (not I
 * or O) and 7, or an older passport, G and 8 digits; a 港澳居民来往内地通行证 (回乡证), H or M and 8 or 10 digits; a 往来台湾通行证, L and 8 digits. Capitals
 * only, no letter or digit touching it, not followed by 班、级、届、期 (「C20230101班」 is a class). The caller skips
 * a whole cell of a 学号、编号 column (codes).
 */
const PASSPORT = /(?:^|[^A-Za-z0-9])((?:[EC][\dA-HJ-NP-Z]|G\d|[HM]\d(?:\d\d)?|L\d)\d{7})(?![A-Za-z0-9班级届期])/g;
/** Bidirectional controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069): they reorder what a printed cell shows; every cell loses them. */
const BIDI_RE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** An ID written 6 8 4 or a mobile number written 3 4 4, with spaces. */
const GROUPED = /^(?:\d{6}\s+\d{8}\s+\d{3}[\dXx]|1\d\d\s+\d{4}\s+\d{4})$/;
/** Digits with up to three separators (SEP) between them, and an ID's final X. */
const NUMBER_RUN = new RegExp(`\\d(?:\\d|${SEP}{1,3}(?=\\d))*[Xx]?`, 'g');
/** A run of digits that is only dates (「2026.09.20-2026.09.26」「20260920-20260926」): a period, not a number. */
const DATE_PART = '(?:19|20)\\d\\d(?:\\.\\d{1,2}\\.\\d{1,2}|-\\d{1,2}-\\d{1,2}|\\d{4})';
const DATES_ONLY = new RegExp(`^${DATE_PART}(?:${SEP}{1,3}${DATE_PART})*$`);
/**
 * A number some of whose digits are masked with * × or X (「530521********1239」「530521XXXXXXXX123X」);
 * the caller keeps those of 15 or 18 characters with a mask before the last one and at least 4 digits.
 */
const MASKED_RUN = new RegExp(`\\d(?:[\\d*×Xx]|${SEP}{1,3}(?=[\\d*×Xx]))+`, 'g');
const MASK = /[*×Xx]/;
/** Digits written in Chinese, 11 or more of them (a phone number, an ID, a card number), an ID's final X. */
const CN_RUN = /[〇零○一二三四五六七八九]{11,}[Xx]?/g;
const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/**
 * 8 digits written together, YYYYMMDD (the caller checks that no digit or letter comes before them); not
 * followed by a digit, a letter, or 班、级、届、期 (「20230101班」「20230901级」: a class or cohort code).
 */
const COMPACT_DATE = /(19\d\d|20\d\d)(\d\d)(\d\d)(?![\dA-Za-z班级届期])/g;
/** A header that says its column holds a number (学号、学籍号、考号、编号、序号). */
const CODE_HEADER = /号/;
const FULL_DATE = /(19\d\d|20\d\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)\s*日?/g;
/** 「09年3月5日」: a date with a two-digit year, written with 年月日 (the caller checks no digit comes before). */
const SHORT_DATE = /(\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;
const YEAR_MONTH = /(19\d\d|20\d\d)\s*(?:年\s*(\d{1,2})\s*月|[-/.](\d{1,2})(?![\d./-]))/g;
const ADDRESS = [
  // 「家住木瓜榔村」「住址：河边寨」: a word that says an address follows, and the place.
  /(?:家庭住址|家住|住址|现住址?|居住在|居住地|住在|家在|老家在?)\s*[:：]?\s*[\u4e00-\u9fa5\d]{2,20}/,
  // 「李四（木瓜榔村）」: a note in brackets naming a village or a neighbourhood (not 「（乡村振兴部门）」).
  /[（(【\[][^（）()【】\[\]]{0,12}?[\u4e00-\u9fa5]{2}(?:村|寨|屯|社区|小区)[^（）()【】\[\]]{0,8}[）)】\]]/,
  // 「云南省施甸县由旺镇木榔村3组」: the 村/社区/组 after the 乡镇 is taken too (it is the most telling part).
  /[\u4e00-\u9fa5]{1,10}(?:省|自治区|市|州|盟|县|区|旗)[\u4e00-\u9fa5\d]{0,12}?(?:乡|镇|街道|村|社区|屯|寨)(?:[\u4e00-\u9fa5\d]{1,8}?(?:村|社区|组|屯|寨)){0,2}/,
  // 「城关镇和平村」: a 乡/镇/街道 and a 村/社区 in it is where a family lives, without a county or a 组.
  /[\u4e00-\u9fa5]{1,8}(?:乡|镇|街道)[\u4e00-\u9fa5]{1,8}?(?:村|社区|居委会|嘎查)/,
  /[\u4e00-\u9fa5\d]{1,12}(?:村|社区|小区)[\u4e00-\u9fa5\d]{0,6}?(?:组|队|社|号|栋|幢)/,
  /[\u4e00-\u9fa5]{1,12}(?:路|街|巷|弄)\s*\d+\s*号/,
  /\d+\s*(?:栋|幢|单元|号楼|室)/,
];

/**
 * 微信号、QQ 号、邮箱: group 1 is the account. 「微信」 / 「WX」 … then an optional 「号」「ID」 and 「：」;
 * the caller checks that no ASCII letter or digit comes just before the keyword (「…wx」 inside a word).
 */
const ONLINE_ID = [
  /(?:微信号?|weixin|wechat|vx|wx)\s*(?:号|id)?\s*[:：]?\s*([A-Za-z][-_A-Za-z0-9]{5,19}|\d{5,11})(?![-_A-Za-z0-9])/gi,
  /qq\s*号?\s*[:：]?\s*(\d{5,11})(?!\d)/gi,
  /([A-Za-z0-9._%+-]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
];
const ONLINE_HINT = /[微@qQvVwW]/;

/**
 * Words that commonly follow a hardship word and belong to it (「建档立卡户」「孤残学生」「低保家庭」
 * 「残疾证」「低收入人口」「见义勇为人员子女」): found with it, so the cleaned cell loses the whole word.
 */
const WORD_TAILS = ['家庭学生', '人员子女', '人子女', '家庭', '学生', '子女', '人员', '人口', '对象', '儿童', '患者', '病人', '户', '证', '人', '者'];

/**
 * What follows a health word in a discipline's name (「肿瘤学」「精神病与精神卫生学」「住院医师」「传染病医院」「戒毒矫治技术」):
 * in 学校、院系、专业 columns such a word is not about a student. Not 「学生」 (「残疾学生」 is about one).
 */
const DISCIPLINE_TAIL = /^(?:学(?!生)|科|与|医学|医院|医师|护理|康复|卫生|治疗|防治|矫治)/;

/** Half-width digits and letters (full-width １３８ and ＸＸ count the same). */
const WIDE = /[\uFF01-\uFF5E\u3000]/;
const WIDE_ALL = /[\uFF01-\uFF5E\u3000]/g;
/** Full-width punctuation Chinese is written with, kept as it is (the recognisers know both forms). */
const CHINESE_PUNCTUATION = '（）：，；？！';
/**
 * A cell as the recognisers read it (and the cleaned list prints it): no invisible characters, full-width
 * digits, letters and signs made half-width (NFKC), but 「（）：，；」 kept, so 「高一（1）班」 prints as written.
 */
const normalise = (s: string): string => {
  const t = INVISIBLE_ONE.test(s) ? s.replace(INVISIBLE_RE, '') : s;
  return WIDE.test(t) ? t.replace(WIDE_ALL, (c) => (CHINESE_PUNCTUATION.indexOf(c) >= 0 ? c : c.normalize('NFKC'))) : t;
};

/** 「5305**********123X」: keep the first 4 and last 2 characters of a number, mask the rest. */
export function maskNumber(s: string): string {
  const d = s.replace(SEPS, '');
  if (d.length <= 6) return d.replace(/./g, '*');
  return d.slice(0, 4) + d.slice(4, -2).replace(/./g, '*') + d.slice(-2);
}

interface Hit {
  rule: string;
  text: string;
  shown: string;
  note: string;
  /** Where a word or pattern of a words rule was found in the cell (checkGongshi tells a word inside a longer name by it). */
  at?: number;
}

/** Compiled once per check: which rules are present, and one regex for all the words. */
interface Scanner {
  detectors: Map<string, ForbiddenRule>;
  numbers: boolean;
  birth?: ForbiddenRule;
  address?: ForbiddenRule;
  online?: ForbiddenRule;
  /** The words of the words rules in one regex (group 1 is the word, lower-cased for `rule`). */
  words: { re: RegExp; rule: Map<string, ForbiddenRule> } | null;
  /** The words rules' patterns, each compiled once (global, case-insensitive). */
  patterns: { re: RegExp; rule: ForbiddenRule }[];
  todayYear: number;
}

/** A Chinese character (a word with one right after or before it is part of a longer name). */
const HAN = /[\u3400-\u9fff]/;
/** Whether position `at` of `text` is inside a bracket (「学生27（父亲入狱）」). */
const inBracket = (text: string, at: number): boolean => {
  const before = text.slice(0, at);
  return (before.match(/[(（\[【]/g) || []).length > (before.match(/[)）\]】]/g) || []).length;
};
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Characters without which a cell cannot hold an address (a cheap test before the address patterns). */
const ADDRESS_HINT = /[省市县区旗州盟乡镇村组路街巷弄号栋幢单元室社屯寨住]/;
/**
 * A landline written without its area code (7 or 8 digits) after a word that says it is a phone number:
 * 「电话 3312345」「联系方式：33123456」. Group 1 is the number. Not 「电话费补助 2000」.
 */
const LABELLED_PHONE = /(?:电话|手机|联系方式|座机|固话|tel)\s*(?:号码|号)?\s*[:：]?\s*(\d(?:[ -]?\d){6,7})(?![\d]|[ .-]\d)/gi;
/**
 * A landline whose area code is in brackets or follows +86 / 0086 (「(0871)12345678」「（0871）12345678」
 * 「+86-871-12345678」「+86 871 12345678」): the digits alone are two short runs, so NUMBER_RUN misses it.
 * Not 「高一（1）班」 or 「（2000）」: the bracket holds 0 and 2–3 digits, and 7–8 digits follow; after +86 an
 * area code is 10, 2x or three digits from 3 (a mobile's 13… is NUMBER_RUN's).
 */
const AREA_PHONE = /(?:[（(]\s*0\d{2,3}\s*[)）]|(?:\+|00)\s*86\s*[ -]?\s*(?:[（(]\s*0?\s*[)）])?\s*0?(?:10|2\d|[3-9]\d\d)\s*[ -)）]?)\s*-?\s*\d(?:[ -]?\d){6,7}(?![\d]|[ .-]\d)/g;
/**
 * A long number a spreadsheet wrote in scientific notation (「1.1010519491231E+17」: an 18-digit ID typed into
 * a cell formatted as a number): 11–19 digits by the exponent. Group 1 is the exponent. Not 「2.5E+3」.
 */
const SCIENTIFIC = /(?:^|[^\dA-Za-z.])(\d\.\d+)e\+(1\d)(?![\d])/gi;
const YEAR_HINT = /(?:19|20)\d\d/;
/** A cell that holds 11 numerals written in Chinese in a row. */
const CN_HINT = /[〇零○一二三四五六七八九]{11}/;
/** INVISIBLE_RE without the g flag, for test(). */
const INVISIBLE_ONE = new RegExp(INVISIBLE_RE.source);
/** Separators left at either end of a part of a list (「、3000 」). */
const TRIM_SEP = new RegExp(`^${SEP}+|${SEP}+$`, 'g');

function makeScanner(rules: GongshiRules, todayYear: number): Scanner {
  const detectors = new Map<string, ForbiddenRule>();
  for (const f of rules.forbidden) if (f.detector !== 'words' && !detectors.has(f.detector)) detectors.set(f.detector, f);
  const wordRule = new Map<string, ForbiddenRule>();
  for (const f of rules.forbidden) if (f.detector === 'words') for (const w of f.words ?? []) if (!wordRule.has(w.toLowerCase())) wordRule.set(w.toLowerCase(), f);
  const words = wordRule.size ? Array.from(wordRule.keys()).sort((a, b) => b.length - a.length) : [];
  const tails = WORD_TAILS.slice().sort((a, b) => b.length - a.length);
  const patterns: Scanner['patterns'] = [];
  for (const f of rules.forbidden) if (f.detector === 'words') for (const p of f.patterns ?? []) patterns.push({ re: new RegExp(p, 'gi'), rule: f });
  return {
    detectors,
    numbers: detectors.has('id-number') || detectors.has('bank-card') || detectors.has('phone'),
    birth: detectors.get('birth-date'),
    address: detectors.get('address'),
    online: detectors.get('online-id'),
    words: words.length ? { re: new RegExp(`(${words.map(escapeRe).join('|')})(?:${tails.join('|')})?`, 'gi'), rule: wordRule } : null,
    patterns,
    todayYear,
  };
}

const NONE: readonly Hit[] = [];

/**
 * Everything sensitive in one cell (normalised text), by the rules present in the data.
 * @param placeNames the column's values are place names (学校、院系) or the cell is a title line: no address alarm
 * @param codes the column is dropped and its header says it holds a number (学号、编号): a cell that is
 *   only 8 digits there is a code, not a birth date
 */
function scanCell(text: string, sc: Scanner, placeNames: boolean, codes = false): readonly Hit[] {
  let hits: Hit[] | undefined;
  const add = (h: Hit) => {
    if (!hits) hits = [];
    hits.push(h);
  };
  const { todayYear } = sc;
  const hasDigit = /\d/.test(text);
  if (sc.numbers && hasDigit) {
    const one = (run: string) => {
      if (run.length < 11 || DATES_ONLY.test(run)) return false;
      const c = classifyNumber(run, todayYear);
      const rule = c && sc.detectors.get(c.rule);
      if (c && rule) add({ rule: rule.id, text: run, shown: maskNumber(run), note: c.note });
      return !!c;
    };
    // Numbers one after another with spaces between (「530521201203051234 13812345678」, a paste whose columns
    // are spaces) are one run: when it is no number, each group is read on its own, and groups together only
    // in the way an ID or a mobile number is written (6 8 4, 3 4 4: GROUPED), not amounts (「1500 2000 300」).
    const number = (run: string) => {
      if (one(run) || !/\s/.test(run)) return;
      const g = run.split(/(\s+)/);
      for (let i = 0; i < g.length; i += 2) {
        for (let k = g.length - 1; k >= i; k -= 2) {
          const part = g.slice(i, k + 1).join('');
          if ((k === i || GROUPED.test(part)) && one(part)) {
            i = k;
            break;
          }
        }
      }
    };
    NUMBER_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NUMBER_RUN.exec(text))) {
      const parts = m[0].split('、');
      // Several 、 make a list (「2000、3000、1500、2500」): each part is a number of its own.
      if (parts.length > 2) for (const p of parts) number(p.replace(TRIM_SEP, ''));
      else number(m[0]);
    }
    const phone = sc.detectors.get('phone');
    if (phone) {
      LABELLED_PHONE.lastIndex = 0;
      while ((m = LABELLED_PHONE.exec(text))) add({ rule: phone.id, text: m[1]!, shown: maskNumber(m[1]!), note: '没有区号的座机号' });
      if (/[(（+]|0086/.test(text)) {
        AREA_PHONE.lastIndex = 0;
        while ((m = AREA_PHONE.exec(text))) add({ rule: phone.id, text: m[0], shown: maskNumber(m[0].replace(/[^\d]/g, '')), note: '座机号' });
      }
    }
    if (/e\+/i.test(text)) {
      SCIENTIFIC.lastIndex = 0;
      while ((m = SCIENTIFIC.exec(text))) {
        const n = Number(m[2]) + 1;
        const kind = n === 15 || n === 18 ? 'id-number' : n <= 12 ? 'phone' : 'bank-card';
        const rule = sc.detectors.get(kind);
        const found = m[0].slice(m[0].indexOf(m[1]!));
        if (rule) add({ rule: rule.id, text: found, shown: found.slice(0, 3) + '…' + found.slice(-4), note: '像被表格软件改成科学计数法的身份证号、卡号或电话：请把这一列设成文本重新导出（公示里本来也不能有）' });
      }
    }
    const id = sc.detectors.get('id-number');
    if (id && MASK.test(text)) {
      MASKED_RUN.lastIndex = 0;
      while ((m = MASKED_RUN.exec(text))) {
        const d = m[0].replace(SEPS, '');
        if ((d.length !== 18 && d.length !== 15) || !MASK.test(d.slice(0, -1)) || !/^[1-8]/.test(d) || d.replace(/\D/g, '').length < 4) continue;
        if (m.index > 0 && /[*×]/.test(text.charAt(m.index - 1))) continue;
        add({ rule: id.id, text: m[0], shown: maskNumber(m[0]), note: '遮住了中间几位的身份证号，露出来的几位加上姓名、学校，照样认得出是谁，也不能公示' });
      }
    }
  }
  const passport = sc.detectors.get('passport');
  if (passport && hasDigit && /[ECGHML]\d|[EC][A-Z]\d/.test(text) && !(codes && /^\s*[A-Z]+\d+\s*$/.test(text))) {
    PASSPORT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PASSPORT.exec(text))) {
      const kind = /^[HM]/.test(m[1]!) ? '港澳居民来往内地通行证（回乡证）' : m[1]!.charAt(0) === 'C' ? '往来港澳通行证' : m[1]!.charAt(0) === 'L' ? '往来台湾通行证' : '护照';
      add({ rule: passport.id, text: m[1]!, shown: maskNumber(m[1]!), note: `像${kind}号码` });
    }
  }
  if (sc.numbers && CN_HINT.test(text)) {
    CN_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CN_RUN.exec(text))) {
      const d = m[0].replace(/[^Xx]/g, (c) => CN_DIGIT[c] ?? c);
      const c = classifyNumber(d, todayYear) ?? (d.length === 18 || d.length === 15 ? { rule: 'id-number' as const, note: '' } : null);
      const rule = c && sc.detectors.get(c.rule);
      const what = c?.rule === 'id-number' ? '身份证号' : c?.rule === 'phone' ? '电话号码' : '银行卡号';
      if (c && rule) add({ rule: rule.id, text: m[0], shown: maskNumber(m[0]), note: `用汉字写的${what}${c.note ? `（${c.note}）` : ''}` });
    }
  }
  const birth = sc.birth;
  // The digits of a number found above (an ID's birth date) are not a birth date of their own.
  const dates = hits ? hits.reduce((t, h) => t.split(h.text).join(' '), text) : text;
  if (birth && hasDigit && YEAR_HINT.test(dates)) {
    const text = dates;
    const before = (i: number) => (i > 0 ? text.charAt(i - 1) : '');
    FULL_DATE.lastIndex = 0;
    let m: RegExpExecArray | null;
    const seen: number[] = [];
    while ((m = FULL_DATE.exec(text))) {
      if (/\d/.test(before(m.index))) continue;
      const y = Number(m[1]);
      if (y <= todayYear - 2 && dayExists(y, Number(m[2]), Number(m[3]))) {
        add({ rule: birth.id, text: m[0], shown: m[0], note: '' });
        seen.push(m.index);
      }
    }
    YEAR_MONTH.lastIndex = 0;
    while ((m = YEAR_MONTH.exec(text))) {
      if (/\d/.test(before(m.index)) || seen.indexOf(m.index) >= 0) continue;
      const y = Number(m[1]);
      const mo = Number(m[2] || m[3]);
      if (y <= todayYear - 3 && mo >= 1 && mo <= 12) add({ rule: birth.id, text: m[0], shown: m[0], note: '像出生年月' });
    }
    if (!(codes && /^\s*\d{8}\s*$/.test(text))) {
      COMPACT_DATE.lastIndex = 0;
      while ((m = COMPACT_DATE.exec(text))) {
        if (/[\dA-Za-z]/.test(before(m.index))) continue;
        const y = Number(m[1]);
        if (y <= todayYear - 2 && dayExists(y, Number(m[2]), Number(m[3]))) add({ rule: birth.id, text: m[0], shown: m[0], note: '像连着写的出生日期' });
      }
    }
  }
  if (birth && hasDigit && dates.indexOf('年') >= 0) {
    SHORT_DATE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SHORT_DATE.exec(dates))) {
      if (m.index > 0 && /\d/.test(dates.charAt(m.index - 1))) continue;
      // 09 is 2009 and 95 is 1995: the century that puts the year in the past.
      const yy = Number(m[1]);
      const y = (yy <= todayYear % 100 ? 2000 : 1900) + yy;
      if (y <= todayYear - 2 && dayExists(y, Number(m[2]), Number(m[3]))) add({ rule: birth.id, text: m[0], shown: m[0], note: '两位数年份写的出生日期' });
    }
  }
  const online = sc.online;
  if (online && ONLINE_HINT.test(text)) {
    for (const re of ONLINE_ID) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        if (m.index > 0 && /[A-Za-z0-9]/.test(text.charAt(m.index - 1)) && re !== ONLINE_ID[2]) continue;
        add({ rule: online.id, text: m[0], shown: m[0].replace(m[1]!, maskNumber(m[1]!)), note: '' });
      }
    }
  }
  const address = sc.address;
  if (address && !placeNames && ADDRESS_HINT.test(text)) {
    for (const re of ADDRESS) {
      const m = re.exec(text);
      if (m) {
        add({ rule: address.id, text: m[0], shown: m[0].length > 4 ? m[0].slice(0, 2) + '……' + m[0].slice(-1) : m[0], note: '' });
        break;
      }
    }
  }
  // Words and patterns: a discipline's name in 学校、院系、专业 is not one (「肿瘤学」); a text found inside
  // another (「艾滋病」 in 「（艾滋病）」) is left to the longer one.
  let said: Hit[] | undefined;
  const say = (rule: ForbiddenRule, m: RegExpExecArray) => {
    if (placeNames && DISCIPLINE_TAIL.test(text.slice(m.index + m[0].length))) return;
    (said || (said = [])).push({ rule: rule.id, text: m[0], shown: m[0], note: '', at: m.index });
  };
  if (sc.words) {
    sc.words.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = sc.words.re.exec(text))) say(sc.words.rule.get(m[1]!.toLowerCase())!, m);
  }
  for (const p of sc.patterns) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) say(p.rule, m);
  }
  if (said) {
    const all = said;
    for (const h of all) if (!all.some((o) => o !== h && o.rule === h.rule && o.text.length > h.text.length && o.text.indexOf(h.text) >= 0)) add(h);
  }
  return hits ?? NONE;
}


/**
 * Words that say what the number or the text after them is (「电话」「身份证号」「出生日期」), by detector: removed
 * with it, so the cleaned cell does not keep 「张三 电话」.
 */
const LABELS: Partial<Record<string, RegExp>> = {
  'id-number': /(?:公民身份号码|身份证号码|身份证号|身份证|身份号码|证件号码|证件号)\s*[:：]?\s*$/,
  passport: /(?:护照|通行证|回乡证)(?:号码|号)?\s*[:：]?\s*$/,
  phone: /(?:联系电话|电话号码|电话|手机号码|手机号|手机|联系方式|座机|固话|tel)\s*(?:号码|号)?\s*[:：]?\s*\+?\s*$/i,
  'bank-card': /(?:银行卡号|银行卡|卡号|账号|帐号)\s*[:：]?\s*$/,
  'birth-date': /(?:出生日期|出生年月|出生于|出生|生日|生于)\s*[:：]?\s*$/,
  address: /(?:家庭住址|住址|地址)\s*[:：]?\s*$/,
};
/** What separates a removed text from the rest of the cell (「王五-残疾」「钱七，低保户」「一档、低保」). */
const SEPARATOR = /[\s\-—–_、，,;；/|:：·+]/;
const EDGE_SEPARATORS = /^[\s\-—–_、，,;；/|:：·+]+|[\s\-—–_、，,;；/|:：·+]+$/g;

/**
 * The cell without `found` (every occurrence), without the label before it (LABELS: 「电话0871-12345678」
 * goes whole, as does the 「+」 of 「+86 138 …」), and without the separator that joined it to the rest:
 * the one before it, or the one after it when it opens the cell.
 *   cutFound('王五-残疾', '残疾', 'words') → '王五';  cutFound('低保、一档', '低保', 'words') → '一档'
 */
function cutFound(cell: string, found: string, detector: string | undefined): string {
  if (!found) return cell;
  const label = detector ? LABELS[detector] : undefined;
  let out = '';
  let from = 0;
  for (let i = cell.indexOf(found); i >= 0; i = cell.indexOf(found, from)) {
    let a = i;
    const m = label && label.exec(cell.slice(from, i));
    if (m) a = from + m.index;
    else if (/^\d/.test(found)) while (a > from && /[\s+]/.test(cell.charAt(a - 1))) a--;
    let b = i + found.length;
    if (a > from || out) while (a > from && SEPARATOR.test(cell.charAt(a - 1))) a--;
    else while (b < cell.length && SEPARATOR.test(cell.charAt(b))) b++;
    out += cell.slice(from, a);
    from = b;
  }
  return out + cell.slice(from);
}

const squash = (s: string) => normalise(String(s)).replace(/\s+/g, '');
const hasAny = (header: string, spellings: readonly string[]) => spellings.some((h) => header.indexOf(h) >= 0);

/** Classifies one header (after squashing). */
export function classifyHeader(header: string, rules: GongshiRules): Omit<ColumnInfo, 'col' | 'header'> | null {
  const h = squash(header);
  // Headers are short words; a cell with digits (「高一（1）班」「2300」) is data, not a header.
  if (!h || h.length > 20 || /\d/.test(h)) return null;
  // …nor is one with a numeral in words before 班、档、等、年级 (「一班」「二档」「三等」: a row of data).
  if (/[一二三四五六七八九十]+(?:班|档|等|年级)/.test(h)) return null;
  for (const f of rules.forbidden) if (hasAny(h, f.headers)) return { kind: 'forbidden', rule: f.id };
  if (hasAny(h, rules.notListed.headers)) return { kind: 'not-listed' };
  for (const c of rules.ignored) if (hasAny(h, c.headers)) return { kind: 'ignored', field: c.id };
  for (const c of rules.allowed) if (hasAny(h, c.headers)) return { kind: 'allowed', field: c.id };
  return null;
}

const isEmptyRow = (r: readonly string[]) => r.every((c) => String(c ?? '').trim() === '');

/**
 * Where a cell is (0-based row and column): by its column's header; a line above the header is the
 * list's title; without a header (none found, or an empty header cell) by its column's number. Only
 * lines above a header found are titles: with no header at all, every line is a row of the list.
 */
const placeOf = (r: number, c: number, header: string, title: boolean): string =>
  `第 ${r + 1} 行` + (title ? '（标题）' : header ? `「${header}」` : `第 ${c + 1} 列`);

/**
 * Checks a 公示 list.
 * @param table rows of cells as strings (what src/lib/table-input.ts makes of a paste, a CSV or an XLSX)
 * @returns the report (never throws on bad input: `problem` says in Chinese what is wrong)
 * @throws Error only when the rules cite a source missing from `sources` (a data error caught at build)
 */
export function checkGongshi(table: readonly (readonly string[])[], { rules, sources, today }: GongshiOptions): GongshiReport {
  const todayYear = Number(today.slice(0, 4));
  const source = (id: string): SourceRef => {
    const s = sources.find((x) => x.id === id);
    if (!s) throw new Error(`公示规则引用了未知来源「${id}」`);
    return s;
  };
  const rowsIn = table.map((r) => r.map((c) => (c == null ? '' : String(c).replace(BIDI_RE, ''))));
  const width = rowsIn.reduce((w, r) => Math.max(w, r.length), 0);
  const empty: GongshiReport = { headerRow: 0, title: [], columns: [], rows: 0, findings: [], summary: [], cleaned: { headers: [], rows: [] }, edited: [], review: [], problem: '', ok: false };
  if (!rowsIn.some((r) => !isEmptyRow(r))) return { ...empty, problem: '表格是空的：请把名单（连同表头一行）复制进来，或选一个文件。' };

  // Header row: the one among the first ten with the most recognised headers.
  let headerIdx = -1;
  let best = 0;
  for (let i = 0; i < Math.min(10, rowsIn.length); i++) {
    const n = rowsIn[i]!.filter((c) => classifyHeader(c, rules)).length;
    if (n > best) {
      best = n;
      headerIdx = i;
    }
  }
  const scanner = makeScanner(rules, todayYear);

  const columns: ColumnInfo[] = [];
  const header = headerIdx >= 0 ? rowsIn[headerIdx]! : [];
  for (let c = 0; c < width; c++) {
    const text = (header[c] ?? '').trim();
    const k = headerIdx >= 0 ? classifyHeader(text, rules) : null;
    columns.push({ col: c + 1, header: text, ...(k ?? { kind: 'not-listed' as const }) });
  }
  const placeNames = new Set(rules.allowed.filter((a) => a.placeNames).map((a) => a.id));
  const detectorOf = new Map(rules.forbidden.map((f) => [f.id, f.detector] as const));

  const findings: Finding[] = [];
  const edited: Finding[] = [];
  const review: Finding[] = [];
  const title: string[] = [];
  const cleanedCols = columns
    .filter((c) => c.kind === 'allowed')
    .sort((a, b) => rules.allowed.findIndex((x) => x.id === a.field) - rules.allowed.findIndex((x) => x.id === b.field) || a.col - b.col);
  const cleanedRows: string[][] = [];
  let dataRows = 0;

  for (let r = 0; r < rowsIn.length; r++) {
    const row = rowsIn[r]!;
    if (r === headerIdx || isEmptyRow(row)) continue;
    const isTitle = r < headerIdx;
    if (isTitle) title.push(row.filter((c) => c.trim()).join(' '));
    else dataRows++;
    let fixed: Map<number, string> | undefined;
    for (let c = 0; c < row.length; c++) {
      const raw = row[c]!;
      if (!raw || !raw.trim()) continue;
      const col = columns[c]!;
      const text = normalise(raw);
      // Titles name the school (「××县××镇中心小学……公示」): place names there are not addresses.
      const codes = !isTitle && (((col.kind === 'ignored' || col.kind === 'not-listed') && CODE_HEADER.test(col.header)) || col.field === 'class' || col.field === 'grade');
      const all = scanCell(text, scanner, isTitle || (!!col.field && placeNames.has(col.field)), codes);
      if (!all.length) continue;
      const where = placeOf(r, c, isTitle ? '' : col.header, isTitle);
      const allowed = !isTitle && col.kind === 'allowed';
      // A word inside a longer name of a 学校、院系、专业 column (「残疾人事业管理」「孤独症儿童教育」) is the name of
      // a discipline, not the student's: left as written, for the officer to look at (review), not flagged.
      const hits = !allowed || !placeNames.has(col.field!) ? all : all.filter((h) => {
        if (h.at === undefined || !HAN.test(text.charAt(h.at + h.text.length))) return true;
        review.push({ row: r + 1, col: c + 1, header: col.header, where, rule: h.rule, shown: text, note: `「${h.text}」像是${col.header}名称的一部分，没有删；如果写的是学生家里的情况，请在原表里删掉再查` });
        return false;
      });
      if (!hits.length) continue;
      const seen: string[] = [];
      for (const h of hits) {
        const key = h.rule + '\u0000' + h.text;
        if (seen.indexOf(key) >= 0) continue;
        seen.push(key);
        findings.push({ row: r + 1, col: c + 1, header: isTitle ? '' : col.header, where, rule: h.rule, shown: h.shown, note: h.note });
      }
      if (allowed) {
        let t = text;
        // A word written onto a name (「王重病」: no bracket or separator before it) may be part of the name:
        // flagged, but the name is not rewritten; the officer is asked to look.
        const glued = col.field === 'name' ? hits.filter((h) => h.at !== undefined && h.at > 0 && HAN.test(text.charAt(h.at - 1)) && !inBracket(text, h.at)) : [];
        // 「王五（低保户）」→「王五」: a bracket holding found text goes as a whole; else the text, with its label.
        for (const h of hits) {
          if (glued.indexOf(h) < 0) t = cutFound(t.replace(/[(（\[【][^)）\]】]*[)）\]】]/g, (b) => (b.indexOf(h.text) >= 0 ? '' : b)), h.text, detectorOf.get(h.rule));
        }
        t = t.replace(/[(（\[【]\s*[)）\]】]/g, '').replace(/\s{2,}/g, ' ').replace(EDGE_SEPARATORS, '');
        for (const h of glued) review.push({ row: r + 1, col: c + 1, header: col.header, where, rule: h.rule, shown: t, note: `名字里有「${h.text}」，名字没有改；如果这是备注，请在原表里删掉再查` });
        if (glued.length < hits.length) {
          (fixed || (fixed = new Map<number, string>())).set(c, t);
          edited.push({ row: r + 1, col: c + 1, header: col.header, where, rule: hits[0]!.rule, shown: t, note: '' });
        }
      }
    }
    if (!isTitle) {
      cleanedRows.push([String(cleanedRows.length + 1), ...cleanedCols.map((c) => (fixed && fixed.has(c.col - 1) ? fixed.get(c.col - 1)! : (row[c.col - 1] ?? '').trim()))]);
    }
  }

  const summary: RuleSummary[] = [];
  for (const f of rules.forbidden) {
    const cols = columns.filter((c) => c.kind === 'forbidden' && c.rule === f.id).map((c) => c.header);
    const cells = findings.filter((x) => x.rule === f.id).length;
    if (!cols.length && !cells) continue;
    summary.push({ id: f.id, label: f.label, rule: f.rule, sources: [source(f.source), ...(f.alsoSource ? [source(f.alsoSource)] : [])], columns: cols, cells });
  }
  // Without a header no column is known, so none is said to be dropped (the problem says what to do).
  const notListed = headerIdx < 0 ? [] : columns.filter((c) => c.kind === 'not-listed' && (c.header || columnHasData(rowsIn, headerIdx, c.col - 1)));
  if (notListed.length) {
    summary.push({ id: NOT_LISTED, label: '不在可以公示的列里', rule: rules.notListed.rule, sources: [source(rules.notListed.source)], columns: notListed.map((c) => c.header || `第 ${c.col} 列`), cells: 0 });
  }

  // Never an empty 公示 table as if it were fine: a one-column paste with spaces (from WeChat or Word), or a
  // list with no column that may be published, gets no cleaned list, only the findings.
  const problem =
    headerIdx < 0
      ? `没有找到表头：${headerHint(rules)}`
      : dataRows === 0
        ? '只有表头，没有名单：请把表头和下面的名单一起复制进来。'
        : width === 1 && /\S[ \u00a0\u3000]+\S/.test(header[0] ?? '')
          ? `看起来不是从 Excel 复制的（每行的各列之间是空格，不是表格的格子），分不清哪几个字是一列，所以没有出可以公示的名单。请在 Excel 或 WPS 里选中名单（连同表头）复制，或者打开 .xlsx、.csv 文件。每一行里的身份证号、电话等照样查了，见下面。`
          : !cleanedCols.length
            ? `这份名单里没有可以公示的列（${rules.allowed.map((a) => a.label).join('、')}），所以没有出可以公示的名单。请检查表头。`
            : '';
  const sensitive = summary.filter((s) => s.id !== NOT_LISTED);
  return {
    headerRow: headerIdx + 1,
    title,
    columns,
    rows: dataRows,
    findings,
    summary,
    cleaned: { headers: ['序号', ...cleanedCols.map((c) => c.header)], rows: cleanedRows },
    edited,
    review,
    problem,
    ok: !problem && sensitive.length === 0,
  };
}

/** One worksheet to check: its name ('' for a paste or a CSV) and rows (src/lib/table-input.ts `TableSheet`). */
export interface SheetInput {
  name: string;
  rows: readonly (readonly string[])[];
}

export interface SheetCheck {
  /** The worksheet's name as in the file ('' for a paste or a CSV). */
  name: string;
  /** The check of this sheet alone (its rows, header, findings and cleaned list). */
  report: GongshiReport;
  /** The sheet holds a list: a header and at least one row under it (so it has a cleaned list). */
  list: boolean;
  /** Nothing in any cell. */
  empty: boolean;
  /** What the page says of a sheet that holds no list, in a file with several; '' otherwise. */
  note: string;
}

export interface BookReport {
  /** Every sheet, in the file's order: one for a paste or a CSV, every worksheet of an .xlsx. */
  sheets: SheetCheck[];
  /** Ids of the rules broken anywhere (forbidden columns or cells, not NOT_LISTED), in the rules' order. */
  sensitive: string[];
  /** Rows of the lists, over all sheets. */
  rows: number;
  /** Which sheets were checked, for a file with more than one; '' for a paste, a CSV, a one-sheet file. */
  checked: string;
  /** What stops the check (every sheet empty, no header anywhere), in Chinese; '' when none. */
  problem: string;
  /** At least one list, nothing flagged on any sheet. */
  ok: boolean;
}

/** What a header looks like, after 「没有找到表头：」. */
const headerHint = (rules: GongshiRules) =>
  `第一行（或前几行）里应当有「${rules.allowed.map((a) => a.label).slice(0, 3).join('」「')}」这样的列名。请把表头一起复制进来。`;

/**
 * Checks every sheet of a file (or the one table of a paste): each on its own, as checkGongshi does,
 * and says which sheets were checked, so a list on the second worksheet is never left unread.
 */
export function checkGongshiBook(sheets: readonly SheetInput[], options: GongshiOptions): BookReport {
  const checks: SheetCheck[] = sheets.map((x) => {
    const report = checkGongshi(x.rows, options);
    const empty = !x.rows.some((r) => !isEmptyRow(r.map((c) => (c == null ? '' : String(c)))));
    return { name: x.name, report, list: !report.problem, empty, note: '' };
  });
  const many = checks.length > 1;
  const filled = checks.filter((x) => !x.empty);
  const lists = checks.filter((x) => x.list);
  if (many) {
    for (const x of filled) {
      if (!x.list) x.note = `${x.report.headerRow ? '只有表头，下面没有名单' : '没有找到表头，不当作名单'}；表里的每个格子也都查过了。`;
    }
  }
  const problem = !many
    ? (checks[0]?.report.problem ?? checkGongshi([], options).problem)
    : !filled.length
      ? `这个文件的 ${checks.length} 张工作表都是空的：请打开有名单的文件，或把名单（连同表头一行）复制进来。`
      : !lists.length
        ? filled.length === 1
          ? `工作表「${filled[0]!.name}」里${filled[0]!.report.problem}`
          : `这 ${filled.length} 张工作表里都没有名单：${filled.some((x) => x.report.headerRow) ? '没有找到表头，或者表头下面是空的' : '没有找到表头'}。${headerHint(options.rules)}`
        : '';
  const broken = new Set(checks.flatMap((x) => x.report.summary.filter((r) => r.id !== NOT_LISTED).map((r) => r.id)));
  const sensitive = options.rules.forbidden.map((f) => f.id).filter((id, i, all) => broken.has(id) && all.indexOf(id) === i);
  return {
    sheets: checks,
    sensitive,
    rows: lists.reduce((n, x) => n + x.report.rows, 0),
    checked: many ? `这个文件有 ${checks.length} 张工作表，都查过了：${checks.map((x) => `「${x.name}」${x.empty ? '（空的）' : ''}`).join('')}。` : '',
    problem,
    ok: !problem && sensitive.length === 0,
  };
}

function columnHasData(rows: readonly (readonly string[])[], headerIdx: number, c: number): boolean {
  for (let r = headerIdx + 1; r < rows.length; r++) if ((rows[r]![c] ?? '').trim()) return true;
  return false;
}

/**
 * The line printed under a cleaned list (content/schools/gongshi.yaml `signOff`) with `{days}` replaced:
 *   signOffLine(rules, 5) → 「学校（盖章）：＿＿＿＿＿＿　公示时间：＿＿＿＿＿＿ 至 ＿＿＿＿＿＿（不少于 5 个工作日）　有异议请联系：＿＿＿＿＿＿」
 * @param days the 公示 minimum in working days (publicizeDays of the 公示 step)
 */
export function signOffLine(rules: Pick<GongshiRules, 'signOff'>, days: number): string {
  return rules.signOff.split('{days}').join(String(days));
}

/**
 * 「公示期：不少于 N 个工作日」: the minimum number of working days from the 公示 step's `when`
 * (content/steps.yaml, e.g. 「不少于 5 个工作日」).
 * @throws Error when the step does not say a number of working days.
 */
export function publicizeDays(when: string): number {
  const m = /(\d+)\s*个工作日/.exec(when);
  if (!m) throw new Error(`公示一步的 when 里没有「N 个工作日」：「${when}」`);
  return Number(m[1]);
}
