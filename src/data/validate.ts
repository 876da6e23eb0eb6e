/**
 * Validation of the raw policy data: each file against its zod schema, then the links between files
 * (a value's source must exist, a document id must be in the catalogue, ids are unique), then what a
 * schema cannot see (issue 13, 「数据不能说假话」):
 * - amount histories: a line without `when` beside lines with one (it would apply to everyone at once
 *   with them), two entries of one line on the same day, a value 5× or more above or below the one
 *   before it on the same line (a typing slip: 23000000 for 2300); `value` inside `range` is checked
 *   by the schema;
 * - dates against the real build day (the machine clock in China, not ZZ_TODAY, which only chooses
 *   what pages show): `lastVerified` at most FUTURE_MARGIN_DAYS ahead; a subsidy whose every amount
 *   or every rule starts after the build day has nothing in force and fails (add it once it is in force);
 * - the glossary has every term a page or the wizard looks up (REQUIRED_TERMS), so no page prints a
 *   bare code such as `apply`.
 *
 * Errors: throws `DataError` whose message lists every problem as `FILE: FIELD: 说明`, e.g.
 *   content/subsidies/senior-grant.yaml: amounts[2].source: 未知来源「caijiao-2099-1」（content/sources.yaml 里没有）
 * Astro's build imports the validated dataset, so a bad file fails the build with that message.
 */
import type { z } from 'zod';
import { Basis, DeliveryForm, Documents, FAMILY_STATUSES, Glossary, STAGES, Sources, Subsidy as SubsidySchema, Unit, type AmountEntry, type Condition, type Dataset, type GlossaryEntry, type Subsidy } from '../schema/index.ts';
import { chinaDay } from '../lib/today.ts';
import { lineKey } from '../rules/lines.ts';

export type { Dataset };

/** Raw file contents keyed by repository-relative path (e.g. `content/subsidies/senior-grant.yaml`). */
export interface RawDataset {
  subsidies: Record<string, unknown>;
  sources: { path: string; data: unknown };
  documents: { path: string; data: unknown };
  glossary: { path: string; data: unknown };
  /** The glossary's `kind: status` entries, kept apart for the results screens (content/statuses.yaml); joined into `glossary`. */
  statuses: { path: string; data: unknown };
}

export class DataError extends Error {
  constructor(public readonly problems: string[]) {
    super(`政策数据有 ${problems.length} 处错误：\n` + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'DataError';
  }
}

export const fieldPath = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(整个文件)';

export function parse<T>(schema: z.ZodType<T>, data: unknown, file: string, problems: string[], prefix: PropertyKey[] = []): T | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const issue of r.error.issues) problems.push(`${file}: ${fieldPath([...prefix, ...issue.path])}: ${issue.message}`);
  return undefined;
}

/** How many days after the build day a `lastVerified` may be (time zones, a check dated next morning). */
export const FUTURE_MARGIN_DAYS = 2;

/** Two consecutive values of one amount line this many times apart are taken for a typing slip. */
export const JUMP_FACTOR = 5;

/**
 * Glossary entries (`kind`, ids) that pages, posters and the wizard look up by code; each must exist in
 * content/glossary.yaml. (Entries named in MDX, `<Terms ids="…">`, fail the page that names them.)
 */
export const REQUIRED_TERMS: readonly (readonly [GlossaryEntry['kind'], readonly string[]])[] = [
  ['stage', STAGES],
  ['family', FAMILY_STATUSES],
  ['delivery', DeliveryForm.options],
  ['basis', Basis.options],
  ['unit', Unit.options],
  ['status', ['automatic', 'apply', 'conditional', 'ineligible']],
  ['answer', ['school-public', 'school-private', 'hukou-rural', 'hukou-town', 'hukou-urban', 'degree-master', 'degree-doctor', 'boarding', 'agri', 'veteran', 'region']],
  ['term', ['rending']],
];

/** The real build day in China (`YYYY-MM-DD`), from the clock; ZZ_TODAY does not move it. */
export const buildDay = (now: Date = new Date()): string => chinaDay(now);

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** `lastVerified` (or another checked-on day) must not lie in the future. */
export function checkNotFuture(day: string, file: string, field: string, problems: string[], build: string = buildDay()): void {
  if (day > addDays(build, FUTURE_MARGIN_DAYS))
    problems.push(`${file}: ${field}: 核对日期 ${day} 在将来（今天是 ${build}）；要写真正对照来源核对的那一天`);
}

/**
 * Checks one amount history (already schema-valid) for what the schema cannot see; `at` is the field
 * prefix (`amounts`, `subsidies[0].amounts`).
 */
export function checkAmountHistory(amounts: readonly AmountEntry[], file: string, at: string, problems: string[]): void {
  const withWhen = amounts.filter((a) => a.when && lineKey(a.when) !== '[]').length;
  const last = new Map<string, { i: number; a: AmountEntry }>();
  amounts.forEach((a, i) => {
    const key = lineKey(a.when);
    if (withWhen > 0 && key === '[]')
      problems.push(`${file}: ${at}[${i}].when: 别的金额行写了 when（按学段、学位或寄宿分行），这一条没写，会和它们同时适用、顶替它们；要写上它属于哪一行`);
    const prev = last.get(`${key}|${a.unit}`);
    if (prev) {
      if (prev.a.from === a.from) problems.push(`${file}: ${at}[${i}].from: 和 ${at}[${prev.i}] 是同一行金额、同一天生效，只能留一条`);
      const [x, y] = [prev.a.value, a.value];
      if (x !== undefined && y !== undefined && x > 0 && y > 0 && Math.max(x / y, y / x) >= JUMP_FACTOR)
        problems.push(`${file}: ${at}[${i}].value: ${y} 元和同一行上一条（${at}[${prev.i}]，${x} 元）差了 ${JUMP_FACTOR} 倍以上，多半是多打或少打了 0；请对照来源核对`);
    }
    last.set(`${key}|${a.unit}`, { i, a });
  });
}

export interface ValidateOptions {
  /** The build day (`YYYY-MM-DD`) dates are checked against; default: today in China by the clock. */
  buildDay?: string;
}

export function conditionsOf(c: Condition): Condition[] {
  return c.type === 'anyOf' || c.type === 'allOf' ? [c, ...c.of.flatMap(conditionsOf)] : [c];
}

export function validateDataset(raw: RawDataset, options: ValidateOptions = {}): Dataset {
  const problems: string[] = [];
  const build = options.buildDay ?? buildDay();
  const sources = parse(Sources, raw.sources.data, raw.sources.path, problems) ?? [];
  const documents = parse(Documents, raw.documents.data, raw.documents.path, problems) ?? [];
  const own = parse(Glossary, raw.glossary.data, raw.glossary.path, problems) ?? [];
  const statuses = parse(Glossary, raw.statuses.data, raw.statuses.path, problems) ?? [];
  statuses.forEach((g, i) => g.kind !== 'status' && problems.push(`${raw.statuses.path}: [${i}].kind: 这个文件只放 kind: status（结果的说法），「${g.id}」是 ${g.kind}，请放回 content/glossary.yaml`));
  const glossary = [...own, ...statuses];
  const glossaryPath = (kind: string) => (kind === 'status' ? raw.statuses.path : raw.glossary.path);

  const dupes = (xs: { id: string }[], file: string) => {
    const seen = new Set<string>();
    xs.forEach((x, i) => {
      if (seen.has(x.id)) problems.push(`${file}: [${i}].id: 重复的 id「${x.id}」`);
      seen.add(x.id);
    });
  };
  dupes(sources, raw.sources.path);
  dupes(documents, raw.documents.path);
  for (const [kind, ids] of REQUIRED_TERMS)
    for (const id of ids)
      if (!glossary.some((g) => g.kind === kind && g.id === id))
        problems.push(`${glossaryPath(kind)}: ${kind}:${id}: 术语表里缺少这个词（kind: ${kind}, id: ${id}），页面和自测要用它，缺了会把代码「${id}」直接印出来`);
  const sourceIds = new Set(sources.map((s) => s.id));
  const docIds = new Set(documents.map((d) => d.id));

  const subsidies: Subsidy[] = [];
  const seenIds = new Map<string, string>();
  for (const [file, data] of Object.entries(raw.subsidies).sort(([a], [b]) => a.localeCompare(b))) {
    const s = parse(SubsidySchema, data, file, problems);
    if (!s) continue;
    const expected = file.split('/').pop()!.replace(/\.ya?ml$/, '');
    if (s.id !== expected) problems.push(`${file}: id: id「${s.id}」要和文件名「${expected}」一致`);
    if (seenIds.has(s.id)) problems.push(`${file}: id: 和 ${seenIds.get(s.id)} 重复`);
    seenIds.set(s.id, file);
    s.amounts.forEach((a, i) => {
      if (!sourceIds.has(a.source)) problems.push(`${file}: amounts[${i}].source: 未知来源「${a.source}」（${raw.sources.path} 里没有）`);
      for (const st of a.when?.stages ?? []) if (!s.stages.includes(st)) problems.push(`${file}: amounts[${i}].when.stages: 「${st}」不在本项目的 stages 里`);
    });
    checkAmountHistory(s.amounts, file, 'amounts', problems);
    checkNotFuture(s.lastVerified, file, 'lastVerified', problems, build);
    if (s.amounts[0] && s.amounts[0].from > build)
      problems.push(`${file}: amounts[0].from: 最早的金额 ${s.amounts[0].from} 才生效，今天（${build}）还没有任何金额在用；等生效后再加这个项目，或先写现在在用的标准`);
    if (s.rules[0] && s.rules[0].from > build)
      problems.push(`${file}: rules[0].from: 最早的规则 ${s.rules[0].from} 才生效，今天（${build}）还没有规则在用；等生效后再加这个项目，或先写现在在用的规则`);
    s.rules.forEach((r, i) => {
      if (!sourceIds.has(r.source)) problems.push(`${file}: rules[${i}].source: 未知来源「${r.source}」（${raw.sources.path} 里没有）`);
      (r.paths ?? []).forEach((p, k) => {
        if (p.source && !sourceIds.has(p.source)) problems.push(`${file}: rules[${i}].paths[${k}].source: 未知来源「${p.source}」（${raw.sources.path} 里没有）`);
      });
      for (const c of r.conditions.flatMap(conditionsOf)) {
        if (c.type === 'grade' && c.min !== undefined && c.max !== undefined && c.min > c.max)
          problems.push(`${file}: rules[${i}].conditions: grade 的 min 大于 max`);
      }
    });
    (s.windows ?? []).forEach((w, i) => {
      if (!sourceIds.has(w.source)) problems.push(`${file}: windows[${i}].source: 未知来源「${w.source}」（${raw.sources.path} 里没有）`);
    });
    s.documents.forEach((d, i) => {
      if (!docIds.has(d.doc)) problems.push(`${file}: documents[${i}].doc: 未知材料「${d.doc}」（${raw.documents.path} 里没有）`);
    });
    subsidies.push(s);
  }
  if (problems.length) throw new DataError(problems);
  return { subsidies, sources, documents, glossary };
}
