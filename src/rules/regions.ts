/**
 * Regional standards on top of the national data. Pure: no clock, no I/O, no zod at run time (only
 * type imports), so the wizard island can run it in the browser with data handed over as props.
 *
 * Regions (content/regions/<code>.yaml, see src/schema/region.ts) form chains
 *   county → city (optional) → province → national.
 * A region file only says what differs: `overrides` append dated, sourced amount and rule entries to
 * an existing subsidy; `subsidies` add programmes that exist only there.
 *
 * Which value wins, for a date and one amount line (one `when`, e.g. 小学寄宿生):
 *   the most specific level that has an entry in force on that date wins (county > city > province >
 *   national); within that level the newest entry in force (`from` ≤ date) wins.
 * So an override applies only in its region and the regions under it, and only from its `from`; before
 * that day the less specific level's value still applies. A regional entry keeps winning after a later
 * national change until the region appends a newer entry (`regionalFigures` flags that case with
 * `nationalNewer`, and the region page asks families to check locally). Rules (who qualifies) follow
 * the same order, as one timeline per subsidy.
 *
 * `applyRegion` turns that into an ordinary `Dataset` in which, per line, the entries of a less specific
 * level stop at the first entry of a more specific one, so the engine's usual "newest `from` ≤ date"
 * (`inForce`) gives exactly the rule above. Every regional entry carries `region: { code, name, level }`,
 * which the engine copies into `Amount.region` (and `Result.region` for region-only subsidies).
 *
 *   regionChain(regions, '530521')            → [施甸县, 云南省]   ([] for an unknown code)
 *   applyRegion(dataset, regions, '510000')    → dataset with 四川's entries and sources, contacts, region
 *   evaluateInRegion(dataset, regions, answers, { date, region }) → Evaluation + region, contacts, notices
 *   regionContacts(regions, code)              → contacts, most specific region first
 *   regionalFigures(dataset, regions, code, date) → per subsidy and line: regional vs national figure
 *   searchRegions(regions, '施甸')              → options for the wizard's 「孩子在哪个省/县上学？」
 */
import type { AmountEntry, RuleEntry, Source, Subsidy } from '../schema/index.ts';
import type { Contact, Region } from '../schema/region.ts';
import type { Dataset } from '../schema/index.ts';
import { NATIONAL_REGION, type Answers } from './answers.ts';
import { evaluateWith, type EvaluateOptions, type Evaluation } from './evaluate.ts';
import { inForce, lineKey, type RegionalAmountEntry, type RegionTag } from './lines.ts';
import { findRegion, regionChain, regionLabel, regionTag } from './region-lookup.ts';
import { cnCount } from '../schema/words.ts';

export { findRegion, findRegions, regionChain, regionLabel, regionOptions, regionTag, searchRegions, type RegionFind, type RegionOption } from './region-lookup.ts';

export { lineKey };
export type { RegionTag, RegionalAmountEntry };

export type RegionalRuleEntry = RuleEntry & { region?: RegionTag };
/** A subsidy after `applyRegion`: entries may carry a region; region-only subsidies carry `region` too. */
export type RegionalSubsidy = Omit<Subsidy, 'amounts' | 'rules'> & {
  amounts: RegionalAmountEntry[];
  rules: RegionalRuleEntry[];
  region?: RegionTag;
};

/** A region with its chain, for headings and result pages. */
export interface RegionInfo extends RegionTag {
  /** Most specific first: [施甸县, 云南省]. */
  chain: RegionTag[];
  /** Full name from the province down: 「云南省施甸县」. */
  label: string;
}

/** A contact with the region that published it. */
export type ResolvedContact = Contact & { region: RegionTag };

export interface RegionalDataset extends Dataset {
  subsidies: RegionalSubsidy[];
  region: RegionInfo;
  /** Contacts along the chain, most specific region first (may be empty). */
  contacts: ResolvedContact[];
}

/** A message for the family about the answers, e.g. an unknown region in a link. */
export interface Notice {
  field: 'region';
  message: string;
}

/** `evaluate` with regions: the usual Evaluation plus the region used, its contacts and notices. */
export interface RegionalEvaluation extends Evaluation {
  /** The region whose standards were applied; absent = national standards only. */
  region?: RegionInfo;
  /** Contacts along the region chain, most specific first ([] without a region). */
  contacts: ResolvedContact[];
  /** Chinese messages to show above the results (e.g. unknown region → national standards). */
  notices: Notice[];
  /**
   * With a region, which standards the figures are, in one sentence (no final 。): the region's where
   * one of the results carries a figure it published, else that the site holds none of its own
   * (「这些项目，本站没有收录云南省另外公布的金额，按全国标准」), never a claim of regional figures it lacks.
   */
  standard?: string;
}

export class RegionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegionError';
  }
}

export function regionInfo(regions: readonly Region[], code: string): RegionInfo | undefined {
  const chain = regionChain(regions, code);
  if (!chain.length) return undefined;
  return { ...regionTag(chain[0]!), chain: chain.map(regionTag), label: regionLabel(regions, code) };
}

/** Contacts along the chain, most specific region first. */
export function regionContacts(regions: readonly Region[], code: string): ResolvedContact[] {
  return regionChain(regions, code).flatMap((r) => r.contacts.map((c) => ({ ...c, region: regionTag(r) })));
}

/** Puts `next` (one more specific level's entries, oldest first) on top of `base` for the same line. */
function layer<T extends { from: string }>(base: T[], next: T[]): T[] {
  if (!next.length) return base;
  const first = next[0]!.from;
  return [...base.filter((e) => e.from < first), ...next];
}

const byFrom = <T extends { from: string }>(xs: T[]) => xs.map((x, i) => [x, i] as const).sort(([a, i], [b, j]) => a.from.localeCompare(b.from) || i - j).map(([x]) => x);

function layerAmounts(base: RegionalAmountEntry[], next: RegionalAmountEntry[]): RegionalAmountEntry[] {
  const keys = [...new Set(next.map((e) => lineKey(e.when)))];
  let out = base;
  for (const key of keys) {
    // Reuse the national line's `when` object so the engine groups both as one line.
    const existing = base.find((e) => lineKey(e.when) === key)?.when;
    const mine = next.filter((e) => lineKey(e.when) === key).map((e) => {
      const label = e.when?.label ?? existing?.label;
      const when = existing || label ? { ...existing, ...(label && { label }) } : undefined;
      // Not `const { when, ...rest } = e`: lowered to ES2017 that pulls a helper module into the wizard.
      const rest: Partial<typeof e> = { ...e };
      delete rest.when;
      return (when ? { ...rest, when } : rest) as RegionalAmountEntry;
    });
    const same = out.filter((e) => lineKey(e.when) === key);
    const others = out.filter((e) => lineKey(e.when) !== key);
    out = [...others, ...layer(same, mine)];
  }
  return byFrom(out);
}

/**
 * The dataset as it applies in region `code`: national data plus, from the province down, every
 * override (entries tagged with their region, shadowing less specific entries from their `from` on),
 * the region-only subsidies of the chain (after the national ones), the chain's sources, and its
 * contacts. The input is not changed.
 * @throws RegionError (Chinese message) when `code` is not a configured region or an override names a
 * subsidy that does not exist (src/data/regions.ts refuses such files earlier).
 */
export function applyRegion(dataset: Dataset, regions: readonly Region[], code: string): RegionalDataset {
  const chain = regionChain(regions, code);
  if (!chain.length) throw new RegionError(`没有找到地区「${code}」的资料`);
  const subsidies = new Map<string, RegionalSubsidy>(dataset.subsidies.map((s) => [s.id, { ...s, amounts: [...s.amounts], rules: [...s.rules] }]));
  const sources: Source[] = [...dataset.sources];
  for (const r of [...chain].reverse()) {
    const tag = regionTag(r);
    sources.push(...r.sources);
    for (const s of r.subsidies) {
      subsidies.set(s.id, {
        ...s,
        region: tag,
        amounts: s.amounts.map((e) => ({ ...e, region: tag })),
        rules: s.rules.map((e) => ({ ...e, region: tag })),
      });
    }
    for (const o of r.overrides) {
      const target = subsidies.get(o.subsidy);
      if (!target) throw new RegionError(`地区「${r.name}」改写的项目「${o.subsidy}」不存在`);
      subsidies.set(o.subsidy, {
        ...target,
        amounts: layerAmounts(target.amounts, o.amounts.map((e) => ({ ...e, region: tag }))),
        rules: layer(target.rules, o.rules.map((e) => ({ ...e, region: tag }))),
      });
    }
  }
  return {
    ...dataset,
    subsidies: [...subsidies.values()],
    sources,
    region: regionInfo(regions, code)!,
    contacts: regionContacts(regions, code),
  };
}

/**
 * The configured region nearest to `code` by the GB/T 2260 code itself: the code, else its city
 * (`PPCC00`), else its province (`PP0000`). An unlisted county or city of a configured province gets
 * the province's figures (510100 成都市 → 510000 四川省) rather than the national ones.
 * undefined when none is configured or `code` is not six digits.
 */
export function nearestRegion(regions: readonly Region[], code: string): Region | undefined {
  if (!/^\d{6}$/.test(code)) return findRegion(regions, code);
  for (const c of [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]) {
    const r = findRegion(regions, c);
    if (r) return r;
  }
  return undefined;
}

/**
 * `evaluateWith` for a region: the region is `answers.region`, else `options.region` (a deployment's
 * default); `answers.region` = NATIONAL_REGION ('000000') means national standards, without a notice.
 * An unknown code never throws: the result says so in `notices` and falls back to
 * `options.region` when that is known, else to national standards.
 * @throws EvaluateError only for a bad date, as evaluateWith does.
 */
export function evaluateInRegion(dataset: Dataset, regions: readonly Region[], answers: Answers, options: EvaluateOptions): RegionalEvaluation {
  const notices: Notice[] = [];
  let code: string | undefined;
  for (const c of [answers.region, options.region]) {
    if (c === undefined || c === '') continue;
    if (c === NATIONAL_REGION) break;
    if (findRegion(regions, c)) {
      code = c;
      break;
    }
    const near = nearestRegion(regions, c);
    if (near) {
      notices.push({ field: 'region', message: `没有找到地区「${c}」自己的资料，以下按${regionLabel(regions, near.code)}的标准` });
      code = near.code;
      break;
    }
    const fallback = options.region && c !== options.region && findRegion(regions, options.region);
    notices.push({ field: 'region', message: `没有找到地区「${c}」的资料，以下按${fallback ? regionLabel(regions, options.region!) + '的标准' : '全国标准'}` });
  }
  if (!code) return { ...evaluateWith(dataset, answers, { ...options, region: undefined }), contacts: [], notices: notices.slice(0, 1) };
  const data = applyRegion(dataset, regions, code);
  const ev = evaluateWith(data, answers, { ...options, region: code });
  const l = data.region.label;
  const standard = ev.results.some((r) => r.region || r.amount?.region || r.alternatives.some((x) => x.region))
    ? `金额按${l}公布的标准；那里没有另外公布的，按全国标准`
    : `这些项目，本站没有收录${l}另外公布的金额，按全国标准`;
  return { ...ev, region: data.region, contacts: data.contacts, notices, standard };
}

/** One amount line of a subsidy on a date: the figure that applies in the region and the national one. */
export interface FigureLine {
  /** Label of the line (「小学寄宿生」), if any. */
  label?: string;
  /** The entry in force in the region (it has `region` when a region set it), if any. */
  regional?: RegionalAmountEntry;
  /** The national entry in force, if any (none for region-only subsidies). */
  national?: AmountEntry;
  /** true when the national value changed after the regional one took effect (check locally). */
  nationalNewer: boolean;
  /**
   * true when the region published the national figure itself (same basis, value, unit and tiers):
   * the page then says 「和全国标准相同」, never that the region differs.
   */
  same: boolean;
  /** Regional entries that start after the date (already published, not yet in force). */
  upcoming: RegionalAmountEntry[];
}

export interface SubsidyFigures {
  id: string;
  name: string;
  stages: Subsidy['stages'];
  /** Set for a programme only the region (or a parent region) has. */
  regionOnly?: RegionTag;
  lines: FigureLine[];
  /** Who qualifies: the rule in force in the region, if a region set it. */
  regionalRule?: RegionalRuleEntry;
  nationalRule?: RuleEntry;
}

/**
 * For a region page: every subsidy that the region's chain publishes figures for or adds, with each of
 * its amount lines on `date` — the figure that applies there next to the national one (`same` where
 * they agree). Lines the chain does not
 * touch are left out. [] for an unknown code.
 */
export function regionalFigures(dataset: Dataset, regions: readonly Region[], code: string, date: string): SubsidyFigures[] {
  const chain = regionChain(regions, code);
  if (!chain.length) return [];
  const data = applyRegion(dataset, regions, code);
  const national = new Map(dataset.subsidies.map((s) => [s.id, s]));
  const touched = new Map<string, Set<string>>();
  for (const r of [...chain].reverse()) {
    for (const s of r.subsidies) touched.set(s.id, new Set(s.amounts.map((e) => lineKey(e.when))));
    for (const o of r.overrides) {
      const keys = touched.get(o.subsidy) ?? new Set<string>();
      for (const e of o.amounts) keys.add(lineKey(e.when));
      touched.set(o.subsidy, keys);
    }
  }
  const out: SubsidyFigures[] = [];
  for (const s of data.subsidies) {
    const keys = touched.get(s.id);
    if (!keys) continue;
    const nat = national.get(s.id);
    const lines: FigureLine[] = [];
    for (const key of keys) {
      const mine = s.amounts.filter((e) => lineKey(e.when) === key);
      const theirs = nat?.amounts.filter((e) => lineKey(e.when) === key) ?? [];
      const regional = inForce(mine, date);
      const nationalEntry = inForce(theirs, date);
      lines.push({
        ...((regional?.when?.label ?? nationalEntry?.when?.label) && { label: regional?.when?.label ?? nationalEntry?.when?.label }),
        ...(regional && { regional }),
        ...(nationalEntry && { national: nationalEntry }),
        nationalNewer: !!(regional?.region && nat && nationalEntry && nationalEntry.from > regional.from),
        upcoming: mine.filter((e) => e.region && e.from > date),
        same: !!(regional?.region && nationalEntry && (['basis', 'value', 'unit', 'tiers'] as const).every((k) => JSON.stringify(regional[k]) === JSON.stringify(nationalEntry[k]))),
      });
    }
    const rule = inForce(s.rules, date);
    out.push({
      id: s.id,
      name: s.name,
      stages: s.stages,
      ...(s.region && { regionOnly: s.region }),
      lines,
      ...(rule?.region && { regionalRule: rule }),
      ...(nat && inForce(nat.rules, date) && { nationalRule: inForce(nat.rules, date)! }),
    });
  }
  return out;
}

/** Regions whose own file changes subsidy `id` (for stage pages: 「四川省有本地标准」). */
export function regionsOverriding(regions: readonly Region[], id: string): Region[] {
  return regions.filter((r) => r.overrides.some((o) => o.subsidy === id));
}


/**
 * Published tiers in words: [1300, 2300, 3300] per-year → '分三档：1300、2300、3300 元/年'.
 * '' when there are no tiers.
 */
export function formatTiers(a: { tiers?: number[]; unit: AmountEntry['unit'] }): string {
  if (!a.tiers?.length) return '';
  const unit = a.unit === 'per-year' ? '元/年' : a.unit === 'per-school-day' ? '元/天' : '元';
  return `分${cnCount(a.tiers.length)}档：${a.tiers.join('、')} ${unit}`;
}
