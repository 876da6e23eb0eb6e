/**
 * The wizard's family layer (issue 17): editing a `Family` (src/rules/family.ts) one child at a time,
 * (which stages' parts a family needs, and joining them, is in ./Family.tsx: the wizard's opening
 * does not carry it). No policy
 * here: the engine (src/rules/family-eval.ts, timeline.ts) decides; this only moves answers around.
 *
 * The wizard's question screens work on one child's full answers (its own and the family's shared
 * ones: `childAnswers`); `withChild` puts an edited set back, so a shared answer (户口, 家庭情况, 地区)
 * changed for one child changes for all, and the other children's own answers stay.
 */
import type { Answers } from '../../rules/answers.ts';
import { MAX_CHILDREN, splitAnswers, type Family } from '../../rules/family.ts';

/** The family with child `i`'s answers replaced by `answers` (its own part) and the shared answers by theirs. */
export function withChild(family: Family, i: number, answers: Answers): Family {
  const { shared, child } = splitAnswers(answers);
  const children = family.children.map((c, k) => (k === i ? { ...c, answers: child } : c));
  return { shared, children };
}

/** The family with one more child, not answered yet (at most MAX_CHILDREN). */
export function addChild(family: Family): Family {
  if (family.children.length >= MAX_CHILDREN) return family;
  return { ...family, children: [...family.children, { answers: {} }] };
}

/** The family without child `i` (the last child is never removed). */
export function removeChild(family: Family, i: number): Family {
  if (family.children.length <= 1) return family;
  return { ...family, children: family.children.filter((_, k) => k !== i) };
}

/** Child `i` labelled `order` (1 = 老大 … 6 = 老六), or unlabelled (「孩子 N」) with undefined. */
export function setOrder(family: Family, i: number, order: number | undefined): Family {
  return {
    ...family,
    children: family.children.map((c, k) => {
      if (k !== i) return c;
      const next = { ...c };
      if (order) next.order = order;
      else delete next.order;
      return next;
    }),
  };
}
