/**
 * Adding, removing and labelling a child of a `Family` (src/rules/family.ts). Only the family screens
 * do it (再加一个孩子, 去掉, 改称呼, all in ./Family.tsx), so this comes with them, not with the
 * wizard's opening (which only needs ./family-state.ts `withChild`).
 */
import { MAX_CHILDREN, type Family } from '../../rules/family.ts';

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
