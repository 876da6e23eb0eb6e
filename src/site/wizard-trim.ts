/**
 * Build-time only (used by ./wizard-files.ts for src/pages/check/, never by the island): cuts the validated
 * dataset and the configured regions down to what the engine and the wizard read, and splits it in two
 * so the page opens light on a weak connection (issue 6):
 *
 * - the page's JSON block (`Payload`, read by ./lib.ts): the glossary entries the questions and
 *   results use (not the statuses: the results module carries them, ../islands/wizard/statuses.ts), the regions' names and codes (for 「孩子在哪个省/县上学？」), `floor`, the default region;
 * - one part per stage (`Part`, /check/data/<stage>.<hash>.json): that stage's subsidies, their
 *   sources and documents, each region's figures and contacts, and the steps of applying
 *   (content/steps.yaml, their short texts) and the 「去学校可以这样问」 sentences its conditions can call
 *   for (glossary kind ask, src/rules/ask.ts). The wizard fetches it as soon as
 *   the family picks the stage, while they answer the remaining questions.
 *
 * - Histories (`rules`, `amounts`, also in region overrides) keep the entry in force on `floor` and
 *   every later one. The island never evaluates before `floor` (a device clock set earlier is taken as
 *   `floor`), so nothing it can show is lost; regional layering (src/rules/regions.ts) gives the same
 *   answer for every day from `floor` on.
 * - `who` is kept only for rules without conditions (the engine's reason sentence uses it only then).
 * - Dropped: summaries, notes, lastVerified, an amount's confidence when high, source notes/urls/issuers
 *   and the 文号-unverified flag, document descriptions and notes, glossary entries the wizard never
 *   shows, a glossary `term` where a `short` exists (labels use `short ?? term`), region notes,
 *   sample flags and contact source ids.
 */
import type { Dataset } from '../schema/index.ts';
import type { ApplyStep, Condition, GlossaryEntry, Source, Subsidy } from '../schema/index.ts';
import type { Region } from '../schema/region.ts';
import { STAGES, type Stage } from '../rules/answers.ts';
import { inForce, lineKey } from '../rules/lines.ts';
import { askKeys } from '../rules/ask.ts';
import { ruleConditions, ruleSourceIds } from '../rules/paths.ts';
import { wayOpenAt } from '../rules/views.ts';
import type { Part, Payload } from '../islands/wizard/lib.ts';

/** Glossary kinds the engine (family/answer wording) and the questions (labels, help) use: the page's block. Not `status`: see GLOSSARY_TERMS. */
const GLOSSARY_KINDS = new Set<GlossaryEntry['kind']>(['stage', 'family', 'answer']);
/**
 * `term` entries of the questions' help (src/schema/questions.ts) and of the results (the steps' 认定 and
 * 公示, 资助中心). The statuses (kind status: 自动享受 …) are not in the block: the results module carries
 * them (content/statuses.yaml, src/islands/wizard/statuses.ts).
 */
const GLOSSARY_TERMS = new Set(['rending', 'gongshi', 'zizhu-center', 'changtaihua', 'fangzhi-fanpin-zhipin', 'nongcun-dishouru']);
/** A glossary entry as the wizard reads it: labels use `short ?? term`, so `term` goes where a `short` exists. */
const trimTerm = (g: GlossaryEntry) => clean({ kind: g.kind, id: g.id, term: g.short ? undefined : g.term, short: g.short, label: g.label, plain: g.plain });
/** Glossary `term` entries of 代问模式 (src/islands/wizard/helper.ts), all kept: `helper-…`. */
const HELPER_PREFIX = 'helper-';

function keepFrom<T extends { from: string }>(entries: readonly T[], floor: string, key: (e: T) => string = () => ''): T[] {
  const groups = new Map<string, T[]>();
  for (const e of entries) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
  const keep = new Set<T>();
  for (const g of groups.values()) {
    const past = inForce(g, floor);
    for (const e of g) if (e === past || e.from > floor) keep.add(e);
    // Nothing in force yet on `floor`: keep the earliest, so the engine can say when it starts.
    if (!past && g.length) keep.add(g.reduce((a, b) => (a.from <= b.from ? a : b)));
  }
  return entries.filter((e) => keep.has(e));
}

/** Drops undefined and false fields (the engine treats both as absent). */
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== false)) as T;

/** The list, or undefined when it is empty (the engine reads a missing `windows` as none). */
const nonEmpty = <T,>(xs: T[]): T[] | undefined => (xs.length ? xs : undefined);

type Amounts = Subsidy['amounts'];
type Rules = Subsidy['rules'];

// `confidence` only when it is not high: the wizard marks such a figure 未确认, as the stage page does.
const trimAmounts = (amounts: Amounts, floor: string) => keepFrom(amounts, floor, (e) => lineKey(e.when)).map((a) => clean({ ...a, was: undefined, confidence: a.confidence === 'high' ? undefined : a.confidence }));
/** Whether a way to qualify is open at `stage` (the stage pages' test, src/rules/views.ts wayOpenAt). */
const openAt = (p: { conditions: readonly Condition[] }, stage?: Stage) => !stage || wayOpenAt(p, [stage]);
// In a stage's part, only the ways open at that stage (国家助学金's 研究生 way is not in the 本专科 part);
// ../islands/wizard/merge-parts.ts joins them again for a family.
const trimRules = (rules: Rules, floor: string, stage?: Stage) =>
  keepFrom(rules, floor).map((r) => {
    const open = r.paths?.filter((p) => openAt(p, stage));
    return clean({ from: r.from, recordedFrom: r.recordedFrom, conditions: r.conditions, paths: open?.length ? open : r.paths, source: r.source, who: r.conditions.length || r.paths ? undefined : r.who });
  });

// `forStage` (src/rules/names.ts): the part's own stage's name, 怎么办 and local note (a result goes by its
// stage's); ../islands/wizard/merge-parts.ts joins them for a family.
const trimForStage = (f: Subsidy['forStage'], stage: Stage) => {
  const kept = Object.entries(f ?? {})
    .filter(([k]) => k === stage)
    .map(([k, v]) => [k, clean({ name: v!.name, how: v!.how, localNote: v!.localNote })] as const)
    .filter(([, v]) => Object.keys(v).length);
  return kept.length ? (Object.fromEntries(kept) as Subsidy['forStage']) : undefined;
};

/** The amount lines for `stage` (a line without `when.stages` is for every stage). */
const ofStage = <T extends { when?: { stages?: readonly Stage[] } }>(amounts: T[], stage: Stage): T[] => amounts.filter((a) => !a.when?.stages || a.when.stages.includes(stage));

/**
 * A subsidy as a part carries it. In `stage`'s part, only what a child at that stage can meet: the
 * amount lines for the stage (a line without `when.stages` is for all), the ways open at it and the
 * documents those ways need, and its own forStage entry — the 本专科 part has no 研究生 figures or way.
 * ../islands/wizard/merge-parts.ts joins them again for a family with children at several stages.
 */
function trimSubsidy(s: Subsidy, floor: string, stage: Stage) {
  return clean({
    id: s.id,
    name: s.name,
    forStage: trimForStage(s.forStage, stage),
    order: s.order,
    stages: s.stages,
    grant: s.grant,
    rules: trimRules(s.rules, floor, stage),
    amounts: ofStage(trimAmounts(s.amounts, floor), stage),
    delivery: clean({ form: s.delivery.form, text: s.delivery.text, private: s.delivery.private }),
    apply: s.apply,
    // A document only ways closed at this stage need is not in its part (the 退伍证 in the 研究生 part).
    documents: s.documents.filter((d) => !d.paths || s.rules.some((r) => r.paths?.some((p) => d.paths!.includes(p.id) && openAt(p, stage)))).map((d) => clean({ doc: d.doc, if: d.if, paths: d.paths })),
    windows: nonEmpty(keepFrom(s.windows ?? [], floor).map((w) => clean({ ...w, step: undefined }))),
    setLocally: s.setLocally,
    localNote: s.localNote,
  });
}

const trimSource = (s: Source) => clean({ id: s.id, title: s.title, docNumber: s.docNumber });

/** A region in the page's block: what the region question needs (its lists come with the stage parts; joinPart starts them empty). */
const trimRegionHead = (r: Region): Region => clean({ code: r.code, name: r.name, level: r.level, parent: r.parent }) as unknown as Region;

/**
 * One stage's part (`Part`): the subsidies for `stage`, the sources and documents they cite, and for
 * every region its overrides of those subsidies, its own subsidies for the stage, its contacts and
 * sources. The engine gives the same results from a part joined with the page's block (`joinPart`) as
 * from the whole dataset, for every answer with this stage (test/unit/wizard-parts.test.ts).
 */
function makePart(data: Dataset, regions: readonly Region[], floor: string, stage: Stage, steps: readonly ApplyStep[]): Part {
  const forStage = (s: Subsidy) => s.stages.includes(stage);
  const subsidies = data.subsidies.filter(forStage).map((s) => trimSubsidy(s, floor, stage));
  // Overrides may change a national subsidy or a parent region's own one.
  const ids = new Set([...data.subsidies, ...regions.flatMap((r) => r.subsidies)].filter(forStage).map((s) => s.id));
  const rs = regions.map((r) => ({
    code: r.code,
    overrides: r.overrides
      .filter((o) => ids.has(o.subsidy))
      .map((o) => clean({ subsidy: o.subsidy, amounts: ofStage(trimAmounts(o.amounts, floor), stage), rules: trimRules(o.rules, floor) })),
    subsidies: r.subsidies.filter(forStage).map((s) => trimSubsidy(s, floor, stage)),
    contacts: r.contacts.map((c) => clean({ ...c, source: undefined })),
    sources: r.sources.map(trimSource),
  }));
  const all = [...subsidies, ...rs.flatMap((r) => r.subsidies)];
  const used = new Set(all.flatMap((s) => [...s.rules.flatMap(ruleSourceIds), ...s.amounts.map((a) => a.source), ...((s as unknown as Subsidy).windows ?? []).map((w) => w.source)]));
  for (const r of rs) for (const o of r.overrides) for (const id of [...(o.amounts ?? []).map((a) => a.source), ...(o.rules ?? []).flatMap(ruleSourceIds)]) used.add(id);
  // A region's sources that nothing of this stage cites stay out (四川's 普高 figures in the 本专科 part).
  for (const r of rs) r.sources = r.sources.filter((x) => used.has(x.id));
  // joinPart starts every region with empty lists and lays the part over them: a part leaves out the
  // empty ones, and a region with nothing for this stage altogether.
  const regionsOut = rs.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => !Array.isArray(v) || v.length))).filter((r) => Object.keys(r).length > 1);
  const sources = data.sources.filter((s) => used.has(s.id)).map(trimSource);
  const docIds = new Set(all.flatMap((s) => s.documents.map((d) => d.doc)));
  const documents = data.documents.filter((d) => docIds.has(d.id)).map((d) => clean({ id: d.id, name: d.name, where: d.where, note: d.note, noteStages: d.noteStages, perStudent: d.perStudent }));
  const shortSteps = steps.map((s) => clean({ name: s.name, when: s.when, short: s.short, term: s.term }));
  // 「这样问」 sentences (glossary kind ask): only those this stage's conditions can call for.
  const leaves: Condition[] = [];
  const walk = (c: Condition) => (c.type === 'anyOf' || c.type === 'allOf' ? c.of.forEach(walk) : leaves.push(c));
  for (const sub of all) for (const r of sub.rules) ruleConditions(r).forEach(walk);
  for (const r of rs) for (const o of r.overrides) for (const rule of o.rules ?? []) ruleConditions(rule).forEach(walk);
  const keys = new Set(['intro', 'local', 'local-apply', ...leaves.flatMap(askKeys)]);
  const asks = data.glossary.filter((g) => g.kind === 'ask' && keys.has(g.id)).map((g) => ({ kind: g.kind, id: g.id, say: g.say }));
  return { subsidies, sources, documents, regions: regionsOut, steps: shortSteps, asks } as unknown as Part;
}

/** What the page carries and what it loads later: the block for `#wz-data` (without `parts` and `places`: ./wizard-files.ts adds them) and each stage's part. */
export function makePayload(data: Dataset, regions: readonly Region[], steps: readonly ApplyStep[], floor: string, defaultRegion: string | undefined): { base: Omit<Payload, 'parts' | 'places'>; parts: Record<Stage, Part> } {
  const glossary = data.glossary
    .filter((g) => GLOSSARY_KINDS.has(g.kind) || (g.kind === 'term' && (GLOSSARY_TERMS.has(g.id) || g.id.startsWith(HELPER_PREFIX))))
    .map(trimTerm);
  const base = clean({ glossary, regions: regions.map(trimRegionHead), floor, defaultRegion }) as Omit<Payload, 'parts' | 'places'>;
  const parts = Object.fromEntries(STAGES.map((st) => [st, makePart(data, regions, floor, st, steps)])) as Record<Stage, Part>;
  return { base, parts };
}

/** JSON for a `<script type="application/json">` or a part file (`<` escaped, so no `</script>` can end a block early). */
export const payloadJson = (p: unknown) => JSON.stringify(p).replace(/</g, '\\u003c');
