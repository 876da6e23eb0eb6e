/**
 * The school year's clock: whether a subsidy's application window (`Subsidy.windows`, dated and
 * sourced) is open on the evaluation date. Pure: the date is an argument.
 *
 *   timingOf(windows, { grade: 1 }, '2026-12-01')
 *     → { state: 'passed', message: '今年的申请时间已过（7–9 月），明年 7 月再申请', … }
 *
 * States: open (in the window) · soon (the window opens within 2 months: still this year's chance) ·
 * catchup (the window's first month is past, a later month of the same school year is ahead, e.g.
 * 3 月 of [9, 3] in December: a 补报 month, where who applied in 9 月 and is being paid does nothing and
 * who did not can still apply; or, for a window `everySemester`, the next semester's own round; still
 * this year's chance, so the result stays with what the family can get) · kept (a window `keeps`,
 * outside its months: who has it keeps it, who has not applies next time; stays with what the family
 * can get) · passed (this
 * year's window is over; it comes back next year) · over (a window only for 新生, over for good).
 */
import type { ApplyWindow, Source, Subsidy } from '../schema/index.ts';
import type { Answers } from './answers.ts';
import { WHEN_UNKNOWN } from '../schema/words.ts';
import { inForce } from './lines.ts';
import { afterLeaving, mayHaveLeft } from './leaving.ts';
import { formatDay } from '../lib/format.ts';

/**
 * open: in the window; soon: it opens within 2 months; catchup: 补报 or the next semester's round;
 * kept: who has it keeps it; ask: outside months that are not the whole story (ApplyWindow.outside:
 * another route, or months the sources do not confirm), so the family asks; passed: wait for next
 * year's window; over: gone for good (a 新生 window after it, a stage the child will have left).
 */
export type TimingState = 'open' | 'soon' | 'catchup' | 'kept' | 'ask' | 'passed' | 'over';

export interface Timing {
  state: TimingState;
  /** The window in words, e.g. 「7–9 月」. */
  window: string;
  /** One Chinese sentence for the family, e.g. 「现在正是申请时间（7–9 月）」「今年的申请时间已过（7–9 月），明年 7 月再申请」. */
  message: string;
  confidence: ApplyWindow['confidence'];
  source: Source | undefined;
}

const monthOf = (iso: string) => Number(iso.slice(5, 7));

/** Months from `m` forward to the next month in `months` (0 when `m` is in it). */
function monthsUntil(m: number, months: readonly number[]): number {
  for (let k = 0; k < 12; k++) if (months.includes(((m - 1 + k) % 12) + 1)) return k;
  return 12;
}

/**
 * The window in force on `date` and where the date stands in it; undefined when the subsidy has no
 * window (given without applying, or any time). A 新生 window (`freshman`) counts from June: the
 * summer before the first autumn is still ahead, the months after it are over for good.
 */
export function timingOf(windows: readonly ApplyWindow[], a: Answers, date: string, sources: Map<string, Source>): Timing | undefined {
  const w = inForce(windows, date);
  if (!w) return undefined;
  const m = monthOf(date);
  const base = { window: w.text, confidence: w.confidence, source: sources.get(w.source) };
  const y = Number(date.slice(0, 4));
  const gone = (when: string) => ({ ...base, state: 'over' as const, message: `${when}（${w.text}）；孩子那时已经升学，不用再等，看「接下来几年」` });
  // 大四 of a 4-year 本科, 大三 of 专科: the next school year may be after graduation (the wizard does not ask 学制).
  const maybe = (yr: number, mo: number) => (mayHaveLeft(a, date, yr, mo) ? '；孩子如果这个学年就毕业，就不用再申请了' : '');
  if (w.months.includes(m)) return afterLeaving(a, date, y, m) ? gone('现在申请的是下一学年的') : { ...base, state: 'open', message: `现在正是申请时间（${w.text}）${maybe(y, m)}` };
  const k = monthsUntil(m, w.months);
  const next = ((m - 1 + k) % 12) + 1;
  if (w.freshman) {
    // The freshman year, counted from June: before the window is still ahead, after it is over.
    const idx = (x: number) => (x + 12 - 6) % 12;
    const first = Math.min(...w.months.map(idx));
    if (idx(m) < first) return { ...base, state: 'soon', message: `${next} 月开始申请（${w.text}），先准备好材料` };
    if (w.outside) return { ...base, state: 'ask', message: `只在刚考上、入学的时候申请（${w.text}）；${w.outside}` };
    return { ...base, state: 'over', message: `只在刚考上、入学的时候申请（${w.text}），已经过了` };
  }
  // The next month is a 补报 month (a later month of the window, e.g. 3 in [9, 3]): who applied in the
  // first month does not apply again; who did not, can still, this school year.
  const year = next < m ? '明年 ' : '';
  // The next application is for a school year the child has left the stage by (高三、初三、大班 after
  // the last 补报 month; a window open in the summer after the last grade): nothing to wait for;
  // 接下来几年 says what the next stage has.
  const ny = y + (next < m ? 1 : 0);
  // A standing waiver (`keeps`): who has it keeps it; only who has not waits (a first-year student in
  // the summer before starting has nothing yet: 「9 月开始申请」 below).
  if (w.keeps && !(k <= 2 && a.grade === 1)) {
    return { ...base, state: 'kept', message: `已经在享受的，不用再申请（${w.text}）；还没享受的，${afterLeaving(a, date, ny, next) ? '问问学校这学年还能不能办' : `${year}${next} 月再申请`}` };
  }
  if (afterLeaving(a, date, ny, next)) return gone(`今年的申请时间已过，下一次是${year || ' '}${next} 月`);
  // Months that are not the whole story (`outside`): not passed; when they come back, and what else.
  if (w.outside) return { ...base, state: 'ask', message: `${year}${next} 月再申请（${w.text}）；${w.outside}${maybe(ny, next)}` };
  if (next !== w.months[0]) {
    return { ...base, state: 'catchup', message: w.everySemester
      ? `这学期的申请时间已过，下学期开学后（${year}${next} 月）再申请；${w.text}`
      : `还没申请的，${year}${next} 月还可以补报；${w.months[0]} 月已经申请、正在享受的，这学年不用再申请` };
  }
  if (k <= 2) return { ...base, state: 'soon', message: `${next} 月开始申请（${w.text}），先准备好材料${maybe(ny, next)}` };
  return { ...base, state: 'passed', message: `今年的申请时间已过（${w.text}），${year}${next} 月再申请${maybe(ny, next)}` };
}

/**
 * The heading over where to apply, as every face says it: 「去哪里申请」 where the family may have to
 * apply, 「要不要申请」 where it is given without applying (the text under it then says 「不用申请」).
 *
 *   applyLabel(false) → '要不要申请'
 */
export const applyLabel = (applies: boolean): string => (applies ? '去哪里申请' : '要不要申请');

/**
 * `apply.where` for one given without applying: as written where it says 「不用申请」 already, else
 * who does it (a subsidy some apply for and others get as of right, e.g. 中职免学费).
 *
 *   applyNone('孩子就读的中职学校') → '不用申请，孩子就读的中职学校会办理'
 */
export const applyNone = (where: string): string => (where.startsWith('不用申请') ? where : `不用申请，${where}会办理`);

/**
 * When to apply, in words, as every face says it: the text of the window in force on `date`
 * (`Subsidy.windows`), else the subsidy's `apply.when` (written only where there is no window;
 * src/schema checks that the two are never both written), else 「按学校、县里的通知」.
 *
 *   applyWhen(higherGrant, '2026-12-01') → '每学年秋季开学后的 9 月'
 */
export function applyWhen(s: Pick<Subsidy, 'apply' | 'windows'>, date: string): string {
  return inForce(s.windows ?? [], date)?.text ?? s.apply.when ?? WHEN_UNKNOWN;
}

/**
 * The calendar months applications are taken in on `date` (the window in force; [] without one), for
 * the family's month strip and calendar file. A 新生 window whose time is over for this child (`over`)
 * gives [].
 */
export function applyMonths(s: Pick<Subsidy, 'windows'>, timing: Timing | undefined, date: string): number[] {
  if (timing?.state === 'over') return [];
  const w = inForce(s.windows ?? [], date);
  // A 新生 window after it (state ask, ApplyWindow.outside) does not come back for this child either:
  // next July is next year's freshmen's.
  if (w?.freshman && timing?.state === 'ask') return [];
  return [...(w?.months ?? [])];
}

/** Whether the family can still act on it this year (open, soon or a 补报 month ahead, or no window at all). */
export const stillPossible = (t: Timing | undefined): boolean => !t || (t.state !== 'passed' && t.state !== 'over');

/** A day this many days or more after the data's check day is too far on to call the policy 「在用的」. */
export const STALE_AFTER_DAYS = 365;

/**
 * The line under a result that says which policy it was worked out by: 「按 2026 年 12 月 2 日在用的政策算出。」.
 * `checked` (YYYY-MM-DD) is the day the site's data were last checked (the wizard's `floor`); when the
 * evaluation day is STALE_AFTER_DAYS or more after it (a phone clock years ahead, a site not rebuilt),
 * the line says so instead of presenting old data as current:
 * 「本站资料核对于 2026 年 11 月 29 日，已经过了一年多，政策可能调整过，以学校和当地资助中心的通知为准。」
 */
export function asOfLine(date: string, checked?: string): string {
  const days = checked ? (Date.parse(date) - Date.parse(checked)) / 86400000 : 0;
  return days >= STALE_AFTER_DAYS
    ? `本站资料核对于 ${formatDay(checked!)}，已经过了一年多，政策可能调整过，以学校和当地资助中心的通知为准。`
    : `按 ${formatDay(date)}在用的政策算出。`;
}
