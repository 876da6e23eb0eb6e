/**
 * Build-time helpers the policy components share: look-ups by id (a wrong id fails the build with a
 * Chinese message naming it), the amount lines in force on a day, and the change log. Reads the
 * validated dataset (src/data), so it imports zod: use it in .astro components and tests only, never in
 * browser code.
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
import { inForce } from '../../rules/evaluate.ts';
import { applyRegion, lineKey, regionContacts, regionLabel, regionsOverriding, type RegionalDataset, type RegionInfo, type RegionTag, type ResolvedContact } from '../../rules/regions.ts';
import type { Region } from '../../schema/region.ts';
import type { AmountEntry, Condition, DocumentInfo, GlossaryEntry, RuleEntry, Source, Stage, Subsidy } from '../../schema/index.ts';
import type { AmountLike } from '../../lib/format.ts';

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
  ? regions.filter((r) => siteRegion?.chain.some((t) => t.code === r.code)).map((r) => r.lastVerified).sort().at(-1)
  : undefined;

/** Full name of a configured region from the province down (「云南省施甸县」), for 「…公布」. */
export const regionName = (code: string): string => regionLabel(regions, code);

/** The page of a configured region. */
export const regionHref = (code: string): string => `/regions/${code}/`;

/** Configured regions whose own file changes subsidy `id`, with full names, for 「有的地方公布了自己的标准」. */
export function regionsWithOwn(id: string): { code: string; label: string }[] {
  return regionsOverriding(regions, id).map((r) => ({ code: r.code, label: regionName(r.code) }));
}

/** Stage pages (/stages/SLUG/) and the wizard stages each one covers. */
export const PAGE_STAGES = {
  preschool: ['preschool'],
  compulsory: ['primary', 'junior'],
  senior: ['senior'],
  vocational: ['vocational'],
  undergrad: ['undergrad'],
  postgrad: ['postgrad'],
} as const satisfies Record<string, readonly Stage[]>;
export type PageSlug = keyof typeof PAGE_STAGES;
export const PAGE_SLUGS = Object.keys(PAGE_STAGES) as PageSlug[];

export class PolicyDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyDataError';
  }
}

const STAGE_IDS = new Set<string>(Object.values(PAGE_STAGES).flat());

/** Wizard stages for a page slug (`compulsory` → primary, junior) or a single wizard stage. */
export function stagesOf(stage: string): Stage[] {
  if (stage in PAGE_STAGES) return [...PAGE_STAGES[stage as PageSlug]];
  if (STAGE_IDS.has(stage)) return [stage as Stage];
  throw new PolicyDataError(`不认识的阶段「${stage}」（可用：${[...PAGE_SLUGS, 'primary', 'junior'].join('、')}）`);
}

/** The stage page a wizard stage is explained on. */
export function pageOf(stage: Stage): PageSlug {
  return PAGE_SLUGS.find((p) => (PAGE_STAGES[p] as readonly Stage[]).includes(stage))!;
}

/** Stage pages that have a section for this subsidy, in page order. */
export function pagesOfSubsidy(s: Subsidy): PageSlug[] {
  return PAGE_SLUGS.filter((p) => s.stages.some((st) => (PAGE_STAGES[p] as readonly Stage[]).includes(st)));
}

/** A subsidy by id, from `data` (default: the national dataset; pass `siteData` for this site's figures). */
export function getSubsidy(id: string, data: Dataset = dataset): Subsidy {
  const s = data.subsidies.find((x) => x.id === id);
  if (!s) throw new PolicyDataError(`没有 id 为「${id}」的资助项目（content/subsidies/${id}.yaml 不存在）`);
  return s;
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

/** Short official term for a glossary id of a kind (falls back to the id). */
export function termOf(kind: GlossaryEntry['kind'], id: string): string {
  const g = dataset.glossary.find((x) => x.kind === kind && x.id === id);
  return g ? (g.short ?? g.term) : id;
}

/**
 * The order sections appear on a stage page: what every child gets first, then what families apply
 * for, the big-money items before the rare ones. A subsidy missing here still appears, at the end.
 */
const ORDER = [
  'preschool-free-year', 'preschool-aid',
  'compulsory-fee-waiver', 'free-textbooks', 'living-allowance', 'nutrition-meal',
  'senior-fee-waiver', 'senior-grant',
  'vocational-fee-waiver', 'vocational-grant', 'vocational-scholarship',
  'student-loan', 'higher-grant', 'green-channel', 'freshman-aid', 'national-scholarship',
  'encouragement-scholarship', 'academic-scholarship', 'work-study', 'military-aid', 'grassroots-compensation',
];
const rank = (id: string) => {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
};

/** Subsidies of any of these stages, in page order, from `data` (default: the national dataset). */
export function subsidiesFor(stages: readonly Stage[], data: Dataset = dataset): Subsidy[] {
  return data.subsidies
    .filter((s) => s.stages.some((st) => stages.includes(st)))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

/**
 * What a stage component (<StageOverview>, <StageSources>, <StageSubsidies>, <AsOf>) shows for its
 * `stage` prop: the wizard stages (see stagesOf) and their subsidies on this site (siteData), in page order.
 *   subsidiesOfStage('compulsory') → { stages: ['primary', 'junior'], subs: [compulsory-fee-waiver, …] }
 */
export function subsidiesOfStage(stage: string): { stages: Stage[]; subs: Subsidy[] } {
  const stages = stagesOf(stage);
  return { stages, subs: subsidiesFor(stages, siteData) };
}

/** Every subsidy in page order. */
export function allSubsidies(): Subsidy[] {
  return [...dataset.subsidies].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

/** Every source in content/sources.yaml, in file order. */
export const allSources = (): Source[] => dataset.sources;

/** An amount line as the components show it. */
export interface Line extends AmountLike {
  from: string;
  label?: string;
  note?: string;
  confidence: 'high' | 'medium' | 'unconfirmed';
  local: boolean;
  source: Source;
  /** The raw history entry. */
  entry: AmountEntry;
  /** The region that published this figure (only in region-applied data, see `siteData`). */
  region?: RegionTag;
  /** Tiers the region published, low to high (e.g. 1300, 2300, 3300). */
  tiers?: number[];
}

/** Same grouping as the engine: entries with the same `when` (label aside) form one history. */
const groupKey = (e: AmountEntry) => JSON.stringify({ ...e.when, label: undefined });

/** The amount histories of a subsidy (each oldest → newest), limited to lines for these stages. */
export function amountGroups(s: Subsidy, stages?: readonly Stage[]): AmountEntry[][] {
  const groups = new Map<string, AmountEntry[]>();
  for (const e of s.amounts) {
    if (stages && e.when?.stages && !e.when.stages.some((st) => stages.includes(st))) continue;
    const k = groupKey(e);
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups.values()];
}

export function toLine(s: Subsidy, e: AmountEntry): Line {
  return {
    basis: e.basis,
    unit: e.unit,
    ...(e.value !== undefined && { value: e.value }),
    ...(e.range && { range: e.range }),
    ...(e.instalments && { instalments: e.instalments }),
    from: e.from,
    ...(e.when?.label && { label: e.when.label }),
    ...(e.note && { note: e.note }),
    confidence: e.confidence,
    local: s.setLocally || e.basis === 'local',
    source: getSource(e.source),
    entry: e,
    ...((e as { region?: RegionTag }).region && { region: (e as { region?: RegionTag }).region }),
    ...(e.tiers && { tiers: e.tiers }),
  };
}

/**
 * The national figure for the same students as `line` (same amount line, label aside) on `date`, for
 * 「全国：…」 beside a regional figure; undefined for a region-only subsidy or a line the nation lacks.
 */
export function nationalLine(id: string, line: Pick<Line, 'entry'>, date: string): Line | undefined {
  const s = dataset.subsidies.find((x) => x.id === id);
  if (!s) return undefined;
  const key = lineKey(line.entry.when);
  const e = inForce(s.amounts.filter((a) => lineKey(a.when) === key), date);
  return e ? toLine(s, e) : undefined;
}

/** The amount lines in force on `date` for these stages (one per history), in data order. */
export function linesInForce(s: Subsidy, date: string, stages?: readonly Stage[]): Line[] {
  return amountGroups(s, stages).flatMap((g) => {
    const e = inForce(g, date);
    return e ? [toLine(s, e)] : [];
  });
}

/** The rule version in force on `date`, or undefined when the subsidy has not started yet. */
export function ruleInForce(s: Subsidy, date: string): RuleEntry | undefined {
  return inForce(s.rules, date);
}

/** Sources behind what is in force on `date` (rule first, then amounts), without repeats. */
export function sourcesInForce(s: Subsidy, date: string, stages?: readonly Stage[]): Source[] {
  const rule = ruleInForce(s, date) ?? s.rules[0]!;
  const ids = [rule.source, ...linesInForce(s, date, stages).map((l) => l.source.id)];
  return [...new Set(ids)].map(getSource);
}

/** Subsidies citing a source anywhere in their rules or amount histories. */
export function subsidiesCiting(sourceId: string): Subsidy[] {
  return allSubsidies().filter((s) => s.rules.some((r) => r.source === sourceId) || s.amounts.some((a) => a.source === sourceId));
}

/** A dated change found in the histories. */
export type Change =
  | { kind: 'amount'; from: string; subsidy: Subsidy; label?: string; before: Line; after: Line }
  | { kind: 'rule'; from: string; subsidy: Subsidy; before: RuleEntry; after: RuleEntry }
  | { kind: 'new'; from: string; subsidy: Subsidy; after: RuleEntry };

/**
 * Every change in the data, newest first: a value (or kind of amount) that differs from the previous
 * entry of the same history, and every new version of who qualifies. The first entry of a history is
 * where the data starts, not a change, so it is not listed.
 */
export function allChanges(): Change[] {
  const out: Change[] = [];
  for (const s of allSubsidies()) {
    if (s.rules[0]!.introduced) out.push({ kind: 'new', from: s.rules[0]!.from, subsidy: s, after: s.rules[0]! });
    for (const g of amountGroups(s)) {
      for (let i = 1; i < g.length; i++) {
        const [b, a] = [g[i - 1]!, g[i]!];
        if (b.value === a.value && b.basis === a.basis && b.unit === a.unit) continue;
        out.push({ kind: 'amount', from: a.from, subsidy: s, ...(a.when?.label && { label: a.when.label }), before: toLine(s, b), after: toLine(s, a) });
      }
    }
    for (let i = 1; i < s.rules.length; i++) {
      const [b, a] = [s.rules[i - 1]!, s.rules[i]!];
      if (b.who !== a.who) out.push({ kind: 'rule', from: a.from, subsidy: s, before: b, after: a });
    }
  }
  return out.sort((x, y) => (x.from < y.from ? 1 : x.from > y.from ? -1 : 0));
}

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六'];

/** Short Chinese words for a document's `if` condition: 「脱贫家庭、防止返贫监测对象」「新生」… ('' = everyone). */
export function conditionLabel(c: Condition | undefined): string {
  if (!c) return '';
  switch (c.type) {
    case 'family':
      return c.anyOf.map((f) => termOf('family', f)).join('、');
    case 'grade':
      if (c.max === 1 && c.min === undefined) return '新生';
      if (c.min !== undefined && c.max === undefined) return `${CN_NUM[c.min] ?? c.min}年级及以上`;
      return c.text ?? `${CN_NUM[c.min ?? 1] ?? c.min}到${CN_NUM[c.max!] ?? c.max}年级`;
    case 'boarding':
      return c.is === 'yes' ? '寄宿生' : '走读生';
    case 'veteran':
      return c.is === 'yes' ? '退役士兵学生' : '';
    case 'hukou':
      return c.in.map((h) => termOf('answer', `hukou-${h}`)).join('、');
    default:
      return c.text ?? '';
  }
}

/** The newest lastVerified over these subsidies. */
export function lastVerifiedOf(subs: readonly Subsidy[]): string {
  return subs.map((s) => s.lastVerified).sort().at(-1)!;
}
