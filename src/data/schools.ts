/**
 * The school officer's kit data (content/schools/*.yaml, schemas in src/schema/schools.ts), validated
 * against the national data. Importing this module validates the files: a problem throws `DataError`
 * whose lines read `FILE: FIELD: 说明`, e.g.
 *   content/schools/faq.yaml: questions[0].answers[1].text: {amount:senior-grnat}：没有资助项目「senior-grnat」（content/subsidies/ 里没有）
 * which fails `astro build` and the tests. Every template is resolved for every stage on the build
 * day, so a placeholder that cannot be filled fails the build rather than a page.
 */
import { dataset } from './index.ts';
import { applySteps } from './steps.ts';
import { payments } from './payments.ts';
import { DataError, parse, type Dataset } from './validate.ts';
import { Faq, GongshiRules, KitStage, Messages, type KitStage as KitStageT, type Faq as FaqT, type GongshiRules as GongshiRulesT, type Messages as MessagesT } from '../schema/schools.ts';
import type { ApplyStep } from '../schema/index.ts';
import { applyingClaims, KIT_STAGES, resolveTemplate, type TemplateData } from '../rules/faq.ts';
import { today } from '../lib/today.ts';
import rawGongshi from '../../content/schools/gongshi.yaml';
import rawFaq from '../../content/schools/faq.yaml';
import rawMessages from '../../content/schools/messages.yaml';

export const GONGSHI_FILE = 'content/schools/gongshi.yaml';
export const FAQ_FILE = 'content/schools/faq.yaml';
export const MESSAGES_FILE = 'content/schools/messages.yaml';

const unknownSource = (ids: Set<string>, id: string | undefined, where: string, problems: string[]) => {
  if (id !== undefined && !ids.has(id)) problems.push(`${where}: 未知来源「${id}」（content/sources.yaml 里没有）`);
};

/**
 * Validates content/schools/gongshi.yaml: schema, unique rule ids, known sources, {days} in signOff.
 * @throws DataError listing every problem as `FILE: FIELD: 说明`.
 */
export function validateGongshi(data: unknown, national: Dataset, file = GONGSHI_FILE): GongshiRulesT {
  const problems: string[] = [];
  const r = parse(GongshiRules, data, file, problems);
  if (r) {
    const ids = new Set(national.sources.map((s) => s.id));
    unknownSource(ids, r.source, `${file}: source`, problems);
    unknownSource(ids, r.notListed.source, `${file}: notListed.source`, problems);
    if (r.signOff.indexOf('{days}') < 0) problems.push(`${file}: signOff: 要写 {days}（公示的工作日数从 content/steps.yaml 来，不写死在这里）`);
    const seen = new Set<string>();
    r.forbidden.forEach((f, i) => {
      if (seen.has(f.id)) problems.push(`${file}: forbidden[${i}].id: 重复的 id「${f.id}」`);
      seen.add(f.id);
      unknownSource(ids, f.source, `${file}: forbidden[${i}].source`, problems);
      unknownSource(ids, f.alsoSource, `${file}: forbidden[${i}].alsoSource`, problems);
    });
  }
  if (problems.length || !r) throw new DataError(problems);
  return r;
}

/**
 * Resolves a template for each stage group it is for, as the page will (the stage's own view), and
 * refuses a sentence that says applying about a subsidy not applied for there (faq.ts applyingClaims).
 */
function checkTemplate(t: string, where: string, data: TemplateData, date: string, problems: string[], kits: readonly KitStageT[]) {
  const seen = new Set<string>();
  for (const k of kits) {
    const at = kits.length > 1 ? `（学段 ${k}）` : '';
    const add = (m: string) => {
      if (!seen.has(m)) problems.push(`${where}: ${m}${at}`);
      seen.add(m);
    };
    try {
      resolveTemplate(t, data, date, KIT_STAGES[k]);
      applyingClaims(t, data, date, KIT_STAGES[k]).forEach(add);
    } catch (e) {
      add(e instanceof Error ? e.message : String(e));
    }
  }
}

/** The data templates read: the national dataset, the steps and which card each subsidy is paid on. */
export function templateDataOf(national: Dataset, steps: readonly ApplyStep[], pay: TemplateData['payments'] = payments): TemplateData {
  return { subsidies: national.subsidies, sources: national.sources, documents: national.documents, glossary: national.glossary, steps, payments: pay };
}

/**
 * Validates content/schools/faq.yaml: schema, unique ids, known sources, every template resolvable on
 * `date`, and no stage answered twice in one question.
 * @throws DataError listing every problem as `FILE: FIELD: 说明`.
 */
export function validateFaq(raw: unknown, data: TemplateData, date: string, file = FAQ_FILE): FaqT {
  const problems: string[] = [];
  const faq = parse(Faq, raw, file, problems);
  if (faq) {
    const ids = new Set(data.sources.map((s) => s.id));
    const seen = new Set<string>();
    faq.questions.forEach((q, i) => {
      if (seen.has(q.id)) problems.push(`${file}: questions[${i}].id: 重复的 id「${q.id}」`);
      seen.add(q.id);
      const stages = new Set<string>();
      q.answers.forEach((a, j) => {
        for (const st of a.stages) {
          if (stages.has(st)) problems.push(`${file}: questions[${i}].answers[${j}].stages: 学段「${st}」在这个问题里已经有回答`);
          stages.add(st);
        }
        a.sources.forEach((s, k) => unknownSource(ids, s, `${file}: questions[${i}].answers[${j}].sources[${k}]`, problems));
        checkTemplate(a.text, `${file}: questions[${i}].answers[${j}].text`, data, date, problems, a.stages);
      });
    });
  }
  if (problems.length || !faq) throw new DataError(problems);
  return faq;
}

/**
 * Validates content/schools/messages.yaml: schema, one entry per stage group, known sources,
 * every template resolvable on `date`.
 * @throws DataError listing every problem as `FILE: FIELD: 说明`.
 */
export function validateMessages(raw: unknown, data: TemplateData, date: string, file = MESSAGES_FILE): MessagesT {
  const problems: string[] = [];
  const m = parse(Messages, raw, file, problems);
  if (m) {
    const ids = new Set(data.sources.map((s) => s.id));
    const seen = new Set<string>();
    m.stages.forEach((s, i) => {
      if (seen.has(s.stage)) problems.push(`${file}: stages[${i}].stage: 学段「${s.stage}」重复`);
      seen.add(s.stage);
      s.sources.forEach((id, k) => unknownSource(ids, id, `${file}: stages[${i}].sources[${k}]`, problems));
      checkTemplate(s.group, `${file}: stages[${i}].group`, data, date, problems, [s.stage]);
      s.outline.forEach((t, k) => checkTemplate(t, `${file}: stages[${i}].outline[${k}]`, data, date, problems, [s.stage]));
    });
    for (const st of KitStage.options) if (!seen.has(st)) problems.push(`${file}: stages: 缺少学段「${st}」`);
  }
  if (problems.length || !m) throw new DataError(problems);
  return m;
}

export const templateData: TemplateData = templateDataOf(dataset, applySteps);
export const gongshiRules: GongshiRulesT = validateGongshi(rawGongshi, dataset);
export const faq: FaqT = validateFaq(rawFaq, templateData, today());
export const messages: MessagesT = validateMessages(rawMessages, templateData, today());
