/**
 * When a child leaves its stage, and whether an application is for a school year after that: the
 * month strip, the .ics file (src/rules/calendar.ts) and a card's 「什么时候」 (src/rules/timing.ts) ask
 * these, 接下来几年 (src/rules/timeline.ts, via ./ladder.ts) shows the same day as 升入… and 不再有.
 * Apart from the ladder so the results code, which needs only this, does not carry the ladder.
 */
import { GRADE_MAX, type Answers, type Stage } from './answers.ts';

/**
 * The 9 月 1 日 the child leaves its stage on, when that is the coming one (after `date`): the child is in
 * the stage's last grade, so nextGrade has no way on within it (the day 接下来几年 shows as 升入… and
 * 不再有). undefined while a grade of the same stage follows (本专科四年级: a five-year programme goes
 * on, and the timeline keeps the child in 本专科) or without a stage and grade.
 */
export function leavesStage(a: Answers, date: string): string | undefined {
  // The last grade of the stage: nextGrade (./ladder.ts) has only ways into another stage, or none.
  if (!a.stage || a.grade === undefined || a.grade < GRADE_MAX[a.stage]) return undefined;
  return `${comingSeptember(date)}-09-01`;
}

/** The year of the first 9 月 1 日 after `date`. */
const comingSeptember = (date: string) => Number(date.slice(0, 4)) + (date.slice(5) >= '09-01' ? 1 : 0);

/** The year whose autumn starts the school year an application in `month` of `year` is for (from June on: the coming one). */
export const schoolYearOf = (year: number, month: number): number => (month >= 6 ? year : year - 1);

/**
 * Whether an application taken in `month` of `year` is for a school year the child will no longer be
 * in its stage for (leavesStage): applications from June on are for the coming school year (生源地贷款
 * in 7–8 月, a 新生's year counted from June). The month strip, the .ics file and the card's 「什么时候」
 * all ask this one question.
 */
export function afterLeaving(a: Answers, date: string, year: number, month: number): boolean {
  const end = leavesStage(a, date);
  return !!end && schoolYearOf(year, month) >= Number(end.slice(0, 4));
}

/**
 * The last grade of a stage's shortest programme, where programmes differ in length and the wizard does
 * not ask which: 本专科 3 (专科、高职 3 年; 本科 4 年; 医学等 5 年), 研究生 2 (硕士 2–3 年; 博士更长).
 */
export const SHORTEST_LAST: Partial<Record<Stage, number>> = { undergrad: 3, postgrad: 2 };

/**
 * Whether an application in `month` of `year` is for a school year the child may have left by: in a grade
 * from SHORTEST_LAST on, below the stage's last (there afterLeaving is sure), the next school year may be
 * after graduation (大四 in a 4-year 本科, 大三 in 专科). The card then says 「孩子如果这个学年就毕业，就不用再申请了」.
 */
export function mayHaveLeft(a: Answers, date: string, year: number, month: number): boolean {
  const last = a.stage && SHORTEST_LAST[a.stage];
  if (!last || a.grade === undefined || a.grade < last || a.grade >= GRADE_MAX[a.stage!]) return false;
  return schoolYearOf(year, month) >= comingSeptember(date);
}
