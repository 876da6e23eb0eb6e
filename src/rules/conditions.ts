/**
 * Tri-state evaluation of the closed condition registry (src/schema `Condition`) against answers,
 * with the Chinese wording of each outcome. Wording for answer values comes from the glossary
 * (content/glossary.yaml), so a term is written once.
 */
import type { Condition, GlossaryEntry } from '../schema/index.ts';
import { appliesTo, declOf, type ChoiceDecl, type QuestionId } from '../schema/questions.ts';
import type { Stage } from '../schema/index.ts';
import { HARDSHIP_STATUSES } from '../schema/vocab.ts';
import { gradeName, stageName, type Answers } from './answers.ts';

export type State = 'met' | 'missed' | 'unknown';

export interface Outcome {
  state: State;
  /** One phrase: what was met, what was missed, or what has to be checked. */
  text: string;
}

export { HARDSHIP_STATUSES };

export type TermLookup = (kind: GlossaryEntry['kind'], id: string) => string;

export function makeTerms(glossary: GlossaryEntry[]): TermLookup {
  const map = new Map(glossary.map((g) => [`${g.kind}:${g.id}`, g.short ?? g.term]));
  return (kind, id) => map.get(`${kind}:${id}`) ?? id;
}

/** 「A、B或C」 */
export const list = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join('、')}或${xs[xs.length - 1]}`);

/** The name of a choice question's value, from the glossary entry its option points at (else its literal label). */
export function valueName(id: QuestionId, value: string, t: TermLookup): string {
  const o = (declOf(id) as ChoiceDecl).options.find((x) => x.value === value);
  return o?.term ? t(o.term.kind, o.term.id) : o?.label ?? value;
}

type AnswerCondition = Exclude<Condition, { type: 'stage' | 'grade' | 'family' | 'hardship' | 'external' | 'anyOf' | 'allOf' }>;

/**
 * A condition on one choice answer, worded from the question table: `in` conditions name the values
 * asked for (glossary), `is` conditions use the table's yes/no words.
 */
function answerCondition(c: AnswerCondition, a: Answers, t: TermLookup, out: (s: State, text: string) => Outcome): Outcome {
  const w = (declOf(c.type) as ChoiceDecl).condition!;
  const v = (a as Record<string, string | undefined>)[c.type];
  if ('in' in c) {
    const names = c.in.map((x) => valueName(c.type, x, t));
    const fill = (s: string) => s.replace('{list}', list(names));
    if (!v || v === 'unknown' || (c.maybe as string[] | undefined)?.includes(v)) return out('unknown', fill(w.unknown));
    return (c.in as string[]).includes(v) ? out('met', valueName(c.type, v, t)) : out('missed', fill((w as { missed: string }).missed));
  }
  if (w.form !== 'is') throw new Error(`条件「${c.type}」的写法和问题表不符`);
  if (!v || v === 'unknown') return out('unknown', w.unknown);
  const want = c.is === 'yes' ? w.yes : w.no;
  return v === c.is ? out('met', want) : out('missed', `只适用于${want}`);
}

/** Evaluates one condition. `text` on the condition replaces the generated wording for every outcome. */
export function evaluateCondition(c: Condition, a: Answers, t: TermLookup): Outcome {
  // A condition's own `text` says what is required, so it replaces the wording of a missed or unknown
  // outcome; a met outcome keeps the generated wording (「农村户口」), which names what the family has —
  // except a stage's, whose `text` names who at that stage (「…全日制研究生（有固定工资收入的除外）」:
  // the wizard does not ask, so 「在读研究生」 told a salaried 在职 student it was 自动享受).
  const out = (state: State, generated: string): Outcome => ({ state, text: c.text && (state !== 'met' || c.type === 'stage') && c.type !== 'anyOf' && c.type !== 'allOf' ? c.text : generated });
  switch (c.type) {
    case 'stage': {
      const names = c.in.map(stageName);
      if (!a.stage) return out('unknown', `要看孩子在哪个阶段上学`);
      return c.in.includes(a.stage) ? out('met', `在读${stageName(a.stage)}`) : out('missed', `只适用于${list(names)}学生`);
    }
    case 'grade': {
      if (!a.stage || a.grade === undefined) return out('unknown', '要看孩子读几年级');
      const ok = (c.min === undefined || a.grade >= c.min) && (c.max === undefined || a.grade <= c.max);
      if (ok) return out('met', `${gradeName(a.stage, a.grade)}`);
      if (c.min !== undefined && a.grade < c.min) return out('missed', `${gradeName(a.stage, c.min)}及以上才能申请`);
      return out('missed', `只适用于${gradeName(a.stage, c.max!)}及以下`);
    }
    case 'family': {
      const names = c.anyOf.map((f) => t('family', f));
      if (!a.family || a.family === 'unknown') return out('unknown', `要看是不是${list(names)}`);
      const hit = a.family === 'none' ? [] : c.anyOf.filter((f) => (a.family as string[]).includes(f));
      return hit.length ? out('met', hit.map((f) => t('family', f)).join('、')) : out('missed', `要求是${list(names)}`);
    }
    case 'hardship': {
      if (!a.family || a.family === 'unknown') return out('unknown', '要经学校认定为家庭经济困难学生');
      if (a.family === 'none') return out('missed', '要求经认定为家庭经济困难学生（你选了「以上都不是」）');
      const hit = HARDSHIP_STATUSES.filter((f) => (a.family as string[]).includes(f));
      if (hit.length === 0) return out('unknown', '要经学校认定为家庭经济困难学生（残疾、烈士子女等是优先对象，但还要看家庭经济情况）');
      if (hit.length === 1 && hit[0] === 'hardship') return out('met', '家庭经济困难（要经学校认定）');
      return out('met', `${hit.filter((f) => f !== 'hardship').map((f) => t('family', f)).join('、')}，属于家庭经济困难学生认定中的优先对象`);
    }
    case 'external':
      return { state: 'unknown', text: c.text };
    case 'anyOf': {
      const rs = c.of.map((x) => evaluateCondition(x, a, t));
      const met = rs.find((r) => r.state === 'met');
      if (met) return { state: 'met', text: met.text };
      if (rs.some((r) => r.state === 'unknown')) return { state: 'unknown', text: c.text ?? rs.filter((r) => r.state === 'unknown').map((r) => r.text).join('；或者') };
      return { state: 'missed', text: c.text ?? rs.map((r) => r.text).join('；或者') };
    }
    case 'allOf': {
      const rs = c.of.map((x) => evaluateCondition(x, a, t));
      const missed = rs.find((r) => r.state === 'missed');
      // A part surely missed says why itself (「要求家在…的农村」 for a 城镇户口); the group's `text` is
      // for what is still to be checked: one sentence instead of each part's joined by 「，并且」.
      if (missed) return { state: 'missed', text: missed.text };
      if (rs.some((r) => r.state === 'unknown')) return { state: 'unknown', text: c.text ?? rs.filter((r) => r.state === 'unknown').map((r) => r.text).join('，并且') };
      return { state: 'met', text: rs.map((r) => r.text).join('，') };
    }
    default:
      return answerCondition(c, a, t, out);
  }
}

/** An outcome without wording, or with the wording of the condition that settled it. */
export interface Fold {
  state: State;
  text?: string;
}

const RANK = { met: 0, unknown: 1, missed: 2 } as const;

/**
 * Tri-state logic over a condition tree, with the leaves decided by `leaf`: `anyOf` takes its best
 * child (met > unknown > missed), `allOf` its worst (the first of equals), and a group's own `text` replaces its child's.
 * profileState (stage-page chips) and views.ts privateSchool (民办 answers) both fold through it, so a
 * group of conditions means one thing on every face.
 */
export function foldCondition(c: Condition, leaf: (c: Exclude<Condition, { type: 'anyOf' | 'allOf' }>) => Fold): Fold {
  if (c.type !== 'anyOf' && c.type !== 'allOf') return leaf(c);
  const rs = c.of.map((x) => foldCondition(x, leaf));
  const r = c.type === 'anyOf' ? [...rs].sort((a, b) => RANK[a.state] - RANK[b.state])[0]! : worstOf(rs);
  return { state: r.state, ...((c.text ?? r.text) !== undefined && { text: c.text ?? r.text }) };
}

/** The worst of several outcomes (all must hold), or met when there are none. */
export function worstOf(rs: readonly Fold[]): Fold {
  return [...rs].sort((a, b) => RANK[b.state] - RANK[a.state])[0] ?? { state: 'met' };
}

/**
 * A condition for a profile rather than for answers: a child at one of `stages` whose answers meet
 * every condition the wizard asks about. `stage` conditions are checked against `stages`; `external`
 * conditions (试点地区, 评选 …) stay unknown, since no answer settles them; every other condition is met
 * by some answer. Stage pages' status chips use it (src/rules/views.ts profileStatus), so a chip says
 * what the wizard says for such a child.
 */
export function profileState(c: Condition, stages: readonly string[]): State {
  return foldCondition(c, (x): Fold => {
    switch (x.type) {
      case 'stage':
        return { state: x.in.some((s) => stages.includes(s)) ? 'met' : 'missed' };
      case 'external':
        return { state: 'unknown' };
      case 'grade':
      case 'family':
      case 'hardship':
        return { state: 'met' };
      default:
        // A question the wizard does not ask at these stages stays unknown there, as in the wizard.
        return { state: stages.some((st) => appliesTo(x.type, st as Stage)) ? 'met' : 'unknown' };
    }
  }).state;
}
