/**
 * A 公示 list as a table of strings, from what the officer has: a paste from Excel / WPS (tab-separated
 * text), a .csv / .tsv / .txt file, or an .xlsx file. Runs in the browser (the /schools/gongshi/ island)
 * and in Node (tests, bench); nothing is sent anywhere.
 *
 *   parseTable('姓名\t班级\n张三\t高一（1）班')  → [['姓名', '班级'], ['张三', '高一（1）班']]
 *   parseTableText(text)                         → { rows, warnings }: warnings in Chinese (a stray quote)
 *   await readXlsxSheets(fileOrArrayBuffer)      → every worksheet, in order: [{ name: '说明', rows }, { name: '名单', rows }]
 *   await readTableFile(file)                    → by the file's extension; a CSV is one sheet named ''
 *
 * Libraries: papaparse (CSV / TSV, delimiter guessed), read-excel-file (XLSX; loaded with import() so it
 * is fetched only by the page that uses it). Numbers in an XLSX are kept as written (an 18-digit ID
 * stored as a number is not rounded), dates become YYYY-MM-DD.
 * Errors: TableInputError with a Chinese message (unknown file type, unreadable file).
 * A paste with spaces between its columns (from WeChat or Word) is split at the spaces when every line has
 * as many words as the first, with a warning (bySpaces).
 * Warnings: a 「"」 that pairs with nothing (「"张三」 typed by hand) would make papaparse read every line
 * after it as one quoted cell, the rows merged without a word; such a text is read again line by line
 * and the sheet says which rows hold the quote (TableSheet.warnings, ParsedText.warnings).
 */
import Papa from 'papaparse';

export class TableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableInputError';
  }
}

/** A paste or a CSV read: its rows, and what the officer should check about the reading (in Chinese). */
export interface ParsedText {
  rows: string[][];
  /** E.g. 「第 2 行有一个没有配对的引号，后面的行可能被并在一起了，请检查。…」; [] when the text read cleanly. */
  warnings: string[];
}

const PAPA = { delimitersToGuess: ['\t', ',', ';', '，', '|'], skipEmptyLines: 'greedy' as const };
const rowsOf = (data: unknown[][]) => data.map((row) => row.map((c) => (c == null ? '' : String(c))));

/**
 * Rows of text: a paste (tabs) or a CSV. The delimiter is guessed (tab, comma, semicolon, 全角逗号).
 * Quotes as Excel writes them (a cell with a line break, 「"他说""好"""」) make one cell. A text whose
 * quotes do not pair up (papaparse reports an unterminated quote, or a quoted cell swallowed a line
 * break and a delimiter: rows merged) is read again line by line with papaparse's fastMode (quotes kept
 * as written), and a warning names the rows, numbered as the checker numbers them, with an odd number of 「"」.
 */
export function parseTableText(text: string): ParsedText {
  const clean = text.replace(/^\uFEFF/, '');
  if (!clean.trim()) return { rows: [], warnings: [] };
  const r = Papa.parse<string[]>(clean, PAPA);
  const rows = rowsOf(r.data as unknown[][]);
  const merged = r.errors.some((e) => e.type === 'Quotes') || rows.some((row) => row.some((c) => /[\r\n]/.test(c) && c.indexOf(r.meta.delimiter) >= 0));
  if (!merged) return bySpaces({ rows, warnings: [] });
  // The delimiter as guessed without the quotes: a stray one can make papaparse guess none (one column).
  const delimiter = Papa.parse<string[]>(clean.replace(/"/g, ''), PAPA).meta.delimiter;
  const plain = rowsOf(Papa.parse<string[]>(clean, { ...PAPA, delimiter, fastMode: true }).data as unknown[][]);
  const odd = plain.map((row, i) => ((row.join('').split('"').length - 1) % 2 ? `第 ${i + 1} 行` : '')).filter(Boolean);
  const kept = '这里按每一行一个学生来查，引号照原样留着。';
  const warning =
    odd.length === 1
      ? `${odd[0]}有一个没有配对的引号，后面的行可能被并在一起了，请检查。${kept}`
      : odd.length
        ? `${odd.join('、')}有没有配对的引号，中间的行可能被并在一起了，请检查。${kept}`
        : `名单里的引号没有配对，有几行可能被并在一起了，请检查。${kept}`;
  return bySpaces({ rows: plain, warnings: [warning] });
}

/** Spaces between words (space, no-break space, ideographic space). */
const SPACES = /[ \u00a0\u3000]+/;

/**
 * A paste of one column whose lines have spaces between words (a list copied from WeChat or Word, not from
 * Excel: 「姓名 班级 身份证号 电话」): split at the spaces when every line then has as many cells as the first,
 * with a warning to check the columns. Otherwise left as it is (src/rules/gongshi.ts says it cannot tell
 * the columns and prints no list).
 */
function bySpaces(t: ParsedText): ParsedText {
  const lines = t.rows.filter((row) => row.some((c) => c.trim()));
  if (lines.length < 2 || lines.some((row) => row.length > 1) || !SPACES.test(lines[0]![0]!.trim())) return t;
  const split = lines.map((row) => row[0]!.trim().split(SPACES));
  if (split.some((row) => row.length !== split[0]!.length)) return t;
  return { rows: split, warnings: [...t.warnings, `${NOT_EXCEL}这里按空格分成了 ${split[0]!.length} 列，请核对下面每一列对不对；从 Excel 或 WPS 里直接复制最稳妥。`] };
}

/** The start of the warning for a paste split at its spaces (src/rules/gongshi.ts says the same when it cannot be split). */
const NOT_EXCEL = '看起来不是从 Excel 复制的（每行的各列之间是空格，不是表格的格子）：';

/** Rows of text (parseTableText without its warnings). */
export function parseTable(text: string): string[][] {
  return parseTableText(text).rows;
}

const pad = (n: number) => (n < 10 ? '0' : '') + n;

function cellText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  return String(v);
}

/** One worksheet: its name as the file has it ('' for a paste or a CSV, which have no sheets), and its rows. */
export interface TableSheet {
  name: string;
  rows: string[][];
  /** What the officer should check about the reading (a stray quote in a CSV), in Chinese; absent when none. */
  warnings?: string[];
}

/**
 * Every worksheet of an .xlsx file, in the file's order, every cell as text. All of them: a list is
 * not always on the first (「见第二页」), and a sheet left unread would go unchecked without a word.
 */
export async function readXlsxSheets(input: Blob | ArrayBuffer): Promise<TableSheet[]> {
  const { default: readXlsxFile } = await loadXlsxReader();
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(input, { parseNumber: (s: string) => s })) as { sheet: string; data: unknown[][] }[];
  } catch {
    // The reader's own message is English (「Doesn't look like an .xlsx file」): not shown.
    throw new TableInputError(`这个 .xlsx 文件打不开（可能不是真正的 .xlsx，或者文件坏了）。可以在 Excel 或 WPS 里把名单全选、复制，再粘贴到上面的框里。`);
  }
  return sheets.map((x) => ({ name: x.sheet, rows: x.data.map((r) => r.map(cellText)) }));
}

let reader: Promise<typeof import('read-excel-file/universal')> | undefined;
/** Starts loading the XLSX reader (call when the page opens, so choosing a file needs no request). */
export function loadXlsxReader(): Promise<typeof import('read-excel-file/universal')> {
  if (!reader) reader = import('read-excel-file/universal');
  return reader;
}

/**
 * Text of a CSV / TSV file: UTF-16 when it starts with a byte-order mark or is mostly zero bytes
 * (Excel's 「Unicode 文本」 export, tab-separated); else UTF-8, or GB18030 (what Excel and WPS on Chinese
 * Windows save) when UTF-8 does not fit.
 */
export function decodeText(bytes: ArrayBuffer): string {
  const b = new Uint8Array(bytes);
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  // No mark: UTF-16 text has a zero byte in most characters of Latin text (digits, tabs, line ends).
  const head = b.subarray(0, 400);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 ? oddZeros++ : evenZeros++;
  if (oddZeros > head.length / 8 && oddZeros > evenZeros * 4) return new TextDecoder('utf-16le').decode(b);
  if (evenZeros > head.length / 8 && evenZeros > oddZeros * 4) return new TextDecoder('utf-16be').decode(b);
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (utf8.indexOf('\uFFFD') < 0) return utf8;
  try {
    return new TextDecoder('gb18030').decode(bytes);
  } catch {
    return utf8;
  }
}

/** A file the officer opened: .xlsx (every worksheet), or .csv / .tsv / .txt (one sheet named ''). */
export async function readTableFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<TableSheet[]> {
  const name = file.name.toLowerCase();
  if (/\.xlsx$/.test(name)) return readXlsxSheets(await file.arrayBuffer());
  if (/\.(csv|tsv|txt)$/.test(name)) return [{ name: '', ...parseTableText(decodeText(await file.arrayBuffer())) }];
  if (/\.(xls|et|ods|numbers)$/.test(name)) {
    throw new TableInputError(`「${file.name}」是旧格式或别的表格格式，这里打不开。请在 Excel 或 WPS 里「另存为」.xlsx 或 .csv，或者全选、复制后粘贴到上面的框里。`);
  }
  throw new TableInputError(`「${file.name}」不是表格文件。请选 .xlsx 或 .csv 文件。`);
}
