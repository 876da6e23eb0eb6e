/**
 * Words for the family results (issue 17), shared by the page (./Family.tsx), the saved image
 * (./family-image.ts) and the calendar file (./ics-file.ts), so all three say the same thing. Only
 * wording: what counts, for whom and when is decided by the engine (src/rules/family-eval.ts,
 * timeline.ts, calendar.ts); figures come from its results, worded by src/lib/format.ts.
 */
import type { Result } from '../../rules/evaluate.ts';
import type { Amount } from '../../rules/lines.ts';
export { childHeading } from './lib.ts';
import type { ChildEvaluation, FamilyDoc, FamilyEvaluation, GrantSum, MoneyKind } from '../../rules/family-eval.ts';
import type { TimelineChange, TimelineStep } from '../../rules/timeline.ts';
import { formatAmount, formatNumber, formatPerInstalment, isUnconfirmed, LOCAL, UNCONFIRMED } from '../../lib/format.ts';

/** Headings for what is not added up (never turned into money). */
export const KIND_WORDS: Record<Exclude<MoneyKind, 'grant'>, string> = {
  scholarship: '奖学金（评上才有，没有算进合计）',
  once: '一次性的资助',
  loan: '助学贷款（要还，不是补助）',
  waiver: '免交的费用（不收钱，不是发钱）',
  'in-kind': '免费发的东西',
  meals: '学校供餐',
  service: '学校给的帮助',
  compensation: '以后补偿学费或代还贷款',
  local: '有这项资助，金额由当地定',
};

/** A figure with （未确认） when its confidence is not high (as on the stage page and the cards). */
const figure = (a: Amount) => `${formatAmount(a)}${isUnconfirmed(a) ? `（${UNCONFIRMED}）` : ''}`;

/** One result's figure in words: its line, or every line when an answer was 「不确定」. */
export function amountText(r: Result): string {
  if (r.alternatives.length > 1) return r.alternatives.map((a) => `${a.label ? `${a.label} ` : ''}${figure(a)}`).join('；');
  if (!r.amount) return '';
  const sem = formatPerInstalment(r.amount);
  return `${figure(r.amount)}${sem ? `，${sem}` : ''}`;
}

/** A yearly sum in words: 「2750 元/年」, with 约 and 以当地公布为准 when a part is an average or set locally (never 「按国家标准」: a figure may be the province's or the county's, as the card says). */
export function sumText(s: GrantSum): string {
  return s.approx ? `约 ${formatNumber(s.total)} 元/年（${LOCAL}）` : `${formatNumber(s.total)} 元/年`;
}

/** The names of a child's results by id. */
const namesOf = (c: ChildEvaluation, ids: readonly string[]) => ids.map((id) => c.evaluation.results.find((r) => r.id === id)!.name);

/**
 * The money block as lines: each child's sum and what it adds, then each grant the child can apply for
 * whose figure waits on a 「不确定」 answer (both figures: it is certain, only the amount is not; the
 * engine's `unsure`), the family's total, then what is not added, by kind, and the 「可能可以」 ones.
 */
export function moneyLines(fe: FamilyEvaluation): { sums: string[]; total: string | null; apart: string[]; maybe: string[] } {
  const many = fe.children.length > 1;
  const sums = fe.children.flatMap((c) => {
    const who = many ? `${c.label}：` : '';
    const out = c.money.sum ? [`${who}${sumText(c.money.sum)}（${c.money.counted.map((x) => x.name).join('、')}）`] : [];
    for (const r of c.evaluation.results) if (c.money.unsure.includes(r.id)) out.push(`${who}${r.name}：${amountText(r)}（可以申请，金额看孩子属于哪一种，没有加在一起${r.local ? `；${LOCAL}` : ''}）`);
    return out.length ? out : [`${who}没有可以加在一起的每年助学金或生活补助`];
  });
  const total = many && fe.money.sum ? `全家合计 ${sumText(fe.money.sum)}` : null;
  const apart: string[] = [];
  for (const kind of Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]) {
    const who = fe.children.map((c) => [c, c.money.apart[kind] ?? []] as const).filter(([, ids]) => ids.length);
    if (who.length) apart.push(`${KIND_WORDS[kind]}：${who.map(([c, ids]) => `${many ? `${c.label} ` : ''}${namesOf(c, ids).join('、')}`).join('；')}`);
  }
  const maybe = fe.children.filter((c) => c.money.maybe.length).map((c) => `${many ? `${c.label} ` : ''}${namesOf(c, c.money.maybe).join('、')}`);
  return { sums, total, apart, maybe };
}

/** A checklist line: 「户口簿：两个孩子都要」 (or just the name in a family of one). */
export function docLine(d: FamilyDoc): string {
  return d.forWhom ? `${d.doc.name}：${d.forWhom}` : d.doc.name;
}

/** A per-child document line: 「《认定申请表》（每个孩子一份）」. */
export function ownDocLine(d: FamilyDoc, many: boolean): string {
  return many ? `${d.doc.name}（${d.forWhom.replace(/要$/, '')}自己的一份）` : d.doc.name;
}

/** One change of a timeline step in words: 「义务教育家庭经济困难学生生活补助：初中寄宿生 1500 元/年；…」. */
export function changeText(ch: TimelineChange): string {
  if (ch.kind === 'gone') return `${ch.name}：不再有`;
  const r = ch.after!;
  const fig = amountText(r);
  const maybe = r.status === 'conditional' ? '（可能可以，要看情况）' : '';
  return `${ch.name}${fig ? `：${fig}` : ''}${maybe}`;
}

/** A timeline step's lines: 「明年 9 月升入初中一年级」 then each way's changes (new and changed first, 不再有 last). */
export function stepLines(st: TimelineStep): { head: string; ways: { title: string; lines: string[] }[] } {
  // Several ways on (初中 → 普通高中 or 中职): 「2029 年 9 月升入普通高中一年级或升入中职一年级」 (the child
  // finishes in summer and starts the next school in September).
  const head = `${st.when}${st.options.map((o) => o.title).join('或')}`;
  const ways = st.options.map((o) => ({
    title: st.options.length > 1 || o.note ? `${o.note ?? ''}${o.note ? '，' : ''}${o.title}` : '',
    lines: [...o.changes.filter((c) => c.kind !== 'gone'), ...o.changes.filter((c) => c.kind === 'gone')].map(changeText),
  }));
  return { head, ways };
}
