/**
 * Small helpers of the wizard island: the page's data block, glossary and region lookups, answer
 * labels, the device date, the stored ticks. No policy here: every term comes from the glossary and
 * every region from the region files, both handed over by the page.
 */
import type { Dataset } from '../../schema/index.ts';
import type { Region } from '../../schema/region.ts';
import type { ApplyStep } from '../../schema/index.ts';
import { NATIONAL_REGION, gradeName, stageName, type Answers, type Stage } from '../../rules/answers.ts';
import { chosenValues, question, type QuestionId, type QuestionOption, type TermRef } from '../../rules/questions.ts';
import { findRegion, regionLabel } from '../../rules/region-lookup.ts';
import { chinaDay } from '../../lib/today.ts';
import { sitePath } from '../../lib/site-path.ts';
import { stagePagePath } from '../../rules/stages.ts';

/**
 * What src/pages/check/index.astro puts in `<script type="application/json" id="wz-data">` (see
 * src/site/wizard-trim.ts): what the questions need. The subsidies come later, one stage at a time (`Part`).
 */
export interface Payload {
  /** Glossary entries for labels and help texts (not the statuses: the results module has them, ./statuses.ts). */
  glossary: Dataset['glossary'];
  /** The configured regions with their codes, names, levels and parents only (their lists, figures and contacts come with the parts; ./join-part.ts). */
  regions: Region[];
  /** The earliest day the data answers for. */
  floor: string;
  /** The deployment's default region (ZZ_REGION), if any. */
  defaultRegion?: string;
  /** Each stage's part: its URL, `/check/data/<stage>.<hash>.json`. */
  parts: Record<Stage, string>;
  /** The city and county names of the configured provinces for the region search (src/site/places.ts): its URL, `/check/data/places.<hash>.json`, fetched when the family first types there. */
  places: string;
}

/** One stage's data, fetched from `Payload.parts[stage]`: its subsidies, their sources and documents, each region's figures for them, and the steps of applying. */
export interface Part {
  subsidies: Dataset['subsidies'];
  sources: Dataset['sources'];
  documents: Dataset['documents'];
  /** Only what a region has for this stage: an empty list is left out (the page's block has it), and so is a region with nothing. */
  regions: (Pick<Region, 'code'> & Partial<Pick<Region, 'overrides' | 'subsidies' | 'contacts' | 'sources'>>)[];
  /** The steps of applying (content/steps.yaml), with their short texts. */
  steps: Pick<ApplyStep, 'name' | 'when' | 'short' | 'term'>[];
  /** The 「去学校可以这样问」 sentences this stage's conditions can call for (glossary kind ask: id, say). */
  asks?: Dataset['glossary'];
}

/** Whether fetched JSON has the shape of a `Part` (a broken or foreign file must not reach the engine). */
export function isPart(x: unknown): x is Part {
  const p = x as Record<string, unknown> | null;
  return !!p && typeof p === 'object' && ['subsidies', 'sources', 'documents', 'regions', 'steps'].every((k) => Array.isArray(p[k]));
}

export type Glossary = Dataset['glossary'];
type Entry = Glossary[number];

export interface Terms {
  /** The entry, or undefined. */
  get(ref: TermRef): Entry | undefined;
  /** Label for buttons and lists: `short ?? term`, or the id when missing. */
  label(ref: TermRef): string;
  /** Label of an option the parent picks: `label ?? short ?? term` (everyday name first, official term in （）). */
  option(ref: TermRef): string;
  /** The configured regions. */
  regions: Region[];
  /** `Payload.places`: where the region search fetches the city and county names. */
  places: string;
  /** A region answer in words: 「云南省施甸县」, 「全国标准」, or the code with 「没有这个地区自己的资料」 (the notice says whose standards apply: its province's, the default region's or national). */
  place(code: string): string;
  /** These terms and more entries (the results screens' statuses, ./statuses.ts). Not `with`: es-check takes `.with(` for ES2023 Array.prototype.with. */
  plus(entries?: Glossary): Terms;
}

export function makeTerms(glossary: Glossary, regions: Region[], places: string): Terms {
  const map = new Map(glossary.map((e) => [`${e.kind}:${e.id}`, e]));
  const get = (r: TermRef) => map.get(`${r.kind}:${r.id}`);
  return {
    get,
    label: (r) => { const e = get(r); return e ? (e.short ?? e.term) : r.id; },
    option: (r) => { const e = get(r); return e ? (e.label ?? e.short ?? e.term) : r.id; },
    regions,
    places,
    plus: (es) => makeTerms([...glossary, ...(es || [])], regions, places),
    place: (c) => (c === NATIONAL_REGION ? '全国标准' : findRegion(regions, c) ? regionLabel(regions, c) : `${c}（没有这个地区自己的资料）`),
  };
}

/** An option as the parent sees it: 「低保户（最低生活保障家庭）」「住校（寄宿生）」. */
export const optionLabel = (o: QuestionOption, t: Terms) => (o.term ? t.option(o.term) : o.label ?? o.value);

/** The answer to `id` in words (「普通高中」「低保家庭、孤儿」「四川省」), '' when unanswered. */
export function answerLabel(a: Answers, id: QuestionId, t: Terms): string {
  if (id === 'region') return a.region ? t.place(a.region) : '';
  const q = question(id, a);
  return chosenValues(a, id)
    .map((v) => q.options.find((o) => o.value === v))
    .filter((o): o is QuestionOption => !!o)
    .map((o) => optionLabel(o, t))
    .join('、');
}

/** A child's heading: 「老大 · 小学三年级」, 「孩子 2 · 还没选上学阶段」 (核对你的回答 and the family results). */
export function childHeading({ label, answers: { stage, grade } }: { label?: string; answers: Answers }): string {
  return `${label} · ${stage ? (grade ? gradeName(stage, grade) : stageName(stage)) : '还没选上学阶段'}`;
}

/** The family in one line: 「2 个孩子：孩子 1 · 小学四年级，老二 · 初中二年级。」 (核对你的回答 and the family results). */
export const kidsLine = (kids: readonly { label?: string; answers: Answers }[]): string => `${kids.length} 个孩子：${kids.map(childHeading).join('，')}。`;

/**
 * The day to evaluate for: today in China on this device, `YYYY-MM-DD`. A clock earlier than `floor`
 * (the day the page's data was checked) is wrong for sure, so `floor` is used instead.
 */
export function deviceDay(floor: string, now = new Date()): string {
  const d = chinaDay(now);
  return d < floor ? floor : d;
}

/** The stage page for a stage (小学、初中 share the 义务教育 page: src/rules/stages.ts), as a link under the deployment's base. */
export const stagePage = (s: Stage): string => sitePath(stagePagePath(s));

/** localStorage key for ticked documents (only written when the family chooses to keep them). */
export const STORE_KEY = 'zz-wizard-ticks';

export interface Stored { a: string; t: string[] }

export function readStored(): Stored | null {
  try {
    const s = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null');
    return s && typeof s.a === 'string' && Array.isArray(s.t) ? s : null;
  } catch {
    return null;
  }
}

export function writeStored(s: Stored | null): void {
  try {
    if (s) localStorage.setItem(STORE_KEY, JSON.stringify(s));
    else localStorage.removeItem(STORE_KEY);
  } catch { /* private mode: ticks stay in memory */ }
}
