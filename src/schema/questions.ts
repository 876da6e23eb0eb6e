/**
 * THE question table: every question the wizard can ask, declared once. Zod-free (browser code reads it).
 * Everything else follows from it:
 * - the answer string (`stage=senior&grade=2&…`, README「答案参数」): parameter names, their order and the
 *   values each takes (src/rules/answers.ts parseAnswers/formatAnswers);
 * - the question flow: which stages ask a question, in what order (src/rules/questions.ts);
 * - conditions on a question in the data (`{ type: school, in: [private] }`, `{ type: boarding, is: yes }`):
 *   their schema (src/schema/index.ts `Condition`), evaluation and wording (src/rules/conditions.ts);
 * - the answer space the invariant tests walk (test/support/answer-space.ts) and README's parameter table
 *   (test/content/readme.test.ts checks it).
 *
 * Kinds:
 * - `choice`: one value from `options`. `condition: 'in'` lets data write `{ type: ID, in: [v…] }`,
 *   `condition: 'is'` lets it write `{ type: ID, is: yes|no }` (yes/no questions). The option `unknown`
 *   (不确定) leaves such a condition unknown.
 * - `grade`: a number 1..GRADE_MAX[stage] (`{ type: grade, min, max }`).
 * - `family`: several values from FAMILY_STATUSES, or `none` / `unknown` alone (`family`, `hardship`).
 * - `region`: a six-digit GB/T 2260 code; no conditions (regions change figures, see src/rules/regions.ts).
 * `stage` is a choice whose condition (`{ type: stage, in: […] }`) is special-cased only in wording.
 *
 * Adding a yes/no question (e.g. 「是单亲家庭吗？」): add an entry here with `condition: 'is'` and its
 * words, a glossary entry for its help (content/glossary.yaml, kind answer), and use it in the data
 * (`{ type: singleparent, is: yes }`). Adding a family situation: FAMILY_STATUSES (./vocab.ts) and the
 * glossary (kind family).
 */
import { FAMILY_STATUSES, STAGES } from './vocab.ts';

type Stage = (typeof STAGES)[number];

/** Points at a glossary entry: label = `short ?? term`, help = `plain`. */
export interface TermRef {
  kind: 'stage' | 'family' | 'answer' | 'status' | 'term';
  id: string;
}

export interface OptionDecl {
  /** The value as written in the answer string (`senior`, `2`, `dibao`, `unknown` …). */
  value: string;
  /** Label from the glossary … */
  term?: TermRef;
  /** … or a literal label for plain words (是 / 不是 / 不确定). */
  label?: string;
  /** In a multi-select: choosing it clears the others (以上都不是, 不确定). */
  exclusive?: boolean;
}

/** How a condition on a `choice` question is worded. `{list}` stands for the names of the values asked for. */
export interface InWords {
  form: 'in';
  /** When the answer is missing or 不确定: 「要看是公办还是民办学校」. */
  unknown: string;
  /** When the answer is another value: 「只适用于{list}」. */
  missed: string;
}
/** Wording of a yes/no condition: `yes`/`no` name who it is for (「寄宿生（住校）」「走读生（不住校）」). */
export interface IsWords {
  form: 'is';
  unknown: string;
  yes: string;
  no: string;
}

interface Common {
  /** Parameter name in the answer string; also the condition type in the data. */
  id: string;
  /** Short name on the 「核对你的回答」 screen. */
  short: string;
  /** The question as a parent reads it. */
  title: string;
  /** One short line under the title (how to find out). */
  hint?: string;
  /** Glossary entries whose `plain` explains the question (「这是什么意思？」). */
  help: TermRef[];
  /** Asked only for these stages; absent = every stage (once a stage is chosen). */
  stages?: readonly Stage[];
  /** Other words for some stages (幼儿园: 「孩子在幼儿园哪个班？」); `labels` by option value (「公办幼儿园」). */
  byStage?: Partial<Record<Stage, { title?: string; short?: string; hint?: string; labels?: Record<string, string> }>>;
}

export interface ChoiceDecl extends Common {
  kind: 'choice';
  options: OptionDecl[];
  /** How data may test this answer, and the words for it; absent = no condition uses it. */
  condition?: InWords | IsWords;
}
export interface GradeDecl extends Common { kind: 'grade' }
export interface FamilyDecl extends Common { kind: 'family'; options: OptionDecl[] }
export interface RegionDecl extends Common { kind: 'region'; options: OptionDecl[] }
export type QuestionDecl = ChoiceDecl | GradeDecl | FamilyDecl | RegionDecl;

const UNSURE: OptionDecl = { value: 'unknown', label: '不确定' };
const ans = (id: string): TermRef => ({ kind: 'answer', id });

/** `region=000000`: the family chose national standards (「不知道 / 用全国标准」). */
export const NATIONAL_REGION = '000000';

/** Highest grade for each stage (grades start at 1). */
export const GRADE_MAX: Record<Stage, number> = {
  preschool: 3, primary: 6, junior: 3, senior: 3, vocational: 3, undergrad: 5, postgrad: 6,
};

/** Every question, in asking order (which is also the canonical parameter order of the answer string). */
export const QUESTIONS = [
  {
    id: 'stage', kind: 'choice', short: '上学阶段', help: [],
    title: '孩子现在上什么学？', hint: '选孩子这个学年在读的阶段。',
    options: STAGES.map((s) => ({ value: s, term: { kind: 'stage', id: s } })),
  },
  {
    id: 'grade', kind: 'grade', short: '年级', help: [],
    title: '孩子读几年级？',
    byStage: { preschool: { title: '孩子在幼儿园哪个班？', short: '班级', hint: '大班是上小学前的最后一年。' } },
  },
  {
    id: 'degree', kind: 'choice', short: '硕士或博士', help: [], stages: ['postgrad'],
    title: '读的是硕士还是博士？',
    options: [{ value: 'master', term: ans('degree-master') }, { value: 'doctor', term: ans('degree-doctor') }],
    condition: { form: 'in', unknown: '要看读的是硕士还是博士', missed: '只适用于{list}' },
  },
  {
    id: 'school', kind: 'choice', short: '学校类型', help: [ans('school-public'), ans('school-private')],
    title: '学校是公办还是民办？', hint: '不清楚的话，问班主任，或看学校全称里有没有「民办」两个字。',
    byStage: { preschool: { title: '幼儿园是公办还是民办？', hint: '不清楚的话，问老师，或看幼儿园全称里有没有「民办」两个字。', labels: { public: '公办幼儿园', private: '民办幼儿园' } } },
    options: [{ value: 'public', term: ans('school-public') }, { value: 'private', term: ans('school-private') }],
    condition: { form: 'in', unknown: '要看是公办还是民办学校', missed: '只适用于{list}' },
  },
  {
    id: 'boarding', kind: 'choice', short: '是否住校', help: [ans('boarding')], stages: ['primary', 'junior'],
    title: '孩子住在学校吗？',
    options: [{ value: 'yes', label: '住校（寄宿生）' }, { value: 'no', label: '每天回家住（走读生）' }, UNSURE],
    // 「要看孩子住不住校」, not 「是否住校（寄宿）」: before a 走读生 way that read as if a 脱贫 child had to board.
    condition: { form: 'is', unknown: '要看孩子住不住校', yes: '寄宿生（住校）', no: '走读生（不住校）' },
  },
  {
    id: 'hukou', kind: 'choice', short: '户口', help: [ans('hukou-rural'), ans('hukou-town'), ans('hukou-urban')],
    title: '孩子的户口是哪一种？', hint: '看户口簿上孩子那一页。',
    options: [{ value: 'rural', term: ans('hukou-rural') }, { value: 'town', term: ans('hukou-town') }, { value: 'urban', term: ans('hukou-urban') }, UNSURE],
    condition: { form: 'in', unknown: '要看户口是不是{list}', missed: '要求{list}' },
  },
  {
    id: 'agri', kind: 'choice', short: '涉农专业', help: [ans('agri')], stages: ['vocational'],
    title: '孩子读的是涉农专业吗？',
    options: [{ value: 'yes', label: '是涉农专业' }, { value: 'no', label: '不是' }, UNSURE],
    condition: { form: 'is', unknown: '要看读的是不是涉农专业', yes: '涉农专业', no: '非涉农专业' },
  },
  {
    id: 'family', kind: 'family', short: '家庭情况',
    // The 2026 names (常态化帮扶, 防止返贫致贫对象, 农村低收入人口) say which box they belong in.
    help: [...FAMILY_STATUSES.map((f) => ({ kind: 'family', id: f }) as TermRef), ...(['changtaihua', 'fangzhi-fanpin-zhipin', 'nongcun-dishouru', 'rending'] as const).map((id) => ({ kind: 'term', id }) as TermRef)],
    title: '家里有下面这些情况吗？', hint: '可以多选。不清楚的，可以问村委会、社区或班主任。',
    options: [
      ...FAMILY_STATUSES.map((f) => ({ value: f, term: { kind: 'family', id: f } }) as OptionDecl),
      { value: 'none', label: '以上都不是', exclusive: true },
      { ...UNSURE, exclusive: true },
    ],
  },
  {
    id: 'veteran', kind: 'choice', short: '退役士兵', help: [ans('veteran')], stages: ['undergrad', 'postgrad'],
    title: '学生是退役士兵吗？', hint: '当过兵、退伍后再上学的才选「是」。',
    options: [{ value: 'yes', label: '是' }, { value: 'no', label: '不是' }],
    condition: { form: 'is', unknown: '要看是不是退役士兵学生', yes: '退役士兵学生', no: '非退役士兵学生' },
  },
  {
    id: 'region', kind: 'region', short: '地区', help: [ans('region')],
    title: '孩子在哪个省/县上学？',
    hint: '有的省、县公布了自己的标准。输入名字找一找；找不到或不清楚，就按全国标准算。',
    options: [{ value: NATIONAL_REGION, label: '不知道 / 用全国标准' }],
  },
] as const satisfies readonly QuestionDecl[];

/** Every question id, in asking order. */
export type QuestionId = (typeof QUESTIONS)[number]['id'];
type DeclOf<K> = Extract<(typeof QUESTIONS)[number], { id: K }>;
/** Ids of the choice questions data can test with `in` / `is`. */
export type InQuestionId = { [Q in (typeof QUESTIONS)[number] as Q['id']]: Q extends { condition: { form: 'in' } } ? Q['id'] : never }[QuestionId];
export type IsQuestionId = { [Q in (typeof QUESTIONS)[number] as Q['id']]: Q extends { condition: { form: 'is' } } ? Q['id'] : never }[QuestionId];
/** The values of a choice question (`school` → 'public' | 'private'). */
export type ChoiceValue<K extends QuestionId> = DeclOf<K> extends { options: readonly { value: infer V }[] } ? V : never;

export const QUESTION_IDS = QUESTIONS.map((q) => q.id) as readonly QuestionId[];

/** The declaration of question `id`. */
export function declOf(id: QuestionId): QuestionDecl {
  return QUESTIONS.find((q) => q.id === id)! as QuestionDecl;
}

/** Whether `id` is asked for `stage` (a question without `stages` applies to every stage). */
export function appliesTo(id: QuestionId, stage: Stage | undefined): boolean {
  const only = (declOf(id) as Common).stages;
  return !only || (stage !== undefined && only.includes(stage));
}

/** Values a condition on question `id` may name: the option values without 不确定. */
export function conditionValues(id: QuestionId): string[] {
  const d = declOf(id);
  return 'options' in d ? d.options.map((o) => o.value).filter((v) => v !== 'unknown') : [];
}

/** The choice questions data can test, with their condition form. */
export const CONDITION_QUESTIONS = QUESTIONS.filter((q): q is Extract<(typeof QUESTIONS)[number], { condition: unknown }> => 'condition' in q);
