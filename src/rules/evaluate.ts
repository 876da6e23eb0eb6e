/**
 * The eligibility engine: answers + date in, one result per subsidy of the chosen stage out, each with
 * its status, the amount in force on that date, the reason, how it is paid, the documents and sources.
 * Pure: no clock (the date is an argument), no UI, no I/O. Data comes in as a validated `Dataset`.
 */
import type { AmountEntry, Dataset, DocumentInfo, RuleEntry, Source, Stage, Subsidy } from '../schema/index.ts';
import type { Answers } from './answers.ts';
import { evaluateCondition, makeTerms, type TermLookup } from './conditions.ts';
import { judgeRule, ruleConditions } from './paths.ts';
import { applyLabel, applyMonths, applyNone, applyWhen, asOfLine, timingOf, type Timing } from './timing.ts';
import { groupOf, orderResults, summaryLine, type Group } from './order.ts';
import { PUBLIC_STANDARD } from '../lib/format.ts';
import { amountHistories, inForce, toAmount, type Amount, type RegionTag } from './lines.ts';
import { isIsoDay } from '../lib/today.ts';
import { subsidiesFor } from './stages.ts';
import { askTeacher } from './ask.ts';
import { howFor, localNoteFor, nameFor, notesFor, summaryFor } from './names.ts';

export type { Timing, Group };

/**
 * automatic = given without applying · apply = qualifies if the family applies (and passes 家庭经济困难
 * 学生认定 where required) · conditional = depends on what the answers cannot settle · ineligible.
 */
export type Status = 'automatic' | 'apply' | 'conditional' | 'ineligible';

export type { Amount, RegionTag };
export { inForce };

export interface Result {
  id: string;
  name: string;
  summary: string;
  status: Status;
  /** The amount for this child on the date; null if the subsidy has no value in force then. */
  amount: Amount | null;
  /** When an answer was 「不确定」 and lines differ (寄宿 vs 走读): every line that could apply. */
  alternatives: Amount[];
  /** One Chinese sentence: why this status. */
  reason: string;
  met: string[];
  missed: string[];
  unknown: string[];
  /** Plain summary of who qualifies under the rules in force. */
  who: string;
  delivery: Subsidy['delivery'];
  /**
   * Where, when (src/rules/timing.ts applyWhen: the window in force, in words) and how to apply;
   * `label` heads `where` (applyLabel: 「去哪里申请」, or 「要不要申请」 where nothing is applied for,
   * and `where` then begins 「不用申请」: applyNone).
   */
  apply: { label: string; where: string; when: string; how: string };
  /** The months applications are taken in (the window in force; [] without one, or once a 新生 window is over). */
  months: number[];
  /** Ids of the documents this child needs for this subsidy (empty when ineligible or automatic with none). */
  documents: string[];
  /** The way of qualifying that applies (RuleEntry.paths), when the subsidy has several. */
  path?: { id: string; label: string };
  /** Where the date stands in this year's application window; absent when there is none to keep. */
  timing?: Timing;
  /** The reading group (src/rules/order.ts): cash now, other help, 可能可以, passed this year, 不符合. */
  group: Group;
  sources: Source[];
  local: boolean;
  localNote?: string;
  /**
   * 「去学校可以这样问」 (src/rules/ask.ts): what the parent can say to the class teacher, for a 「可能可以」
   * result (from the conditions still unknown) or a figure set locally; '' otherwise.
   */
  ask: string;
  notes: string[];
  lastVerified: string;
  /** Set for a programme only this region (or a parent region) has. */
  region?: RegionTag;
}

export interface ChecklistItem {
  doc: DocumentInfo;
  /** Ids of the (non-ineligible) subsidies that need it, in result order. */
  /** The document's note when it is true for this stage (DocumentInfo.noteStages). */
  note?: string;
  neededFor: string[];
  /**
   * true when only 「可能可以」 (conditional) results need it: the family brings it only if what those
   * results depend on applies (e.g. 入伍通知书 for 服兵役国家教育资助). Such items come last.
   */
  maybe: boolean;
}

export interface Evaluation {
  date: string;
  stage?: Stage;
  /**
   * Every subsidy of the stage, including ineligible ones, in the order a family reads them
   * (src/rules/order.ts): cash now, other help, 可能可以, passed this year, 不符合; within a
   * group, the data's `order:`.
   */
  results: Result[];
  /** One line leading with what the family can get now and each figure (never a total). */
  summary: string;
  /** The merged, de-duplicated documents checklist: what is needed for sure first, then the `maybe` items. */
  documents: ChecklistItem[];
  /** Answers the engine still needs before it can say anything (only `stage` blocks everything). */
  missing: ('stage')[];
  /** Which policy this was worked out by, one sentence (timing.ts asOfLine: 在用的, or 资料核对于… when stale). */
  asOf: string;
}

export interface EvaluateOptions {
  /** The day to evaluate for, `YYYY-MM-DD`. */
  date: string;
  /** Region code; regional overrides are applied by evaluateInRegion (src/rules/regions.ts), not here. */
  region?: string;
  /** The day the data were last checked (`YYYY-MM-DD`, the wizard's `floor`); words `asOf`. */
  checked?: string;
}

export class EvaluateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluateError';
  }
}

type Match = 'yes' | 'maybe' | 'no';

/**
 * Whether an amount line's `when` fits the answers: every key must match (`stages`; a choice question
 * of the table by value list, e.g. `degree: [doctor]`, or by yes/no, e.g. `boarding: yes`); an answer
 * that is missing or 不确定 makes it 'maybe'.
 */
function whenMatches(w: AmountEntry['when'], a: Answers): Match {
  if (!w) return 'yes';
  let m: Match = 'yes';
  if (w.stages && !(a.stage && w.stages.includes(a.stage))) return 'no';
  for (const [k, want] of Object.entries(w)) {
    if (k === 'stages' || k === 'label' || want === undefined) continue;
    const v = (a as Record<string, unknown>)[k];
    if (v === undefined || v === 'unknown') m = 'maybe';
    else if (Array.isArray(want) ? !(want as unknown[]).includes(v) : v !== want) return 'no';
  }
  return m;
}

/** Amount lines in force on `date` for these answers: the definite one, or every possible one. */
function amountsFor(s: Subsidy, a: Answers, date: string, sources: Map<string, Source>): Amount[] {
  const yes: Amount[] = [];
  const maybe: Amount[] = [];
  for (const entries of amountHistories(s)) {
    const e = inForce(entries, date);
    if (!e) continue;
    const m = whenMatches(e.when, a);
    if (m === 'no') continue;
    (m === 'yes' ? yes : maybe).push(toAmount(s, e, (id) => sources.get(id)!));
  }
  return yes.length ? yes : maybe;
}

function zhDate(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月`;
}

/**
 * The 依据 of a rule version for these answers: the path's own `source` when the result is reached by
 * one path (or every path still possible shares one), else the rule's.
 */
function ruleSource(rule: RuleEntry, j: { path?: { source?: string }; possible: string[] }): string {
  if (j.path) return j.path.source ?? rule.source;
  const own = [...new Set((rule.paths ?? []).filter((p) => j.possible.includes(p.id)).map((p) => p.source ?? rule.source))];
  return own.length === 1 ? own[0]! : rule.source;
}

function evaluateSubsidy(s: Subsidy, a: Answers, date: string, t: TermLookup, sources: Map<string, Source>, glossary: Dataset['glossary']): Omit<Result, 'group'> {
  const rule = inForce(s.rules, date);
  const j = rule ? judgeRule(rule, s.grant, a, t) : { status: 'ineligible' as const, possible: [], met: [], missed: [], unknown: [] };
  const { met, missed, unknown } = j;
  if (!rule) {
    const first = s.rules[0]!;
    missed.push(first.recordedFrom ? `本站资料从 ${zhDate(first.from)}起收录，所选日期更早，查不到` : `这项政策从 ${zhDate(first.from)}起实施，所选日期还没有`);
  }

  const status: Status = j.status;
  const lines = rule ? amountsFor(s, a, date, sources) : [];
  const amount = lines.length === 1 ? lines[0]! : lines.length > 1 ? lines.reduce((x, y) => ((y.value ?? 0) > (x.value ?? 0) ? y : x)) : null;

  let reason: string;
  if (status === 'ineligible') reason = `不符合：${missed[0]}。`;
  else if (status === 'conditional') reason = `可能可以，${unknown.join('；')}。`;
  else reason = met.length ? `符合条件：${met.join('；')}。` : `${rule!.who}。`;
  // A 民办 school's waiver is paid at the public-school standard: the reason says so too, naming the
  // line (「民办学校」「民办幼儿园」).
  if (status !== 'ineligible' && amount?.waives === 'public-standard' && lines.length === 1) reason += `${amount.label ?? '民办学校'}：${PUBLIC_STANDARD}。`;

  const pathOk = (d: Subsidy['documents'][number]) => !d.paths || d.paths.some((p) => j.possible.includes(p));
  // Whether the family may have to apply: 可以申请, or 可能可以 by a path (or a subsidy) that is applied for.
  const applies = status === 'apply' || (status === 'conditional' && (rule?.paths?.length ? rule.paths.some((p) => p.grant === 'apply' && j.possible.includes(p.id)) : s.grant === 'apply'));
  // When to apply: only for what may be applied for (what a path gives as of right has no window to miss).
  const timing = applies ? timingOf(s.windows ?? [], a, date, sources) : undefined;
  // Over for good (a 新生 window passed, or the child leaves the stage first): nothing to bring, nothing to ask.
  const gone = timing?.state === 'over';
  const docs = status === 'ineligible' || gone ? [] : s.documents.filter((d) => pathOk(d) && (!d.if || evaluateCondition(d.if, a, t).state === 'met')).map((d) => d.doc);
  const sourceIds = [...new Set([...(rule ? [ruleSource(rule, j)] : []), ...lines.map((l) => l.source.id)])];
  const delivery = a.school === 'private' && s.delivery.private ? { ...s.delivery, text: s.delivery.private } : s.delivery;
  const local = s.setLocally === true || amount?.local === true;
  // The face is about the child's stage: its name, summary, 怎么办, local note and notes (./names.ts).
  const st = a.stage && [a.stage];
  const name = nameFor(s, st);
  const localNote = localNoteFor(s, st);
  const ask = status === 'ineligible' || !rule || gone ? '' : askTeacher({ name, conditions: status === 'conditional' ? ruleConditions(rule, j.possible) : [], local, applies }, a, glossary, t);

  return {
    id: s.id,
    name,
    summary: summaryFor(s, st),
    status,
    amount,
    alternatives: lines.length > 1 ? lines : [],
    reason,
    met,
    missed,
    unknown,
    who: rule?.who ?? s.rules[0]!.who,
    delivery,
    apply: { label: applyLabel(applies), where: applies ? s.apply.where : applyNone(s.apply.where), when: applyWhen(s, date), how: howFor(s, st) },
    months: applies ? applyMonths(s, timing, date) : [],
    documents: [...new Set(docs)],
    ...(j.path && { path: { id: j.path.id, label: j.path.label } }),
    ...(timing && { timing }),
    sources: sourceIds.map((id) => sources.get(id)!),
    local: s.setLocally === true,
    ...(localNote && { localNote }),
    ask,
    notes: notesFor(s, st),
    lastVerified: s.lastVerified,
    ...((s as { region?: RegionTag }).region && { region: (s as { region?: RegionTag }).region }),
  };
}

/**
 * Evaluates every subsidy of `answers.stage` on `options.date`.
 * @throws EvaluateError (Chinese message) when the date is not a real `YYYY-MM-DD` date.
 * Missing answers are treated as 「不确定」; without a stage there are no results and `missing` says so.
 */
export function evaluateWith(data: Dataset, answers: Answers, options: EvaluateOptions): Evaluation {
  const { date } = options;
  if (typeof date !== 'string' || !isIsoDay(date))
    throw new EvaluateError(`日期要写成 YYYY-MM-DD，收到的是「${String(date)}」`);
  const asOf = asOfLine(date, options.checked);
  if (!answers.stage) return { date, results: [], summary: '', documents: [], missing: ['stage'], asOf };
  const t = makeTerms(data.glossary);
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const results = orderResults(
    subsidiesFor([answers.stage], data).map((s) => {
      const r = evaluateSubsidy(s, answers, date, t, sources, data.glossary);
      return { ...r, group: groupOf(r) };
    }),
  );

  const docsById = new Map(data.documents.map((d) => [d.id, d]));
  const checklist = new Map<string, ChecklistItem>();
  for (const r of results) {
    for (const id of r.documents) {
      const doc = docsById.get(id)!;
      const noteHere = doc.note && (!doc.noteStages || doc.noteStages.includes(answers.stage));
      const item = checklist.get(id) ?? { doc, ...(noteHere && { note: doc.note }), neededFor: [], maybe: true };
      item.neededFor.push(r.id);
      if (r.status !== 'conditional') item.maybe = false;
      checklist.set(id, item);
    }
  }
  const items = [...checklist.values()];
  return { date, stage: answers.stage, results, summary: summaryLine(results), documents: [...items.filter((i) => !i.maybe), ...items.filter((i) => i.maybe)], missing: [], asOf };
}
