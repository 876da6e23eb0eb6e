/**
 * 接下来几年: for one child, what changes in the coming school years, each evaluated by the engine on
 * the day it happens. Pure: data, answers, today in → steps out; no clock, no UI, no invented figures
 * (a step's figures are exactly `evaluateInRegion(dataset, regions, step answers, { date: step date })`).
 *
 * Steps, in date order, within `years` (default 3) after `date`:
 *   - school: each 9 月 1 日 the child moves up a grade (grade + 1; 大班 → 小学一年级, 小学六年级 →
 *     初中一年级, 初中三年级 → 普通高中 or 中职 一年级 (a choice: both are shown, and the timeline
 *     stops there), 高中/中职三年级 → 大学一年级 (if the child goes on)). A move within a stage is a step
 *     only when some result changes; a move to a new stage always is. Answers that belong to the old
 *     school (公办/民办, 住校, 涉农, 硕博) are not carried over: the new stage's results say what they
 *     depend on (e.g. both 寄宿 and 走读 figures).
 *   - policy: every later `from` date in the data (national or regional amount and rule entries) on
 *     which some result of the child changes.
 * Undergraduate and graduate years are counted up to the stage's last grade; what comes after is not
 * guessed.
 *
 *   timeline(dataset, regions, { stage: 'primary', grade: 6, boarding: 'yes', family: ['dibao'] }, { date: '2026-10-10' })
 *     → [{ date: '2027-09-01', when: '明年 9 月', kind: 'school', options: [{ title: '升入初中一年级', results, changes, … }] }]
 */
import type { Region } from '../schema/region.ts';
import type { Dataset } from '../schema/index.ts';
import { gradeName, type Answers } from './answers.ts';
import { nextGrade } from './ladder.ts';

export { nextGrade };
import type { Amount, EvaluateOptions, Result } from './evaluate.ts';
import { evaluateInRegion, type RegionalEvaluation } from './regions.ts';

/** What changed for one subsidy between the state before a step and after it. */
export interface TimelineChange {
  id: string;
  name: string;
  /** new = gets it from this step on; gone = no longer; amount = still gets it, figure or status changed. */
  kind: 'new' | 'gone' | 'amount';
  /** The result after the step (absent for `gone`). */
  after?: Result;
  /** The amount before the step (absent for `new`). */
  before?: Amount | null;
}

/** One way a step can go (two at 初中 → 普高 or 中职). */
export interface TimelineOption {
  /** 「升入初中一年级」「升入中职一年级」「政策调整」. */
  title: string;
  /** A condition of this way, e.g. 「考上大学（含高职）的话」; absent when none. */
  note?: string;
  /** The child's answers on that day. */
  answers: Answers;
  /** The engine's evaluation on that day (the figures shown come from here). */
  evaluation: RegionalEvaluation;
  /** Results the child gets or may get on that day (not ineligible), in data order. */
  results: Result[];
  /** What changed against the day before the step. */
  changes: TimelineChange[];
}

export interface TimelineStep {
  /** The day it happens, YYYY-MM-DD (evaluated on this day). */
  date: string;
  /** 「今年 9 月」「明年 9 月」「2028 年 3 月」. */
  when: string;
  /** school = the child moves to a new grade or stage (and policy may change the same day); policy = only the data changes. */
  kind: 'school' | 'policy';
  /** true when the child changes stage. */
  newStage: boolean;
  options: TimelineOption[];
}

export interface TimelineOptions extends EvaluateOptions {
  /** How many years ahead to look (default 3). */
  years?: number;
}

const addDays = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 「今年 9 月」「明年 3 月」「2028 年 9 月」, relative to `today`'s year for this year and next only (a
 * 「后年 9 月」 next to 「2029 年 9 月」 read as two ways of counting).
 */
export function whenWords(date: string, today: string): string {
  const dy = Number(date.slice(0, 4)) - Number(today.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const y = dy === 0 ? '今年' : dy === 1 ? '明年' : `${date.slice(0, 4)} 年`;
  return `${y} ${m} 月`;
}

/** Every `from` date in the data and the regions' files. */
function dataDates(dataset: Dataset, regions: readonly Region[]): string[] {
  const out = new Set<string>();
  for (const s of [...dataset.subsidies, ...regions.flatMap((r) => r.subsidies ?? [])]) for (const e of [...s.amounts, ...s.rules]) out.add(e.from);
  for (const r of regions) for (const o of r.overrides ?? []) for (const e of [...o.amounts, ...o.rules]) out.add(e.from);
  return [...out].sort();
}

const live = (ev: RegionalEvaluation) => ev.results.filter((r) => r.status !== 'ineligible');
const figure = (r: Result) => JSON.stringify([r.status, r.amount && [r.amount.basis, r.amount.unit, r.amount.value, r.amount.label], r.alternatives.map((x) => x.value)]);

/** What changed for each subsidy between two evaluations. */
export function diffResults(before: RegionalEvaluation, after: RegionalEvaluation): TimelineChange[] {
  const b = new Map(live(before).map((r) => [r.id, r]));
  const a = new Map(live(after).map((r) => [r.id, r]));
  const out: TimelineChange[] = [];
  for (const r of live(after)) {
    const old = b.get(r.id);
    if (!old) out.push({ id: r.id, name: r.name, kind: 'new', after: r });
    else if (figure(old) !== figure(r)) out.push({ id: r.id, name: r.name, kind: 'amount', after: r, before: old.amount });
  }
  for (const r of live(before)) if (!a.has(r.id)) out.push({ id: r.id, name: r.name, kind: 'gone', before: r.amount });
  return out;
}

/**
 * The child's coming steps (see the module comment). `answers` are the child's full answers (its own
 * and the family's); `options.date` is today. Without a stage and grade there are no school steps.
 * @throws EvaluateError for a bad date.
 */
export function timeline(dataset: Dataset, regions: readonly Region[], answers: Answers, options: TimelineOptions): TimelineStep[] {
  const today = options.date;
  const end = `${Number(today.slice(0, 4)) + (options.years ?? 3)}${today.slice(4)}`;
  const ev = (a: Answers, date: string) => evaluateInRegion(dataset, regions, a, { date, ...(options.region && { region: options.region }) });
  const septembers: string[] = [];
  for (let y = Number(today.slice(0, 4)); `${y}-09-01` <= end; y++) if (`${y}-09-01` > today) septembers.push(`${y}-09-01`);
  const dates = [...new Set([...septembers, ...dataDates(dataset, regions).filter((d) => d > today && d <= end)])].sort();

  const steps: TimelineStep[] = [];
  let current = answers;
  for (const date of dates) {
    const school = septembers.includes(date);
    const ways = school ? nextGrade(current) : [{ answers: current, newStage: false }];
    if (!ways.length) {
      // After the last grade we know of, nothing more is guessed.
      if (school) break;
      continue;
    }
    const before = ev(current, addDays(date, -1));
    const opts: TimelineOption[] = ways.map((w) => {
      const evaluation = ev(w.answers, date);
      return {
        title: school && w.answers.stage && w.answers.grade ? `升入${gradeName(w.answers.stage, w.answers.grade)}` : '政策调整',
        ...(w.note && { note: w.note }),
        answers: w.answers,
        evaluation,
        results: live(evaluation),
        changes: diffResults(before, evaluation),
      };
    });
    const newStage = ways.some((w) => w.newStage);
    if (newStage || opts.some((o) => o.changes.length)) steps.push({ date, when: whenWords(date, today), kind: school ? 'school' : 'policy', newStage, options: opts });
    if (ways.length > 1) break; // a choice: what comes after depends on it
    current = ways[0]!.answers;
  }
  return steps;
}
