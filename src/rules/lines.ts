/**
 * Amount lines: the one place that says which entries of a subsidy's `amounts` history belong together
 * (one line = one `when`, label aside, whatever the order of its keys in YAML) and the one builder that
 * turns an entry into the `Amount` every face shows. Pure: data in, values out.
 *
 *   lineKey({ stages: ['primary'], boarding: 'yes', label: '小学寄宿生' })
 *     === lineKey({ boarding: 'yes', stages: ['primary'] })                       → same line
 *   amountHistories(subsidy, ['primary'])  → [[2019 entry, 2024 entry…], …]  (each oldest → newest)
 *   linesInForce(subsidy, '2026-10-01', sourceOf, ['primary']) → Amount[] (one per line in force)
 */
import type { AmountEntry, Basis, Source, Stage, Subsidy, Unit } from '../schema/index.ts';

/** Which region set a value or a programme. */
export interface RegionTag { code: string; name: string; level: 'province' | 'city' | 'county' }

/** An amount in force on a day, as every face shows it. Money in 元. */
export interface Amount {
  basis: Basis;
  unit: Unit;
  /** 元 per `unit`; absent for waiver, local and service. */
  value?: number;
  /** For average: the span of local tiers. */
  range?: { min: number; max: number };
  /** The tiers a province or county published (元 per unit, low to high). */
  tiers?: number[];
  /** Instalments a year; with 2, `perInstalment` is the 元/学期 figure. */
  instalments?: number;
  perInstalment?: number;
  /** The day this value took effect. */
  from: string;
  confidence: 'high' | 'medium' | 'unconfirmed';
  note?: string;
  /** Who this line is for when several could apply (「寄宿生」「走读生」). */
  label?: string;
  /** true when province, county or school sets the real figure (以当地公布为准). */
  local: boolean;
  /** The source that set this value. */
  source: Source;
  /** The region that set this value (see ./regions.ts); absent = national. */
  region?: RegionTag;
  /** The line this value belongs to (lineKey of its `when`). */
  key: string;
  /** The `when` of the entry (which students the line is for). */
  when?: AmountEntry['when'];
}

/** An amount entry, possibly set by a region (after applyRegion). */
export type RegionalAmountEntry = AmountEntry & { region?: RegionTag };

/** Looks a source up by id (national sources and the regions' own). */
export type SourceOf = (id: string) => Source;

/**
 * The key of an amount line: its `when` without the label, keys sorted. Two entries with the same key
 * are versions of the same line; the engine picks one of them for a date.
 */
export function lineKey(when: AmountEntry['when']): string {
  const w = { ...when, label: undefined } as Record<string, unknown>;
  return JSON.stringify(Object.keys(w).filter((k) => w[k] !== undefined).sort().map((k) => [k, w[k]]));
}

/** The newest entry with `from` ≤ date, or undefined if none is in force yet. */
export function inForce<T extends { from: string }>(entries: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const e of entries) if (e.from <= date && (!best || e.from >= best.from)) best = e;
  return best;
}

/** The amount histories of a subsidy (each oldest → newest, in data order), limited to lines for these stages. */
export function amountHistories<E extends AmountEntry>(s: { amounts: readonly E[] }, stages?: readonly Stage[]): E[][] {
  const groups = new Map<string, E[]>();
  for (const e of s.amounts) {
    if (stages && e.when?.stages && !e.when.stages.some((st) => stages.includes(st))) continue;
    const k = lineKey(e.when);
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups.values()];
}

/** The one amount builder: an entry of subsidy `s` as an `Amount`. */
export function toAmount(s: Pick<Subsidy, 'setLocally'>, e: RegionalAmountEntry, sourceOf: SourceOf): Amount {
  return {
    basis: e.basis,
    unit: e.unit,
    ...(e.value !== undefined && { value: e.value }),
    ...(e.range && { range: e.range }),
    ...(e.tiers && { tiers: e.tiers }),
    ...(e.instalments && { instalments: e.instalments }),
    ...(e.value !== undefined && e.instalments && e.instalments > 1 && { perInstalment: e.value / e.instalments }),
    from: e.from,
    confidence: e.confidence,
    ...(e.note && { note: e.note }),
    ...(e.when?.label && { label: e.when.label }),
    local: s.setLocally === true || e.basis === 'local',
    source: sourceOf(e.source),
    ...(e.region && { region: e.region }),
    key: lineKey(e.when),
    ...(e.when && { when: e.when }),
  };
}

/** The amount lines in force on `date` for these stages (one per history), in data order. */
export function linesInForce(s: Pick<Subsidy, 'setLocally'> & { amounts: readonly RegionalAmountEntry[] }, date: string, sourceOf: SourceOf, stages?: readonly Stage[]): Amount[] {
  return amountHistories(s, stages).flatMap((g) => {
    const e = inForce(g, date);
    return e ? [toAmount(s, e, sourceOf)] : [];
  });
}

/** A source look-up over a dataset's sources; an unknown id is a data error (validation prevents it). */
export function sourceLookup(sources: readonly Source[]): SourceOf {
  const map = new Map(sources.map((s) => [s.id, s]));
  return (id) => {
    const s = map.get(id);
    if (!s) throw new Error(`没有 id 为「${id}」的政策来源（content/sources.yaml）`);
    return s;
  };
}
