/**
 * The order a family reads results in, and the summary line. Pure.
 *
 * Groups, in order:
 *   cash    money the child can get now (自动享受 or 可以申请, still in this year's window): grants
 *           first, then one-off money, then compensation, then loans;
 *   help    fees waived, books, meals, 绿色通道, 勤工助学 jobs;
 *   maybe   「可能可以」, still in this year's window;
 *   passed  would qualify (or might) but this year's application time is over;
 *   out     这次不符合.
 *
 *   summaryLine(results) → 「可以申请：国家助学金（平均 3700 元/年）、国家助学贷款（每年最多 20000 元）；自动享受：…」
 * Each figure is one result's own amount with its unit: nothing is ever added up (a loan and a
 * grant, yearly and one-off money, 元/年 and 元/天 are different things).
 */
import type { Amount, Result } from './evaluate.ts';
import { formatNumber } from '../lib/format.ts';
import { stillPossible } from './timing.ts';

export type Group = 'cash' | 'help' | 'maybe' | 'passed' | 'out';
export const GROUPS: Group[] = ['cash', 'help', 'maybe', 'passed', 'out'];

/** Whether the amount is money paid to the family (a figure with a unit, not meals or books). */
export function isCash(r: Pick<Result, 'amount' | 'delivery'>): boolean {
  const a = r.amount;
  if (!a || a.value === undefined || a.unit === 'none') return false;
  return !['meals', 'in-kind', 'waived-at-enrolment', 'school-service'].includes(r.delivery.form);
}

export function groupOf(r: Pick<Result, 'status' | 'amount' | 'delivery' | 'timing'>): Group {
  if (r.status === 'ineligible') return 'out';
  if (!stillPossible(r.timing)) return 'passed';
  if (r.status === 'conditional') return 'maybe';
  return isCash(r) ? 'cash' : 'help';
}

/** Within cash: gifts before money that is paid back or earned by service. */
const CASH_RANK: Record<string, number> = { 'aid-card': 0, 'one-off': 1, compensation: 2, 'bank-loan': 3 };
const STATUS_RANK: Record<string, number> = { automatic: 0, apply: 1, conditional: 2, ineligible: 3 };

/** Results in reading order (stable: data order breaks ties). */
export function orderResults<T extends Result>(results: T[]): T[] {
  const key = (r: T) => [GROUPS.indexOf(r.group), r.group === 'cash' ? CASH_RANK[r.delivery.form] ?? 4 : 0, STATUS_RANK[r.status]!];
  return results
    .map((r, i) => ({ r, i, k: key(r) }))
    .sort((x, y) => x.k[0]! - y.k[0]! || x.k[1]! - y.k[1]! || x.k[2]! - y.k[2]! || x.i - y.i)
    .map((x) => x.r);
}

/** A result's figure as short words for the summary line: 「平均 3700 元/年」「每年最多 20000 元」「一次性最多 1000 元」. */
export function shortFigure(a: Amount | null): string {
  if (!a || a.value === undefined) return '';
  const v = formatNumber(a.value);
  if (a.unit === 'per-school-day') return `每个在校日 ${v} 元的营养餐`;
  if (a.unit === 'once') return a.basis === 'up-to' ? `一次性最多 ${v} 元` : `一次性 ${v} 元`;
  if (a.basis === 'up-to') return `每年最多 ${v} 元`;
  return a.basis === 'average' ? `平均 ${v} 元/年` : `${v} 元/年`;
}

/** Short name: the official name without a trailing （…）. */
const shortName = (n: string) => n.replace(/（[^（）]*）$/, '');

/**
 * The summary line, leading with what matters: what the family can apply for now (with each figure),
 * what comes without applying, then how many are 「可能可以」 and how many have passed this year.
 */
export function summaryLine(results: readonly Result[]): string {
  // Several lines that could apply (住校 不确定: 寄宿 1500 or 走读 750): each figure, smallest first, never the top one alone.
  const figure = (r: Result) => {
    if (r.alternatives.length < 2) return shortFigure(r.amount);
    const byValue = r.alternatives.slice().sort((x, y) => (x.value ?? 0) - (y.value ?? 0));
    return [...new Set(byValue.map(shortFigure))].join('或').replace(/或(?=\d)/g, '或 ');
  };
  const item = (r: Result) => { const f = figure(r); return f && r.group === 'cash' ? `${shortName(r.name)}（${f}）` : shortName(r.name); };
  const now = results.filter((r) => r.group === 'cash' || r.group === 'help');
  const parts: string[] = [];
  const apply = now.filter((r) => r.status === 'apply');
  const auto = now.filter((r) => r.status === 'automatic');
  if (apply.length) parts.push(`可以申请：${apply.map(item).join('、')}`);
  if (auto.length) parts.push(`不用申请就有：${auto.map(item).join('、')}`);
  const maybe = results.filter((r) => r.group === 'maybe').length;
  const passed = results.filter((r) => r.group === 'passed').length;
  if (maybe) parts.push(`可能可以 ${maybe} 项`);
  if (passed) parts.push(`今年申请时间已过 ${passed} 项`);
  if (!parts.length) return '这次没有符合条件的项目。';
  return `${parts.join('；')}。`;
}
