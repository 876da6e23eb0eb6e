/**
 * Ways of qualifying (资格路径, `RuleEntry.paths`): the path that qualifies decides the status and the
 * documents, not the subsidy as a whole. E.g. 中职免学费 is automatic for a 农村户口 or 涉农 student,
 * but an urban 低保 family applies after 家庭经济困难学生认定 (「可以申请」).
 *
 * Pure: rule + answers in, the verdict out (no clock, no data import).
 *
 *   judgeRule(rule, 'automatic', answers, terms)
 *     → { status: 'apply', path: { id: 'hardship', … }, possible: ['hardship'], met, missed, unknown }
 */
import type { Condition, RuleEntry, RulePath } from '../schema/index.ts';
import type { Answers } from './answers.ts';
import { evaluateCondition, list, valueName, type Outcome, type TermLookup } from './conditions.ts';
import { CONDITION_QUESTIONS, conditionValues } from '../schema/questions.ts';

/**
 * Every condition of a rule version: its own, then each path's (what a stage part ships), or only the
 * paths in `ways` (the ways still possible: what 「这样问」 asks about).
 */
export const ruleConditions = (r: Pick<RuleEntry, 'conditions' | 'paths'>, ways?: readonly string[]): Condition[] => [...r.conditions, ...(r.paths ?? []).filter((p) => !ways || ways.includes(p.id)).flatMap((p) => p.conditions)];

/** Every source a rule version cites: its own, then its paths' own (RulePath.source), ids in content/sources.yaml. */
export const ruleSourceIds = (r: Pick<RuleEntry, 'source' | 'paths'>): string[] => [r.source, ...(r.paths ?? []).flatMap((p) => (p.source ? [p.source] : []))];

export type Verdict = 'automatic' | 'apply' | 'conditional' | 'ineligible';

export interface RuleJudgement {
  status: Verdict;
  /** The path that qualifies (met, automatic preferred); absent without paths or when none is met. */
  path?: RulePath;
  /**
   * Ids of the paths a document with `paths` may follow: the qualifying path; for a 「可能可以」 result
   * with no path met, every path still possible (unknown). Empty without paths.
   */
  possible: string[];
  met: string[];
  missed: string[];
  unknown: string[];
}

/** Conditions that sort students into groups rather than ask about the family: a path failing on one of these is not the family's path. */
const GATES = new Set<Condition['type']>(['stage', 'grade', 'degree', 'school', 'boarding', 'veteran']);

interface PathOutcome { path: RulePath; outcomes: { c: Condition; o: Outcome }[]; state: 'met' | 'missed' | 'unknown' }

function judgePath(p: RulePath, a: Answers, t: TermLookup): PathOutcome {
  const outcomes = p.conditions.map((c) => ({ c, o: evaluateCondition(c, a, t) }));
  const state = outcomes.some((x) => x.o.state === 'missed') ? 'missed' : outcomes.some((x) => x.o.state === 'unknown') ? 'unknown' : 'met';
  return { path: p, outcomes, state };
}

/**
 * Why no path qualifies, in one phrase: a path the family partly matches (e.g. 低保 but not 农村) names
 * what it lacks; otherwise the paths open to this kind of student (gates met: a 走读生 hears only the
 * 走读生 paths) are listed as 「要求是……」.
 */
function whyNot(ps: PathOutcome[]): string {
  const open = ps.filter((x) => !x.outcomes.some((y) => y.o.state === 'missed' && GATES.has(y.c.type)));
  const pool = open.length ? open : ps;
  const partial = pool.find((x) => x.outcomes.some((y) => y.o.state === 'met' && !GATES.has(y.c.type)));
  if (partial) return partial.outcomes.find((y) => y.o.state === 'missed')!.o.text;
  return `要求是${list(pool.map((x) => x.path.label))}`;
}

/**
 * The status of a rule version for these answers. Without paths: `grant` when every condition holds,
 * 「可能可以」 when one is unknown, else ineligible. With paths: the common conditions and at least one
 * path must hold; the first met automatic path wins, else the first met path; a 「可能可以」 result lists
 * the possible paths. Missed and unknown phrases say what is lacking.
 */
export function judgeRule(rule: RuleEntry, grant: 'automatic' | 'apply', a: Answers, t: TermLookup): RuleJudgement {
  const j = judgeOnce(rule, grant, a, t);
  return j.status === 'conditional' ? eitherWay(rule, grant, a, t) ?? j : j;
}

/**
 * A 「不确定」 answer that does not matter: when every value the family could have meant (住校 or 走读)
 * qualifies, by whichever path, the result is not 「可能可以」 but that status (可以申请 if any value
 * needs applying), with 「不管是寄宿生（住校）还是走读生（不住校）都可以」 as the reason; documents follow every path that could apply.
 * Undefined when some value does not qualify, or no 不确定 choice answer is involved.
 *
 *   living-allowance, { boarding: 'unknown', family: ['tuopin'] }
 *     → { status: 'apply', met: ['不管是寄宿生（住校）还是走读生（不住校）都可以（经认定的家庭经济困难寄宿生；脱贫家庭（原建档立卡）的走读生）'], … }
 */
function eitherWay(rule: RuleEntry, grant: 'automatic' | 'apply', a: Answers, t: TermLookup): RuleJudgement | undefined {
  const rec = a as Record<string, unknown>;
  const q = CONDITION_QUESTIONS.find((x) => rec[x.id] === 'unknown' && usesQuestion(rule, x.id));
  if (!q) return undefined;
  const values = conditionValues(q.id);
  const each = values.map((v) => judgeRule(rule, grant, { ...a, [q.id]: v } as Answers, t));
  if (!each.every((x) => x.status === 'apply' || x.status === 'automatic')) return undefined;
  const w = q.condition;
  const names = values.map((v) => (w.form === 'is' ? (v === 'yes' ? w.yes : w.no) : valueName(q.id, v, t)));
  const labels = [...new Set(each.map((x) => x.path?.label).filter((x): x is string => !!x))];
  const common = rule.conditions.map((c) => evaluateCondition(c, a, t)).filter((o) => o.state === 'met').map((o) => o.text);
  return {
    status: each.some((x) => x.status === 'apply') ? 'apply' : 'automatic',
    possible: [...new Set(each.flatMap((x) => x.possible))],
    met: [...common, `不管是${names.join('还是')}都可以${labels.length ? `（${labels.join('；')}）` : ''}`],
    missed: [],
    unknown: [],
  };
}

/** Whether a condition of the rule (common or on a path, inside anyOf/allOf too) asks about question `id`. */
function usesQuestion(rule: RuleEntry, id: string): boolean {
  const has = (c: Condition): boolean => c.type === id || ((c.type === 'anyOf' || c.type === 'allOf') && c.of.some(has));
  return [...rule.conditions, ...(rule.paths ?? []).flatMap((p) => p.conditions)].some(has);
}

function judgeOnce(rule: RuleEntry, grant: 'automatic' | 'apply', a: Answers, t: TermLookup): RuleJudgement {
  const common = rule.conditions.map((c) => evaluateCondition(c, a, t));
  const met = common.filter((o) => o.state === 'met').map((o) => o.text);
  const missed = common.filter((o) => o.state === 'missed').map((o) => o.text);
  const unknown = common.filter((o) => o.state === 'unknown').map((o) => o.text);
  if (!rule.paths) {
    return { status: missed.length ? 'ineligible' : unknown.length ? 'conditional' : grant, possible: [], met, missed, unknown };
  }
  const ps = rule.paths.map((p) => judgePath(p, a, t));
  const metPaths = ps.filter((x) => x.state === 'met');
  const chosen = metPaths.find((x) => x.path.grant === 'automatic') ?? metPaths[0];
  if (chosen) {
    met.push(...chosen.outcomes.map((x) => x.o.text));
    const status: Verdict = missed.length ? 'ineligible' : unknown.length ? 'conditional' : chosen.path.grant;
    return { status, path: chosen.path, possible: [chosen.path.id], met, missed, unknown };
  }
  const maybe = ps.filter((x) => x.state === 'unknown');
  if (maybe.length) {
    // 「A；或者 A，并且 B」 says A: a way whose open questions include all of another's adds nothing
    // (a 残疾 student: 认定 for the 残疾 way, 认定 and 当地范围 for the local one → only 认定).
    const open = maybe.map((x) => x.outcomes.filter((y) => y.o.state === 'unknown').map((y) => y.o.text));
    const kept = open.filter((ts, i) => !open.some((o, j) => j !== i && o.every((x) => ts.includes(x)) && (o.length < ts.length || j < i)));
    unknown.push(kept.map((ts) => ts.join('，并且')).join('；或者'));
    return { status: missed.length ? 'ineligible' : 'conditional', possible: maybe.map((x) => x.path.id), met, missed, unknown };
  }
  missed.push(whyNot(ps));
  return { status: 'ineligible', possible: [], met, missed, unknown };
}
