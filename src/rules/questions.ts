/**
 * The wizard's question flow, as plain data and logic (no UI, no clock, no zod): which questions are
 * asked for a given partial `Answers`, which one comes next, what each one's options are, and what to
 * drop when an earlier answer changes.
 *
 * Labels and 「这是什么意思？」 texts are not written here: options and help point at glossary entries
 * (content/glossary.yaml, `kind` + `id`); the UI shows the entry's `short ?? term` as the label and its
 * `plain` as the help. Only words that are not policy terms (是 / 不是 / 不确定 …) are literal.
 *
 *   firstUnanswered({ stage: 'senior' })          → 'grade'
 *   questionsFor({ stage: 'primary' })            → ['stage','grade','school','boarding','hukou','family','region']
 *   setAnswer({ stage: 'primary', boarding: 'yes', hukou: 'rural' }, 'stage', ['senior'])
 *     → { answers: { stage: 'senior', hukou: 'rural' }, dropped: ['boarding'] }
 *
 * The region question (「孩子在哪个省/县上学？」) comes last and is optional: its one fixed option is
 * NATIONAL_REGION (「不知道 / 用全国标准」); the UI offers the configured regions by search. A deployment's
 * default region (ZZ_REGION) answers it in advance: see `withDefaultRegion`.
 */
import { FAMILY_STATUSES, GRADE_MAX, appliesTo, gradeName, type Answers, type Stage } from './answers.ts';
import { QUESTION_IDS, declOf, type OptionDecl, type QuestionId, type TermRef } from '../schema/questions.ts';

export { QUESTION_IDS, type QuestionId, type TermRef };

export type QuestionOption = OptionDecl;

export interface Question {
  id: QuestionId;
  /** The question as a parent reads it. */
  title: string;
  /** One short line under the title (how to find out), optional. */
  hint?: string;
  /** Several options may be chosen (family). */
  multi: boolean;
  /** Options beyond `options` are found by typing (region: the configured regions). */
  search?: boolean;
  options: QuestionOption[];
  /** Glossary entries whose `plain` explains the question (「这是什么意思？」); only entries with `plain` are shown. */
  help: TermRef[];
  /** Short name of the question on the 「核对你的回答」 screen. */
  short: string;
}

/** Whether question `id` is asked for these answers (every question but the stage needs a stage; see the table's `stages`). */
export function isAsked(id: QuestionId, a: Answers): boolean {
  if (id === 'stage') return true;
  return a.stage !== undefined && appliesTo(id, a.stage);
}

/** The questions asked for these answers, in order. Without a stage only the stage question is asked. */
export function questionsFor(a: Answers): QuestionId[] {
  if (!a.stage) return ['stage'];
  return QUESTION_IDS.filter((id) => isAsked(id, a));
}

/** Whether `id` has an answer (an empty family list counts as unanswered). */
export function isAnswered(a: Answers, id: QuestionId): boolean {
  const v = (a as Record<string, unknown>)[id];
  return Array.isArray(v) ? v.length > 0 : v !== undefined;
}

/** The first question still to answer, or undefined when every asked question has an answer. */
export function firstUnanswered(a: Answers): QuestionId | undefined {
  return questionsFor(a).find((id) => !isAnswered(a, id));
}

/** The asked question before `id` (for a 「上一题」 button), or undefined at the first. */
export function previousQuestion(a: Answers, id: QuestionId): QuestionId | undefined {
  const qs = questionsFor(a);
  const i = qs.indexOf(id);
  return i > 0 ? qs[i - 1] : undefined;
}

/**
 * Position of `id` among the questions this walk asks (1-based) and how many there are, for
 * 「第 2 题，共 6 题」; null before a stage is chosen (the count depends on it). `given` holds answers
 * that came from elsewhere — a second child's 户口/家庭情况/地区 answered for the first, a deployment's
 * default region — so they are skipped and not counted (a second 小学 child: 「第 2 题，共 4 题」); on
 * one of their own screens (the family changes it) there is no position: null.
 *
 *   progress({ stage: 'primary' }, 'grade')                                  → { n: 2, of: 7 }
 *   progress({ stage: 'primary', hukou: 'rural' }, 'grade', { hukou: 'rural' }) → { n: 2, of: 6 }
 */
export function progress(a: Answers, id: QuestionId, given: Answers = {}): { n: number; of: number } | null {
  if (!a.stage || isAnswered(given, id)) return null;
  const qs = questionsFor(a).filter((q) => !isAnswered(given, q));
  return { n: qs.indexOf(id) + 1, of: qs.length };
}

/** The question `id` for these answers, from the table (grade options and words depend on the stage). */
export function question(id: QuestionId, a: Answers): Question {
  const d = declOf(id);
  const words = (a.stage && d.byStage?.[a.stage]) || {};
  const hint = words.hint ?? d.hint;
  const base = {
    id, short: words.short ?? d.short, title: words.title ?? d.title, ...(hint && { hint }),
    help: [...d.help], multi: d.kind === 'family', ...(d.kind === 'region' && { search: true }),
  };
  if (d.kind === 'grade') {
    const stage: Stage = a.stage ?? 'senior';
    return { ...base, options: Array.from({ length: GRADE_MAX[stage] }, (_, i) => ({ value: String(i + 1), label: gradeName(stage, i + 1) })) };
  }
  return { ...base, options: d.options.map((o) => (words.labels?.[o.value] ? { value: o.value, label: words.labels[o.value] } : { ...o })) };
}

/**
 * The answers the flow works on: when the family has not answered the region question, `region`
 * (a deployment's default, ZZ_REGION) stands as the answer, so the question is skipped but shown on
 * 「核对你的回答」 with a change button. Without a default the answers are returned as they are.
 */
export function withDefaultRegion(a: Answers, region: string | undefined): Answers {
  return a.region || !region ? a : { ...a, region };
}

/** The chosen option values of `id` as strings (grade '2'; family ['dibao','orphan']; none → []). */
export function chosenValues(a: Answers, id: QuestionId): string[] {
  const v = (a as Record<string, unknown>)[id] as string | number | string[] | undefined;
  if (v === undefined) return [];
  return Array.isArray(v) ? [...v] : [String(v)];
}

/**
 * Sets question `id` from the chosen option values and drops later answers that no longer apply:
 * questions not asked for the new stage (boarding, agri, degree, veteran: listed in `dropped`), and
 * clears the grade when the stage changes (grades mean different things in different stages; it is
 * asked again, so it is not in `dropped`). Everything else is kept,
 * including `region`. An empty or invalid choice clears the answer. The region takes any six-digit
 * code (whether that region is configured is the engine's business: it says so and uses national
 * standards).
 */
export function setAnswer(a: Answers, id: QuestionId, values: readonly string[]): { answers: Answers; dropped: QuestionId[] } {
  const next: Answers = { ...a };
  const allowed = new Set(question(id, a).options.map((o) => o.value));
  const vs = values.filter((v) => allowed.has(v) || (id === 'region' && /^\d{6}$/.test(v)));
  const rec = next as Record<string, unknown>;
  if (vs.length === 0) delete rec[id];
  else if (id === 'grade') next.grade = Number(vs[0]);
  else if (id === 'family') {
    const special = vs.find((v) => v === 'none' || v === 'unknown');
    next.family = special ? (special as 'none' | 'unknown') : FAMILY_STATUSES.filter((f) => vs.includes(f));
  } else rec[id] = vs[0];

  const dropped: QuestionId[] = [];
  const drop = (k: QuestionId) => {
    if (rec[k] !== undefined) {
      delete rec[k];
      dropped.push(k);
    }
  };
  // The grade is cleared, not dropped: it is asked again at once, so it is not among the questions
  // 「不再需要」 (the wizard's note lists `dropped`).
  if (id === 'stage' && a.stage !== next.stage) delete rec.grade;
  for (const k of QUESTION_IDS) if (k !== 'grade' && k !== 'stage' && !appliesTo(k, next.stage)) drop(k);
  return { answers: next, dropped };
}
