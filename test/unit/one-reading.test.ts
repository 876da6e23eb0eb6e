/**
 * One reading of policy for every face (issue 11): what a stage page, the posters and a region page say
 * of a subsidy — status chip, amount lines, who — is what the wizard's engine returns for the profile
 * the chip describes (a child of that stage whose answers meet everything the wizard asks), on the same
 * day. The oracle is the engine itself, run over the whole answer space of the stage: the chip must be
 * the best status any family of that stage can get, and the page's amount lines must be exactly the
 * lines some family of that stage can be shown.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';
import { evaluateWith, type Status } from '../../src/rules/index.ts';
import { applyRegion } from '../../src/rules/regions.ts';
import { amountHistories, lineKey, linesInForce, sourceLookup } from '../../src/rules/lines.ts';
import { STAGE_PAGES, posterStages, POSTER_SLUGS, subsidiesFor } from '../../src/rules/stages.ts';
import { subsidyView } from '../../src/rules/views.ts';
import { posterContent } from '../../src/components/posters/content.ts';
import { answerSpace, SINGLE_FAMILIES } from '../support/answer-space.ts';
import type { Dataset, Stage } from '../../src/schema/index.ts';

const DATES = ['2024-10-01', '2026-10-01'];
const RANK: Record<Status, number> = { automatic: 3, apply: 2, conditional: 1, ineligible: 0 };

/** For each subsidy of these stages: the best status and every amount line key any family of the stages gets. */
function oracle(data: Dataset, stages: readonly Stage[], date: string) {
  const best = new Map<string, Status>();
  const keys = new Map<string, Set<string>>();
  const sure = new Map<string, Set<Status>>();
  for (const a of answerSpace(SINGLE_FAMILIES, ['rural', 'town', 'urban', 'unknown'], stages)) {
    const ev = evaluateWith(data, a, { date });
    for (const r of ev.results) {
      if (r.status === 'automatic' || r.status === 'apply') sure.set(r.id, (sure.get(r.id) ?? new Set()).add(r.status));
      const b = best.get(r.id);
      if (!b || RANK[r.status] > RANK[b]) best.set(r.id, r.status);
      const ks = keys.get(r.id) ?? new Set<string>();
      for (const l of r.alternatives.length ? r.alternatives : r.amount ? [r.amount] : []) ks.add(l.key);
      keys.set(r.id, ks);
    }
  }
  return { best, keys, sure };
}

describe('one reading for every face', { timeout: 120_000 }, () => {
  for (const date of DATES) {
    it(`on ${date} every stage page's chip is the best status the wizard gives a child of that stage, and its lines are the wizard's`, () => {
      const wrong: string[] = [];
      for (const page of STAGE_PAGES) {
        const { best, keys, sure } = oracle(dataset, page.stages, date);
        for (const s of subsidiesFor(page.stages, dataset)) {
          const v = subsidyView(dataset, undefined, s.id, page.stages, date);
          if (v.status !== (best.get(s.id) ?? 'ineligible')) wrong.push(`${page.slug}/${s.id}: 页面 ${v.status}，自测最好 ${best.get(s.id)}`);
          // Some families get it without applying and others must apply: the page names both ways.
          const both = sure.get(s.id)?.size === 2;
          if (both !== (v.ways.map((w) => w.status).join() === 'automatic,apply')) wrong.push(`${page.slug}/${s.id}: 自测里${both ? '有的自动享受、有的要申请' : '只有一种'}，页面的「谁自动享受、谁要申请」是 ${JSON.stringify(v.ways)}`);
          const shown = new Set(v.lines.map((l) => l.key));
          const asked = keys.get(s.id) ?? new Set();
          if ([...shown].sort().join() !== [...asked].sort().join()) wrong.push(`${page.slug}/${s.id}: 金额行不一致 ${[...shown]} / ${[...asked]}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('says 营养改善计划 「可能可以」 on the 义务教育 page, as the wizard does (it depends on a pilot county)', () => {
    const v = subsidyView(dataset, undefined, 'nutrition-meal', ['primary', 'junior'], '2026-10-01');
    expect(v.status).toBe('conditional');
    const ev = evaluateWith(dataset, { stage: 'primary', grade: 3, school: 'public', boarding: 'yes', hukou: 'rural', family: ['dibao'] }, { date: '2026-10-01' });
    expect(ev.results.find((r) => r.id === 'nutrition-meal')!.status).toBe('conditional');
  });

  it('posters say what the stage pages say, for every poster and both dates', () => {
    for (const date of DATES) {
      for (const slug of POSTER_SLUGS.filter((p) => p !== 'general')) {
        const stages = posterStages(slug);
        for (const row of posterContent(slug, date).rows) {
          const v = subsidyView(dataset, undefined, row.id, stages, date);
          expect([row.id, row.status, row.who, row.amounts.length]).toEqual([row.id, v.status, v.who, v.lines.length]);
        }
      }
    }
  });

  // evaluateInRegion is applyRegion + evaluateWith; the applied data stands in for it here (30× faster).
  it('a region-applied page says what the wizard says in that region (四川省, 施甸县)', { timeout: 60_000 }, () => {
    for (const code of regions.map((r) => r.code)) {
      const site = applyRegion(dataset, regions, code);
      for (const page of STAGE_PAGES) {
        const { best } = oracle(site, page.stages, '2026-10-01');
        for (const s of subsidiesFor(page.stages, site)) {
          expect([code, s.id, subsidyView(site, dataset, s.id, page.stages, '2026-10-01').status]).toEqual([code, s.id, best.get(s.id) ?? 'ineligible']);
        }
      }
    }
  });
});

describe('one amount line key', () => {
  it('treats a `when` written with its keys in another order as the same line, in the engine and the views', () => {
    const s = dataset.subsidies.find((x) => x.id === 'living-allowance')!;
    // Rewrite every entry's `when` with its keys reversed, and every second one with the label dropped.
    const shuffled = {
      ...s,
      amounts: s.amounts.map((e, i) => {
        if (!e.when) return e;
        const when = Object.fromEntries(Object.entries(e.when).reverse().filter(([k]) => !(i % 2 && k === 'label' && e.when!.stages)));
        return { ...e, when };
      }),
    };
    const data: Dataset = { ...dataset, subsidies: dataset.subsidies.map((x) => (x.id === s.id ? shuffled : x)) };
    expect(amountHistories(shuffled).map((g) => g.length)).toEqual(amountHistories(s).map((g) => g.length));
    const sourceOf = sourceLookup(dataset.sources);
    for (const date of DATES) {
      const a = linesInForce(s, date, sourceOf).map((l) => [l.key, l.value, l.from]);
      const b = linesInForce(shuffled, date, sourceOf).map((l) => [l.key, l.value, l.from]);
      expect(b).toEqual(a);
      const answers = { stage: 'junior' as const, grade: 1, school: 'public' as const, boarding: 'yes' as const, hukou: 'rural' as const, family: ['dibao' as const] };
      const r1 = evaluateWith(dataset, answers, { date }).results.find((r) => r.id === s.id)!;
      const r2 = evaluateWith(data, answers, { date }).results.find((r) => r.id === s.id)!;
      expect([r2.amount?.value, r2.amount?.from]).toEqual([r1.amount?.value, r1.amount?.from]);
    }
    expect(lineKey({ stages: ['primary'], boarding: 'yes', label: '小学寄宿生' })).toBe(lineKey({ boarding: 'yes', stages: ['primary'] }));
  });

  it('refuses a day that does not exist (2026-02-30) with a Chinese message', () => {
    expect(() => evaluateWith(dataset, { stage: 'senior' }, { date: '2026-02-30' })).toThrow(/YYYY-MM-DD/);
  });
});
