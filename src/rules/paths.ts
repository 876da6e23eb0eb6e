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
import { evaluateCondition, list, type Outcome, type TermLookup } from './conditions.ts';

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
    unknown.push(maybe.map((x) => x.outcomes.filter((y) => y.o.state === 'unknown').map((y) => y.o.text).join('，并且')).join('；或者'));
    return { status: missed.length ? 'ineligible' : 'conditional', possible: maybe.map((x) => x.path.id), met, missed, unknown };
  }
  missed.push(whyNot(ps));
  return { status: 'ineligible', possible: [], met, missed, unknown };
}
