/**
 * The wizard's question flow, as plain data and logic (no UI, no clock, no zod): which questions are
 * asked for a given partial `Answers`, which one comes next, what each one's options are, and what to
 * drop when an earlier answer changes.
 *
 * Labels and 「这是什么意思？」 texts are not written here: options and help point at glossary entries
 * (content/glossary.yaml, `kind` + `id`); the UI shows the entry's `short ?? term` as the label and its
 * `plain` as the help. Only words that are not policy terms (是 / 不是 / 不确定 …) are literal.
 *
 *   firstUnanswered({ stage: 'senior' })          → 'grade'
 *   questionsFor({ stage: 'primary' })            → ['stage','grade','school','boarding','hukou','family','region']
 *   setAnswer({ stage: 'primary', boarding: 'yes', hukou: 'rural' }, 'stage', ['senior'])
 *     → { answers: { stage: 'senior', hukou: 'rural' }, dropped: ['boarding'] }
 *
 * The region question (「孩子在哪个省/县上学？」) comes last and is optional: its one fixed option is
 * NATIONAL_REGION (「不知道 / 用全国标准」); the UI offers the configured regions by search. A deployment's
 * default region (ZZ_REGION) answers it in advance: see `withDefaultRegion`.
 */
import {
  ANSWER_KEYS, FAMILY_STATUSES, GRADE_MAX, NATIONAL_REGION, STAGES, appliesTo, gradeName,
  type AnswerKey, type Answers, type Stage,
} from './answers.ts';

/** Every answer key is a question. */
export type QuestionId = AnswerKey;

/** In asking order (the canonical parameter order). */
export const QUESTION_IDS: readonly QuestionId[] = ANSWER_KEYS;

/** Points at a glossary entry: label = `short ?? term`, help = `plain`. */
export interface TermRef {
  kind: 'stage' | 'family' | 'answer' | 'status' | 'term';
  id: string;
}

export interface QuestionOption {
  /** The value as written in the answer string (`senior`, `2`, `dibao`, `unknown` …). */
  value: string;
  /** Label from the glossary … */
  term?: TermRef;
  /** … or a literal label for plain words. */
  label?: string;
  /** In a multi-select: choosing it clears the others (以上都不是, 不确定). */
  exclusive?: boolean;
}

export interface Question {
  id: QuestionId;
  /** The question as a parent reads it. */
  title: string;
  /** One short line under the title (how to find out), optional. */
  hint?: string;
  /** Several options may be chosen (family). */
  multi: boolean;
  /** Options beyond `options` are found by typing (region: the configured regions). */
  search?: boolean;
  options: QuestionOption[];
  /** Glossary entries whose `plain` explains the question (「这是什么意思？」); only entries with `plain` are shown. */
  help: TermRef[];
  /** Short name of the question on the 「核对你的回答」 screen. */
  short: string;
}

const UNSURE: QuestionOption = { value: 'unknown', label: '不确定' };
const ans = (id: string): TermRef => ({ kind: 'answer', id });

/** Whether question `id` is asked for these answers (grade and region need a stage; see QUESTION_STAGES). */
export function isAsked(id: QuestionId, a: Answers): boolean {
  if (id === 'grade' || id === 'region') return a.stage !== undefined;
  return appliesTo(id, a.stage);
}

/** The questions asked for these answers, in order. Without a stage only the stage question is asked. */
export function questionsFor(a: Answers): QuestionId[] {
  if (!a.stage) return ['stage'];
  return QUESTION_IDS.filter((id) => isAsked(id, a));
}

/** Whether `id` has an answer (an empty family list counts as unanswered). */
export function isAnswered(a: Answers, id: QuestionId): boolean {
  const v = a[id];
  return Array.isArray(v) ? v.length > 0 : v !== undefined;
}

/** The first question still to answer, or undefined when every asked question has an answer. */
export function firstUnanswered(a: Answers): QuestionId | undefined {
  return questionsFor(a).find((id) => !isAnswered(a, id));
}

/** The asked question before `id` (for a 「上一题」 button), or undefined at the first. */
export function previousQuestion(a: Answers, id: QuestionId): QuestionId | undefined {
  const qs = questionsFor(a);
  const i = qs.indexOf(id);
  return i > 0 ? qs[i - 1] : undefined;
}

/**
 * Position of `id` among the asked questions (1-based) and how many there are, for 「第 2 题，共 6 题」;
 * null before a stage is chosen (the count depends on it).
 */
export function progress(a: Answers, id: QuestionId): { n: number; of: number } | null {
  if (!a.stage) return null;
  const qs = questionsFor(a);
  return { n: qs.indexOf(id) + 1, of: qs.length };
}

/** The question `id` for these answers (grade options depend on the stage). */
export function question(id: QuestionId, a: Answers): Question {
  switch (id) {
    case 'stage':
      return {
        id, short: '上学阶段', multi: false, help: [],
        title: '孩子现在上什么学？',
        hint: '选孩子这个学年在读的阶段。',
        options: STAGES.map((s) => ({ value: s, term: { kind: 'stage', id: s } })),
      };
    case 'grade': {
      const stage: Stage = a.stage ?? 'senior';
      const n = GRADE_MAX[stage];
      return {
        id, short: stage === 'preschool' ? '班级' : '年级', multi: false, help: [],
        title: stage === 'preschool' ? '孩子在幼儿园哪个班？' : '孩子读几年级？',
        ...(stage === 'preschool' && { hint: '大班是上小学前的最后一年。' }),
        options: Array.from({ length: n }, (_, i) => ({ value: String(i + 1), label: gradeName(stage, i + 1) })),
      };
    }
    case 'degree':
      return {
        id, short: '硕士或博士', multi: false, help: [],
        title: '读的是硕士还是博士？',
        options: [{ value: 'master', term: ans('degree-master') }, { value: 'doctor', term: ans('degree-doctor') }],
      };
    case 'school':
      return {
        id, short: '学校类型', multi: false, help: [ans('school-public'), ans('school-private')],
        title: '学校是公办还是民办？',
        hint: '不清楚的话，问班主任，或看学校全称里有没有「民办」两个字。',
        options: [{ value: 'public', term: ans('school-public') }, { value: 'private', term: ans('school-private') }],
      };
    case 'boarding':
      return {
        id, short: '是否住校', multi: false, help: [ans('boarding')],
        title: '孩子住在学校吗？',
        options: [
          { value: 'yes', label: '住校（寄宿生）' },
          { value: 'no', label: '每天回家住（走读生）' },
          UNSURE,
        ],
      };
    case 'hukou':
      return {
        id, short: '户口', multi: false, help: [ans('hukou-rural'), ans('hukou-town'), ans('hukou-urban')],
        title: '孩子的户口是哪一种？',
        hint: '看户口簿上孩子那一页。',
        options: [
          { value: 'rural', term: ans('hukou-rural') },
          { value: 'town', term: ans('hukou-town') },
          { value: 'urban', term: ans('hukou-urban') },
          UNSURE,
        ],
      };
    case 'agri':
      return {
        id, short: '涉农专业', multi: false, help: [ans('agri')],
        title: '孩子读的是涉农专业吗？',
        options: [{ value: 'yes', label: '是涉农专业' }, { value: 'no', label: '不是' }, UNSURE],
      };
    case 'family':
      return {
        id, short: '家庭情况', multi: true,
        help: [...FAMILY_STATUSES.map((f) => ({ kind: 'family' as const, id: f })), { kind: 'term', id: 'rending' }],
        title: '家里有下面这些情况吗？',
        hint: '可以多选。不清楚的，可以问村委会、社区或班主任。',
        options: [
          ...FAMILY_STATUSES.map((f) => ({ value: f, term: { kind: 'family' as const, id: f } })),
          { value: 'none', label: '以上都不是', exclusive: true },
          { ...UNSURE, exclusive: true },
        ],
      };
    case 'veteran':
      return {
        id, short: '退役士兵', multi: false, help: [ans('veteran')],
        title: '学生是退役士兵吗？',
        hint: '当过兵、退伍后再上学的才选「是」。',
        options: [{ value: 'yes', label: '是' }, { value: 'no', label: '不是' }],
      };
    case 'region':
      return {
        id, short: '地区', multi: false, search: true, help: [ans('region')],
        title: '孩子在哪个省/县上学？',
        hint: '有的省、县公布了自己的标准。输入名字找一找；找不到或不清楚，就按全国标准算。',
        options: [{ value: NATIONAL_REGION, label: '不知道 / 用全国标准' }],
      };
  }
}

/**
 * The answers the flow works on: when the family has not answered the region question, `region`
 * (a deployment's default, ZZ_REGION) stands as the answer, so the question is skipped but shown on
 * 「核对你的回答」 with a change button. Without a default the answers are returned as they are.
 */
export function withDefaultRegion(a: Answers, region: string | undefined): Answers {
  return a.region || !region ? a : { ...a, region };
}

/** The chosen option values of `id` as strings (grade '2'; family ['dibao','orphan']; none → []). */
export function chosenValues(a: Answers, id: QuestionId): string[] {
  const v = a[id];
  if (v === undefined) return [];
  return Array.isArray(v) ? [...v] : [String(v)];
}

/**
 * Sets question `id` from the chosen option values and drops later answers that no longer apply:
 * questions not asked for the new stage (boarding, agri, degree, veteran), and the grade when the
 * stage changes (grades mean different things in different stages). Everything else is kept,
 * including `region`. An empty or invalid choice clears the answer. The region takes any six-digit
 * code (whether that region is configured is the engine's business: it says so and uses national
 * standards).
 */
export function setAnswer(a: Answers, id: QuestionId, values: readonly string[]): { answers: Answers; dropped: QuestionId[] } {
  const next: Answers = { ...a };
  const allowed = new Set(question(id, a).options.map((o) => o.value));
  const vs = values.filter((v) => allowed.has(v) || (id === 'region' && /^\d{6}$/.test(v)));
  const rec = next as Record<string, unknown>;
  if (vs.length === 0) delete rec[id];
  else if (id === 'grade') next.grade = Number(vs[0]);
  else if (id === 'family') {
    const special = vs.find((v) => v === 'none' || v === 'unknown');
    next.family = special ? (special as 'none' | 'unknown') : FAMILY_STATUSES.filter((f) => vs.includes(f));
  } else rec[id] = vs[0];

  const dropped: QuestionId[] = [];
  const drop = (k: QuestionId) => {
    if (rec[k] !== undefined) {
      delete rec[k];
      dropped.push(k);
    }
  };
  if (id === 'stage' && a.stage !== next.stage) drop('grade');
  for (const k of QUESTION_IDS) if (k !== 'grade' && k !== 'stage' && !appliesTo(k, next.stage)) drop(k);
  return { answers: next, dropped };
}
