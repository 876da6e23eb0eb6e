/**
 * The site's binding of data to the engine, for .astro components and pages: which data this site shows
 * (`siteData`), look-ups by id (a wrong id fails the build with a Chinese message naming it), and thin
 * wrappers that hand the bound data to the view models of src/rules (views.ts, stages.ts, lines.ts).
 * Nothing here decides policy: which lines are in force, statuses, histories, changes and condition
 * wording all come from src/rules. Reads the validated dataset (src/data), so it imports zod: never use
 * it in browser code.
 *
 * Default region (ZZ_REGION, src/lib/deployment.ts): `siteData` is the data as it applies on this site,
 * i.e. the national data, or `applyRegion(dataset, regions, defaultRegion)` when a default region is
 * set. Helpers that list or look up subsidies take an optional `data` (default: the national dataset);
 * stage pages and posters pass `siteData`, so their figures are the region's where it published one,
 * and each such `Line` carries `region` and (through `nationalLine`) the national figure beside it.
 *   getSubsidy('senior-grant', siteData)   → with 四川's entries on a ZZ_REGION=510000 build
 *   nationalLine('senior-grant', line, date) → the national line for the same students, if any
 */
import { dataset, type Dataset } from '../../data/index.ts';
import { regions } from '../../data/regions.ts';
import { defaultRegion } from '../../lib/deployment.ts';
import { applyRegion, regionContacts, regionLabel, regionsOverriding, type RegionalDataset, type RegionInfo, type ResolvedContact } from '../../rules/regions.ts';
import { inForce, linesInForce as engineLines, sourceLookup, type Amount } from '../../rules/lines.ts';
import { PAGE_SLUGS, STAGE_PAGES, allSubsidies as inOrder, pageOf, pagesOfSubsidy, stagesOf, subsidiesFor as forStages, type PageSlug } from '../../rules/stages.ts';
import { loanAfter } from '../../data/loan.ts';
import { PolicyDataError, changesIn, conditionLabel as conditionWords, lastVerifiedOf, subsidiesCiting as citing, subsidyById, subsidyView, valueHistory, type Change } from '../../rules/views.ts';
import { makeTerms } from '../../rules/conditions.ts';
import type { Region } from '../../schema/region.ts';
import type { Condition, DocumentInfo, GlossaryEntry, RuleEntry, Source, Stage, Subsidy } from '../../schema/index.ts';

const applied = new Map<string, RegionalDataset>();
/** Sources of region lists other than content/regions/ (tests pass fixtures), so getSource finds them. */
const extraSources = new Map<string, Source>();

/**
 * The data as it applies in region `code` (national data plus the region chain's entries, see
 * applyRegion); the national dataset when `code` is undefined. Memoised for the configured regions;
 * `within` is another list of regions (test fixtures).
 * @throws RegionError when `code` is not one of `within`.
 */
export function dataIn(code: string | undefined, within: readonly Region[] = regions): Dataset {
  if (!code) return dataset;
  if (within !== regions) {
    const data = applyRegion(dataset, within, code);
    for (const s of data.sources) if (!extraSources.has(s.id)) extraSources.set(s.id, s);
    return data;
  }
  if (!applied.has(code)) applied.set(code, applyRegion(dataset, regions, code));
  return applied.get(code)!;
}

/** The data of this site: with the default region (ZZ_REGION) applied, or the national data. */
export const siteData: Dataset = dataIn(defaultRegion);

/** The default region of this site (code, name, chain, full label), or undefined on the national site. */
export const siteRegion: RegionInfo | undefined = (siteData as Partial<RegionalDataset>).region;

/** Contacts of the default region's chain, most specific first ([] on the national site or when none is published). */
export const siteContacts: ResolvedContact[] = defaultRegion ? regionContacts(regions, defaultRegion) : [];

/** Newest lastVerified along the default region's chain (undefined on the national site). */
export const siteRegionChecked: string | undefined = defaultRegion
  ? regions.filter((r) => siteRegion?.chain.some((t) => t.code === r.code)).map((r) => r.lastVerified).sort().reverse()[0]
  : undefined;

/** Full name of a configured region from the province down (「云南省施甸县」), for 「…公布」. */
export const regionName = (code: string): string => regionLabel(regions, code);

/** The page of a configured region. */
export const regionHref = (code: string): string => `/regions/${code}/`;

/** Configured regions whose own file changes subsidy `id`, with full names, for 「有的地方公布了自己的标准」. */
export function regionsWithOwn(id: string): { code: string; label: string }[] {
  return regionsOverriding(regions, id).map((r) => ({ code: r.code, label: regionName(r.code) }));
}

export { PAGE_SLUGS, STAGE_PAGES, PolicyDataError, lastVerifiedOf, pageOf, pagesOfSubsidy, stagesOf, type Change, type PageSlug };

/** A subsidy by id, from `data` (default: the national dataset; pass `siteData` for this site's figures). */
export function getSubsidy(id: string, data: Dataset = dataset): Subsidy {
  return subsidyById(data, id);
}

/** A source by id: national (content/sources.yaml) or from a configured region's file. */
export function getSource(id: string): Source {
  const s = dataset.sources.find((x) => x.id === id) ?? regions.flatMap((r) => r.sources).find((x) => x.id === id) ?? extraSources.get(id);
  if (!s) throw new PolicyDataError(`没有 id 为「${id}」的政策来源（content/sources.yaml）`);
  return s;
}

export function getDocument(id: string): DocumentInfo {
  const d = dataset.documents.find((x) => x.id === id);
  if (!d) throw new PolicyDataError(`没有 id 为「${id}」的材料（content/documents.yaml）`);
  return d;
}

/** A glossary entry by `id` or `kind:id` (ids repeat across kinds, e.g. per-school-day). */
export function getTerm(ref: string): GlossaryEntry {
  const [kind, id] = ref.includes(':') ? ref.split(':', 2) : [undefined, ref];
  const hits = dataset.glossary.filter((g) => g.id === id && (!kind || g.kind === kind));
  if (!hits.length) throw new PolicyDataError(`术语表里没有「${ref}」（content/glossary.yaml）`);
  return hits[0]!;
}

/**
 * Short official term for a glossary id of a kind. @throws PolicyDataError when the glossary lacks it,
 * so a page never prints a code like `apply`.
 */
export function termOf(kind: GlossaryEntry['kind'], id: string): string {
  const g = dataset.glossary.find((x) => x.kind === kind && x.id === id);
  if (!g) throw new PolicyDataError(`术语表里没有「${kind}:${id}」（content/glossary.yaml）`);
  return g.short ?? g.term;
}

/** Subsidies of any of these stages, in data order (`order:`), from `data` (default: the national dataset). */
export function subsidiesFor(stages: readonly Stage[], data: Dataset = dataset): Subsidy[] {
  return forStages(stages, data);
}

/**
 * What a stage component (<StageOverview>, <StageSources>, <StageSubsidies>, <AsOf>) shows for its
 * `stage` prop: the wizard stages (see stagesOf) and their subsidies on this site (siteData), in data order.
 *   subsidiesOfStage('compulsory') → { stages: ['primary', 'junior'], subs: [compulsory-fee-waiver, …] }
 */
export function subsidiesOfStage(stage: string): { stages: Stage[]; subs: Subsidy[] } {
  const stages = stagesOf(stage);
  return { stages, subs: subsidiesFor(stages, siteData) };
}

/** Every subsidy in data order. */
export const allSubsidies = (): Subsidy[] => inOrder(dataset);

/** Every source in content/sources.yaml, in file order. */
export const allSources = (): Source[] => dataset.sources;

/** An amount line as the components show it (the engine's Amount). */
export type Line = Amount;

/** The amount lines in force on `date` for these stages (one per line), in data order. */
export function linesInForce(s: Subsidy, date: string, stages?: readonly Stage[]): Line[] {
  return engineLines(s, date, getSource, stages);
}

/** The rule version in force on `date`, or undefined when the subsidy has not started yet. */
export function ruleInForce(s: Subsidy, date: string): RuleEntry | undefined {
  return inForce(s.rules, date);
}

/** One subsidy on this site as a page explains it (src/rules/views.ts subsidyView). */
export const siteSubsidyView = (id: string, stages: readonly Stage[] | undefined, date: string) =>
  subsidyView(siteData, siteRegion ? dataset : undefined, id, stages, date);

/** The history table rows of a subsidy on this site (src/rules/views.ts valueHistory). */
export const siteValueHistory = (id: string, stages: readonly Stage[] | undefined, date: string) =>
  valueHistory(siteData, siteRegion ? dataset : undefined, id, stages, date);

/** Subsidies citing a source anywhere in their rules or amount histories. */
export const subsidiesCiting = (sourceId: string): Subsidy[] => citing(dataset, sourceId);

/** Every change in the national data and the loan relief years, newest first (src/rules/views.ts changesIn). */
export const allChanges = (): Change[] => changesIn(dataset, loanAfter.reliefYears);

const terms = makeTerms(dataset.glossary);
/** Short Chinese words for a document's `if` condition ('' = everyone). */
export const conditionLabel = (c: Condition | undefined): string => conditionWords(c, terms);

/** A source look-up over the national and every configured region's sources. */
export const sourceOf = sourceLookup([...dataset.sources, ...regions.flatMap((r) => r.sources)]);
