/**
 * Validation of the raw policy data: each file against its zod schema, then the links between files
 * (a value's source must exist, a document id must be in the catalogue, ids are unique).
 *
 * Errors: throws `DataError` whose message lists every problem as `FILE: FIELD: 说明`, e.g.
 *   content/subsidies/senior-grant.yaml: amounts[2].source: 未知来源「caijiao-2099-1」（content/sources.yaml 里没有）
 * Astro's build imports the validated dataset, so a bad file fails the build with that message.
 */
import type { z } from 'zod';
import { Documents, Glossary, Sources, Subsidy as SubsidySchema, type Condition, type Dataset, type Subsidy } from '../schema/index.ts';

export type { Dataset };

/** Raw file contents keyed by repository-relative path (e.g. `content/subsidies/senior-grant.yaml`). */
export interface RawDataset {
  subsidies: Record<string, unknown>;
  sources: { path: string; data: unknown };
  documents: { path: string; data: unknown };
  glossary: { path: string; data: unknown };
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

export function conditionsOf(c: Condition): Condition[] {
  return c.type === 'anyOf' || c.type === 'allOf' ? [c, ...c.of.flatMap(conditionsOf)] : [c];
}

export function validateDataset(raw: RawDataset): Dataset {
  const problems: string[] = [];
  const sources = parse(Sources, raw.sources.data, raw.sources.path, problems) ?? [];
  const documents = parse(Documents, raw.documents.data, raw.documents.path, problems) ?? [];
  const glossary = parse(Glossary, raw.glossary.data, raw.glossary.path, problems) ?? [];

  const dupes = (xs: { id: string }[], file: string) => {
    const seen = new Set<string>();
    xs.forEach((x, i) => {
      if (seen.has(x.id)) problems.push(`${file}: [${i}].id: 重复的 id「${x.id}」`);
      seen.add(x.id);
    });
  };
  dupes(sources, raw.sources.path);
  dupes(documents, raw.documents.path);
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
    s.rules.forEach((r, i) => {
      if (!sourceIds.has(r.source)) problems.push(`${file}: rules[${i}].source: 未知来源「${r.source}」（${raw.sources.path} 里没有）`);
      for (const c of r.conditions.flatMap(conditionsOf)) {
        if (c.type === 'grade' && c.min !== undefined && c.max !== undefined && c.min > c.max)
          problems.push(`${file}: rules[${i}].conditions: grade 的 min 大于 max`);
      }
    });
    s.documents.forEach((d, i) => {
      if (!docIds.has(d.doc)) problems.push(`${file}: documents[${i}].doc: 未知材料「${d.doc}」（${raw.documents.path} 里没有）`);
    });
    subsidies.push(s);
  }
  if (problems.length) throw new DataError(problems);
  return { subsidies, sources, documents, glossary };
}
