/**
 * The school ladder: where a child goes on the next 9 月 1 日 (grade + 1, or the first grade of the next
 * stage), and when it leaves its stage. Pure and tiny (the family results use it to know which stages'
 * data a family needs; src/rules/timeline.ts for 接下来几年, src/rules/calendar.ts for the months it
 * still applies in: one ladder, so the two never disagree).
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


/**
 * The 9 月 1 日 the child leaves its stage on, when that is the coming one (after `date`): the child is in
 * the stage's last grade, so nextGrade has no way on within it (the day 接下来几年 shows as 升入… and
 * 不再有). undefined while a grade of the same stage follows (本专科四年级: a five-year programme goes
 * on, and the timeline keeps the child in 本专科) or without a stage and grade.
 */
export function leavesStage(a: Answers, date: string): string | undefined {
  if (!a.stage || a.grade === undefined || nextGrade(a).some((w) => !w.newStage)) return undefined;
  return `${Number(date.slice(0, 4)) + (date.slice(5) >= '09-01' ? 1 : 0)}-09-01`;
}

/**
 * Whether an application taken in `month` of `year` is for a school year the child will no longer be
 * in its stage for (leavesStage): applications from June on are for the coming school year (生源地贷款
 * in 7–8 月, a 新生's year counted from June). The month strip, the .ics file and the card's 「什么时候」
 * all ask this one question.
 */
export function afterLeaving(a: Answers, date: string, year: number, month: number): boolean {
  const end = leavesStage(a, date);
  return !!end && (month >= 6 ? year : year - 1) >= Number(end.slice(0, 4));
}
