/**
 * Build-time only (imported by src/pages/check/index.astro, never by the island): cuts the validated
 * dataset down to what the engine and the wizard read, so the page ships a small JSON and no zod.
 *
 * - Histories (`rules`, `amounts`) keep the entry in force on `floor` and every later one. The island
 *   never evaluates before `floor` (a device clock set earlier is taken as `floor`), so nothing it can
 *   show is lost.
 * - `who` is kept only for rules without conditions (the engine's reason sentence uses it only then).
 * - Dropped: summaries, notes, lastVerified, amount confidence, source notes/urls/issuers and the
 *   文号-unverified flag, document descriptions and notes, glossary entries the wizard never shows, and a
 *   glossary `term` where a `short` exists (labels use `short ?? term`).
 */
import type { Dataset } from '../../data/validate.ts';
import type { GlossaryEntry } from '../../schema/index.ts';

/** Glossary kinds the engine (family/answer wording) and the wizard (labels, help, statuses) use. */
const GLOSSARY_KINDS = new Set<GlossaryEntry['kind']>(['stage', 'family', 'answer', 'status']);
const GLOSSARY_TERMS = new Set(['rending', 'gongshi', 'zizhu-center']);

function keepFrom<T extends { from: string }>(entries: readonly T[], floor: string, key: (e: T) => string = () => ''): T[] {
  const groups = new Map<string, T[]>();
  for (const e of entries) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
  const keep = new Set<T>();
  for (const g of groups.values()) {
    const past = g.filter((e) => e.from <= floor).sort((a, b) => (a.from < b.from ? -1 : 1)).at(-1);
    for (const e of g) if (e === past || e.from > floor) keep.add(e);
    // Nothing in force yet on `floor`: keep the earliest, so the engine can say when it starts.
    if (!past && g.length) keep.add(g.reduce((a, b) => (a.from <= b.from ? a : b)));
  }
  return entries.filter((e) => keep.has(e));
}

const stripUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== false)) as T;

/** The trimmed dataset, typed as a Dataset (the fields the engine reads are all there). */
export function trimDataset(data: Dataset, floor: string): Dataset {
  const subsidies = data.subsidies.map((s) => {
    const amounts = keepFrom(s.amounts, floor, (e) => JSON.stringify({ ...e.when, label: undefined }));
    return stripUndefined({
      id: s.id,
      name: s.name,
      stages: s.stages,
      grant: s.grant,
      rules: keepFrom(s.rules, floor).map((r) => ({ from: r.from, conditions: r.conditions, source: r.source, who: r.conditions.length ? '' : r.who })),
      amounts: amounts.map((a) => stripUndefined({ ...a, confidence: undefined })),
      delivery: s.delivery,
      apply: s.apply,
      documents: s.documents.map((d) => stripUndefined({ doc: d.doc, if: d.if })),
      setLocally: s.setLocally,
      localNote: s.localNote,
      notes: [],
    });
  });
  const used = new Set(subsidies.flatMap((s) => [...s.rules.map((r) => r.source), ...s.amounts.map((a) => a.source)]));
  const sources = data.sources
    .filter((s) => used.has(s.id))
    .map((s) => stripUndefined({ id: s.id, title: s.title, docNumber: s.docNumber }));
  const docIds = new Set(subsidies.flatMap((s) => s.documents.map((d) => d.doc)));
  const documents = data.documents.filter((d) => docIds.has(d.id)).map((d) => ({ id: d.id, name: d.name, where: d.where }));
  const glossary = data.glossary
    .filter((g) => GLOSSARY_KINDS.has(g.kind) || (g.kind === 'term' && GLOSSARY_TERMS.has(g.id)))
    .map((g) => stripUndefined({ ...g, term: g.short ? undefined : g.term }));
  return { subsidies, sources, documents, glossary } as unknown as Dataset;
}
