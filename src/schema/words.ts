/**
 * The few Chinese words that code (not data) puts into sentences, each written once. Everything that
 * is a policy term lives in content/glossary.yaml; these are the sentence forms of the answer
 * vocabulary that parsing and the engine need before any data is loaded (a link is read before the
 * wizard has its data). Zod-free: browser code imports it.
 *   stageName('senior')      → '普通高中'
 *   gradeName('junior', 2)   → '初中二年级'     gradeName('preschool', 3) → '大班'
 *   cnNumber(3)              → '三'            (0–10; larger numbers stay digits)
 */
import type { STAGES } from './vocab.ts';

type Stage = (typeof STAGES)[number];

/** A stage as it stands in a sentence (「只适用于小学学生」「这个问题只问普通高中的学生」). */
export const STAGE_NAMES: Record<Stage, string> = {
  preschool: '学前教育', primary: '小学', junior: '初中', senior: '普通高中', vocational: '中等职业教育', undergrad: '本专科', postgrad: '研究生',
};

/** What stands before 「X年级」 for each stage (preschool grades are named 小班/中班/大班 instead). */
const GRADE_PREFIX: Record<Stage, string> = {
  preschool: '', primary: '小学', junior: '初中', senior: '高中', vocational: '中职', undergrad: '大学', postgrad: '研究生',
};

const PRESCHOOL_GRADES = ['小班', '中班', '大班'];
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 0–10 in Chinese numerals (「三年级」); other numbers as digits. */
export const cnNumber = (n: number): string => CN_DIGITS[n] ?? String(n);

/** A count before a measure word (「分两档」「分三档」): 2 is 两; other numbers as cnNumber. */
export const cnCount = (n: number): string => (n === 2 ? '两' : cnNumber(n));

/** The everyday short name of a stage's schools: 幼儿园, 小学, 初中, 高中, 中职, 大学, 研究生 (「初中已经毕业」). */
export const schoolWord = (stage: Stage): string => GRADE_PREFIX[stage] || '幼儿园';

/** Chinese name of a stage as used in sentences (小学, 普通高中 …). */
export const stageName = (stage: Stage): string => STAGE_NAMES[stage];

/** A grade in words: 大班, 初中二年级, 大学一年级, 研究生一年级 … */
export function gradeName(stage: Stage, grade: number): string {
  if (stage === 'preschool') return PRESCHOOL_GRADES[grade - 1] ?? String(grade);
  return `${GRADE_PREFIX[stage]}${cnNumber(grade)}年级`;
}

/** Said wherever the site has no published contact or figure to offer. */
export const ASK_LOCAL = '请向学校或当地教育局学生资助管理中心咨询';
/** When to apply, for a subsidy whose data names no time (src/rules/timing.ts applyWhen). */
export const WHEN_UNKNOWN = '按学校、县里的通知';
