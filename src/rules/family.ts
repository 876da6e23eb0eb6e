/**
 * Several children in one visit: the family model and its public text form.
 *
 * A family has the answers its children share (户口, 家庭情况, 地区: `SHARED_KEYS`) and 1–6 children,
 * each with its own answers (阶段, 年级, 学校, 住校, 涉农, 硕博, 退役士兵: `CHILD_KEYS`) and a name-free
 * label the parent picks (「老大」…「老六」), or none (「孩子 1」…).
 *
 * Link form (README「答案参数」, append-only): child 1 and the shared answers use today's parameters
 * exactly, so every one-child link parses as before; child k (2–6) adds the child keys with the index
 * appended (`stage2`, `grade2`, …); `order` / `order2` … (1–6) is a child's label (1 = 老大).
 *
 *   stage=primary&grade=6&hukou=rural&family=dibao&stage2=junior&grade2=2&boarding2=yes
 *     → { shared: { hukou: 'rural', family: ['dibao'] },
 *         children: [{ answers: { stage: 'primary', grade: 6 } }, { answers: { stage: 'junior', grade: 2, boarding: 'yes' } }] }
 *
 * A malformed child 2–6 is dropped whole (the other children stay) and `dropped` says which one in
 * Chinese; child 1 keeps what could be read, exactly as a one-child link does today. Pure: no clock,
 * no UI, no data.
 */
import { ANSWER_KEYS, formatAnswers, parseAnswers, type AnswerError, type AnswerKey, type Answers } from './answers.ts';
import { repairAnswerText } from './link-repair.ts';
import { quoteLinkValue } from '../lib/link-value.ts';

/** Answers asked once for the whole family. */
export const SHARED_KEYS = ['hukou', 'family', 'region'] as const satisfies readonly AnswerKey[];
export type SharedKey = (typeof SHARED_KEYS)[number];
/** Answers asked for each child, in asking order. */
export const CHILD_KEYS = ANSWER_KEYS.filter((k) => !(SHARED_KEYS as readonly string[]).includes(k)) as Exclude<AnswerKey, SharedKey>[];
export type ChildKey = Exclude<AnswerKey, SharedKey>;

/** At most this many children in one family. */
export const MAX_CHILDREN = 6;

export type SharedAnswers = Pick<Answers, SharedKey>;
export type ChildAnswers = Pick<Answers, ChildKey>;

export interface Child {
  /** The label the parent picked: 1 = 老大 … 6 = 老六; absent = 「孩子 N」 by position. */
  order?: number;
  answers: ChildAnswers;
}

export interface Family {
  shared: SharedAnswers;
  /** 1–6 children, in the order the parent entered them. */
  children: Child[];
}

/** A child of a family link that could not be read and was left out. */
export interface DroppedChild {
  /** Its index in the link (2–6). */
  index: number;
  /** Chinese, for the parent: which child and what was wrong. */
  message: string;
}

export type FamilyParseResult = {
  family: Family;
  /** The school year the answers were given in (`year=`, see schoolYear); 0 in links made before it was written. */
  year: number;
  /**
   * Errors in child 1's or the shared answers (kept partly, as a one-child link is today), a label two
   * children share (the later one loses it), and indexed parameters the link form does not have.
   */
  errors: AnswerError[];
  /** Children 2–6 that were left out. */
  dropped: DroppedChild[];
};

/**
 * The school year a day is in, by the year its autumn term starts: 2026-09-01 … 2027-08-31 → 2026. The
 * wizard writes it into the link (`year=2026`) with the grades, so a link opened in a later school year
 * can ask whether the children have gone up a grade (./new-year.ts).
 */
export const schoolYear = (date: string): number => +date.slice(0, 4) - (date.slice(5) < '09' ? 1 : 0);

const ORDER_NAMES = ['', '老大', '老二', '老三', '老四', '老五', '老六'];

/** The label choices a parent can pick for a child: 1–6 → 老大…老六. */
export const ORDER_LABELS: readonly { value: number; label: string }[] = ORDER_NAMES.slice(1).map((label, i) => ({ value: i + 1, label }));

/** A label followed by a word: 「孩子 1」 gets a space before it (「孩子 1 的回答」「孩子 1、孩子 3 要」), 「老大」 none. */
export const beforeWord = (label: string): string => (/\d$/.test(label) ? `${label} ` : label);

/** A child's label in words: its picked label (「老二」), else 「孩子 N」 (N = position, 1-based). */
export function childLabel(family: Family, i: number): string {
  const o = family.children[i]?.order;
  return o ? ORDER_NAMES[o]! : `孩子 ${i + 1}`;
}


/** One child's full answers: its own and the family's shared ones. */
export function childAnswers(family: Family, i: number): Answers {
  const c = family.children[i];
  return { ...(c ? c.answers : {}), ...family.shared };
}

/** Splits one set of answers into shared and child parts. */
export function splitAnswers(a: Answers): { shared: SharedAnswers; child: ChildAnswers } {
  const shared: SharedAnswers = {};
  const child: ChildAnswers = {};
  for (const k of ANSWER_KEYS) {
    const v = a[k];
    if (v === undefined) continue;
    if ((SHARED_KEYS as readonly string[]).includes(k)) (shared as Record<string, unknown>)[k] = v;
    else (child as Record<string, unknown>)[k] = v;
  }
  return { shared, child };
}

/** A family of one from a one-child answer set (today's wizard state). */
export function familyOf(a: Answers): Family {
  const { shared, child } = splitAnswers(a);
  return { shared, children: [{ answers: child }] };
}

const suffix = (k: string, i: number) => (i === 0 ? k : `${k}${i + 1}`);

function readOrder(params: URLSearchParams, i: number): { order?: number; error?: string } {
  const key = suffix('order', i);
  const vs = params.getAll(key);
  if (!vs.length || vs[0] === '') return {};
  if (vs.length > 1) return { error: `「${key}」出现了 ${vs.length} 次，只能有一个` };
  const v = vs[0]!.trim();
  return /^[1-6]$/.test(v) ? { order: Number(v) } : { error: `「${key}」只能是 1 到 6（老大到老六）` };
}

/**
 * Reads a family from a hash or query string (or URLSearchParams). Never throws. Child 1 and the
 * shared answers are read by `parseAnswers`, so a one-child link gives the same answers and the same
 * errors as today. Children 2–6 (`stage2` … `veteran6`, `order2` …) are read the same way from their
 * indexed parameters; one with any error is left out whole and named in `dropped`. A child index with no
 * parameter at all is not a child; indexes are compacted (a link with children 1 and 3 gives two).
 */
export function parseFamily(input: string | URLSearchParams): FamilyParseResult {
  const params = typeof input === 'string' ? new URLSearchParams(repairAnswerText(input)) : input; // mangled links: ./link-repair.ts
  const first = parseAnswers(params);
  const a1 = first.ok ? first.answers : first.partial;
  const { shared, child } = splitAnswers(a1);
  const errors: AnswerError[] = first.ok ? [] : [...first.errors];
  const o1 = readOrder(params, 0);
  if (o1.error) errors.push({ field: 'order', message: o1.error });
  const children: Child[] = [{ ...(o1.order && { order: o1.order }), answers: child }];
  const dropped: DroppedChild[] = [];
  for (let i = 1; i < MAX_CHILDREN; i++) {
    const own = new URLSearchParams();
    let any = false;
    for (const k of CHILD_KEYS) {
      for (const v of params.getAll(suffix(k, i))) {
        own.append(k, v);
        any = true;
      }
    }
    const o = readOrder(params, i);
    if (!any && o.order === undefined && !o.error) continue;
    const label = o.order ? `第 ${i + 1} 个孩子（${ORDER_NAMES[o.order]}）` : `第 ${i + 1} 个孩子`;
    const r = parseAnswers(own);
    const problems = [...(r.ok ? [] : r.errors.map((e) => `${suffix(e.field, i)}：${e.message}`)), ...(o.error ? [o.error] : [])];
    if (problems.length) {
      dropped.push({ index: i + 1, message: `${label}的回答看不懂，这个孩子没有加进来（${problems.join('；')}）。可以在下面重新添加。` });
      continue;
    }
    // Two children with one label (order=1&order2=1, hand-made): the later one goes by its place.
    const twin = o.order && children.some((c) => c.order === o.order);
    if (twin) errors.push({ field: suffix('order', i), message: `第 ${i + 1} 个孩子和前面一个孩子都叫「${ORDER_NAMES[o.order!]}」，先叫它「孩子 ${children.length + 1}」，可以在下面改` });
    children.push({ ...(o.order && !twin && { order: o.order }), answers: (r as { answers: Answers }).answers as ChildAnswers });
  }
  // Indexed answer parameters the form does not have (stage1, grade02, hukou2) and children past the
  // sixth (stage7=…): not read, and said so, not dropped in silence.
  const over = new Set<number>();
  for (const key of new Set(params.keys())) {
    const [, base = '', n = ''] = /^([a-z]+)(\d+)$/.exec(key) ?? [];
    if (base !== 'order' && !(ANSWER_KEYS as readonly string[]).includes(base)) continue;
    if (+n > MAX_CHILDREN) over.add(+n);
    else if ((SHARED_KEYS as readonly string[]).includes(base)) errors.push({ field: key, message: `「${key}」没有读：户口、家庭情况和地区全家只答一次，写「${base}」` });
    else if (!/^[2-9]$/.test(n)) errors.push({ field: key, message: `「${key}」没有读：第 1 个孩子写「${base}」，第 2 到 ${MAX_CHILDREN} 个写「${base}2」到「${base}${MAX_CHILDREN}」` });
  }
  const beyond = [...over].sort((x, y) => x - y);
  // 「第 7、8 个孩子」 as they are in the link (stage100 alone is one child, not 94 more).
  const named = beyond.length > 3 ? `第 ${beyond.slice(0, 3).join('、')} 个等 ${beyond.length} 个孩子` : `第 ${beyond.join('、')} 个孩子`;
  if (beyond.length) dropped.push({ index: beyond[0]!, message: `一次最多算 ${MAX_CHILDREN} 个孩子：链接里${named}的回答没有加进来。` });
  // The school year of the grades: four digits (one parameter: two join with a comma), or said so (the
  // answers stay; only 孩子升级了吗 cannot be asked).
  const y = params.getAll('year').join();
  const year = /^\s*20\d\d\s*$/.test(y) ? +y : 0;
  if (y && !year) errors.push({ field: 'year', message: `「year」看不懂${quoteLinkValue(y)}：不知道是哪一学年填的，请核对年级` });
  return { family: { shared, children }, year, errors, dropped };
}

/**
 * The canonical string of a family (no leading `#`): child 1 and shared answers as `formatAnswers`
 * writes them (so a family of one without a label is exactly today's link), then `order`, then each
 * further child's indexed parameters in question order, then `year=` (the school year, see schoolYear)
 * when it is given and some child has a grade.
 */
export function formatFamily(family: Family, year?: number): string {
  const parts: string[] = [];
  const head = formatAnswers(childAnswers(family, 0));
  if (head) parts.push(head);
  family.children.forEach((c, i) => {
    if (i > 0) {
      const own = formatAnswers(c.answers);
      // A child not answered yet stays in the link as an empty `stageN=`.
      parts.push(own ? own.split('&').map((kv) => kv.replace(/^([a-z]+)=/, (_, k: string) => `${suffix(k, i)}=`)).join('&') : `${suffix('stage', i)}=`);
    }
    if (c.order) parts.push(`${suffix('order', i)}=${c.order}`);
  });
  if (year && family.children.some((c) => c.answers.grade)) parts.push(`year=${year}`);
  return parts.join('&');
}
