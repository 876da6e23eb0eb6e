/**
 * Text-to-speech normalisation for 「听一听」 (pure: no DOM, no clock). The browser's zh-CN voice reads
 * digits one by one or in English on some phones, and reads symbols as their names; this turns a
 * block's visible text into what a person would say:
 *
 *   numberWords(1250)          → '一千二百五十'      numberWords(20000) → '两万'
 *   toSpeech('1250 元/年')      → '每年一千二百五十元'
 *   toSpeech('每学期 625 元')   → '每学期六百二十五元'
 *   toSpeech('1200–3500 元')    → '一千二百到三千五百元'
 *   toSpeech('财教〔2024〕181号') → '财教二零二四年一百八十一号'
 *   toSpeech('省/县')           → '省或县'           toSpeech('5%') → '百分之五'
 *
 * Numbers: integers up to 亿 as words, decimals after 点 digit by digit (1500.5 → 一千五百点五), years
 * (a 4-digit number before 年 or inside 〔〕) and codes (6 or more digits: area codes, phone numbers)
 * digit by digit. Units: 元/年 and 元/生/年 → 每年 before the figure, 元/学年 → 每学年, 元/学期 → 每学期,
 * 元/天 and 元/生/天 → 每天, 元/月 → 每月, 元/周 → 每周, 元/小时 → 每小时 (「12 元/小时」 → 每小时十二元),
 * 元/次 → 每次, 元/人 and 元/生 → 每人; without a figure before them after 元 (元每年). Ranges (–, —, ~, ～ between numbers) → 到. Other symbols: / → 或,
 * · → a pause (，), ≥ → 不少于, ≤ → 不超过, arrows and ticks dropped. Line breaks become pauses.
 * A count of 2 before a measure word is 两 (「2 项」 → 两项, 「2–3 档」 → 两到三档); 第 2, 2 月, 2 年级 stay 二.
 *
 * Browser code uses it (src/islands/speak/speech.ts), so ES2018 only (lookbehind: Chrome 62).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const SMALL_UNITS = ['', '十', '百', '千'];
const BIG_UNITS = ['', '万', '亿'];

/** 0–9999 in words; `leading`: the start of the number, where 10 is 十 (inside a larger one: 一万零一十). */
function under10000(n: number, leading: boolean): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const p = Math.pow(10, i);
    const d = Math.floor(n / p) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // 十五, not 一十五, at the very start of a number; 两千, 两百 read as people say them.
    if (i === 1 && d === 1 && leading && !out) out += '十';
    else out += (d === 2 && i >= 2 && !out && leading ? '两' : DIGITS[d]) + SMALL_UNITS[i];
  }
  return out;
}

/**
 * A non-negative number as spoken Chinese: 0 → 零, 10 → 十, 15 → 十五, 625 → 六百二十五,
 * 1250 → 一千二百五十, 2300 → 两千三百, 10000 → 一万, 20000 → 两万, 100000 → 十万, 1500.5 → 一千五百点五.
 * Integers up to 9999 9999 9999; larger or negative numbers are read digit by digit.
 */
export function numberWords(n: number): string {
  if (!isFinite(n) || n < 0 || n >= 1e12) return digitsWords(String(n));
  const s = String(n);
  const dot = s.indexOf('.');
  const int = Math.floor(n);
  let words = '';
  if (int === 0) words = '零';
  else {
    const groups: number[] = [];
    for (let v = int; v > 0; v = Math.floor(v / 10000)) groups.push(v % 10000);
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const v = groups[g]!;
      if (v === 0) {
        if (words) needZero = true;
        continue;
      }
      if (words && (needZero || v < 1000)) words += '零';
      needZero = false;
      // 两万, 两亿 (but 十二万, 二十万).
      words += (v === 2 && g > 0 && !words ? '两' : under10000(v, !words)) + BIG_UNITS[g];
    }
  }
  return dot < 0 ? words : `${words}点${digitsWords(s.slice(dot + 1))}`;
}

/** Digits one by one: '2024' → '二零二四', '0875' → '零八七五' (other characters are kept). */
export function digitsWords(s: string): string {
  return s.replace(/\d/g, (d) => DIGITS[Number(d)]!);
}

const NUM = '\\d+(?:\\.\\d+)?';
const RANGE = new RegExp(`(${NUM})\\s*[–—~～至]\\s*(${NUM})`, 'g');
const PER: Record<string, string> = {
  年: '每年', 学年: '每学年', 学期: '每学期', 月: '每月', 周: '每周', 天: '每天', 日: '每天', 小时: '每小时', 次: '每次', 人: '每人', 生: '每人',
};
/** The units after 元/ (or 元/生/): PER's, longest first (学年 before 年). */
const PER_WORDS = `(${Object.keys(PER).sort((a, b) => b.length - a.length).join('|')})`;
// 「1250 元/年」「1200–3500 元/生/年」「12 元/小时」 → 每年 … 元, 每小时十二元 (the unit goes first, as people say it).
const PER_UNIT = new RegExp(`(${NUM}(?:\\s*[–—~～至]\\s*${NUM})?)\\s*元\\s*/\\s*(?:生\\s*/\\s*)?${PER_WORDS}`, 'g');
// 「单位：元/生/年」 (no figure before it) → 元每年.
const PER_ALONE = new RegExp(`元\\s*/\\s*(?:生\\s*/\\s*)?${PER_WORDS}`, 'g');

const MEASURE = '项|档|样|个|种|份|张|次|位|家|所|本|周|天|岁|倍|名|条|处|套|类|层';
const COUNT_TWO = new RegExp(`(第\\s*)?(?<![\\d.])2(?![\\d.])(?:\\s*[–—~～至]\\s*(\\d+))?(?=\\s*(?:${MEASURE}))`, 'g');

/** Reads one number as words: digit by digit for codes (6+ digits, or a leading 0). */
const readNumber = (s: string) => (/^0\d|^\d{6,}$/.test(s) ? digitsWords(s) : numberWords(Number(s)));

/**
 * What the speech voice should say for `text` (a block's visible text). Whitespace runs collapse;
 * line breaks become pauses (，); no Arabic digit is left.
 */
export function toSpeech(text: string): string {
  let t = text
    .replace(/(\d),(?=\d{3}\b)/g, '$1') // 1,250 → 1250
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .replace(/\s*\n[\s\n]*/g, '\n');
  t = t.replace(PER_UNIT, (_, n: string, u: string) => `${PER[u]}${n}元`);
  t = t.replace(PER_ALONE, (_, u: string) => `元${PER[u]}`);
  // 〔2024〕 and 2024 年: the year digit by digit.
  t = t.replace(/[〔[]\s*(\d{4})\s*[〕\]]/g, (_, y: string) => `${digitsWords(y)}年`);
  t = t.replace(/(\d{4})(\s*)年/g, (_, y: string) => `${digitsWords(y)}年`);
  t = t.replace(/(\d+(?:\.\d+)?)\s*%/g, (_, n: string) => `百分之${readNumber(n)}`);
  // A count of 2 before a measure word is 两 (两项, 两到三档, 两个孩子); an ordinal (第 2 个) and a month or grade (2 月, 2 年级) stay 二.
  t = t.replace(COUNT_TWO, (m, di: string | undefined, to: string | undefined) => (di ? m : `两${to ? `到${readNumber(to)}` : ''}`));
  t = t.replace(RANGE, (_, a: string, b: string) => `${readNumber(a)}到${readNumber(b)}`);
  t = t.replace(/\d+(?:\.\d+)?/g, readNumber);
  t = t
    .replace(/\s*[\/／]\s*/g, '或')
    .replace(/\s*[·•・]\s*/g, '，')
    .replace(/≥/g, '不少于')
    .replace(/≤/g, '不超过')
    .replace(/[←→↑↓▾▴△√×✓]/g, '')
    .replace(/\s*[–—-]+\s*/g, '，')
    .replace(/[〔〕]/g, '');
  // Line breaks are pauses; no doubled punctuation where a line already ended with one.
  t = t.replace(/([，。；：！？、])\n/g, '$1').replace(/\n/g, '，');
  // A space between Chinese characters means nothing to a voice (「第 二 题」 → 「第二题」).
  t = t.replace(/ *([\u3000-\u9fff\uff00-\uffef]) */g, '$1').replace(/ +/g, ' ').trim();
  return t.replace(/^，+|，+$/g, '');
}

/**
 * Splits spoken text into pieces a voice reads without cutting off (some Android voices stop after
 * about 15 seconds of one utterance): at 。！？； and line ends, pieces of at most `max` characters.
 * Joining the pieces gives the text back.
 */
export function speechChunks(text: string, max = 120): string[] {
  const parts = text.match(/[^。！？；]+[。！？；]*|[。！？；]+/g) ?? [];
  const out: string[] = [];
  let cur = '';
  for (const p of parts) {
    if (cur && cur.length + p.length > max) {
      out.push(cur);
      cur = '';
    }
    cur += p;
    while (cur.length > max) {
      // A very long sentence: cut at the last comma before `max`, else at `max`.
      const cut = cur.lastIndexOf('，', max);
      const at = cut > 0 ? cut + 1 : max;
      out.push(cur.slice(0, at));
      cur = cur.slice(at);
    }
  }
  if (cur) out.push(cur);
  return out;
}
