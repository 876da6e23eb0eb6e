/**
 * Looking regions up by code and name: the chain county → city? → province, full labels, and the
 * wizard's search. No amounts and no engine here, so the wizard's first screens can use it without
 * loading the engine (src/islands/wizard/Question.tsx, lib.ts); ./regions.ts re-exports all of it.
 *
 *   regionChain(regions, '530521')   → [施甸县, 云南省]   ([] for an unknown code)
 *   regionLabel(regions, '530521')   → 「云南省施甸县」
 *   searchRegions(regions, '施甸')    → options for 「孩子在哪个省/县上学？」
 */
import type { Region, RegionLevel } from '../schema/region.ts';
import type { RegionTag } from './evaluate.ts';

const LEVEL_RANK: Record<RegionLevel, number> = { province: 1, city: 2, county: 3 };

export const regionTag = (r: Pick<Region, 'code' | 'name' | 'level'>): RegionTag => ({ code: r.code, name: r.name, level: r.level });

export function findRegion(regions: readonly Region[], code: string | undefined): Region | undefined {
  return code === undefined ? undefined : regions.find((r) => r.code === code);
}

/**
 * The region and its configured ancestors, most specific first (county → city? → province); the
 * national level follows implicitly. [] when `code` is not a configured region.
 */
export function regionChain(regions: readonly Region[], code: string): Region[] {
  const chain: Region[] = [];
  let r = findRegion(regions, code);
  while (r && chain.length < 3 && !chain.includes(r)) {
    chain.push(r);
    r = findRegion(regions, r.parent);
  }
  return chain;
}

/** 「云南省施甸县」: names from the province down; the code itself when unknown. */
export function regionLabel(regions: readonly Region[], code: string): string {
  const chain = regionChain(regions, code);
  return chain.length ? chain.map((r) => r.name).reverse().join('') : code;
}

/** One choice for the wizard's region question. */
export interface RegionOption extends RegionTag {
  /** 「云南省施甸县」 */
  label: string;
}

/** Every configured region, provinces first then by code, with full labels. */
export function regionOptions(regions: readonly Region[]): RegionOption[] {
  return [...regions]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((r) => ({ ...regionTag(r), label: regionLabel(regions, r.code) }));
}

/**
 * Search-as-you-type over configured regions: a code prefix (「5305」) or part of the full name
 * (「施甸」「云南」, also without 省/市/县). Exact name matches first, then by level (province first),
 * then code. An empty query returns all regions.
 */
export function searchRegions(regions: readonly Region[], query: string): RegionOption[] {
  const q = query.trim().replace(/\s+/g, '');
  const all = regionOptions(regions);
  if (!q) return all;
  const hits = /^\d+$/.test(q) ? all.filter((o) => o.code.startsWith(q)) : all.filter((o) => o.label.includes(q));
  const exact = (o: RegionOption) => (o.name === q || o.name.replace(/(省|市|县|区|自治区|自治州|州)$/, '') === q ? 0 : 1);
  return hits.sort((a, b) => exact(a) - exact(b) || LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code));
}
