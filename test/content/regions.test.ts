// One schema test per region file (content/regions/*.yaml), plus broken region files that must fail
// naming the file and the field, the way a county aid officer would see it when the build stops.
import { describe, expect, it } from 'vitest';
import { Region } from '../../src/schema/region.ts';
import { dataset } from '../../src/data/index.ts';
import { validateRegions } from '../../src/data/regions.ts';
import { dataErrorOf } from '../support/data-error.ts';

const regionFiles = import.meta.glob('../../content/regions/*.yaml', { eager: true, import: 'default' }) as Record<string, any>;
const fixtureFiles = import.meta.glob('../fixtures/regions/*.yaml', { eager: true, import: 'default' }) as Record<string, any>;
const raw = (): Record<string, any> =>
  Object.fromEntries(Object.entries(regionFiles).map(([p, d]) => [p.replace(/^(\.\.\/)+/, ''), structuredClone(d)]));

describe('each region file matches its schema', () => {
  for (const [path, data] of Object.entries(regionFiles)) {
    it(`${path.replace(/^(\.\.\/)+/, '')} is a valid region`, () => {
      const r = Region.safeParse(data);
      expect(r.success ? [] : r.error.issues).toEqual([]);
    });
  }
  it('the region files validate together against the national data', () => {
    expect(validateRegions(raw(), dataset).map((r) => r.code)).toEqual(Object.keys(regionFiles).map((p) => p.match(/(\d{6})\.yaml$/)![1]).sort());
  });
  it('the invented sample regions validate only when samples are allowed', () => {
    const files = Object.fromEntries(Object.entries(fixtureFiles).map(([p, d]) => [p.replace(/^(\.\.\/)+/, 'test/'), structuredClone(d)]));
    expect(validateRegions(files, dataset, { allowSamples: true }).map((r) => r.code)).toEqual(['990000', '990100', '990101']);
    expect(() => validateRegions(files, dataset)).toThrow(/test\/fixtures\/regions\/990000\.yaml: sample: 示例地区/);
  });
});

describe('bad region files fail with the file and field named', () => {
  const failWith = (mutate: (files: Record<string, any>) => void) => {
    const files = raw();
    mutate(files);
    return dataErrorOf(() => validateRegions(files, dataset), 'validateRegions');
  };
  const SC = 'content/regions/510000.yaml';
  const SD = 'content/regions/530521.yaml';
  const sc = (f: Record<string, any>) => f[SC];
  const sd = (f: Record<string, any>) => f[SD];

  it('an override for an unknown subsidy id fails naming overrides[i].subsidy', () => {
    const msg = failWith((f) => (sc(f).overrides[0].subsidy = 'senior-grand'));
    expect(msg).toContain(`${SC}: overrides[0].subsidy: 未知项目「senior-grand」`);
  });
  it('an override with an unknown condition fails naming the condition type', () => {
    const msg = failWith((f) =>
      sc(f).overrides[0].rules = [{ from: '2025-03-01', conditions: [{ type: 'income-below', value: 800 }], source: 'sc-2025-grant-tiers', who: '收入低的学生' }]);
    expect(msg).toContain(`${SC}: overrides[0].rules[0].conditions[0].type`);
  });
  it('a regional value without a source fails naming amounts[i].source', () => {
    const msg = failWith((f) => delete sc(f).overrides[0].amounts[0].source);
    expect(msg).toContain(`${SC}: overrides[0].amounts[0].source`);
  });
  it('a regional value without a date fails naming amounts[i].from', () => {
    const msg = failWith((f) => delete sd(f).overrides[0].amounts[2].from);
    expect(msg).toContain(`${SD}: overrides[0].amounts[2].from`);
  });
  it('a regional value citing an unknown source fails naming the source id', () => {
    const msg = failWith((f) => (sc(f).overrides[1].amounts[0].source = 'sc-2099-nothing'));
    expect(msg).toContain(`${SC}: overrides[1].amounts[0].source: 未知来源「sc-2099-nothing」`);
  });
  it('a county whose parent has no file fails naming parent', () => {
    const msg = failWith((f) => delete f['content/regions/530000.yaml']);
    expect(msg).toContain(`${SD}: parent: 上级地区「530000」没有文件`);
  });
  it('a parent code that is not above the region fails naming parent', () => {
    const msg = failWith((f) => (sd(f).parent = '510000'));
    expect(msg).toContain(`${SD}: parent: 「530521」的上级只能是 530500 或 530000`);
  });
  it('a city or county without a parent fails naming parent', () => {
    const msg = failWith((f) => delete sd(f).parent);
    expect(msg).toContain(`${SD}: parent: 县级地区要写 parent`);
  });
  it('a duplicate code fails naming code and both files', () => {
    const msg = failWith((f) => (f['content/regions/510001.yaml'] = structuredClone(sc(f))));
    expect(msg).toContain(`content/regions/510001.yaml: code: 代码「510000」和 ${SC} 重复`);
  });
  it('a code that differs from the file name fails naming code', () => {
    const msg = failWith((f) => (sc(f).code = '520000'));
    expect(msg).toContain(`${SC}: code: 代码「520000」要和文件名「510000」一致`);
  });
  it('a code that is not six digits fails naming code', () => {
    const msg = failWith((f) => (sc(f).code = '51'));
    expect(msg).toContain(`${SC}: code: 地区代码要写 6 位数字`);
  });
  it('a level that does not fit the code fails naming code', () => {
    const msg = failWith((f) => (sd(f).level = 'province'));
    expect(msg).toContain(`${SD}: code: 省级代码以 0000 结尾`);
  });
  it('an amount line the subsidy does not have fails naming when', () => {
    const msg = failWith((f) => (sd(f).overrides[0].amounts[0].when = { stages: ['primary'], label: '小学生' }));
    expect(msg).toContain(`${SD}: overrides[0].amounts[0].when: 「living-allowance」没有这一行金额`);
  });
  it('a source id that repeats a national one fails naming sources[i].id', () => {
    const msg = failWith((f) => (sc(f).sources[0].id = 'caijiao-2024-181'));
    expect(msg).toContain(`${SC}: sources[0].id: 来源 id「caijiao-2024-181」和 content/sources.yaml 重复`);
  });
  it('the same subsidy overridden twice in one file fails naming overrides[i].subsidy', () => {
    const msg = failWith((f) => sc(f).overrides.push(structuredClone(sc(f).overrides[0])));
    expect(msg).toContain(`${SC}: overrides[2].subsidy: 「senior-grant」改写了两次`);
  });
  it('an override with neither amounts nor rules fails naming amounts', () => {
    const msg = failWith((f) => (sc(f).overrides[0].amounts = []));
    expect(msg).toContain(`${SC}: overrides[0].amounts: 改写一个项目至少要有一条 amounts 或 rules`);
  });
  it('tiers out of order fail naming tiers', () => {
    const msg = failWith((f) => (sc(f).overrides[0].amounts[0].tiers = [3300, 1300]));
    expect(msg).toContain(`${SC}: overrides[0].amounts[0].tiers: tiers 要从低到高排列`);
  });
  it('a region-only subsidy whose id does not start with the code fails naming subsidies[i].id', () => {
    const own = structuredClone(fixtureFiles['../fixtures/regions/990000.yaml'].subsidies[0]);
    own.id = 'bus-fare';
    own.rules[0].source = own.amounts[0].source = 'sc-2025-grant-tiers';
    const msg = failWith((f) => (sc(f).subsidies = [own]));
    expect(msg).toContain(`${SC}: subsidies[0].id: 地区自己的项目 id 要以地区代码开头`);
  });
  it('a region-only subsidy needing an unknown document fails naming documents[i].doc', () => {
    const own = structuredClone(fixtureFiles['../fixtures/regions/990000.yaml'].subsidies[0]);
    own.id = '510000-bus-fare';
    own.rules[0].source = own.amounts[0].source = 'sc-2025-grant-tiers';
    own.documents = [{ doc: 'poverty-certificate' }];
    const msg = failWith((f) => (sc(f).subsidies = [own]));
    expect(msg).toContain(`${SC}: subsidies[0].documents[0].doc: 未知材料「poverty-certificate」`);
  });
  it('a contact without a source fails naming contacts[i].source', () => {
    const msg = failWith((f) => (sd(f).contacts = [{ name: '施甸县学生资助管理中心', phone: '0875-0000000' }]));
    expect(msg).toContain(`${SD}: contacts[0].source`);
  });
  it('a contact with no phone, address or website fails naming contacts[i].phone', () => {
    const msg = failWith((f) => (sd(f).contacts = [{ name: '施甸县学生资助管理中心', source: 'shidian-2025-compulsory-aid' }]));
    expect(msg).toContain(`${SD}: contacts[0].phone: 联系方式至少要有`);
  });
  it('an invented sample region in the production data fails naming sample', () => {
    const msg = failWith((f) => (sc(f).sample = true));
    expect(msg).toContain(`${SC}: sample: 示例地区（sample: true）不能放进正式数据`);
  });
  it('an unknown field (a typo) fails naming the field', () => {
    const msg = failWith((f) => (sc(f).overides = []));
    expect(msg).toContain(`${SC}: (整个文件)`);
    expect(msg).toContain('overides');
  });
});
