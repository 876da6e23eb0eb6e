/**
 * Small helpers of the wizard island: glossary lookups, answer labels, the device date, the stored
 * ticks. No policy here: every term comes from the glossary handed over by the page.
 */
import type { Dataset } from '../../data/validate.ts';
import type { Answers, Stage } from '../../rules/answers.ts';
import { chosenValues, question, type QuestionId, type QuestionOption, type TermRef } from '../../rules/questions.ts';
import { chinaDay } from '../../lib/today.ts';

export type Glossary = Dataset['glossary'];
type Entry = Glossary[number];

export interface Terms {
  /** The entry, or undefined. */
  get(ref: TermRef): Entry | undefined;
  /** Label for buttons and lists: `short ?? term`, or the id when missing. */
  label(ref: TermRef): string;
}

export function makeTerms(glossary: Glossary): Terms {
  const map = new Map(glossary.map((e) => [`${e.kind}:${e.id}`, e]));
  const get = (r: TermRef) => map.get(`${r.kind}:${r.id}`);
  return { get, label: (r) => { const e = get(r); return e ? (e.short ?? e.term) : r.id; } };
}

export const optionLabel = (o: QuestionOption, t: Terms) => (o.term ? t.label(o.term) : o.label ?? o.value);

/** The answer to `id` in words (「普通高中」「低保家庭、孤儿」), '' when unanswered. */
export function answerLabel(a: Answers, id: QuestionId, t: Terms): string {
  const q = question(id, a);
  return chosenValues(a, id)
    .map((v) => q.options.find((o) => o.value === v))
    .filter((o): o is QuestionOption => !!o)
    .map((o) => optionLabel(o, t))
    .join('、');
}

/**
 * The day to evaluate for: today in China on this device, `YYYY-MM-DD`. A clock earlier than `floor`
 * (the day the page's data was checked) is wrong for sure, so `floor` is used instead.
 */
export function deviceDay(floor: string, now = new Date()): string {
  const d = chinaDay(now);
  return d < floor ? floor : d;
}

/** The stage page for a stage (小学、初中 share the 义务教育 page). */
export const stagePage = (s: Stage) => `/stages/${s === 'primary' || s === 'junior' ? 'compulsory' : s}/`;

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
