/**
 * When a child leaves its stage, and whether an application is for a school year after that: the
 * month strip, the .ics file (src/rules/calendar.ts) and a card's 「什么时候」 (src/rules/timing.ts) ask
 * these, 接下来几年 (src/rules/timeline.ts, via ./ladder.ts) shows the same day as 升入… and 不再有.
 * Apart from the ladder so the results code, which needs only this, does not carry the ladder.
 */
import { GRADE_MAX, type Answers } from './answers.ts';

/**
 * The 9 月 1 日 the child leaves its stage on, when that is the coming one (after `date`): the child is in
 * the stage's last grade, so nextGrade has no way on within it (the day 接下来几年 shows as 升入… and
 * 不再有). undefined while a grade of the same stage follows (本专科四年级: a five-year programme goes
 * on, and the timeline keeps the child in 本专科) or without a stage and grade.
 */
export function leavesStage(a: Answers, date: string): string | undefined {
  // The last grade of the stage: nextGrade (./ladder.ts) has only ways into another stage, or none.
  if (!a.stage || a.grade === undefined || a.grade < GRADE_MAX[a.stage]) return undefined;
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
