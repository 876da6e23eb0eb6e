/**
 * 孩子升级了吗: a link written in an earlier school year (`year=`, ./family.ts schoolYear) holds the
 * grades of then. `newYear` moves each child on by the school years since, along the school ladder
 * (./ladder.ts nextGrade, the one 接下来几年 uses):
 * - grade + 1 within the stage (高二 → 高三);
 * - into the next stage where there is one way and no condition (大班 → 小学一年级, 小学六年级 → 初中一年级);
 *   the answers about the school (公办民办, 住校 …) are dropped there and asked again;
 * - where the ways part or end (初三: 普高 or 中职; 高三、中职三年级: 大学 or work; 本专科五年级、研究生六年级)
 *   the child's stage and grade are dropped: `to` is absent, `done` names the school finished (「初中」:
 *   a 小学一年级 ten years on has finished 初中 too), and the wizard asks what the child is in now.
 * A move from a grade where the shortest programme ends (本专科三年级 and up: 专科 ends there; 研究生二年级
 * and up, ./leaving.ts SHORTEST_LAST) is `unsure`: the child may have graduated. Children without a
 * stage and grade are not moved. Pure: no clock, no data.
 *
 *   newYear({ shared: {}, children: [{ answers: { stage: 'senior', grade: 2 } }] }, 1)
 *     → { family: { shared: {}, children: [{ answers: { stage: 'senior', grade: 3 } }] },
 *         moves: [{ child: 0, from: '高中二年级', to: '高中三年级' }] }
 */
import { gradeName } from './answers.ts';
import { schoolWord } from '../schema/words.ts';
import { splitAnswers, type Family } from './family.ts';
import { nextGrade } from './ladder.ts';
import { SHORTEST_LAST } from './leaving.ts';

/** One child's way on: `to` absent = the stage is asked again; `unsure` = it may have graduated. */
export interface GradeMove {
  /** Index in family.children. */
  child: number;
  /** The grade in the link, in words (「高中二年级」「大班」). */
  from: string;
  /** The grade now, in words; absent when the next stage is not known. */
  to?: string;
  /** Then: the school the child has finished, where the ways part (「初中」: 普高 or 中职?). */
  done?: string;
  unsure?: boolean;
}

/** The family `years` (≥ 1) school years on, and each moved child's way. */
export function newYear(family: Family, years: number): { family: Family; moves: GradeMove[] } {
  const moves: GradeMove[] = [];
  const children = family.children.map((c, child) => {
    const { stage, grade } = c.answers;
    if (!stage || !grade) return c;
    let a = { ...c.answers, ...family.shared };
    let gone = false;
    for (let k = 0; k < years && !gone; k++) {
      const ways = nextGrade(a);
      if (ways.length === 1 && !ways[0]!.note) a = ways[0]!.answers;
      else gone = true;
    }
    const last = SHORTEST_LAST[stage];
    const unsure = !gone && !!last && a.stage === stage && grade + years > last;
    moves.push({ child, from: gradeName(stage, grade), ...(gone ? { done: schoolWord(a.stage!) } : { to: gradeName(a.stage!, a.grade!) }), ...(unsure && { unsure }) });
    return { ...c, answers: gone ? {} : splitAnswers(a).child };
  });
  return { family: { ...family, children }, moves };
}
