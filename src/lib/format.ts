/**
 * Chinese wording for amounts, units and dates. Pure TypeScript: no Astro, no data import, no clock
 * (dates come in as `YYYY-MM-DD` strings), so pages, the wizard island and posters can all use it and
 * always word a figure the same way.
 *
 *   formatYuan(2300)                                    → '2300 元'
 *   formatAmount({ basis: 'average', unit: 'per-year', value: 2300 })   → '2300 元/年（平均标准）'
 *   formatAmount({ basis: 'up-to', unit: 'per-year', value: 20000 })    → '每年最高 20000 元'
 *   formatPerInstalment({ basis: 'fixed', unit: 'per-year', value: 1250, instalments: 2 }) → '每学期 625 元'
 *   formatAmountFull(line)  → '2300 元/年（平均标准），平均每学期 1150 元，以当地公布为准'
 *   formatDate('2025-03-01')     → '2025 年 3 月'
 *   formatDay('2025-03-01')      → '2025 年 3 月 1 日'
 *   semesterName('2025-03-01')   → '2025 年春季学期'   ('2026-01-10' → '2025 年秋季学期')
 *   formatSince('2024-09-01')    → '2024 年秋季学期起'
 *   formatChange({ from: '2025-03-01', name: '普通高中国家助学金', before, after })
 *     → '2025 年春季学期起，普通高中国家助学金平均标准由 2000 元提高到 2300 元'
 *
 * Amount shapes follow `AmountEntry` in src/schema (basis, unit, value, range, instalments); the
 * engine's `Amount` (src/rules/evaluate.ts) fits `AmountLike` as is.
 */

/** How an amount is meant (see `Basis` in src/schema). */
export type Basis = 'fixed' | 'average' | 'up-to' | 'waiver' | 'per-school-day' | 'local' | 'service';
/** What the value counts (see `Unit` in src/schema). */
export type Unit = 'per-year' | 'per-school-day' | 'once' | 'none';
export type Confidence = 'high' | 'medium' | 'unconfirmed';

/** The part of an amount line that wording depends on. */
export interface AmountLike {
  basis: Basis;
  unit: Unit;
  /** 元 per unit; absent for waiver, local and service. */
  value?: number;
  /** For average: the span of local tiers (`confidence` when less sure than the value). */
  range?: { min: number; max: number; confidence?: Confidence };
  /** For waiver: full (default) or only up to the local public-school fee (民办学校). */
  waives?: 'full' | 'public-standard';
  /** For service: what the family gets, in words (default 「不是现金」). */
  headline?: string;
  /** The lowest figure a local body may set, and who: { value: 13000, who: '地方高校' } (per: 'hour' = 元/小时). */
  floor?: { value: number; who: string; per?: 'hour' };
  /** The most one student can get, 元 per unit. */
  cap?: number;
  /** Paid in this many equal parts a year (2 = 春、秋两学期各一半). */
  instalments?: number;
  confidence?: Confidence;
  /** Province, county or school sets the real figure. */
  local?: boolean;
}

/** Shown next to a figure whose confidence is not high. */
export const UNCONFIRMED = '未确认';
/** Where the 未确认 marker links (the explanation on /sources/), and what it says to a screen reader after 「这个数字」. */
export const UNCONFIRMED_HREF = '/sources/#confidence';
export const UNCONFIRMED_WHY = '还没有在政策原文里核实';
/** What the 未确认 marker means, said where a figure carries it and there is no link to the explanation (paper, source lists). */
export const UNCONFIRMED_MEANS = `标着「${UNCONFIRMED}」的，只有一个来源或是地方做法`;
/** Shown with a figure that province, county or school sets. */
export const LOCAL = '以当地公布为准';
/** The headline of a waiver a 民办 school gets at the public-school standard. */
export const PUBLIC_STANDARD = '按当地公办的标准免，民办收得更多的部分可能还要交';
/** A card's one figure for a waiver with 公办 and 民办 lines (src/components/posters/content.ts shortAmount). */
export const PRIVATE_WAIVER_SHORT = '公办全免；民办按公办标准免';

/** A number of 元 as digits, no thousands separator, at most 2 decimals: 2300 → '2300', 312.5 → '312.5'. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`不是有效的金额：${n}`);
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** '2300 元'. */
export function formatYuan(n: number): string {
  return `${formatNumber(n)} 元`;
}

/**
 * The main figure of an amount line, with its unit and basis:
 * fixed '1250 元/年' · average '2300 元/年（平均标准）' · up-to '每年最高 20000 元' or '最高 1000 元（一次性）' ·
 * per-school-day '每个在校日 5 元的营养餐' (food, never cash: FACTS §2) · once '1000 元（一次性）' · waiver '全免，不用交' ·
 * waiver at the public-school standard (民办学校) '按当地公办学校标准免，民办学校收得更多的部分可能还要交' ·
 * local '没有全国统一金额，以当地公布为准' · service: its `headline`, else '不是现金'.
 */
export function formatAmount(a: AmountLike): string {
  if (a.basis === 'waiver') return a.waives === 'public-standard' ? PUBLIC_STANDARD : '全免，不用交';
  if (a.basis === 'local') return `没有全国统一金额，${LOCAL}`;
  if (a.basis === 'service') return a.headline ?? '不是现金';
  if (a.value === undefined) throw new RangeError(`「${a.basis}」的金额缺少 value`);
  const v = formatNumber(a.value);
  if (a.basis === 'per-school-day' || a.unit === 'per-school-day') return `每个在校日 ${v} 元的营养餐`;
  if (a.unit === 'once') return a.basis === 'up-to' ? `最高 ${v} 元（一次性）` : `${v} 元（一次性）`;
  const perYear = a.unit === 'per-year';
  if (a.basis === 'up-to') return perYear ? `每年最高 ${v} 元` : `最高 ${v} 元`;
  const base = perYear ? `${v} 元/年` : `${v} 元`;
  return a.basis === 'average' ? `${base}（平均标准）` : base;
}

/**
 * The per-semester figure when a yearly amount is paid in parts: 2 parts → '每学期 625 元'
 * (average: '平均每学期 1150 元'); other counts → '分 4 次发，每次 500 元'; otherwise ''.
 */
export function formatPerInstalment(a: AmountLike): string {
  const n = a.instalments;
  if (!n || n < 2 || a.value === undefined || a.unit !== 'per-year') return '';
  if (a.basis !== 'fixed' && a.basis !== 'average') return '';
  const part = formatYuan(a.value / n);
  const avg = a.basis === 'average' ? '平均' : '';
  return n === 2 ? `${avg}每学期 ${part}` : `分 ${n} 次发，${avg}每次 ${part}`;
}

/**
 * For an average with tiers, the span with its unit, said once: '各地分档，每档在 1200–3500 元/年之间'
 * (with '（未确认）' when the span's own confidence is not high); otherwise ''.
 */
export function formatRange(a: AmountLike): string {
  if (!a.range) return '';
  const unit = a.unit === 'per-year' ? '元/年' : '元';
  const sure = a.range.confidence && a.range.confidence !== 'high' ? `（${UNCONFIRMED}）` : '';
  return `各地分档，每档在 ${formatNumber(a.range.min)}–${formatNumber(a.range.max)} ${unit}之间${sure}`;
}

/**
 * The floor and cap of an amount, with units: { value: 13000, who: '地方高校' } per-year →
 * '地方高校不低于 13000 元/年（省里定）'; { value: 12, who: '校内临时岗位', per: 'hour' } →
 * '校内临时岗位不低于 12 元/小时'; cap 20000 per-year → '每人最高不超过 20000 元/年'; otherwise ''.
 */
export function formatFloor(a: AmountLike): string {
  const unit = a.unit === 'per-year' ? '元/年' : '元';
  const parts: string[] = [];
  if (a.floor) parts.push(a.floor.per === 'hour' ? `${a.floor.who}不低于 ${formatNumber(a.floor.value)} 元/小时` : `${a.floor.who}不低于 ${formatNumber(a.floor.value)} ${unit}（省里定）`);
  if (a.cap !== undefined) parts.push(`每人最高不超过 ${formatNumber(a.cap)} ${unit}`);
  return parts.join('；');
}

/** Whether a figure needs the 未确认 marker (confidence medium or unconfirmed). */
export function isUnconfirmed(a: { confidence?: Confidence }): boolean {
  return a.confidence !== undefined && a.confidence !== 'high';
}

/**
 * One line for sentences and plain text (share text, posters): the figure, the per-semester figure,
 * 以当地公布为准 when local, and （未确认） when not confirmed.
 * '2300 元/年（平均标准），平均每学期 1150 元，以当地公布为准'
 */
export function formatAmountFull(a: AmountLike): string {
  const parts = [formatAmount(a), formatPerInstalment(a)];
  if (a.local && a.basis !== 'local') parts.push(LOCAL);
  let s = parts.filter(Boolean).join('，');
  if (isUnconfirmed(a)) s += `（${UNCONFIRMED}）`;
  return s;
}

function ymd(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`日期要写成 YYYY-MM-DD，收到的是「${iso}」`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** '2025-03-01' → '2025 年 3 月'. */
export function formatDate(iso: string): string {
  const [y, m] = ymd(iso);
  return `${y} 年 ${m} 月`;
}

/** '2025-03-01' → '2025 年 3 月 1 日'. */
export function formatDay(iso: string): string {
  const [y, m, d] = ymd(iso);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/**
 * The school semester a day falls in: February–July is the spring semester of that year; August–
 * December is the autumn semester; January still belongs to the previous year's autumn semester.
 */
export function semesterOf(iso: string): { year: number; term: 'spring' | 'autumn' } {
  const [y, m] = ymd(iso);
  if (m >= 2 && m <= 7) return { year: y, term: 'spring' };
  return m >= 8 ? { year: y, term: 'autumn' } : { year: y - 1, term: 'autumn' };
}

/** '2025-03-01' → '2025 年春季学期'; '2024-09-01' → '2024 年秋季学期'. */
export function semesterName(iso: string): string {
  const s = semesterOf(iso);
  return `${s.year} 年${s.term === 'spring' ? '春季' : '秋季'}学期`;
}

/**
 * When a dated value starts, as people say it: 03-01 → '2025 年春季学期起', 09-01 → '2024 年秋季学期起',
 * 01-01 → '2025 年起', another 1st → '2012 年 8 月起', any other day → '2022 年 1 月 24 日起'.
 */
export function formatSince(iso: string): string {
  const [y, m, d] = ymd(iso);
  if (d === 1 && (m === 3 || m === 9)) return `${semesterName(iso)}起`;
  if (d === 1 && m === 1) return `${y} 年起`;
  if (d === 1) return `${formatDate(iso)}起`;
  return `${formatDay(iso)}起`;
}

/**
 * The start of a history row: formatSince, or — when `from` is only where this site's records begin
 * (`recordedFrom`) — '本站资料从 2022 年起收录', never a false start.
 */
export function formatStart(iso: string, recordedFrom?: boolean): string {
  const since = formatSince(iso);
  return recordedFrom ? `本站资料从 ${since.replace(/起$/, '')}起收录` : since;
}

/** A dated change of one amount line. */
export interface AmountChange {
  /** First day of the new value. */
  from: string;
  /** Subsidy name, e.g. 普通高中国家助学金. */
  name: string;
  /** Which students the line is for (「本专科生」); a trailing （…） in `name` is then dropped. */
  label?: string;
  before: AmountLike;
  after: AmountLike;
}

function changeWhat(a: AmountLike): string {
  if (a.basis === 'average') return '平均标准';
  if (a.basis === 'up-to') return a.unit === 'per-year' ? '每年最高额度' : '最高额度';
  if (a.unit === 'per-school-day' || a.basis === 'per-school-day') return '每天标准';
  return '标准';
}

/**
 * One sentence for the 更新记录 page:
 * '2025 年春季学期起，普通高中国家助学金平均标准由 2000 元提高到 2300 元'
 * '2024 年秋季学期起，国家助学贷款（本专科生）每年最高额度由 16000 元提高到 20000 元'
 * When the kind of amount changes (e.g. a figure becomes 地方定): '…起，X改为：没有全国统一金额，…'.
 */
export function formatChange(c: AmountChange): string {
  const name = c.label ? `${c.name.replace(/（[^（）]*）$/, '')}（${c.label}）` : c.name;
  const since = formatSince(c.from);
  const { before: b, after: a } = c;
  const comparable = b.value !== undefined && a.value !== undefined && b.unit === a.unit && b.basis === a.basis;
  if (!comparable) return `${since}，${name}改为：${formatAmount(a)}`;
  const verb = a.value! > b.value! ? '提高到' : a.value! < b.value! ? '降低到' : '调整为';
  return `${since}，${name}${changeWhat(a)}由 ${formatYuan(b.value!)}${verb} ${formatYuan(a.value!)}`;
}
