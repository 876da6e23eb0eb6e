/**
 * Types the wizard's screens share (Wizard.tsx owns the state; Question.tsx, Review.tsx, Results.tsx
 * and Share.tsx render parts of it). Types only: no code ships from here.
 */
import type { QuestionId } from '../../rules/questions.ts';

/** Which screen is shown: a question, 「核对你的回答」, or the results. */
export type View = { v: 'q'; q: QuestionId } | { v: 'review' } | { v: 'results' };

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

