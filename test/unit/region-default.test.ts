/**
 * A default region (ZZ_REGION) on stage pages and posters: the wording of a figure a region published
 * (src/components/policy/regional.ts), the policy data helpers that apply a region
 * (src/components/policy/data.ts), poster content with a region (src/components/posters/content.ts)
 * and the contact block of a sheet (contactItems in src/components/posters/types.ts).
 * Expected figures are read from the region files, never typed here. Invented sample regions come
 * from test/fixtures/regions/.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';
import { inForce } from '../../src/rules/evaluate.ts';
import { formatAmount, formatNumber } from '../../src/lib/format.ts';
import { publishedBy, regionalFigure, regionalSentence, tierSpan, type TieredAmount } from '../../src/components/policy/regional.ts';
import { dataIn, getSource, getSubsidy, linesInForce, regionsWithOwn, siteData, siteRegion } from '../../src/components/policy/data.ts';
import { nationalLineOf } from '../../src/rules/views.ts';
import { posterContent, targetPath } from '../../src/components/posters/content.ts';
import { contactItems } from '../../src/components/posters/types.ts';
import { regionsWithSamples as all } from '../support/sample-regions.ts';

const DATE = '2026-11-29';

/** 四川's published entry for a subsidy, as in content/regions/510000.yaml. */
const sichuan = (id: string) => {
  const r = regions.find((x) => x.code === '510000')!;
  return inForce(r.overrides.find((o) => o.subsidy === id)!.amounts, DATE)!;
};

describe('wording of a figure a region published', () => {
  it('words tiers as 「分三档 …」 and anything else as the site always does', () => {
    expect(regionalFigure({ basis: 'average', unit: 'per-year', value: 2300, tiers: [1300, 2300, 3300] })).toBe('分三档 1300、2300、3300 元/年');
    expect(regionalFigure({ basis: 'fixed', unit: 'per-year', value: 1250 })).toBe(formatAmount({ basis: 'fixed', unit: 'per-year', value: 1250 }));
  });

  it('says who published it and puts the national figure after it in sentences', () => {
    expect(publishedBy('四川省')).toBe('四川省公布');
    const tiered: TieredAmount = { basis: 'average', unit: 'per-year', value: 2300, tiers: [1300, 2300, 3300] };
    const national: TieredAmount = { basis: 'average', unit: 'per-year', value: 2300 };
    expect(regionalSentence('四川省', tiered, national)).toBe(`四川省公布：分三档 1300、2300、3300 元/年，全国是 ${formatAmount(national)}`);
    expect(regionalSentence('云南省施甸县', { basis: 'fixed', unit: 'per-year', value: 625 })).toBe('云南省施甸县公布：625 元/年');
  });

  it('gives the span of the tiers for small cards, and nothing without tiers', () => {
    expect(tierSpan({ basis: 'average', unit: 'per-year', value: 2300, tiers: [1300, 2300, 3300] })).toBe('1300–3300 元/年');
    expect(tierSpan({ basis: 'fixed', unit: 'per-year', value: 1250 })).toBe('');
  });
});

describe('policy data with a region applied', () => {
  it('is the national data when no default region is set (tests run without ZZ_REGION)', () => {
    expect(siteRegion).toBeUndefined();
    expect(siteData).toBe(dataset);
    expect(dataIn(undefined)).toBe(dataset);
  });

  it('gives 四川\'s 普通高中国家助学金 line with its region and tiers, and the national line beside it', () => {
    const entry = sichuan('senior-grant');
    const [line, ...rest] = linesInForce(getSubsidy('senior-grant', dataIn('510000')), DATE);
    expect(rest).toEqual([]);
    expect(line!.region).toEqual({ code: '510000', name: '四川省', level: 'province' });
    expect(line!.tiers).toEqual(entry.tiers);
    expect(line!.source.id).toBe(entry.source);
    expect(getSource(entry.source).issuer).toBeTruthy();
    const national = nationalLineOf(dataset, 'senior-grant', line!.key, DATE)!;
    expect(national.region).toBeUndefined();
    const e = inForce(getSubsidy('senior-grant').amounts, DATE)!;
    expect([national.from, national.value]).toEqual([e.from, e.value]);
  });

  it('leaves national look-ups national and memoises the applied data', () => {
    expect(linesInForce(getSubsidy('senior-grant'), DATE)[0]!.region).toBeUndefined();
    expect(dataIn('510000')).toBe(dataIn('510000'));
  });

  it('lists the configured regions that publish their own figures for a subsidy, with full names', () => {
    expect(regionsWithOwn('senior-grant')).toEqual([{ code: '510000', label: '四川省' }]);
    expect(regionsWithOwn('living-allowance')).toEqual([{ code: '530521', label: '云南省施甸县' }]);
    expect(regionsWithOwn('student-loan')).toEqual([]);
  });
});

describe('poster content with a region', () => {
  it('shows 四川\'s tiers for 普通高中国家助学金, says who published them, and drops 以当地公布为准 for it', () => {
    const entry = sichuan('senior-grant');
    const c = posterContent('senior', DATE, '510000');
    const row = c.rows.find((r) => r.id === 'senior-grant')!;
    expect(row.amounts).toEqual([{ text: `${regionalFigure(entry)}（未确认）`, by: '四川省公布' }]);
    expect(row.amounts[0]!.text).toContain(entry.tiers!.map(formatNumber).join('、'));
    expect(row.short).toBe(`${tierSpan(entry)}（未确认）`);
    expect(row.local).toBe(false);
    expect(c.region).toEqual({ code: '510000', label: '四川省' });
    // 四川省 published no contacts: none are made up.
    expect(c.contacts).toEqual([]);
    // Rows the region does not change stay national.
    expect(c.rows.find((r) => r.id === 'senior-fee-waiver')).toEqual(posterContent('senior', DATE).rows.find((r) => r.id === 'senior-fee-waiver'));
  });

  it('sends the QR code to the wizard with region=<code> (义务教育 and the general poster: the stage question first)', () => {
    expect(targetPath('senior', '510000')).toBe('/check/#stage=senior&region=510000');
    expect(targetPath('general', '510000')).toBe('/check/#region=510000');
    expect(targetPath('compulsory', '510000')).toBe('/check/#region=510000');
    expect(posterContent('vocational', DATE, '510000').targetPath).toBe('/check/#stage=vocational&region=510000');
  });

  it('is national and unchanged without a region', () => {
    const c = posterContent('senior', DATE);
    expect(c.targetPath).toBe('/check/#stage=senior');
    expect(c.region).toBeUndefined();
    expect(c.contacts).toBeUndefined();
    expect(c.rows.every((r) => r.amounts.every((a) => a.by === undefined))).toBe(true);
  });

  it('a county under a province (samples): the chain\'s figures, its own programmes and its published contacts, most specific first', () => {
    const c = posterContent('senior', DATE, '990101', all);
    const grant = c.rows.find((r) => r.id === 'senior-grant')!;
    expect(grant.amounts[0]!.by).toBe('示例省公布');
    expect(grant.amounts[0]!.text).toContain('分三档');
    expect(c.rows.map((r) => r.id)).toContain('990000-sample-bonus');
    expect(c.contacts!.map((x) => x.name)[0]).toBe('示例县学生资助管理中心');
    expect(c.contacts!.at(-1)!.name).toBe('示例省学生资助管理中心');
    expect(c.region!.label).toBe('示例省示例市示例县');
  });
});

describe('contact block of a sheet', () => {
  const centre = { name: '示例县学生资助管理中心', phone: '0000-1111111', address: '示例县示例路 1 号' };

  it('prints what the school typed, and the region\'s 资助中心 only when no hotline was typed', () => {
    expect(contactItems({ phone: '0000-2222222', office: '学校资助办' }, [centre])).toEqual([['咨询电话', '0000-2222222'], ['办理地点', '学校资助办']]);
    expect(contactItems({ phone: ' ', office: '学校资助办' }, [centre])).toEqual([['咨询电话', '0000-1111111（示例县学生资助管理中心）'], ['办理地点', '学校资助办']]);
    expect(contactItems({}, [{ name: '某中心', address: '某路 2 号' }])).toEqual([['咨询地点', '某中心，某路 2 号']]);
    expect(contactItems({}, [{ name: '某中心', url: 'https://example.gov.cn/' }])).toEqual([['咨询网站', '某中心：https://example.gov.cn/']]);
  });

  it('prints nothing at all (no empty label) when nothing was typed and the region published no contacts', () => {
    expect(contactItems({ phone: '', office: '' }, [])).toEqual([]);
    expect(contactItems({})).toEqual([]);
  });
});
