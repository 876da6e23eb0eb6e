/**
 * The validated regional data: every `content/regions/<code>.yaml` (schema: src/schema/region.ts),
 * checked against the national dataset. Importing this module validates everything, like
 * src/data/index.ts: a bad file throws `DataError` whose lines read `FILE: FIELD: 说明`, e.g.
 *   content/regions/510000.yaml: overrides[0].subsidy: 未知项目「senior-grand」
 * which fails `astro build` and the tests. It also checks the deployment's default region (ZZ_REGION,
 * src/lib/deployment.ts) is one of the files.
 *
 * Cross-file checks: code = file name; no duplicate codes; parent exists (and is one level up);
 * overrides name a known subsidy (national, or region-only in a parent region) and an amount line it
 * has; every `source` exists (national or regional); source ids are unique across all files;
 * region-only subsidy ids start with the region code and are unique; their documents exist; no
 * `sample: true` region in production data.
 */
import { dataset } from './index.ts';
import { DataError, checkAmountHistory, checkNotFuture, conditionsOf, parse, type Dataset } from './validate.ts';
import { Region } from '../schema/region.ts';
import { lineKey } from '../rules/regions.ts';
import { defaultRegion } from '../lib/deployment.ts';

const regionFiles = import.meta.glob('../../content/regions/*.yaml', { eager: true, import: 'default' });

const rel = (p: string) => p.replace(/^(\.\.\/)+/, '');

export interface ValidateRegionsOptions {
  /** Accept `sample: true` regions (only for test/fixtures/). */
  allowSamples?: boolean;
  /** A code that must be one of the regions (the deployment default), checked as field ZZ_REGION. */
  defaultRegion?: string;
  /** The build day dates are checked against (validate.ts buildDay(): the clock, China). */
  buildDay?: string;
}

/**
 * Validates region files (raw contents keyed by repository-relative path) against the national dataset.
 * Returns the regions sorted by code.
 * @throws DataError listing every problem as `FILE: FIELD: 说明`.
 */
export function validateRegions(files: Record<string, unknown>, national: Dataset, options: ValidateRegionsOptions = {}): Region[] {
  const problems: string[] = [];
  const parsed: { file: string; r: Region }[] = [];
  for (const [file, data] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const r = parse(Region, data, file, problems);
    if (r) parsed.push({ file, r });
  }

  const byCode = new Map<string, { file: string; r: Region }>();
  for (const x of parsed) {
    const { file, r } = x;
    const expected = file.split('/').pop()!.replace(/\.ya?ml$/, '');
    if (r.code !== expected) problems.push(`${file}: code: 代码「${r.code}」要和文件名「${expected}」一致`);
    const other = byCode.get(r.code);
    if (other) problems.push(`${file}: code: 代码「${r.code}」和 ${other.file} 重复`);
    else byCode.set(r.code, x);
    if (r.sample && !options.allowSamples) problems.push(`${file}: sample: 示例地区（sample: true）不能放进正式数据`);
    checkNotFuture(r.lastVerified, file, 'lastVerified', problems, options.buildDay);
  }

  // Sources: national + every region's; ids unique across all of them.
  const sourceFile = new Map<string, string>(national.sources.map((s) => [s.id, 'content/sources.yaml']));
  for (const { file, r } of parsed) {
    r.sources.forEach((s, i) => {
      const seen = sourceFile.get(s.id);
      if (seen) problems.push(`${file}: sources[${i}].id: 来源 id「${s.id}」和 ${seen} 重复`);
      else sourceFile.set(s.id, file);
    });
  }
  const docIds = new Set(national.documents.map((d) => d.id));
  const nationalById = new Map(national.subsidies.map((s) => [s.id, s]));
  const subsidyFile = new Map<string, string>(national.subsidies.map((s) => [s.id, 'content/subsidies/']));

  const checkSource = (id: string, file: string, field: string) => {
    if (!sourceFile.has(id)) problems.push(`${file}: ${field}: 未知来源「${id}」（content/sources.yaml 和地区文件的 sources 里都没有）`);
  };
  const checkRules = (rules: Region['overrides'][number]['rules'], file: string, at: string) =>
    rules.forEach((e, j) => {
      checkSource(e.source, file, `${at}rules[${j}].source`);
      (e.paths ?? []).forEach((p, k) => p.source && checkSource(p.source, file, `${at}rules[${j}].paths[${k}].source`));
      for (const c of e.conditions.flatMap(conditionsOf))
        if (c.type === 'grade' && c.min !== undefined && c.max !== undefined && c.min > c.max) problems.push(`${file}: ${at}rules[${j}].conditions: grade 的 min 大于 max`);
    });

  for (const { file, r } of parsed) {
    // Parent: must be a configured region of a higher level.
    if (r.parent !== undefined) {
      const p = byCode.get(r.parent);
      if (!p) problems.push(`${file}: parent: 上级地区「${r.parent}」没有文件（content/regions/${r.parent}.yaml）`);
      else if (p.r.level === r.level || p.r.level === 'county' || (p.r.level === 'city' && r.level !== 'county'))
        problems.push(`${file}: parent: 上级地区「${r.parent}」（${p.r.name}）不比本地区高一级`);
    }
    // Region-only subsidies.
    r.subsidies.forEach((s, i) => {
      const at = `subsidies[${i}]`;
      if (!s.id.startsWith(`${r.code}-`)) problems.push(`${file}: ${at}.id: 地区自己的项目 id 要以地区代码开头，如「${r.code}-${s.id}」`);
      const seen = subsidyFile.get(s.id);
      if (seen) problems.push(`${file}: ${at}.id: 项目 id「${s.id}」和 ${seen} 重复`);
      else subsidyFile.set(s.id, file);
      s.amounts.forEach((a, j) => {
        checkSource(a.source, file, `${at}.amounts[${j}].source`);
        for (const st of a.when?.stages ?? []) if (!s.stages.includes(st)) problems.push(`${file}: ${at}.amounts[${j}].when.stages: 「${st}」不在本项目的 stages 里`);
      });
      checkRules(s.rules, file, `${at}.`);
      checkAmountHistory(s.amounts, file, `${at}.amounts`, problems);
      checkNotFuture(s.lastVerified, file, `${at}.lastVerified`, problems, options.buildDay);
      s.documents.forEach((d, j) => {
        if (!docIds.has(d.doc)) problems.push(`${file}: ${at}.documents[${j}].doc: 未知材料「${d.doc}」（content/documents.yaml 里没有）`);
      });
    });
    r.contacts.forEach((c, i) => checkSource(c.source, file, `contacts[${i}].source`));
  }

  // Overrides: the subsidy must exist for this region (national, or region-only in a parent region).
  for (const { file, r } of parsed) {
    const ancestors: Region[] = [];
    for (let p = r.parent && byCode.get(r.parent); p && ancestors.length < 3; p = p.r.parent && byCode.get(p.r.parent)) ancestors.push(p.r);
    const inherited = new Map(ancestors.flatMap((a) => a.subsidies.map((s) => [s.id, s] as const)));
    const done = new Set<string>();
    r.overrides.forEach((o, i) => {
      const at = `overrides[${i}].`;
      const target = nationalById.get(o.subsidy) ?? inherited.get(o.subsidy);
      if (done.has(o.subsidy)) problems.push(`${file}: ${at}subsidy: 「${o.subsidy}」改写了两次，请合并成一条`);
      done.add(o.subsidy);
      if (!target) {
        const own = r.subsidies.some((s) => s.id === o.subsidy);
        problems.push(`${file}: ${at}subsidy: 未知项目「${o.subsidy}」${own ? '（本地区自己的项目直接在 subsidies 里写，不用改写）' : '（content/subsidies/ 和上级地区的 subsidies 里都没有）'}`);
        checkRules(o.rules, file, at);
        o.amounts.forEach((a, j) => checkSource(a.source, file, `${at}amounts[${j}].source`));
        return;
      }
      const lines = new Map(target.amounts.map((a) => [lineKey(a.when), a.when]));
      o.amounts.forEach((a, j) => {
        checkSource(a.source, file, `${at}amounts[${j}].source`);
        if (!lines.has(lineKey(a.when))) {
          const have = [...lines.values()].map((w) => w?.label ?? (w ? JSON.stringify(w) : '（不分对象）')).join('、');
          problems.push(`${file}: ${at}amounts[${j}].when: 「${o.subsidy}」没有这一行金额；已有的行：${have}`);
        }
      });
      checkRules(o.rules, file, at);
    });
  }

  if (options.defaultRegion !== undefined && !byCode.has(options.defaultRegion))
    problems.push(`ZZ_REGION: 默认地区「${options.defaultRegion}」没有文件（content/regions/${options.defaultRegion}.yaml）`);

  if (problems.length) throw new DataError(problems);
  return parsed.map((x) => x.r).sort((a, b) => a.code.localeCompare(b.code));
}

/** Every configured region, validated, sorted by code. */
export const regions: Region[] = validateRegions(
  Object.fromEntries(Object.entries(regionFiles).map(([p, d]) => [rel(p), d])),
  dataset,
  { ...(defaultRegion !== undefined && { defaultRegion }) },
);

export type { Region } from '../schema/region.ts';
