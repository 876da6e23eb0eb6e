/**
 * Schema of a region file, `content/regions/<code>.yaml`: what one province, city or county publishes
 * on top of the national rules. A region file only says what differs: it never copies a whole national
 * subsidy to change one number, it appends dated, sourced entries to that subsidy's history instead.
 *
 *   code: '510000'          # GB/T 2260 administrative division code, six digits, = the file name
 *   name: 四川省
 *   level: province         # province | city | county
 *   overrides:              # appended to national subsidies (same entry shapes as content/subsidies)
 *     - subsidy: senior-grant
 *       amounts: [ { from: 2025-03-01, basis: average, value: 2300, tiers: [1300, 2300, 3300], … } ]
 *   subsidies: []           # region-only programmes, full subsidy entries, ids start with the code
 *   contacts: []            # 资助中心 and how to reach it; each contact cites a source
 *   sources: [ { id: sc-…, title: …, issuer: …, year: 2025, url: …, confidence: high } ]
 *   lastVerified: 2026-11-29
 *
 * How regional values combine with national ones (county → city → province → national) is described in
 * src/rules/regions.ts. Cross-file checks (unknown subsidy, unknown source, missing parent, duplicate
 * code) live in src/data/regions.ts. Plain zod, no Astro import.
 */
import { z } from 'zod';
import { AmountEntry, IsoDate, RuleEntry, Source, Subsidy } from './index.ts';

/** A GB/T 2260 administrative division code: six digits, e.g. 510000 四川省, 530521 施甸县. */
export const RegionCode = z.string().regex(/^\d{6}$/, '地区代码要写 6 位数字（GB/T 2260，如 510000）');

/** province = 省级（省、自治区、直辖市）· city = 地级（市、州、盟）· county = 县级（县、区、县级市、旗）. */
export const RegionLevel = z.enum(['province', 'city', 'county']);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** Chinese words for the levels, for pages and messages. */
export const LEVEL_NAMES: Record<RegionLevel, string> = { province: '省级', city: '市级', county: '县级' };

/**
 * Changes to one national subsidy (or to a region-only subsidy of a parent region) in this region.
 * Entries have exactly the shape of the national ones and are dated and sourced the same way.
 */
export const Override = z
  .strictObject({
    /** Id of the subsidy being changed, e.g. `senior-grant` (content/subsidies/senior-grant.yaml). */
    subsidy: z.string().min(1),
    /**
     * Amount entries for this region, oldest first. Each must be for an amount line the subsidy already
     * has (same `when`, the label may differ), so a regional figure replaces the national one for the
     * same students instead of showing up as an extra line.
     */
    amounts: z.array(AmountEntry).default([]),
    /** Rule entries (who qualifies) for this region, oldest first. */
    rules: z.array(RuleEntry).default([]),
  })
  .superRefine((o, ctx) => {
    if (!o.amounts.length && !o.rules.length) ctx.addIssue({ code: 'custom', path: ['amounts'], message: '改写一个项目至少要有一条 amounts 或 rules' });
    const sorted = (xs: { from: string }[]) => xs.every((x, i) => i === 0 || xs[i - 1]!.from <= x.from);
    if (!sorted(o.amounts)) ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'amounts 要按 from 从早到晚排列（只在末尾追加）' });
    if (!sorted(o.rules)) ctx.addIssue({ code: 'custom', path: ['rules'], message: 'rules 要按 from 从早到晚排列（只在末尾追加）' });
  });
export type Override = z.infer<typeof Override>;

/**
 * Where a family can ask: the region's 学生资助管理中心 (or the office that runs student aid). Only what a
 * published source says: never a guessed phone number. Every contact names its `source`.
 */
export const Contact = z
  .strictObject({
    /** Office name, e.g. 「××县教育体育局学生资助管理中心」. */
    name: z.string().min(1),
    /** Phone number as published, digits with area code, e.g. 「0875-1234567」. */
    phone: z.string().regex(/^[0-9+()\- ]{5,30}$/, '电话只写数字、区号连字符和括号').optional(),
    /** Street address of the office. */
    address: z.string().min(1).optional(),
    /** Office hours in plain Chinese, e.g. 「工作日 9:00–12:00、14:30–17:30」. */
    hours: z.string().min(1).optional(),
    /** Official website (https://…). */
    url: z.string().regex(/^https?:\/\/\S+$/, '网址要以 http:// 或 https:// 开头').optional(),
    /** Id of the source (national or this region's `sources`) that published these details. */
    source: z.string().min(1),
    /** Anything else a family should know, e.g. 「生源地助学贷款也在这里办」. */
    note: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.phone && !c.address && !c.url) ctx.addIssue({ code: 'custom', path: ['phone'], message: '联系方式至少要有电话、地址或网址中的一项' });
  });
export type Contact = z.infer<typeof Contact>;

export const Region = z
  .strictObject({
    /** GB/T 2260 code; must equal the file name (content/regions/510000.yaml → '510000'). */
    code: RegionCode,
    /** Official name, e.g. 四川省, 保山市, 施甸县. */
    name: z.string().min(1),
    level: RegionLevel,
    /**
     * Code of the region one level up that has a file too (required for city and county). A county may
     * name its city or, when the city has no file, its province. The national level is implied.
     */
    parent: RegionCode.optional(),
    /** Changes to existing subsidies, each dated and sourced (see `Override`). */
    overrides: z.array(Override).default([]),
    /**
     * Programmes only this region (and the regions under it) has: full subsidy entries. Ids start with
     * the region code, e.g. `530521-xxx`, so they never clash with national ids.
     */
    subsidies: z.array(Subsidy).default([]),
    /** Who families here can ask; empty when no source gives contact details. */
    contacts: z.array(Contact).default([]),
    /** Region-specific sources, same shape as content/sources.yaml; ids unique across all files. */
    sources: z.array(Source).default([]),
    /** Day someone last checked this file against its sources. */
    lastVerified: IsoDate,
    /**
     * true only for invented example regions used in docs and tests (test/fixtures/regions/). The
     * production data (content/regions/) refuses them.
     */
    sample: z.boolean().default(false),
    /** Plain-Chinese remark shown on the region page (e.g. what is not on file yet). */
    note: z.string().min(1).optional(),
  })
  .superRefine((r, ctx) => {
    const c = r.code;
    if (r.level === 'province') {
      if (!c.endsWith('0000')) ctx.addIssue({ code: 'custom', path: ['code'], message: `省级代码以 0000 结尾，「${c}」不是` });
      if (r.parent !== undefined) ctx.addIssue({ code: 'custom', path: ['parent'], message: '省级地区不写 parent（上级就是全国）' });
      return;
    }
    if (r.level === 'city' && (!c.endsWith('00') || c.endsWith('0000'))) ctx.addIssue({ code: 'custom', path: ['code'], message: `市级代码以 00 结尾（不是 0000），「${c}」不是` });
    if (r.level === 'county' && c.endsWith('00')) ctx.addIssue({ code: 'custom', path: ['code'], message: `县级代码不以 00 结尾，「${c}」像是市级或省级` });
    if (r.parent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['parent'], message: `${LEVEL_NAMES[r.level]}地区要写 parent（上级地区代码）` });
      return;
    }
    const province = c.slice(0, 2) + '0000';
    const city = c.slice(0, 4) + '00';
    const allowed = r.level === 'city' ? [province] : [city, province];
    if (!allowed.includes(r.parent)) ctx.addIssue({ code: 'custom', path: ['parent'], message: `「${c}」的上级只能是 ${allowed.join(' 或 ')}，不是「${r.parent}」` });
  });
export type Region = z.infer<typeof Region>;
