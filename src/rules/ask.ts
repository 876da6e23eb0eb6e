/**
 * 「去学校可以这样问」: one or two sentences a parent can say or show to the class teacher when a result
 * is 「可能可以」 or its figure is set locally, built from what the answers could not settle.
 * Pure (no clock, no I/O); the sentences are data (content/glossary.yaml, kind `ask`, field `say`),
 * so the wizard, its printout and 「听一听」 all show the same words.
 *
 *   askTeacher({ name: '农村义务教育学生营养改善计划', conditions: [{ type: 'external', kind: 'pilot-area', … }],
 *     local: false }, { stage: 'junior', grade: 2, boarding: 'yes' }, glossary, makeTerms(glossary))
 *   → '老师您好，我们家孩子在初中二年级，是寄宿生，想问一下：我们学校（我们这里）在不在农村义务教育学生营养改善计划的范围里，是不是试点学校？'
 *
 * Which conditions: the leaves of the rule's conditions (and of the ways still possible, src/rules/evaluate.ts) that are unknown for these answers (inside
 * `anyOf` / `allOf` too), in data order, at most two, each once; then `local` when the figure is the
 * locally set one and there is room (`local-apply` when the family may have to apply, else `local`). Each is looked up by its key: the condition type, or for
 * `external` its kind (`hukou-maybe` for a 县镇 answer to a rural-only 低保, see askKey). A key without a sentence is skipped (test/content/ask.test.ts makes sure every
 * key has one). '' when nothing is unknown and nothing local.
 */
import type { Condition, GlossaryEntry } from '../schema/index.ts';
import { gradeName, stageName, type Answers } from './answers.ts';
import { evaluateCondition, type TermLookup } from './conditions.ts';

/** At most this many questions follow the opening sentence. */
const MAX_QUESTIONS = 2;

type Maybe = { maybe?: string[] };

/**
 * The key of a condition's 「这样问」 sentence for answers `a`: its type, or for `external` its kind; with
 * `-maybe` when the answer is one of the condition's `maybe` values (`hukou-maybe`: a 县镇 family asked
 * about 农村低保 should ask whether its 低保 is the rural kind, not which 户口 counts).
 */
export const askKey = (c: Condition, a: Answers = {}): string =>
  c.type === 'external' ? c.kind : c.type + (((c as Maybe).maybe || []).includes(a[c.type as keyof Answers] as string) ? '-maybe' : '');

/** Every key a condition can call for, whatever the answers (the wizard parts keep their sentences). */
export const askKeys = (c: Condition): string[] => [askKey(c), ...((c as Maybe).maybe?.length ? [`${c.type}-maybe`] : [])];

/** The unknown leaf conditions of `cs` for these answers, in data order. */
export function unknownLeaves(cs: readonly Condition[], a: Answers, t: TermLookup): Condition[] {
  const out: Condition[] = [];
  const walk = (c: Condition) => {
    if (evaluateCondition(c, a, t).state !== 'unknown') return;
    if (c.type === 'anyOf' || c.type === 'allOf') c.of.forEach(walk);
    else out.push(c);
  };
  cs.forEach(walk);
  return out;
}

/** 「初中二年级」「大班」, or the stage when no grade; 「，是寄宿生」 / 「，是走读生」 when answered. */
function child(a: Answers): { grade: string; boarding: string } {
  const grade = a.stage ? (a.grade !== undefined ? gradeName(a.stage, a.grade) : stageName(a.stage)) : '上学';
  const boarding = a.boarding === 'yes' ? '，是寄宿生' : a.boarding === 'no' ? '，是走读生' : '';
  return { grade, boarding };
}

export interface AskInput {
  /** The subsidy's name (fills {项目}). */
  name: string;
  /** The conditions of the rule in force. */
  conditions: readonly Condition[];
  /** Whether its figure is set by the province, county or school (以当地公布为准). */
  local: boolean;
  /**
   * Whether this family may have to apply for it (status 可以申请, or 可能可以 by a path that is applied
   * for). Then a local figure's sentence also asks 什么时候申请 (`local-apply`); for what is given without
   * applying (营养改善计划、免学杂费) it asks only the standard (`local`). Default true.
   */
  applies?: boolean;
}

/**
 * The sentences for one result, as one string ('' when there is nothing to ask).
 * `glossary` must hold the `ask` entries, `intro` among them (the wizard's payload keeps them;
 * test/content/ask.test.ts checks the glossary); `t` looks up its terms (conditions.ts makeTerms).
 */
export function askTeacher(s: AskInput, a: Answers, glossary: readonly GlossaryEntry[], t: TermLookup): string {
  const say = new Map(glossary.filter((g) => g.kind === 'ask').map((g) => [g.id, g.say!]));
  const keys: string[] = [];
  for (const c of unknownLeaves(s.conditions, a, t)) {
    const k = askKey(c, a);
    if (say.has(k) && !keys.includes(k)) keys.push(k);
  }
  // 「什么时候申请」 once: the 认定 question already asks it.
  const localKey = s.applies === false || keys.includes('hardship') ? 'local' : 'local-apply';
  if (s.local && say.has(localKey)) keys.push(localKey);
  const questions = keys.slice(0, MAX_QUESTIONS).map((k) => say.get(k)!.replace(/\{项目\}/g, s.name));
  if (!questions.length) return '';
  const { grade, boarding } = child(a);
  const intro = say.get('intro')!.replace(/\{年级\}/g, grade).replace(/\{住校\}/g, boarding);
  return intro + questions.join('');
}
