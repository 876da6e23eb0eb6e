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
 * src/rules/timing.ts counts a 新生's year from June).
 */
import type { FamilyEvaluation } from './family-eval.ts';
import { afterLeaving } from './leaving.ts';

export interface CalendarItem {
  /** Index of the child in the family. */
  child: number;
  /** 「老大」「孩子 2」. */
  label: string;
  /** Subsidy id and name. */
  id: string;
  name: string;
  /** Where to apply (the subsidy's `apply.where`). */
  where: string;
  /** When, in words (the window's text, as the results page says it). */
  when: string;
  /** true for a 「可能可以」 result. */
  maybe: boolean;
}

export interface CalendarMonth {
  /** First day of the month, YYYY-MM-01. */
  date: string;
  year: number;
  /** 1–12. */
  month: number;
  items: CalendarItem[];
}

/** The months from `fe.date`'s month on (this month included) for `months` months (default 12) in which someone applies. */
export function applicationMonths(fe: FamilyEvaluation, months = 12): CalendarMonth[] {
  const y0 = Number(fe.date.slice(0, 4));
  const m0 = Number(fe.date.slice(5, 7));
  const out: CalendarMonth[] = [];
  for (let k = 0; k < months; k++) {
    const month = ((m0 - 1 + k) % 12) + 1;
    const year = y0 + Math.floor((m0 - 1 + k) / 12);
    const items: CalendarItem[] = [];
    fe.children.forEach((c, child) => {
      if (afterLeaving(c.answers, fe.date, year, month)) return;
      for (const r of c.evaluation.results) {
        if (r.status !== 'apply' && r.status !== 'conditional') continue;
        if (!r.months.includes(month)) continue;
        items.push({ child, label: c.label, id: r.id, name: r.name, where: r.apply.where, when: r.apply.when, maybe: r.status === 'conditional' });
      }
    });
    if (items.length) out.push({ date: `${year}-${String(month).padStart(2, '0')}-01`, year, month, items });
  }
  return out;
}
