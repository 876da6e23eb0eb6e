/**
 * The school ladder: where a child goes on the next 9 月 1 日 (grade + 1, or the first grade of the next
 * stage). Pure and tiny (the family results use it to know which stages' data a family needs;
 * src/rules/timeline.ts for 接下来几年). When a child leaves its stage is ./leaving.ts (the same last
 * grade, GRADE_MAX), which the calendar and a card's 「什么时候」 ask.
 */
import { GRADE_MAX, type Answers, type Stage } from './answers.ts';

/** Keys that belong to the school the child is in, dropped at a change of stage. */
const SCHOOL_KEYS = ['school', 'boarding', 'agri', 'degree', 'veteran'] as const;

/** Where a child goes after the last grade of a stage: one way, several (a choice), or none known. */
const NEXT: Record<Stage, { stage: Stage; note?: string }[]> = {
  preschool: [{ stage: 'primary' }],
  primary: [{ stage: 'junior' }],
  junior: [{ stage: 'senior', note: '上普通高中的话' }, { stage: 'vocational', note: '上中职的话' }],
  senior: [{ stage: 'undergrad', note: '考上大学（含高职）的话' }],
  vocational: [{ stage: 'undergrad', note: '接着读高职或大学的话' }],
  undergrad: [],
  postgrad: [],
};

/** The next grade's answers: same stage grade + 1, or the first grade of each possible next stage. */
export function nextGrade(a: Answers): { answers: Answers; note?: string; newStage: boolean }[] {
  if (!a.stage || a.grade === undefined) return [];
  if (a.grade < GRADE_MAX[a.stage]) return [{ answers: { ...a, grade: a.grade + 1 }, newStage: false }];
  return NEXT[a.stage].map((n) => {
    const next: Answers = { ...a, stage: n.stage, grade: 1 };
    for (const k of SCHOOL_KEYS) delete next[k];
    return { answers: next, ...(n.note && { note: n.note }), newStage: true };
  });
}
