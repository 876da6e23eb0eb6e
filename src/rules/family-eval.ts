/**
 * The whole family's results: each child evaluated as today (evaluateInRegion, same data, same date),
 * one merged checklist, and money added up only where adding is honest. Pure: data, family, date in →
 * view model out; no clock, no UI.
 *
 *   evaluateFamily(dataset, regions, family, { date: '2026-10-10' })
 *     → { children: [{ label: '老大', answers, evaluation, money }, …], checklist, money }
 *
 * Checklist (`FamilyChecklist`):
 *   - `shared`: documents one copy of which serves the family (户口簿, 低保证 …), each once, with the
 *     children who need it (「户口簿：两个孩子都要」);
 *   - `perChild[i]`: documents each child needs its own of (content/documents.yaml `perStudent: true`:
 *     认定申请表, 学生证 …), listed under that child;
 *   - `maybe`: what only 「可能可以」 results need (看情况再准备), last; shared ones once with their
 *     children, per-student ones once per document with the children they are for.
 *   Every (document, child) pair of every child's own checklist appears exactly once, in a group that
 *   keeps its 「看情况」 flag (test/unit/family.test.ts checks this over generated families).
 *
 * Money (`ChildMoney`, `FamilyMoney`): the sum counts only yearly cash grants paid to the family
 * (delivery `aid-card`, unit `per-year`, a national or regional figure, status 自动享受 or 可以申请,
 * one amount line). Everything else is listed apart and never turned into money: scholarships (评上
 * 才有), one-off aid, loans, waivers (免学费), textbooks, meals, school services, compensation after
 * study, figures set locally without a number, and every 「可能可以」 result.
 */
import type { Region } from '../schema/region.ts';
import type { Dataset } from '../schema/index.ts';
import type { Answers } from './answers.ts';
import type { ChecklistItem, EvaluateOptions, Result } from './evaluate.ts';
import { evaluateInRegion, type RegionalEvaluation } from './regions.ts';
import { beforeWord, childAnswers, childLabel, type Family } from './family.ts';
import { asOfLine } from './timing.ts';

const CN_COUNT = ['', '一', '两', '三', '四', '五', '六'];

/**
 * Whom a document or item is for, in words: 「两个孩子都要」 when every child of a family of two or
 * more needs it, else the labels 「老大、老三要」; in a family of one, ''.
 */
export function forWhom(family: Family, children: readonly number[]): string {
  const n = family.children.length;
  if (n <= 1) return '';
  if (children.length === n) return `${CN_COUNT[n]}个孩子都要`;
  return `${beforeWord(children.map((c) => childLabel(family, c)).join('、'))}要`;
}


/** How a result counts for money. Only `grant` is ever added up. */
export type MoneyKind =
  | 'grant' // 助学金、生活补助：每年打到卡上的钱
  | 'scholarship' // 奖学金：评上才有
  | 'once' // 一次性的资助（如新生入学资助）
  | 'loan' // 助学贷款：要还
  | 'waiver' // 免学费、免保教费：不收，不是发钱
  | 'in-kind' // 免费教科书
  | 'meals' // 营养膳食补助：学校供餐
  | 'service' // 绿色通道、勤工助学岗位
  | 'compensation' // 服兵役、基层就业的学费补偿或贷款代偿
  | 'local'; // 有这项补助，但金额由当地定，没有数字

export const MONEY_KINDS: readonly MoneyKind[] = ['grant', 'scholarship', 'once', 'loan', 'waiver', 'in-kind', 'meals', 'service', 'compensation', 'local'];

/** Which kind a result is, from its delivery form, basis and unit. */
export function moneyKind(r: Result): MoneyKind {
  const a = r.amount;
  const form = r.delivery.form;
  if (form === 'bank-loan') return 'loan';
  if (form === 'meals' || a?.unit === 'per-school-day') return 'meals';
  if (form === 'in-kind') return 'in-kind';
  if (form === 'waived-at-enrolment' || a?.basis === 'waiver') return 'waiver';
  if (form === 'school-service' || a?.basis === 'service') return 'service';
  if (form === 'compensation') return 'compensation';
  if (!a || a.basis === 'local' || a.value === undefined) return 'local';
  if (a.unit === 'once') return 'once';
  if (form === 'one-off') return 'scholarship';
  return 'grant';
}

/** One result that was added to a sum. */
export interface Counted {
  id: string;
  name: string;
  /** 元/年. */
  value: number;
  /** true when the figure is a national average, or the region can set its own (the real figure may differ). */
  approx: boolean;
}

/** A sum of yearly grants: 元/生/年 added for one child, or over the children for the family. */
export interface GrantSum {
  unit: 'per-year';
  /** 元 per year. */
  total: number;
  /** true when any part is an average or set locally (say 「约」 and 「以当地公布为准」). */
  approx: boolean;
}

export interface ChildMoney {
  /** The yearly grants that were added up (status automatic or apply, one amount line). */
  counted: Counted[];
  /** Their sum; null when nothing could be added. */
  sum: GrantSum | null;
  /** Results the family gets or can apply for that are not money to add, by kind (ids, in result order). */
  apart: Partial<Record<MoneyKind, string[]>>;
  /** 「可能可以」 results: never in a sum. */
  maybe: string[];
  /** A yearly grant not added because its amount depends on an answer still 「不确定」 (several lines). */
  unsure: string[];
  /** Over for good (timing `over`: a 新生 window passed, or the child leaves the stage first): in no other list. */
  over: string[];
}

export interface FamilyMoney {
  /** Sum over the children's sums (same unit, 元/年); null when no child has one. */
  sum: GrantSum | null;
  /** How many children's sums went into it. */
  children: number[];
}

/** A document in the family checklist. */
export interface FamilyDoc {
  doc: ChecklistItem['doc'];
  /** Indexes of the children who need it (in `FamilyEvaluation.children`), ascending. */
  children: number[];
  /** For each of those children, the ids of the subsidies that need it. */
  neededFor: { child: number; subsidies: string[] }[];
  /** Each child needs its own (a form filled per student). */
  perStudent: boolean;
  /** 「两个孩子都要」「老大、老三要」; '' in a family of one. */
  forWhom: string;
}

export interface FamilyChecklist {
  /** One copy serves the family; needed for sure by at least one child. */
  shared: FamilyDoc[];
  /** Per child (same index as `children`): the documents this child needs its own of, for sure. */
  perChild: FamilyDoc[][];
  /** 看情况再准备: needed only for 「可能可以」 results. */
  maybe: FamilyDoc[];
}

export interface ChildEvaluation {
  /** 「老大」 or 「孩子 2」. */
  label: string;
  /** The child's full answers (its own and the family's). */
  answers: Answers;
  /** Exactly what a one-child visit with these answers shows (evaluateInRegion). */
  evaluation: RegionalEvaluation;
  money: ChildMoney;
  /**
   * For a child after the first when the family's answer held a situation of the first child's own
   * (family.ts OWN_STATUSES): what was not counted for this child, in one sentence (no final 。).
   */
  note?: string;
}

export interface FamilyEvaluation {
  date: string;
  /** Which policy this was worked out by (as Evaluation.asOf, the same for every child). */
  asOf: string;
  children: ChildEvaluation[];
  checklist: FamilyChecklist;
  money: FamilyMoney;
}

/** Documents (content/documents.yaml) of which each child needs its own. */
type PerStudent = (docId: string) => boolean;

/** Money view of one child's results. */
export function childMoney(results: readonly Result[]): ChildMoney {
  const counted: Counted[] = [];
  const apart: ChildMoney['apart'] = {};
  const maybe: string[] = [];
  const unsure: string[] = [];
  const over: string[] = [];
  for (const r of results) {
    if (r.status === 'ineligible') continue;
    if (r.timing?.state === 'over') {
      over.push(r.id);
      continue;
    }
    if (r.status === 'conditional') {
      maybe.push(r.id);
      continue;
    }
    const kind = moneyKind(r);
    if (kind === 'grant' && r.alternatives.length > 1) unsure.push(r.id);
    else if (kind === 'grant') {
      const a = r.amount!;
      counted.push({ id: r.id, name: r.name, value: a.value!, approx: a.basis !== 'fixed' || a.local || r.local });
    } else (apart[kind] = apart[kind] ?? []).push(r.id);
  }
  const sum = counted.length ? { unit: 'per-year' as const, total: counted.reduce((s, c) => s + c.value, 0), approx: counted.some((c) => c.approx) } : null;
  return { counted, sum, apart, maybe, unsure, over };
}

/**
 * Merges the children's checklists (each `Evaluation.documents`, in child order) into one.
 * `perStudent(id)` says which documents each child needs its own of.
 */
export function mergeChecklists(family: Family, lists: readonly ChecklistItem[][], perStudent: PerStudent): FamilyChecklist {
  type Acc = { doc: ChecklistItem['doc']; sure: Map<number, string[]>; maybe: Map<number, string[]> };
  const acc = new Map<string, Acc>();
  lists.forEach((items, child) => {
    for (const it of items) {
      const a = acc.get(it.doc.id) ?? { doc: it.doc, sure: new Map(), maybe: new Map() };
      (it.maybe ? a.maybe : a.sure).set(child, it.neededFor);
      acc.set(it.doc.id, a);
    }
  });
  const make = (a: Acc, from: Map<number, string[]>, per: boolean): FamilyDoc => {
    const children = [...from.keys()].sort((x, y) => x - y);
    return { doc: a.doc, children, neededFor: children.map((c) => ({ child: c, subsidies: from.get(c)! })), perStudent: per, forWhom: forWhom(family, children) };
  };
  const shared: FamilyDoc[] = [];
  const perChild: FamilyDoc[][] = lists.map(() => []);
  const maybe: FamilyDoc[] = [];
  for (const a of acc.values()) {
    if (perStudent(a.doc.id)) {
      for (const [c, subs] of [...a.sure.entries()].sort((x, y) => x[0] - y[0])) perChild[c]!.push(make(a, new Map([[c, subs]]), true));
      if (a.maybe.size) maybe.push(make(a, a.maybe, true));
    } else if (a.sure.size) {
      // One copy for the family: every child who needs it, sure or 「看情况」.
      shared.push(make(a, new Map([...a.sure, ...a.maybe]), false));
    } else maybe.push(make(a, a.maybe, false));
  }
  return { shared, perChild, maybe };
}

/**
 * The family situations that are one child's own, not the household's: 「孩子本人残疾」. The family
 * question is answered once, on the first child's pass, so in a family these count for the first
 * child only; the others are never asked (a disabled brother does not make his sister a 残疾学生).
 */
export const OWN_STATUSES = ['disabled'] as const;

/**
 * A child's answers as the engine should read them in a family: childAnswers without OWN_STATUSES
 * for any child but the first (「不确定」 when nothing else is left: nobody said the household is not
 * 困难 — a family with a 残疾 child was told its other child 「这次不符合」 国家助学金), and `own` naming what was
 * left out. Not for editing: the shared answers keep every situation.
 *
 *   evaluatedAnswers({ shared: { family: ['disabled', 'dibao'] }, children: [a, b] }, 1)
 *     → { answers: { …b, family: ['dibao'] }, own: ['disabled'] }
 */
export function evaluatedAnswers(family: Family, i: number): { answers: Answers; own: string[] } {
  const answers = childAnswers(family, i);
  const f = answers.family;
  const own = i > 0 && Array.isArray(f) ? f.filter((x) => (OWN_STATUSES as readonly string[]).includes(x)) : [];
  if (own.length && Array.isArray(f)) {
    const rest = f.filter((x) => !own.includes(x));
    answers.family = rest.length ? rest : 'unknown';
  }
  return { answers, own };
}

/**
 * Evaluates every child of `family` on `options.date` with the family's shared answers, against
 * `dataset` and `regions` as evaluateInRegion does (so a child's evaluation is exactly a one-child
 * visit's), then merges checklists and money. Documents with `perStudent: true` in `dataset.documents`
 * are listed per child.
 * @throws EvaluateError for a bad date (as evaluateWith).
 */
export function evaluateFamily(dataset: Dataset, regions: readonly Region[], family: Family, options: EvaluateOptions): FamilyEvaluation {
  const per = new Set(dataset.documents.filter((d) => d.perStudent).map((d) => d.id));
  const children = family.children.map((_, i): ChildEvaluation => {
    const { answers, own } = evaluatedAnswers(family, i);
    const evaluation = evaluateInRegion(dataset, regions, answers, options);
    // The glossary's short words for the situation (「孩子本人残疾」), as the family question shows them.
    const words = own.map((x) => dataset.glossary?.find((g) => g.kind === 'family' && g.id === x)?.short ?? x).join('、');
    const note = own.length ? `「${words}」只算在${beforeWord(childLabel(family, 0))}身上；${beforeWord(childLabel(family, i))}也有残疾证的，告诉学校，可以多享受一些资助` : undefined;
    return { label: childLabel(family, i), answers, evaluation, money: childMoney(evaluation.results), ...(note && { note }) };
  });
  const checklist = mergeChecklists(family, children.map((c) => c.evaluation.documents), (id) => per.has(id));
  const withSum = children.map((c, i) => [i, c.money.sum] as const).filter((x): x is readonly [number, GrantSum] => x[1] !== null);
  const money: FamilyMoney = {
    sum: withSum.length ? { unit: 'per-year', total: withSum.reduce((s, [, m]) => s + m.total, 0), approx: withSum.some(([, m]) => m.approx) } : null,
    children: withSum.map(([i]) => i),
  };
  return { date: options.date, asOf: asOfLine(options.date, options.checked), children, checklist, money };
}
