/**
 * Schemas for the school officer's kit (/schools/), data under `content/schools/`:
 *
 *  - gongshi.yaml  公示名单自查: which columns may be published, which contents must not be, each with
 *                  its source (教财厅函〔2017〕28号). Checked by src/rules/gongshi.ts.
 *  - faq.yaml      九月问答卡: the questions families ask most, answers written as templates whose
 *                  figures are placeholders resolved from the subsidy data (src/rules/faq.ts).
 *  - messages.yaml 宣传月: per stage, the parents' group message and the 家长会 outline (templates too).
 *
 * Plain zod (no Astro import). Cross-file checks (unknown source, unknown subsidy in a placeholder)
 * live in src/data/schools.ts, which names the file and field of every problem.
 */
import { z } from 'zod';
import { regexSource } from './message-signs.ts';
import { IsoDate } from './index.ts';

const Id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'id 只用小写英文字母、数字和连字符');
/** Header spellings: a header that contains one of them (after removing spaces) belongs to the column. */
const Headers = z.array(z.string().min(1)).min(1);

/** One column that may be published (姓名、学校、院系、年级、专业、班级、资助档次或金额). */
export const AllowedColumn = z.strictObject({
  /** Identifier: name, school, department, grade, major, class, level. */
  id: Id,
  /** The column's name on the cleaned list, e.g. 姓名. */
  label: z.string().min(1),
  /** Header spellings, e.g. [姓名, 名字]. */
  headers: Headers,
  /** true when the column's values are names of places by nature (学校、院系): no address alarm there. */
  placeNames: z.boolean().default(false),
});

/** What the checker looks for in every cell (implemented in src/rules/gongshi.ts). */
export const Detector = z.enum([
  'id-number', // 身份证号：18 位（GB 11643 校验位）或 15 位旧号
  'passport', // 护照号、港澳台通行证号（E12345678、C12345678、H12345678 / H0123456701）
  'phone', // 手机号（11 位，1 开头），带区号的座机
  'online-id', // 微信号、QQ 号、电子邮箱
  'bank-card', // 16–19 位数字，Luhn 校验
  'birth-date', // 完整的年月日（也认 8 位连写的 20090305），或两年以前的年月
  'address', // 省市县乡镇村组、镇加村、路街巷号栋单元
  'words', // 列在 words 里的词
]);
export type Detector = z.infer<typeof Detector>;

/**
 * A JavaScript regular expression source for the `words` detector, matched case-insensitively against a
 * cell (after the checker's normalisation: full-width characters made half-width, invisible ones
 * removed). It must compile, must not match the empty string, and must run on the phone's ES2017 (the
 * message checker's test, newerSyntax: no lookbehind, named groups, \p{…}, \u{…}).
 */
export const GongshiPattern = regexSource('i', (newer) => `手机上的浏览器可能不认${newer}，请换一种写法`);

/** One kind of content that must not be published. */
export const ForbiddenRule = z
  .strictObject({
    /** Identifier: id-number, phone, bank-card, birth-date, address, hardship. */
    id: Id,
    /** What it is, e.g. 身份证号. */
    label: z.string().min(1),
    /** Header spellings that mark a whole column as this content. */
    headers: Headers,
    /** How cells are recognised. */
    detector: Detector,
    /** For `detector: words`: the words (「重病」「低保」…); a cell containing one is flagged. */
    words: z.array(z.string().min(1)).optional(),
    /**
     * For `detector: words`: patterns that find a kind of word the list cannot hold in full (a note in
     * brackets about an illness: 「（先天性心脏病）」; 「患有……病」). What a pattern matches is removed
     * from the cleaned list like a word.
     */
    patterns: z.array(GongshiPattern).optional(),
    /** The rule in one plain sentence, shown beside every flag. */
    rule: z.string().min(1),
    /** content/sources.yaml id of the rule. */
    source: z.string().min(1),
    /** A second source (content/sources.yaml id), when two documents say it. */
    alsoSource: z.string().min(1).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.detector === 'words' && !r.words?.length) ctx.addIssue({ code: 'custom', path: ['words'], message: 'detector 为 words 时要列出 words' });
    if (r.detector !== 'words' && r.words) ctx.addIssue({ code: 'custom', path: ['words'], message: '只有 detector 为 words 时才写 words' });
    if (r.detector !== 'words' && r.patterns) ctx.addIssue({ code: 'custom', path: ['patterns'], message: '只有 detector 为 words 时才写 patterns' });
  });
export type ForbiddenRule = z.infer<typeof ForbiddenRule>;

/** content/schools/gongshi.yaml. */
export const GongshiRules = z.strictObject({
  /** content/sources.yaml id of the document the whole check rests on (教财厅函〔2017〕28号). */
  source: z.string().min(1),
  /** Day someone last checked these rules against the source. */
  lastVerified: IsoDate,
  /** Columns that may be published, in the order of the cleaned list. */
  allowed: z.array(AllowedColumn).min(1),
  /** Columns dropped without a warning (序号: the cleaned list numbers its rows again). */
  ignored: z.array(z.strictObject({ id: Id, label: z.string().min(1), headers: Headers })).default([]),
  /** Columns that are not on the allowed list and are not sensitive either: dropped, with a note. */
  notListed: z.strictObject({
    /** The note shown for such a column. */
    rule: z.string().min(1),
    /** content/sources.yaml id. */
    source: z.string().min(1),
    /** Header spellings checked before the allowed ones (「家长姓名」 is not the student's 姓名). */
    headers: Headers,
  }),
  /** Contents that must not be published. */
  forbidden: z.array(ForbiddenRule).min(1),
  /** Reminder for the teacher, shown under the cleaned list on screen and not printed (it is not part of the 公示). */
  takeDown: z.string().min(1),
  /**
   * The line printed under the cleaned list: the school's seal, the 公示 period, whom to object to, with
   * blanks to fill in by hand. `{days}` stands for the working days of the 公示 step (content/steps.yaml).
   */
  signOff: z.string().min(1),
});
export type GongshiRules = z.infer<typeof GongshiRules>;

/** The stage groups of the kit, as the stage pages (/stages/<slug>/) group them. */
export const KitStage = z.enum(['preschool', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad']);
export type KitStage = z.infer<typeof KitStage>;

/**
 * Text with placeholders, resolved from the data at build time by src/rules/faq.ts. No figure may be
 * typed: digits are refused here, so a figure can only come from a placeholder.
 *   {amount:SUBSIDY}         the amounts in force (all lines), e.g. 「平均 2300 元/生/年（每学期 1150 元）」
 *   {amount:SUBSIDY:STAGE}   only the lines of one stage (primary, junior, undergrad, postgrad …)
 *   {short:SUBSIDY[:STAGE]}  only the main figure of each line (「2300 元/年（平均标准）」), for short messages
 *   {name:SUBSIDY[:STAGE]}  {summary:SUBSIDY[:STAGE]}  with a stage, its own name and summary if the data gives one
 *                            (forStage: 本专科生国家助学金 for {name:higher-grant:undergrad})
 *   {note:SUBSIDY:关键词}    the first of its notes containing 关键词
 *   {docnote:DOCUMENT}       a document's note (content/documents.yaml)
 *   {stepinfo:STEP}          a step's `short` text
 *   {delivery:SUBSIDY}  {when:SUBSIDY}  {where:SUBSIDY}  {how:SUBSIDY}  {who:SUBSIDY}
 *   {docs:SUBSIDY}           the documents' names, joined with 、; the card by the subsidy's cards in content/payments.yaml
 *   {step:STEP}              a step's `when` from content/steps.yaml (e.g. {step:publicize} → 不少于 … 个工作日)
 *   {term:GLOSSARY}          a glossary entry's plain explanation
 *   {private:SUBSIDY}        whether a 民办 school's student has it, from the school condition of the rule in force
 *                            (不分公办、民办 / 民办学校的学生可能可以（…），能不能拿请问学校 / 民办学校的学生没有)
 * A card is about its stage group: {name} {summary} {who} {docs} {where} {when} {how} {note} and the amount
 * lines are read for the card's stages, as /stages/<slug>/ shows them (src/rules/views.ts subsidyView), e.g.
 * {docs:higher-grant} on the 研究生 card → 不用准备材料. {when:…} of a subsidy not applied for there fails.
 */
export const Template = z
  .string()
  .min(1)
  .refine((s) => !/[0-9０-９]/.test(s.replace(/\{[^}]*\}/g, '')), '不要在文字里直接写数字：金额、天数用 {amount:…}、{step:…} 等占位符从数据里取');

/** One answer of a question, for some stages. */
export const FaqAnswer = z.strictObject({
  /** The stages this answer is for. */
  stages: z.array(KitStage).min(1),
  /** The answer (Template). Say 「请问学校」 where the data does not know. */
  text: Template,
  /** content/sources.yaml ids the answer rests on, besides those of the subsidies it references. */
  sources: z.array(z.string().min(1)).default([]),
});

/** One question families ask. */
export const FaqQuestion = z.strictObject({
  /** Identifier, e.g. when-money. */
  id: Id,
  /** The question as a parent asks it. */
  q: z.string().min(1),
  /** Answers by stage; a stage with no answer does not show the question. */
  answers: z.array(FaqAnswer).min(1),
});

/** content/schools/faq.yaml. */
export const Faq = z.strictObject({
  /** Day someone last checked the answers' wording against the data and sources. */
  lastVerified: IsoDate,
  questions: z.array(FaqQuestion).min(1),
});
export type Faq = z.infer<typeof Faq>;
export type FaqQuestion = z.infer<typeof FaqQuestion>;

/** One stage's 宣传月 material. */
export const StageMessage = z.strictObject({
  /** The stage group. */
  stage: KitStage,
  /** The parents' group message (Template); the page adds the link to the stage's page after it. */
  group: Template,
  /** The 家长会 outline: points in order (Templates). */
  outline: z.array(Template).min(1),
  /** content/sources.yaml ids, besides those of the subsidies referenced. */
  sources: z.array(z.string().min(1)).default([]),
});

/** content/schools/messages.yaml. */
export const Messages = z.strictObject({
  lastVerified: IsoDate,
  stages: z.array(StageMessage).min(1),
});
export type Messages = z.infer<typeof Messages>;
