// Issue 13 「数据不能说假话」: content faults that used to pass the build's own validation and reach the
// pages. Each must now fail validation (so `npm run build`) naming the file and the field, in Chinese.
import { describe, expect, it } from 'vitest';
import { validateDataset, REQUIRED_TERMS, FUTURE_MARGIN_DAYS, type RawDataset } from '../../src/data/validate.ts';
import { validateRegions } from '../../src/data/regions.ts';
import { dataset } from '../../src/data/index.ts';
import { Subsidy } from '../../src/schema/index.ts';
import { dataErrorOf } from '../support/data-error.ts';
import sources from '../../content/sources.yaml';
import documents from '../../content/documents.yaml';
import glossary from '../../content/glossary.yaml';
import statuses from '../../content/statuses.yaml';

const subsidyFiles = import.meta.glob('../../content/subsidies/*.yaml', { eager: true, import: 'default' }) as Record<string, any>;
const regionFiles = import.meta.glob('../../content/regions/*.yaml', { eager: true, import: 'default' }) as Record<string, any>;
const rel = (p: string) => p.replace(/^(\.\.\/)+/, '');
const raw = (): RawDataset => ({
  subsidies: Object.fromEntries(Object.entries(subsidyFiles).map(([p, d]) => [rel(p), structuredClone(d)])),
  sources: { path: 'content/sources.yaml', data: structuredClone(sources) },
  documents: { path: 'content/documents.yaml', data: structuredClone(documents) },
  glossary: { path: 'content/glossary.yaml', data: structuredClone(glossary) },
  statuses: { path: 'content/statuses.yaml', data: structuredClone(statuses) },
});
const BUILD = '2026-12-01';
const failWith = (mutate: (r: RawDataset) => void) => {
  const r = raw();
  mutate(r);
  return dataErrorOf(() => validateDataset(r, { buildDay: BUILD }), 'validateDataset');
};
const file = (r: RawDataset, id: string) => r.subsidies[`content/subsidies/${id}.yaml`] as any;
const SENIOR = 'content/subsidies/senior-grant.yaml';
const LIVING = 'content/subsidies/living-allowance.yaml';

describe('the real data passes these checks', () => {
  it('validates on the build day', () => {
    expect(validateDataset(raw(), { buildDay: BUILD }).subsidies.length).toBe(Object.keys(subsidyFiles).length);
  });
});

describe('content faults fail naming file and field', () => {
  it('「when to apply」 written twice (apply.when beside windows) fails naming apply.when; written nowhere fails too', () => {
    const twice = failWith((r) => {
      file(r, 'senior-grant').apply.when = '每学年秋季开学后（9 月）';
    });
    expect(twice).toMatch(new RegExp(`${SENIOR}: apply\\.when: 有 windows（申请时间）时不再写 apply\\.when`));
    const nowhere = failWith((r) => {
      delete file(r, 'work-study').apply.when;
    });
    expect(nowhere).toMatch(/content\/subsidies\/work-study\.yaml: apply\.when: 没有 windows 时要写 apply\.when/);
  });
  it('a window text with brackets (the sentences put it in brackets: 「（秋季开学后（9 月）…）」) fails naming windows[i].text', () => {
    const msg = failWith((r) => {
      file(r, 'living-allowance').windows[0].text = '秋季开学后（9 月），春季学期（3 月）可以补报';
    });
    expect(msg).toMatch(new RegExp(`${LIVING}: windows\\[0\\]\\.text: 申请时间的文字里不要带括号`));
  });
  it('an answer both in `in` and in `maybe` (hukou rural in both) fails naming the condition', () => {
    const msg = failWith((r) => {
      const path = file(r, 'senior-fee-waiver').rules[0].paths.find((p: any) => p.id === 'rural-dibao');
      path.conditions.find((c: any) => c.type === 'hukou').maybe = ['rural'];
    });
    expect(msg).toMatch(/content\/subsidies\/senior-fee-waiver\.yaml: rules\[0\]\.paths\[3\]\.conditions\[1\]\.maybe: maybe 里的回答不能同时写在 in 里/);
  });
  it('a stage name for a stage the subsidy does not have (forStage.senior on 本专科/研究生 国家助学金) fails naming forStage.senior', () => {
    const msg = failWith((r) => {
      file(r, 'higher-grant').forStage.senior = { name: '普通高中国家助学金' };
    });
    expect(msg).toMatch(/content\/subsidies\/higher-grant\.yaml: forStage\.senior: 「senior」不在本项目的 stages 里/);
  });
  it('an amount ×10000 beside its range (23000000 元 for a 1200–3500 range) fails naming value', () => {
    const msg = failWith((r) => {
      const a = file(r, 'senior-grant').amounts.find((x: any) => x.range);
      a.value = 23000000;
    });
    expect(msg).toMatch(new RegExp(`${SENIOR}: amounts\\[\\d\\]\\.value: 23000000 元不在 range`));
  });
  it('tiers outside the range fail naming tiers', () => {
    const msg = failWith((r) => {
      const a = file(r, 'senior-grant').amounts.find((x: any) => x.range);
      a.tiers = [1200, 35000];
    });
    expect(msg).toMatch(new RegExp(`${SENIOR}: amounts\\[\\d\\]\\.tiers: tiers 里有不在 range`));
  });
  it('a value ten times the one before it on the same line fails naming that value', () => {
    // living-allowance: 小学寄宿生 1000 (2019) → 1250 (2024); a slip makes it 12500.
    const msg = failWith((r) => {
      const am = file(r, 'living-allowance').amounts;
      const i = am.findIndex((a: any, k: number) => k > 0 && a.when?.label === '小学寄宿生');
      am[i].value = am[i].value * 10;
    });
    expect(msg).toMatch(new RegExp(`${LIVING}: amounts\\[\\d\\]\\.value: 12500 元和同一行上一条（amounts\\[0\\]，1000 元）差了 5 倍以上`));
  });
  it('a deleted confidence (unconfirmed) fails naming confidence instead of becoming high', () => {
    const msg = failWith((r) => {
      const am = file(r, 'freshman-aid').amounts;
      const i = am.findIndex((a: any) => a.confidence === 'unconfirmed');
      expect(i).toBeGreaterThanOrEqual(0);
      delete am[i].confidence;
    });
    expect(msg).toMatch(/content\/subsidies\/freshman-aid\.yaml: amounts\[\d\]\.confidence: /);
  });
  it('a rule without confidence fails too', () => {
    const msg = failWith((r) => delete file(r, 'senior-grant').rules[0].confidence);
    expect(msg).toContain(`${SENIOR}: rules[0].confidence:`);
  });
  it("zod's own messages are in Chinese", () => {
    const msg = failWith((r) => delete file(r, 'senior-grant').rules[0].confidence);
    expect(msg.split('\n').find((l) => l.includes('rules[0].confidence'))).toMatch(/[\u4e00-\u9fff]/);
  });
  it('a `when` removed beside lines that have one fails naming when (a 2019 value cannot become the headline)', () => {
    const msg = failWith((r) => delete file(r, 'living-allowance').amounts[0].when);
    expect(msg).toContain(`${LIVING}: amounts[0].when: 别的金额行写了 when`);
  });
  it('two entries of one line on the same day fail naming from', () => {
    const msg = failWith((r) => {
      const am = file(r, 'senior-grant').amounts;
      am.push({ ...structuredClone(am[am.length - 1]) });
    });
    expect(msg).toMatch(new RegExp(`${SENIOR}: amounts\\[\\d\\]\\.from: 和 amounts\\[\\d\\] 是同一行金额、同一天生效`));
  });
  it('a glossary entry a page needs (status apply) removed fails naming its file (content/statuses.yaml) and the entry', () => {
    const msg = failWith((r) => {
      r.statuses.data = (r.statuses.data as any[]).filter((g) => !(g.kind === 'status' && g.id === 'apply'));
    });
    expect(msg).toContain('content/statuses.yaml: status:apply: 术语表里缺少这个词');
  });
  it('a term that is not a status, put in content/statuses.yaml, fails naming the file, the entry and where it belongs', () => {
    const msg = failWith((r) => {
      (r.statuses.data as any[]).push({ id: 'gongshi2', kind: 'term', term: '公示' });
    });
    expect(msg).toMatch(/content\/statuses\.yaml: \[\d+\]\.kind: 这个文件只放 kind: status.*「gongshi2」是 term，请放回 content\/glossary\.yaml/);
  });
  it('every required glossary entry is checked (each one removed fails)', () => {
    for (const [kind, ids] of REQUIRED_TERMS)
      for (const id of ids) {
        const msg = failWith((r) => {
          for (const f of [r.glossary, r.statuses]) f.data = (f.data as any[]).filter((g) => !(g.kind === kind && g.id === id));
        });
        expect(msg).toContain(`content/${kind === 'status' ? 'statuses' : 'glossary'}.yaml: ${kind}:${id}:`);
      }
  });
  it('lastVerified in 2099 fails naming lastVerified; within the margin it passes', () => {
    const msg = failWith((r) => (file(r, 'senior-grant').lastVerified = '2099-01-01'));
    expect(msg).toContain(`${SENIOR}: lastVerified: 核对日期 2099-01-01 在将来`);
    const ok = raw();
    file(ok, 'senior-grant').lastVerified = '2026-12-0' + (1 + FUTURE_MARGIN_DAYS);
    expect(() => validateDataset(ok, { buildDay: BUILD })).not.toThrow();
  });
  it('`conditions: []` without `everyone: true` fails naming conditions', () => {
    const msg = failWith((r) => (file(r, 'senior-grant').rules[0].conditions = []));
    expect(msg).toContain(`${SENIOR}: rules[0].conditions: conditions 不能是空的`);
  });
  it('`everyone: true` with conditions fails naming everyone', () => {
    const msg = failWith((r) => (file(r, 'senior-grant').rules[0].everyone = true));
    expect(msg).toContain(`${SENIOR}: rules[0].everyone:`);
  });
  it('a javascript: source URL fails naming url', () => {
    const msg = failWith((r) => ((r.sources.data as any[])[0].url = 'javascript:alert(1)'));
    expect(msg).toContain('content/sources.yaml: [0].url: 网址要以 http:// 或 https:// 开头');
  });
  it('an amount history whose dates are all in the future fails naming amounts[0].from', () => {
    for (const id of Object.keys(subsidyFiles).map((p) => p.match(/([\w-]+)\.yaml$/)![1]!)) {
      const msg = failWith((r) => {
        const s = file(r, id);
        s.amounts.forEach((a: any, i: number) => (a.from = `2099-0${1 + Math.min(i, 8)}-01`));
        s.amounts.sort((a: any, b: any) => (a.from < b.from ? -1 : 1));
      });
      expect(msg, id).toContain(`content/subsidies/${id}.yaml: amounts[0].from: 最早的金额 2099-01-01 才生效`);
    }
  });
  it('rules that all start in the future fail naming rules[0].from', () => {
    const msg = failWith((r) => file(r, 'senior-grant').rules.forEach((x: any) => (x.from = '2099-09-01')));
    expect(msg).toContain(`${SENIOR}: rules[0].from: 最早的规则 2099-09-01 才生效`);
  });
});

describe('region files: the same faults', () => {
  const files = () => Object.fromEntries(Object.entries(regionFiles).map(([p, d]) => [rel(p), structuredClone(d)]));
  const failRegion = (mutate: (f: Record<string, any>) => void) => {
    const f = files();
    mutate(f);
    return dataErrorOf(() => validateRegions(f, dataset, { buildDay: BUILD }), 'validateRegions');
  };
  it('lastVerified in the future fails naming the region file', () => {
    const msg = failRegion((f) => (f['content/regions/510000.yaml'].lastVerified = '2099-01-01'));
    expect(msg).toContain('content/regions/510000.yaml: lastVerified: 核对日期 2099-01-01 在将来');
  });
  it('a javascript: URL in a region source fails naming it', () => {
    const msg = failRegion((f) => (f['content/regions/510000.yaml'].sources[0].url = 'javascript:alert(1)'));
    expect(msg).toContain('content/regions/510000.yaml: sources[0].url:');
  });
  it('an override amount without confidence fails naming it', () => {
    const msg = failRegion((f) => delete f['content/regions/510000.yaml'].overrides[0].amounts[0].confidence);
    expect(msg).toContain('content/regions/510000.yaml: overrides[0].amounts[0].confidence:');
  });
});

describe('the schema alone', () => {
  it('keeps value inside range for a single entry', () => {
    const s = structuredClone(subsidyFiles['../../content/subsidies/senior-grant.yaml']);
    s.amounts.find((x: any) => x.range).value = 100;
    const r = Subsidy.safeParse(s);
    expect(r.success).toBe(false);
  });
});
