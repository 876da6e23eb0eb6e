/**
 * Looking regions up by code and name: the chain county → city? → province, full labels, and the
 * wizard's search. No amounts and no engine here, so the wizard's first screens can use it without
 * loading the engine (src/islands/wizard/Question.tsx, lib.ts); ./regions.ts re-exports all of it.
 *
 *   regionChain(regions, '530521')   → [施甸县, 云南省]   ([] for an unknown code)
 *   regionLabel(regions, '530521')   → 「云南省施甸县」
 *   searchRegions(regions, '施甸')    → options for 「孩子在哪个省/县上学？」
 *   findRegions(regions, '成都', places) → { options: [四川省], say: 「成都市属于四川省，按四川省的标准。」 }
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
  return hits.sort(order(q));
}

/** Exact name matches of `q` first, then by level (province first), then code. */
const order = (q: string) => {
  const exact = (o: RegionOption) => (o.name === q || o.name.replace(/(省|市|县|区|自治区|自治州|州)$/, '') === q ? 0 : 1);
  return (a: RegionOption, b: RegionOption) => exact(a) - exact(b) || LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.code.localeCompare(b.code);
};

/** What the region search shows: the regions to tap, and the line above them. */
export interface RegionFind {
  /** Configured regions, sorted as by `searchRegions`. */
  options: RegionOption[];
  /**
   * The line above the options: 「找到 1 个：」; 「成都市属于四川省，按四川省的标准。」 when a city or county
   * of a configured province matched; when nothing matched, 「没有找到「北京」。本站收录了：四川省、云南省、
   * 云南省施甸县；…」 naming every configured region. '' for an empty query (the view has its own line).
   */
  say: string;
}

/**
 * The region search with the cities and counties of the configured provinces: `searchRegions`, plus
 * for each city or county whose name contains the query the configured region it belongs to (成都 →
 * 成都市 → 四川省) and those under it (保山 → 保山市 → 云南省, and 云南省施甸县), with a sentence saying so.
 *
 * `places` is the table the wizard fetches when the family first types (src/site/places.ts): each
 * name that is not a configured region itself, followed by the code of the configured region it gets
 * (`nearestRegion`) and the codes of the configured regions under it, `成都市510000…保山市530000530521…`;
 * undefined or '' while it is on its way, null when it could not be fetched (the search then covers the
 * configured names only, and a query that finds nothing says so). A code prefix (「5305」) searches the
 * configured regions only.
 *
 *   findRegions(rs, '成都', t) → { options: [四川省], say: 「成都市属于四川省，按四川省的标准。」 }
 *   findRegions(rs, '保山', t) → { options: [云南省, 云南省施甸县],
 *                                  say: 「保山市属于云南省，按云南省的标准；在施甸县上学的，选「云南省施甸县」。」 }
 *   findRegions(rs, '北京', t) → { options: [], say: 「没有找到「北京」。本站收录了：四川省、云南省、云南省施甸县；…」 }
 */
export function findRegions(regions: readonly Region[], query: string, places?: string | null): RegionFind {
  const q = query.trim().replace(/\s+/g, '');
  const hits = searchRegions(regions, q);
  if (!q) return { options: hits, say: '' };
  const all = regionOptions(regions);
  /** Matched places by the label of the region they get: { 四川省: [成都市] }. */
  const by: Record<string, string[]> = {};
  const under: string[] = [];
  // ['', name, codes, name, codes, …]
  const p = places && !/^\d+$/.test(q) ? places.split(/(\D+)/) : [];
  for (let i = 1; i < p.length; i += 2) {
    if (!p[i]!.includes(q)) continue;
    // The first code is the region the place belongs to, the others are under it.
    (`${p[i + 1]}`.match(/\d{6}/g) || []).forEach((code, at) => {
      const o = all.find((x) => x.code === code);
      if (!o) return;
      if (!hits.some((h) => h.code === code)) hits.push(o);
      if (at) under.push(`在${o.name}上学的，选「${o.label}」`);
      else (by[o.label] ||= []).push(p[i]!);
    });
  }
  // At most three names a sentence: 「江」 matches dozens.
  const said = Object.entries(by).map(([l, ns]) => `${ns.slice(0, 3).join('、')}${ns.length > 3 ? '等' : ''}属于${l}，按${l}的标准`).concat(under);
  return {
    options: hits.sort(order(q)),
    say: said.length
      ? `${said.join('；')}。`
      : hits.length
        ? `找到 ${hits.length} 个：`
        : `没有找到「${q}」。${places === null ? '没有网络，查不了市、县，请输入省名。' : ''}本站收录了：${all.map((o) => o.label).join('、')}；都不是就选「不知道 / 用全国标准」。`,
  };
}
