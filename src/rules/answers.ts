/**
 * The wizard's answers and their public text form (`stage=senior&grade=2&family=dibao`), used in the
 * `/check/#…` hash, share links and poster QR codes. This vocabulary is a public contract: change it
 * only by adding values. See README「答案参数」.
 */
import type { FamilyStatus, Stage } from '../schema/index.ts';
import { FAMILY_STATUSES, STAGES } from '../schema/vocab.ts';
import { GRADE_MAX, NATIONAL_REGION, QUESTIONS, QUESTION_IDS, appliesTo, type ChoiceValue, type QuestionId } from '../schema/questions.ts';
import { gradeName, stageName } from '../schema/words.ts';
import { quoteLinkValue } from '../lib/link-value.ts';
import { repairAnswerText } from './link-repair.ts';

export { FAMILY_STATUSES, STAGES, gradeName, stageName, type FamilyStatus, type Stage };

export type TriState = 'yes' | 'no' | 'unknown';

type ChoiceId = Exclude<Extract<(typeof QUESTIONS)[number], { kind: 'choice' }>['id'], 'stage'>;

/**
 * A parent's answers, one field per question of the table (src/schema/questions.ts). Every field is
 * optional: a half-finished wizard is a valid state.
 * - stage; grade (1-based year within the stage; preschool 1–3 = 小班/中班/大班);
 * - the choice questions (degree: postgrad only; school; boarding: primary/junior only; hukou; agri:
 *   vocational only, 涉农专业; veteran: undergrad/postgrad only, 退役士兵学生 …), each one of its option values;
 * - family: the family's situations; 'none' = none apply, 'unknown' = the parent is not sure;
 * - region: GB/T 2260 code (six digits) of a configured region, or NATIONAL_REGION.
 */
export type Answers = {
  stage?: Stage;
  grade?: number;
  family?: FamilyStatus[] | 'none' | 'unknown';
  region?: string;
} & { [K in ChoiceId]?: ChoiceValue<K> };

export { NATIONAL_REGION, GRADE_MAX, appliesTo };

/** Order of parameters in the canonical string, which is also the wizard's question order. */
export const ANSWER_KEYS: readonly QuestionId[] = QUESTION_IDS;
export type AnswerKey = QuestionId;

export interface AnswerError {
  /** The parameter name, e.g. `grade`. */
  field: string;
  /** What is wrong, in Chinese, for the parent. */
  message: string;
}

export type ParseResult =
  | { ok: true; answers: Answers }
  /** `partial` holds every answer that could be kept, so the wizard can continue from there. */
  | { ok: false; errors: AnswerError[]; partial: Answers };

/**
 * Reads answers from a hash or query string (`#stage=senior&grade=2`, `?…`, or bare) or URLSearchParams.
 * Unknown parameter names are ignored (messengers append their own); unknown values, repeated
 * parameters and impossible combinations (e.g. `boarding` for a university student, grade 5 in 高中)
 * are errors naming the parameter.
 */
export function parseAnswers(input: string | URLSearchParams): ParseResult {
  const params = typeof input === 'string' ? new URLSearchParams(repairAnswerText(input)) : input; // mangled links: ./link-repair.ts
  const errors: AnswerError[] = [];
  const a: Answers = {};
  const raw = new Map<AnswerKey, string>();
  for (const key of ANSWER_KEYS) {
    const values = params.getAll(key);
    if (values.length > 1) errors.push({ field: key, message: `「${key}」出现了 ${values.length} 次，只能有一个` });
    if (values.length >= 1 && values[0] !== '') raw.set(key, values[0]!.trim());
  }

  const stage = raw.get('stage');
  if (stage !== undefined) {
    if ((STAGES as readonly string[]).includes(stage)) a.stage = stage as Stage;
    else errors.push({ field: 'stage', message: `不认识的阶段${quoteLinkValue(stage)}` });
  }

  for (const q of QUESTIONS) {
    if (q.kind !== 'choice' || q.id === 'stage') continue;
    const v = raw.get(q.id);
    if (v === undefined) continue;
    if (!q.options.some((o) => o.value === v)) {
      errors.push({ field: q.id, message: `「${q.short}」的回答${quoteLinkValue(v)}不认识` });
    } else if (!appliesTo(q.id, a.stage)) {
      // Named by its short name (「是否住校」): a parent cannot tell what 「这个问题」 is.
      const only = ('stages' in q ? q.stages : STAGES).map((s) => stageName(s)).join('、');
      errors.push({ field: q.id, message: a.stage ? `「${q.short}」这个问题只问${only}的学生，不适用于${stageName(a.stage)}` : `「${q.short}」这个问题只问${only}的学生，要先选阶段` });
    } else {
      (a as Record<string, string>)[q.id] = v;
    }
  }

  const grade = raw.get('grade');
  if (grade !== undefined) {
    const n = /^\d{1,2}$/.test(grade) ? Number(grade) : NaN;
    if (!a.stage) errors.push({ field: 'grade', message: '要先选阶段，再选年级' });
    else if (!Number.isInteger(n) || n < 1 || n > GRADE_MAX[a.stage])
      errors.push({ field: 'grade', message: `${stageName(a.stage)}的年级只能是 1 到 ${GRADE_MAX[a.stage]}${quoteLinkValue(grade) && `，链接里是${quoteLinkValue(grade)}`}` });
    else a.grade = n;
  }

  const family = raw.get('family');
  if (family !== undefined) {
    const parts = family.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = parts.filter((p) => p !== 'none' && p !== 'unknown' && !(FAMILY_STATUSES as readonly string[]).includes(p));
    if (bad.length) errors.push({ field: 'family', message: `不认识的家庭情况${quoteLinkValue(bad.join(','))}` });
    else if ((parts.includes('none') || parts.includes('unknown')) && parts.length > 1)
      errors.push({ field: 'family', message: '「都不是」「不确定」不能和其他家庭情况同时选' });
    else if (parts.length === 1 && (parts[0] === 'none' || parts[0] === 'unknown')) a.family = parts[0];
    else if (parts.length) a.family = FAMILY_STATUSES.filter((s) => parts.includes(s));
  }

  const region = raw.get('region');
  if (region !== undefined) {
    if (/^\d{6}$/.test(region)) a.region = region;
    else errors.push({ field: 'region', message: `地区代码应是 6 位数字${quoteLinkValue(region) && `，链接里是${quoteLinkValue(region)}`}` });
  }

  return errors.length ? { ok: false, errors, partial: a } : { ok: true, answers: a };
}

/** The canonical parameter string (no leading `#`): fixed key order, family in vocabulary order. */
export function formatAnswers(answers: Answers): string {
  const out: string[] = [];
  for (const key of ANSWER_KEYS) {
    const v = answers[key];
    if (v === undefined) continue;
    if (key === 'family' && Array.isArray(v)) {
      if (v.length) out.push(`family=${FAMILY_STATUSES.filter((s) => v.includes(s)).join(',')}`);
    } else out.push(`${key}=${encodeURIComponent(String(v))}`);
  }
  return out.join('&');
}
