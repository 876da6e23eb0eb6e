/**
 * Schemas for the policy data under `content/`. One source of truth: pages, the wizard and the posters
 * all read data that passed these schemas. Plain zod (no Astro import), so the engine and the tests can
 * use them outside Astro (src/data/ validates every data file with them).
 *
 * Conventions
 * - Money is in 元 (yuan), as plain numbers. Units say what a number is per (see `Unit`).
 * - Dates are ISO `YYYY-MM-DD`. A semester-based change uses 03-01 (春季学期) or 09-01 (秋季学期).
 * - Histories (`amounts`, `rules`) are append-only: a new policy adds an entry with a later `from`;
 *   old entries are never edited, so the engine can answer for any past date.
 * - Every dated value names the `source` (an id in content/sources.yaml) that set it.
 */
import { z } from 'zod';
import { FAMILY_STATUSES, STAGES } from './vocab.ts';
import { CONDITION_QUESTIONS, conditionValues, type ChoiceValue, type InQuestionId, type IsQuestionId } from './questions.ts';
import { isIsoDay } from '../lib/today.ts';

// zod's own messages (wrong type, missing field, unknown key…) in Chinese, like ours: the build
// prints them as `FILE: FIELD: 说明` to the people who edit content/.
z.config(z.locales.zhCN());

/**
 * An ISO calendar date `YYYY-MM-DD` that exists (2025-02-30 and 2025-13-01 are refused). The site's
 * YAML loader keeps dates as written (src/integrations/yaml.mjs); a Date object (from another YAML
 * loader) is taken as its day.
 */
export const IsoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期要写成 YYYY-MM-DD').refine(isIsoDay, '没有这一天（月份 01–12，日子要在这个月里）'),
);

/** Schooling stages, the wizard's `stage=` vocabulary (the list lives in ./vocab.ts, zod-free for the browser). */
export { STAGES, FAMILY_STATUSES };
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

/** Family situations, the wizard's `family=` vocabulary (list and meanings in ./vocab.ts). */
export const FamilyStatus = z.enum(FAMILY_STATUSES);
export type FamilyStatus = z.infer<typeof FamilyStatus>;

export const Hukou = z.enum(['rural', 'town', 'urban']);
export const SchoolType = z.enum(['public', 'private']);
export const Degree = z.enum(['master', 'doctor']);
export const YesNo = z.enum(['yes', 'no']);

/** Things the wizard cannot know; a condition of this kind always makes a result 「可能可以」. */
export const ExternalKind = z.enum([
  'merit', // 评选：成绩、综合表现
  'pilot-area', // 学校是否在试点地区（营养餐：试点县的农村学校）
  'province-scope', // 家所在的省份是否在项目范围（新生入学资助：中西部 22 个省份和兵团；向县资助中心申请）
  'home-area', // 家所在的县是否在国家点名的地区（中职助学金：原连片特困地区、西藏、四省涉藏州县、南疆四地州）
  'school-approved', // 学校是否经教育部门批准、普惠性等
  'central-university', // 是否中央部门所属高校
  'service', // 入伍、到基层就业等将来的服务
  'quota', // 名额、比例由地方或学校定
  'local-scope', // 地方是否把对象扩大到这里
]);

/**
 * The closed registry of eligibility conditions. Each evaluates to met / not met / unknown against the
 * parent's answers. `anyOf` / `allOf` combine others. `text` overrides the generated wording.
 * Conditions on a single answer come from the question table (src/schema/questions.ts): a question
 * declared with `condition: 'in'` is tested as `{ type: ID, in: [values] }` (degree, school, hukou),
 * one with `condition: 'is'` as `{ type: ID, is: yes|no }` (boarding, agri, veteran).
 */
export type InCondition = { [K in InQuestionId]: { type: K; in: Exclude<ChoiceValue<K>, 'unknown'>[]; maybe?: Exclude<ChoiceValue<K>, 'unknown'>[]; text?: string } }[InQuestionId];
export type IsCondition = { [K in IsQuestionId]: { type: K; is: z.infer<typeof YesNo>; text?: string } }[IsQuestionId];
export type Condition =
  | { type: 'stage'; in: Stage[]; text?: string }
  | { type: 'grade'; min?: number; max?: number; text?: string }
  | InCondition
  | IsCondition
  | { type: 'family'; anyOf: FamilyStatus[]; text?: string }
  | { type: 'hardship'; text?: string }
  | { type: 'external'; kind: z.infer<typeof ExternalKind>; text: string }
  | { type: 'anyOf'; of: Condition[]; text?: string }
  /** All must hold. `text` words the group while it is unknown; when one part is missed, that part's wording says why. */
  | { type: 'allOf'; of: Condition[]; text?: string };

const text = z.string().min(1).optional().describe('Chinese wording of what is required; replaces the generated wording when the condition is missed or unknown');

/**
 * `{ type: ID, in: [...] }` / `{ type: ID, is: yes|no }` for every question the table lets data test.
 * `maybe`: answers that do not settle an `in` condition, so it stays unknown (「可能可以」, worded by
 * `text`): 县镇户口 for 农村低保 — a 县镇 household's 低保 can be 农村 or 城市, the 低保证 says which.
 */
const answerConditions = CONDITION_QUESTIONS.map((q) => {
  if (q.condition.form !== 'in') return z.strictObject({ type: z.literal(q.id), is: YesNo, text });
  const values = z.array(z.enum(conditionValues(q.id) as [string, ...string[]])).min(1);
  return z
    .strictObject({ type: z.literal(q.id), in: values, maybe: values.optional(), text })
    .refine((c) => !c.maybe?.some((v) => c.in.includes(v)), { message: 'maybe 里的回答不能同时写在 in 里', path: ['maybe'] });
});

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('stage'), in: z.array(Stage).min(1), text }),
    z.strictObject({ type: z.literal('grade'), min: z.number().int().min(1).optional(), max: z.number().int().min(1).optional(), text }),
    ...answerConditions,
    z.strictObject({ type: z.literal('family'), anyOf: z.array(FamilyStatus).min(1), text }),
    z.strictObject({ type: z.literal('hardship'), text }),
    z.strictObject({ type: z.literal('external'), kind: ExternalKind, text: z.string().min(1) }),
    z.strictObject({ type: z.literal('anyOf'), of: z.array(Condition).min(2), text }),
    z.strictObject({ type: z.literal('allOf'), of: z.array(Condition).min(2), text }),
  ] as unknown as [z.ZodObject, ...z.ZodObject[]]),
) as unknown as z.ZodType<Condition>;

/**
 * How sure we are of a figure: high = two independent sources or a government page. Always written on
 * each amount and rule (no default: a deleted `confidence: unconfirmed` must not turn into high).
 */
export const Confidence = z.enum(['high', 'medium', 'unconfirmed']);

/**
 * How an amount is meant:
 * - fixed: exactly `value` 元 per unit;
 * - average: a national average `value`, real tiers set by province or school (optional `range`);
 * - up-to: at most `value`;
 * - waiver: a fee is not charged (no number: the waived fee is the local fee);
 * - per-school-day: `value` 元 per school day (unit must be per-school-day);
 * - local: no national figure; the local government sets it;
 * - service: not money (先入学后缴费、勤工助学岗位); `note` says what it is.
 */
export const Basis = z.enum(['fixed', 'average', 'up-to', 'waiver', 'per-school-day', 'local', 'service']);
export type Basis = z.infer<typeof Basis>;

/** per-year 元/生/年 · per-school-day 元/生/天 · once 元（一次性） · none (waivers, services). */
export const Unit = z.enum(['per-year', 'per-school-day', 'once', 'none']);
export type Unit = z.infer<typeof Unit>;

/** Selects which answers an amount line applies to; every given key must match. */
export const AmountWhen = z.strictObject({
  stages: z.array(Stage).min(1).optional(),
  degree: z.array(Degree).min(1).optional(),
  boarding: YesNo.optional(),
  /** 公办 or 民办 school (e.g. a 民办 school's waiver is paid at the local public-school standard). */
  school: SchoolType.optional(),
  /** Short Chinese label shown when several lines could apply, e.g. 「寄宿生」. */
  label: z.string().min(1).optional(),
});
export type AmountWhen = z.infer<typeof AmountWhen>;

/** One dated value in a subsidy's amount history. */
export const AmountEntry = z
  .strictObject({
    /** First day this value is in force (inclusive). */
    from: IsoDate,
    /** Which students this line is for; omitted = all students the subsidy covers. */
    when: AmountWhen.optional(),
    basis: Basis,
    /** 元, per `unit`. Required except for waiver and local. */
    value: z.number().nonnegative().optional(),
    /**
     * For average: the allowed span of local tiers, in 元 per unit. `confidence` when the span is less
     * sure than the value (e.g. 普高 2300 high, its 1200–3500 span medium); default: the entry's.
     */
    range: z.strictObject({ min: z.number().nonnegative(), max: z.number().positive(), confidence: z.enum(['high', 'medium', 'unconfirmed']).optional() }).optional(),
    /**
     * The lowest figure a local body may set for the same students, in 元 per unit, and who sets it, e.g.
     * { value: 13000, who: 地方高校 } → 「地方高校不低于 13000 元/年（省里定）」; `per: hour` for pay
     * (「校内临时岗位不低于 12 元/小时」). Not a figure this child gets.
     */
    floor: z.strictObject({ value: z.number().positive(), who: z.string().min(1), per: z.literal('hour').optional().describe('hour: 元/小时 instead of the entry unit') }).optional(),
    /** The most one student can get, in 元 per unit (e.g. 学业奖学金 每人最高不超过 20000 元/年). */
    cap: z.number().positive().optional(),
    /**
     * For waiver: how much is waived. full (default) = the whole fee; public-standard = up to the local
     * public-school fee (民办学校: the school may charge the difference).
     */
    waives: z.enum(['full', 'public-standard']).optional(),
    /** For service: the headline saying what the family gets, e.g. 「按小时计酬，不低于当地最低工资标准」. */
    headline: z.string().min(1).optional(),
    /**
     * true when `from` is the day this site's records begin, not the day the value took effect (it is
     * older; FACTS gives no start). Tables then say 「本站资料从 2022 年起收录」, never 「2022 年起」.
     */
    recordedFrom: z.boolean().optional(),
    /**
     * The value (元 per unit) in force just before `from`, when the line it replaced is not recorded here
     * (FACTS §0 gives the change, not when the older value began: 2019 春 本专科国家助学金 3000→3300).
     * /changes/ then says 「由 3000 元提高到 3300 元」. Only on the first line of a history, with `value`.
     */
    was: z.number().positive().optional(),
    /** The actual tiers (元 per unit, low to high) where a province or county published them, e.g. [1300, 2300, 3300]. */
    tiers: z.array(z.number().positive()).min(2).optional(),
    unit: Unit,
    /** Paid in this many equal instalments a year (2 = 春、秋两学期各一半). */
    instalments: z.number().int().min(1).max(12).optional(),
    /** Id in content/sources.yaml of the document that set this value. */
    source: z.string().min(1),
    /** How sure the figure is (see Confidence); required. */
    confidence: Confidence,
    /** Plain-Chinese note shown with the figure (e.g. 「按约 200 个在校日计，约 1000 元/年」). */
    note: z.string().min(1).optional(),
  })
  .superRefine((a, ctx) => {
    const needsValue = a.basis !== 'waiver' && a.basis !== 'local' && a.basis !== 'service';
    if (needsValue && a.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `basis「${a.basis}」需要 value（元）` });
    if (!needsValue && a.value !== undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `basis「${a.basis}」不写 value` });
    if (a.basis === 'per-school-day' && a.unit !== 'per-school-day') ctx.addIssue({ code: 'custom', path: ['unit'], message: 'per-school-day 的 unit 必须是 per-school-day' });
    if (a.range && a.range.min > a.range.max) ctx.addIssue({ code: 'custom', path: ['range'], message: 'range.min 大于 range.max' });
    if (a.range && a.value !== undefined && (a.value < a.range.min || a.value > a.range.max))
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${a.value} 元不在 range（${a.range.min}–${a.range.max} 元）之内，多半是打错了` });
    if (a.range && a.tiers?.some((t) => t < a.range!.min || t > a.range!.max))
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: `tiers 里有不在 range（${a.range.min}–${a.range.max} 元）之内的档` });
    if (a.tiers && a.tiers.some((t, i) => i > 0 && t <= a.tiers![i - 1]!)) ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'tiers 要从低到高排列，不能重复' });
    if (a.waives && a.basis !== 'waiver') ctx.addIssue({ code: 'custom', path: ['waives'], message: 'waives 只用于 basis「waiver」' });
    if (a.headline && a.basis !== 'service') ctx.addIssue({ code: 'custom', path: ['headline'], message: 'headline 只用于 basis「service」' });
  });
export type AmountEntry = z.infer<typeof AmountEntry>;

/**
 * One way of qualifying (资格路径) within a rule version, e.g. 中职免学费: 农村户口 (automatic), 涉农专业
 * (automatic), 城市家庭经济困难 (apply, after 认定). The path that qualifies decides the status and the
 * documents (DocumentNeed.paths), not the subsidy as a whole.
 */
export const RulePath = z.strictObject({
  /** Identifier, stable across rule versions (documents refer to it), e.g. `rural`, `hardship`. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'id 只用小写英文字母、数字和连字符'),
  /** Who qualifies this way, as a noun phrase for 「要求是……」: 「经认定的城市家庭经济困难学生」. */
  label: z.string().min(1),
  /** All must hold for this path (tri-state, like RuleEntry.conditions). */
  conditions: z.array(Condition).min(1),
  /** automatic = given without applying; apply = the family applies (usually after 认定). */
  grant: z.enum(['automatic', 'apply']),
  /**
   * The policy this way of qualifying comes from, when it is not the rule version's `source` (id in
   * content/sources.yaml): 寄宿生 生活补助 rests on 国发〔2015〕67号, the four kinds of 走读生 on the 2019
   * 非寄宿生 policy. A result reached by this path cites it as its 依据 instead of the rule's.
   */
  source: z.string().min(1).optional(),
});
export type RulePath = z.infer<typeof RulePath>;

/** One dated version of who qualifies. The newest `from` ≤ date is in force. */
export const RuleEntry = z.strictObject({
  from: IsoDate,
  /**
   * All must hold (tri-state: a single unknown makes the result 「可能可以」). At least one, unless
   * `everyone: true` says every student of the subsidy's stages qualifies (then it is `[]`).
   */
  conditions: z.array(Condition),
  /**
   * Ways of qualifying, in order of preference: at least one must hold besides `conditions`. The first
   * path met that is automatic wins, else the first met. Omitted: the subsidy's `grant` applies.
   */
  paths: z.array(RulePath).min(2).optional(),
  /** true when `from` is the day this site's records begin, not the day the rule took effect (see AmountEntry). */
  recordedFrom: z.boolean().optional(),
  /** true: no condition at all, everyone in the subsidy's stages qualifies (免学费、免费教科书…); then `conditions: []`. */
  everyone: z.literal(true).optional(),
  source: z.string().min(1),
  /** How sure this version is (see Confidence); required. */
  confidence: Confidence,
  /** Plain-Chinese summary of who qualifies under this version, shown on pages. */
  who: z.string().min(1),
  /** true on the first version when the policy itself began on `from` (listed as 新设 on /changes/). */
  introduced: z.boolean().optional(),
}).superRefine((r, ctx) => {
  if (!r.everyone && r.conditions.length === 0 && !r.paths?.length)
    ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'conditions 不能是空的：写出谁能享受（或在 paths 里写几种符合的情况）；如果本学段所有学生都能享受，写 everyone: true' });
  if (r.everyone && r.conditions.length > 0)
    ctx.addIssue({ code: 'custom', path: ['everyone'], message: 'everyone: true 表示没有条件，这时 conditions 要写 []' });
});
export type RuleEntry = z.infer<typeof RuleEntry>;

/** How the money or benefit reaches the family. Labels live in content/glossary.yaml. */
export const DeliveryForm = z.enum([
  'waived-at-enrolment', // 直接免除：入学时不收
  'in-kind', // 发实物（教科书）
  'meals', // 供餐
  'aid-card', // 打入学生资助卡 / 社保卡 / 银行卡
  'bank-loan', // 银行放款
  'one-off', // 一次性发放
  'school-service', // 学校提供（绿色通道、岗位）
  'compensation', // 国家补偿学费或代偿贷款
  'varies', // 各地不同：有的减免费用，有的发钱（学前困难儿童资助）
]);

/**
 * A document a subsidy needs; `if` limits it to families whose answers meet the condition, `paths` to
 * families qualifying by one of these paths (RulePath ids; a 「可能可以」 result counts its possible paths).
 */
export const DocumentNeed = z.strictObject({
  doc: z.string().min(1),
  if: Condition.optional(),
  paths: z.array(z.string().min(1)).min(1).optional(),
});

/**
 * When a family applies (申请时间), as dated, sourced data; the newest `from` ≤ date is in force.
 * `months` are the calendar months applications are taken (1–12, in the order they come, e.g. [7, 8, 9]
 * or [9, 3] for 秋季 then 春季 补报). `step` names the step of content/steps.yaml these months are (e.g.
 * `apply`: 认定 in September); src/data/steps.ts fails the build when the months differ from that step's.
 * `freshman: true` = only once, when the student starts (新生报到时): after the window it does not come
 * back. On a date outside the window the engine says 「今年的申请时间已过（…），明年再申请」.
 */
export const ApplyWindow = z.strictObject({
  from: IsoDate,
  months: z.array(z.number().int().min(1).max(12)).min(1),
  step: z.string().min(1).optional(),
  /** Only when the student starts (grade 1): passed for good once the window is over. */
  freshman: z.boolean().optional(),
  /**
   * Every month of `months` opens its semester's own round (每学期开学后申请, e.g. [9, 3]): who applied in
   * 9 月 applies again in 3 月. Without it the later months are 补报, for who missed the first (who
   * applied then does not apply again that school year).
   */
  everySemester: z.boolean().optional(),
  /**
   * Once granted it goes on (入学时免，每学年确认, e.g. 中职免学费): outside `months` a student who has it
   * does nothing, and only one who does not have it yet waits for the next month of `months`. The
   * engine says 「已经在享受的，不用再申请（…）；还没享受的，明年 9 月再申请」 (state `kept`), not
   * 「今年的申请时间已过」.
   */
  keeps: z.boolean().optional(),
  /**
   * The months in words for 「今年的申请时间已过（7–9 月）」, e.g. 「7–9 月」「9 月，春季学期 3 月可以补报」.
   * No brackets: the sentences put it in brackets (「（秋季开学后（9 月）…）」 would nest).
   */
  text: z.string().min(1).refine((t) => !/[（）()]/.test(t), '申请时间的文字里不要带括号：网站会把它放进括号里说（改成「秋季开学后的 9 月」这样）'),
  /**
   * What a family can still do outside `months`, where the months are not the whole story: a route with
   * no known window (校园地贷款 按学校通知), or months the sources do not confirm (新生入学资助: 7–8 月
   * only in 2012 news). With it the engine never calls the window passed: it says `text` and this
   * (state `catchup`), and the result stays among what the family can do.
   */
  outside: z.string().min(1).optional(),
  source: z.string().min(1),
  confidence: Confidence.default('medium'),
});
export type ApplyWindow = z.infer<typeof ApplyWindow>;

export const Subsidy = z
  .strictObject({
    /** kebab-case, never renamed: share links, region overrides and tests refer to it. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id 只能用小写字母、数字和连字符'),
    /** Official Chinese name. */
    name: z.string().min(1),
    /**
     * Place on stage pages and posters, smaller first: what every child gets first, then what families
     * apply for, the big-money items before the rare ones. Ties go by id.
     */
    order: z.number().int().min(0),
    /** One plain sentence: what it is. */
    summary: z.string().min(1),
    stages: z.array(Stage).min(1),
    /**
     * What a face about one stage only says instead of `name` and `summary` when those cover several
     * stages, e.g. `{ undergrad: { name: 本专科生国家助学金, summary: … } }` for 国家助学金（本专科生、研究生）.
     * A stage page, a child's result, that stage's poster, cards and messages read it through
     * src/rules/names.ts; faces about several stages (the sources page, a poster for 本专科 and 研究生)
     * keep `name` and `summary`. `notes`: notes that hold for this stage only, shown after `notes` where
     * this stage is (src/rules/names.ts notesFor). `how` and `localNote` replace `apply.how` and
     * `localNote` on a face about this stage (研究生国家助学金 does not say 「本专科生先通过…认定」);
     * the wizard's part for the stage carries them (src/site/wizard-trim.ts). Each key must be one of `stages`.
     */
    forStage: z
      .partialRecord(Stage, z.strictObject({ name: z.string().min(1).optional(), summary: z.string().min(1).optional(), notes: z.array(z.string().min(1)).optional(), how: z.string().min(1).optional(), localNote: z.string().min(1).optional() }))
      .optional(),
    /**
     * When the conditions are met: automatic = given without applying; apply = the family applies
     * (usually after 家庭经济困难学生认定).
     */
    grant: z.enum(['automatic', 'apply']),
    /** Append-only versions of who qualifies. Before the first `from` the subsidy did not exist. */
    rules: z.array(RuleEntry).min(1),
    /** Append-only amount history (see AmountEntry). */
    amounts: z.array(AmountEntry).min(1),
    /** `private`: the text for 民办学校 when it differs (e.g. 「按当地公办学校标准减免，差额学校可以收」). */
    delivery: z.strictObject({ form: DeliveryForm, text: z.string().min(1), private: z.string().min(1).optional() }),
    apply: z.strictObject({
      /** Where to apply, e.g. 「孩子就读的学校」「户籍所在县（市、区）学生资助管理中心」. */
      where: z.string().min(1),
      /**
       * When, in words, for what has no application window (`windows`), e.g. 「每学期」「毕业当年按学校通知」.
       * A subsidy with windows says when there (text and months, dated), and only there: writing both
       * fails the build. Every face reads it through src/rules/timing.ts applyWhen().
       */
      when: z.string().min(1).optional(),
      /** How, one or two plain sentences. */
      how: z.string().min(1),
    }),
    documents: z.array(DocumentNeed),
    /** Application windows (append-only, by `from`); omitted for what is given without applying. */
    windows: z.array(ApplyWindow).default([]),
    /** Whether the real figure is set by province, county or school (the site says 以当地公布为准). */
    setLocally: z.boolean(),
    /** What exactly is local, e.g. 「各省分 2–3 档，具体金额由省里定」. Required when setLocally. */
    localNote: z.string().min(1).optional(),
    /** Other rules families ask about (兼得、不能兼得、民办学校…). */
    notes: z.array(z.string().min(1)).default([]),
    /** Day someone last checked the data against its sources. */
    lastVerified: IsoDate,
  })
  .superRefine((s, ctx) => {
    for (const st of Object.keys(s.forStage ?? {})) if (!s.stages.includes(st as Stage)) ctx.addIssue({ code: 'custom', path: ['forStage', st], message: `「${st}」不在本项目的 stages 里` });
    if (s.setLocally && !s.localNote) ctx.addIssue({ code: 'custom', path: ['localNote'], message: 'setLocally 为 true 时要写 localNote' });
    const sorted = (xs: { from: string }[]) => xs.every((x, i) => i === 0 || xs[i - 1]!.from <= x.from);
    if (!sorted(s.rules)) ctx.addIssue({ code: 'custom', path: ['rules'], message: 'rules 要按 from 从早到晚排列（只在末尾追加）' });
    if (!sorted(s.amounts)) ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'amounts 要按 from 从早到晚排列（只在末尾追加）' });
    if (!sorted(s.windows)) ctx.addIssue({ code: 'custom', path: ['windows'], message: 'windows 要按 from 从早到晚排列（只在末尾追加）' });
    // `was` tells the value before a history's first recorded line; a later line has its predecessor.
    const lines = new Set<string>();
    s.amounts.forEach((a, i) => {
      const k = JSON.stringify(a.when ?? {});
      if (a.was !== undefined && (lines.has(k) || a.value === undefined)) ctx.addIssue({ code: 'custom', path: ['amounts', i, 'was'], message: 'was（调整前的金额）只写在同一条金额线的第一条上，而且这一条要有 value；后面的条目前面已经有记录' });
      lines.add(k);
    });
    if (s.windows.length && s.apply.when) ctx.addIssue({ code: 'custom', path: ['apply', 'when'], message: '有 windows（申请时间）时不再写 apply.when：申请时间只写在 windows 里一处' });
    if (!s.windows.length && !s.apply.when) ctx.addIssue({ code: 'custom', path: ['apply', 'when'], message: '没有 windows 时要写 apply.when（什么时候申请或发放）' });
    const pathIds = new Set(s.rules.flatMap((r) => (r.paths ?? []).map((p) => p.id)));
    s.documents.forEach((d, i) => {
      for (const p of d.paths ?? []) if (!pathIds.has(p)) ctx.addIssue({ code: 'custom', path: ['documents', i, 'paths'], message: `没有 id 为「${p}」的资格路径（rules[].paths 里没有）` });
    });
  });
export type Subsidy = z.infer<typeof Subsidy>;

/** A policy document or published page that a value rests on. */
export const Source = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Document title as published, e.g. 《关于调整高等教育阶段和高中阶段国家奖助学金政策的通知》. */
  title: z.string().min(1),
  /** 文号, e.g. 财教〔2024〕181号; omitted when the document has none or it is not verified. */
  docNumber: z.string().min(1).optional(),
  /** true when the 文号 was only seen in third-party reports. */
  docNumberUnverified: z.boolean().default(false),
  issuer: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  /** Address of the original or the best copy found: an http(s) address (no javascript:, data:, …). */
  url: z.string().regex(/^https?:\/\/[^\s<>"]+$/i, '网址要以 http:// 或 https:// 开头（不能是 javascript: 之类）').optional(),
  confidence: Confidence,
  note: z.string().min(1).optional(),
});
export type Source = z.infer<typeof Source>;

/** A document (材料) a family may need to bring. */
export const DocumentInfo = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  name: z.string().min(1),
  /** What it is, plainly. */
  what: z.string().min(1),
  /** Where a family gets it, e.g. 「乡镇（街道）民政部门」. */
  where: z.string().min(1),
  note: z.string().min(1).optional(),
  /** The stages the note is true for (e.g. 「不用再开贫困证明」 only for 高校); omitted = every stage. */
  noteStages: z.array(Stage).min(1).optional(),
  /**
   * true when each child needs its own (a form filled per student, a 学生证): a family with several
   * children lists it under each child. Absent/false: one copy serves the family (户口簿, 低保证).
   */
  perStudent: z.boolean().optional(),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

/** Maps a code identifier to its official Chinese term and a plain explanation. */
export const GlossaryEntry = z.strictObject({
  /** The identifier used in code, data or share links (e.g. `dibao`, `aid-card`). */
  id: z.string().min(1),
  /** Where the identifier is used: an answer value, a stage, a delivery form… */
  kind: z.enum(['stage', 'family', 'answer', 'delivery', 'status', 'basis', 'unit', 'condition', 'term', 'ask']),
  /** The official term as used on the site. */
  term: z.string().min(1),
  /** Short term for buttons and lists. */
  short: z.string().min(1).optional(),
  /**
   * The label of an option a parent picks in the wizard: the everyday name first, the official term
   * after it in （）, e.g. 「低保户（最低生活保障家庭）」. Absent: the option shows `short ?? term`.
   */
  label: z.string().min(1).optional(),
  /** Plain explanation for 「这是什么意思？」. */
  plain: z.string().min(1).optional(),
  /**
   * Kind `ask` only (and required there): one sentence the parent can say or show to the class teacher
   * when a result depends on this condition (「去学校可以这样问」, chosen and filled by
   * src/rules/ask.ts). `id` is the condition: a condition type (`boarding`, `hardship` …), an external
   * kind (`pilot-area` …), a type with `-maybe` (`hukou-maybe`: the answer is one of the condition's
   * `maybe` values), `local` (the figure is set locally) or `intro` (the opening sentence). `{项目}`
   * stands for the subsidy's name; in `intro`, `{年级}` for 「初中二年级」 and `{住校}` for 「，是寄宿生」.
   * It only asks about the situation: never for an ID number, bank card, password or 验证码.
   */
  say: z.string().min(1).optional(),
}).superRefine((g, ctx) => {
  if ((g.kind === 'ask') !== (g.say !== undefined)) ctx.addIssue({ code: 'custom', path: ['say'], message: g.kind === 'ask' ? 'kind: ask 要写 say（对老师说的话）' : '只有 kind: ask 才写 say' });
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const Sources = z.array(Source);
export const Documents = z.array(DocumentInfo);
export const Glossary = z.array(GlossaryEntry);

/**
 * One step of applying for aid (content/steps.yaml), in order: 申请 → 评议 → 审核 → 公示 → 发放. The
 * 认定 page shows `text`, the wizard's results show `short`; both show `name` and `when`.
 */
export const ApplyStep = z.strictObject({
  /** Identifier (English): apply, review, check, publicize, pay. */
  id: z.string().regex(/^[a-z][a-z-]*$/, 'id 只用小写英文字母和连字符'),
  /** The step's official name, e.g. 公示. */
  name: z.string().min(1),
  /** When it usually happens or how long it lasts (「一般 9–10 月」「不少于 5 个工作日」); schools set the days. */
  when: z.string().min(1),
  /** What happens, for the 认定 page (one or two sentences). */
  text: z.string().min(1),
  /** The same, shorter, for the wizard's results and their printout. */
  short: z.string().min(1),
  /** A glossary `term` entry whose plain explanation the wizard shows after `short` (e.g. `gongshi`). */
  term: z.string().min(1).optional(),
  /** The calendar months the step usually happens in (1–12, in order), for subsidies' `windows` with `step`. */
  months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
  /** The source (content/sources.yaml id) of the rule behind this step. */
  source: z.string().min(1),
});
export type ApplyStep = z.infer<typeof ApplyStep>;

/** content/steps.yaml: the steps, in order. */
export const ApplySteps = z.array(ApplyStep).min(1);

/**
 * The validated national policy dataset, as src/data builds it from content/ and the engine
 * (src/rules) takes it: every subsidy file, the sources, the documents catalogue and the glossary.
 */
export interface Dataset {
  subsidies: Subsidy[];
  sources: Source[];
  documents: DocumentInfo[];
  glossary: GlossaryEntry[];
}
