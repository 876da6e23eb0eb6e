/**
 * The family's application months: for the coming 12 months, which child applies for what, from each
 * result's `months` (the months of the subsidy's application window in force, src/rules/timing.ts). Pure; the wizard
 * turns this into an .ics file (src/islands/wizard/ics-file.ts) and a printed month strip.
 *
 *   applicationMonths(familyEvaluation)
 *     → [{ date: '2027-09-01', year: 2027, month: 9, items: [{ child: 0, label: '老大', id: 'living-allowance', … }] }]
 *
 * Only results the family applies for (可以申请) or may apply for (可能可以, `maybe: true`) count;
 * 自动享受 needs no application. Subsidies without a window (no month named) are not in the calendar
 * (the results page says when in words), nor is a 新生 window that is over for this child, nor a month
 * whose applications are for a school year the child is no longer in its stage (src/rules/leaving.ts
 * afterLeaving, the same day 接下来几年 says 不再有): a 高三 student in December applies in 3 月 (补报),
 * not in next 9 月. Applications from June on are for the coming school year (生源地贷款 in 7–8 月, as
 * src/rules/timing.ts counts a 新生's year from June). With `next` (NextStage, per child), the months
 * after the child leaves hold its next stage's applications instead (each way's: 初三 has two), each led by
 * the way's condition.
 */
import type { FamilyEvaluation } from './family-eval.ts';
import type { Dataset } from '../schema/index.ts';
import type { Region } from '../schema/region.ts';
import type { EvaluateOptions, Result } from './evaluate.ts';
import { afterLeaving, schoolYearOf } from './leaving.ts';
import { evaluateInRegion } from './regions.ts';
import type { TimelineStep } from './timeline.ts';

export interface CalendarItem {
  /** Index of the child in the family. */
  child: number;
  /** 「老大」「孩子 2」. */
  label: string;
  /** Subsidy id and name (with the way's condition before it on the child's first item of that way: see `next`). */
  id: string;
  name: string;
  /** The subsidy's name alone (「普通高中国家助学金」), for a view that prints the condition once per group. */
  plain: string;
  /** Where to apply (the subsidy's `apply.where`). */
  where: string;
  /** When, in words (the window's text, as the results page says it). */
  when: string;
  /** true for a 「可能可以」 result. */
  maybe: boolean;
  /** For the next stage (NextStage): the way's condition, 「考上大学（含高职）的话」, which also leads the `name` of the child's first item of that way in the month. */
  next?: string;
}

/**
 * One way a child goes on from its last grade (接下来几年's school step into a new stage: 高三 → 大学一年级
 * 「考上大学（含高职）的话」; 初三 → 普高 「上普通高中的话」 or 中职 「上中职的话」; 大班 → 「升入小学一年级后」):
 * that stage's results evaluated on the first day its applications can be for (1 June of the leaving
 * year, or today if later), so a 高三 family sees 生源地贷款 and 新生入学资助 in 7–8 月 and a 大班 family
 * the 小学's 9 月 instead of no month at all.
 */
export interface NextStage {
  results: readonly Pick<Result, 'id' | 'name' | 'status' | 'months' | 'apply'>[];
  /** The way's condition (the timeline option's note), or 「升入小学一年级后」 (its title) where there is none. */
  note: string;
  /** The year the next stage's first school year starts (its months are June of it to May after). */
  year: number;
}

export interface CalendarMonth {
  /** First day of the month, YYYY-MM-01. */
  date: string;
  year: number;
  /** 1–12. */
  month: number;
  items: CalendarItem[];
}

/**
 * Each way of a child's first step into a new stage (timeline steps, src/rules/timeline.ts), as a
 * NextStage; [] when the timeline has none (本专科、研究生).
 *
 *   nextStages(dataset, regions, timeline(…, 高三, { date: '2026-12-04' }), { date: '2026-12-04' })
 *     → [{ note: '考上大学（含高职）的话', year: 2027, results: [生源地贷款 months [7, 8, 9], 新生入学资助 [7, 8], …] }]
 *   初三 → [{ note: '上普通高中的话', … }, { note: '上中职的话', … }]; 大班 → [{ note: '升入小学一年级后', … }]
 */
export function nextStages(data: Dataset, regions: readonly Region[], steps: readonly TimelineStep[], options: EvaluateOptions): NextStage[] {
  const st = steps.find((s) => s.newStage);
  if (!st) return [];
  const on = `${st.date.slice(0, 4)}-06-01`;
  const date = on > options.date ? on : options.date;
  return st.options.map((w) => ({ note: w.note ?? `${w.title}后`, year: Number(on.slice(0, 4)), results: evaluateInRegion(data, regions, w.answers, { ...options, date }).results }));
}

/** The months from `fe.date`'s month on (this month included) for `months` months (default 12) in which someone applies. */
export function applicationMonths(fe: FamilyEvaluation, months = 12, next: readonly (readonly NextStage[])[] = []): CalendarMonth[] {
  const y0 = Number(fe.date.slice(0, 4));
  const m0 = Number(fe.date.slice(5, 7));
  const out: CalendarMonth[] = [];
  for (let k = 0; k < months; k++) {
    const month = ((m0 - 1 + k) % 12) + 1;
    const year = y0 + Math.floor((m0 - 1 + k) / 12);
    const items: CalendarItem[] = [];
    fe.children.forEach((c, child) => {
      // After the child leaves its stage: each way's months of its first school year (the way's
      // condition leads its first item of the month for this child).
      const ways = afterLeaving(c.answers, fe.date, year, month) ? (next[child] ?? []).filter((n) => schoolYearOf(year, month) === n.year) : [undefined];
      for (const n of ways) {
        for (const r of n ? n.results : c.evaluation.results) {
          if (r.status !== 'apply' && r.status !== 'conditional') continue;
          if (!r.months.includes(month)) continue;
          const lead = n && !items.some((x) => x.child === child && x.next === n.note);
          items.push({ child, label: c.label, id: r.id, name: lead ? `${n.note}：${r.name}` : r.name, plain: r.name, where: r.apply.where, when: r.apply.when, maybe: r.status === 'conditional', ...(n && { next: n.note }) });
        }
      }
    });
    if (items.length) out.push({ date: `${year}-${String(month).padStart(2, '0')}-01`, year, month, items });
  }
  return out;
}
