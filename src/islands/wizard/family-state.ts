/**
 * The wizard's family layer (issue 17): editing a `Family` (src/rules/family.ts) one child at a time,
 * (which stages' parts a family needs, and joining them, is in ./Family.tsx, and adding, removing and
 * labelling a child in ./family-edit.ts: the wizard's opening does not carry them). No policy
 * here: the engine (src/rules/family-eval.ts, timeline.ts) decides; this only moves answers around.
 *
 * The wizard's question screens work on one child's full answers (its own and the family's shared
 * ones: `childAnswers`); `withChild` puts an edited set back, so a shared answer (户口, 家庭情况, 地区)
 * changed for one child changes for all, and the other children's own answers stay.
 */
import type { Answers } from '../../rules/answers.ts';
import { splitAnswers, type Family } from '../../rules/family.ts';

/** The family with child `i`'s answers replaced by `answers` (its own part) and the shared answers by theirs. */
export function withChild(family: Family, i: number, answers: Answers): Family {
  const { shared, child } = splitAnswers(answers);
  const children = family.children.map((c, k) => (k === i ? { ...c, answers: child } : c));
  return { shared, children };
}
