/**
 * The wizard's answers and their public text form (`stage=senior&grade=2&family=dibao`), used in the
 * `/check/#…` hash, share links and poster QR codes. This vocabulary is a public contract: change it
 * only by adding values. See README「答案参数」.
 */
import type { FamilyStatus, Stage } from '../schema/index.ts';
import { FAMILY_STATUSES, STAGES } from '../schema/vocab.ts';
import { quoteLinkValue } from '../lib/link-value.ts';

export { FAMILY_STATUSES, STAGES, type FamilyStatus, type Stage };

export type TriState = 'yes' | 'no' | 'unknown';

/** A parent's answers. Every field is optional: a half-finished wizard is a valid state. */
export interface Answers {
  stage?: Stage;
  /** 1-based year within the stage (preschool 1–3 = 小班/中班/大班). */
  grade?: number;
  /** postgrad only. */
  degree?: 'master' | 'doctor';
  school?: 'public' | 'private';
  /** primary / junior only: lives at school (寄宿). */
  boarding?: TriState;
  hukou?: 'rural' | 'town' | 'urban' | 'unknown';
  /** vocational only: 涉农专业. */
  agri?: TriState;
  /** The family's situations; 'none' = none apply, 'unknown' = the parent is not sure. */
  family?: FamilyStatus[] | 'none' | 'unknown';
  /** undergrad / postgrad only: 退役士兵学生. */
  veteran?: 'yes' | 'no';
  /** Region code (GB/T 2260, six digits) of a configured region, or NATIONAL_REGION. */
  region?: string;
}

/**
 * `region=000000`: the family chose national standards (「不知道 / 用全国标准」 in the wizard). No
 * region's figures apply, not even a deployment's default region (ZZ_REGION).
 */
export const NATIONAL_REGION = '000000';

/** Order of parameters in the canonical string, which is also the wizard's question order. */
export const ANSWER_KEYS = ['stage', 'grade', 'degree', 'school', 'boarding', 'hukou', 'agri', 'family', 'veteran', 'region'] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

/** Highest grade for each stage (grades start at 1). */
export const GRADE_MAX: Record<Stage, number> = {
  preschool: 3, primary: 6, junior: 3, senior: 3, vocational: 3, undergrad: 5, postgrad: 6,
};

/** Which stages a question applies to; a question not listed applies to all stages. */
export const QUESTION_STAGES: Partial<Record<AnswerKey, readonly Stage[]>> = {
  degree: ['postgrad'],
  boarding: ['primary', 'junior'],
  agri: ['vocational'],
  veteran: ['undergrad', 'postgrad'],
};

/** Whether `key` is asked for `stage`. */
export function appliesTo(key: AnswerKey, stage: Stage | undefined): boolean {
  const only = QUESTION_STAGES[key];
  return !only || (stage !== undefined && only.includes(stage));
}

const ALLOWED: Partial<Record<AnswerKey, readonly string[]>> = {
  stage: STAGES,
  degree: ['master', 'doctor'],
  school: ['public', 'private'],
  boarding: ['yes', 'no', 'unknown'],
  hukou: ['rural', 'town', 'urban', 'unknown'],
  agri: ['yes', 'no', 'unknown'],
  veteran: ['yes', 'no'],
};

const STAGE_NAMES: Record<Stage, string> = {
  preschool: '学前教育', primary: '小学', junior: '初中', senior: '普通高中', vocational: '中等职业教育', undergrad: '本专科', postgrad: '研究生',
};

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
  const params = typeof input === 'string' ? new URLSearchParams(input.replace(/^[#?]/, '')) : input;
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

  for (const key of ['degree', 'school', 'boarding', 'hukou', 'agri', 'veteran'] as const) {
    const v = raw.get(key);
    if (v === undefined) continue;
    if (!ALLOWED[key]!.includes(v)) {
      errors.push({ field: key, message: `「${key}」的值${quoteLinkValue(v)}不认识` });
    } else if (!appliesTo(key, a.stage)) {
      const only = QUESTION_STAGES[key]!.map((s) => STAGE_NAMES[s]).join('、');
      errors.push({ field: key, message: a.stage ? `这个问题只问${only}的学生，不适用于${STAGE_NAMES[a.stage]}` : `这个问题只问${only}的学生，要先选阶段` });
    } else {
      (a as Record<string, string>)[key] = v;
    }
  }

  const grade = raw.get('grade');
  if (grade !== undefined) {
    const n = /^\d{1,2}$/.test(grade) ? Number(grade) : NaN;
    if (!a.stage) errors.push({ field: 'grade', message: '要先选阶段，再选年级' });
    else if (!Number.isInteger(n) || n < 1 || n > GRADE_MAX[a.stage])
      errors.push({ field: 'grade', message: `${STAGE_NAMES[a.stage]}的年级只能是 1 到 ${GRADE_MAX[a.stage]}${quoteLinkValue(grade) && `，链接里是${quoteLinkValue(grade)}`}` });
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

/** Chinese name of a stage as used in sentences (小学, 普通高中 …). */
export function stageName(stage: Stage): string {
  return STAGE_NAMES[stage];
}

const CN_NUM = ['', '一', '二', '三', '四', '五', '六'];
/** A grade in words: 大班, 初中二年级, 大学一年级, 研究生一年级 … */
export function gradeName(stage: Stage, grade: number): string {
  if (stage === 'preschool') return ['', '小班', '中班', '大班'][grade] ?? `${grade}`;
  const prefix: Record<Stage, string> = {
    preschool: '', primary: '小学', junior: '初中', senior: '高中', vocational: '中职', undergrad: '大学', postgrad: '研究生',
  };
  return `${prefix[stage]}${CN_NUM[grade] ?? grade}年级`;
}
