// The schema test for content/steps.yaml (the steps of applying, shown on the 认定 page and in the
// wizard's results), plus broken copies that must fail naming the file and the field.
import { describe, expect, it } from 'vitest';
import raw from '../../content/steps.yaml';
import { dataset } from '../../src/data/index.ts';
import { dataErrorOf } from '../support/data-error.ts';
import { STEPS_FILE, validateSteps } from '../../src/data/steps.ts';
import { ApplySteps } from '../../src/schema/index.ts';

const copy = () => structuredClone(raw) as Record<string, unknown>[];

function failWith(mutate: (steps: Record<string, unknown>[]) => void): string {
  const steps = copy();
  mutate(steps);
  return dataErrorOf(() => validateSteps(steps, dataset), 'validateSteps');
}

describe('content/steps.yaml', () => {
  it('matches its schema', () => {
    const r = ApplySteps.safeParse(raw);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('validates against the national data, in the order 申请 → 评议 → 审核 → 公示 → 发放', () => {
    expect(validateSteps(raw, dataset).map((s) => s.name)).toEqual(['申请', '评议', '审核', '公示', '发放']);
  });

  it('says 公示 lasts at least 5 working days (the national rule)', () => {
    expect(validateSteps(raw, dataset).find((s) => s.id === 'publicize')?.when).toMatch(/不少于 5 个工作日/);
  });

  it('is not contradicted elsewhere: every 「N 个工作日」 in content/ says the same number as the 公示 step', () => {
    const days = validateSteps(raw, dataset).find((s) => s.id === 'publicize')!.when.match(/(\d+) 个工作日/)![1];
    const files = import.meta.glob('../../content/**/*.{yaml,mdx}', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;
    const found = Object.entries(files).flatMap(([f, text]) => [...text.matchAll(/(\d+) 个工作日/g)].map((m) => `${f.replace(/^(\.\.\/)+/, '')}: ${m[1]}`));
    expect(found.length).toBeGreaterThan(1);
    expect(found.filter((x) => !x.endsWith(`: ${days}`))).toEqual([]);
  });
});

describe('a broken steps file fails with the file and field named', () => {
  it('an unknown source', () => {
    expect(failWith((s) => { s[3]!.source = 'jiaocai-2099-1'; })).toContain(`${STEPS_FILE}: [3].source: 未知来源「jiaocai-2099-1」`);
  });
  it('an unknown glossary term', () => {
    expect(failWith((s) => { s[0]!.term = 'no-such-term'; })).toContain(`${STEPS_FILE}: [0].term: 术语表里没有「no-such-term」`);
  });
  it('a duplicate id', () => {
    expect(failWith((s) => { s[1]!.id = 'apply'; })).toContain(`${STEPS_FILE}: [1].id: 重复的 id「apply」`);
  });
  it('a missing field and an unknown field', () => {
    const msg = failWith((s) => { delete s[2]!.short; s[4]!.days = 5; });
    expect(msg).toContain(`${STEPS_FILE}: [2].short:`);
    expect(msg).toContain(`${STEPS_FILE}: [4]:`);
  });
});
