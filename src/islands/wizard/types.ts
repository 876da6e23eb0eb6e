/**
 * Types the wizard's screens share (Wizard.tsx owns the state; Question.tsx, Review.tsx, Results.tsx
 * and Share.tsx render parts of it). Types only: no code ships from here.
 */
import type { QuestionId } from '../../rules/questions.ts';
import type { Family } from '../../rules/family.ts';

/**
 * Which screen is shown: a question, 「核对你的回答」, the results, or (several children, issue 17)
 * 「这个孩子怎么称呼？」 for the current child.
 */
export type View = { v: 'q'; q: QuestionId } | { v: 'review' } | { v: 'results' } | { v: 'label' };

/** Screen-local state, reset whenever the screen changes. */
export interface Ui {
  /** Family question: the boxes ticked so far (null = as answered). */
  picked: string[] | null;
  /** Family question: 下一步 with nothing ticked. */
  warn: boolean;
  /** Region question: the text typed. */
  find: string;
  /** Share: what the copy button did. */
  msg: string;
  /** 清除我的回答 was tapped once: ask before wiping. */
  confirm: boolean;
}

/** What 孩子升级了吗 (./NewYear.tsx) reads of the wizard (./Wizard.tsx) and calls on it. */
export interface NewYearHost {
  state: { family: Family; cur: number; view: View; was?: number };
  /** This school year (src/rules/family.ts schoolYear of the device day). */
  year: () => number;
  /** A new family state at child `cur`'s screen; `was` 0 = the grades are this school year's. */
  goFamily: (family: Family, cur: number, want?: View, dropped?: QuestionId[], was?: number) => void;
}
