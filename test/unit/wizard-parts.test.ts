/**
 * The wizard's data as the site serves it (src/site/wizard-trim.ts): a small block in the page and
 * one part per stage, fetched once the family has picked the stage. These tests check that the split
 * and the trimming lose nothing the results screen shows:
 *
 *  1. For every answer (a spread of the whole answer space) in every region, on every change date from
 *     the data's check day on, the engine gives the same results from the page's block + the stage's
 *     part as from the full, validated dataset — compared on everything the results screen shows.
 *  2. Each part holds only its stage's subsidies, and every source and document they cite.
 */
import { describe, expect, it } from 'vitest';
import { dataset, dataAsOf } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';
import { applySteps } from '../../src/data/steps.ts';
import { STAGES, type Answers } from '../../src/rules/answers.ts';
import type { Amount } from '../../src/rules/evaluate.ts';
import { evaluateInRegion, type RegionalEvaluation } from '../../src/rules/regions.ts';
import { makePayload } from '../../src/site/wizard-trim.ts';
import { makeTerms, type Payload } from '../../src/islands/wizard/lib.ts';
import { joinPart } from '../../src/islands/wizard/join-part.ts';
import { mergeParts } from '../../src/islands/wizard/merge-parts.ts';
import { evaluateFamily } from '../../src/rules/family-eval.ts';
import { timeline } from '../../src/rules/timeline.ts';
import { answerSpace } from '../support/answer-space.ts';
import { isUnconfirmed } from '../../src/lib/format.ts';

const floor = dataAsOf;

/** What the results screen (src/islands/wizard/Results.tsx, Checklist.tsx) reads of an evaluation. */
function shown(ev: RegionalEvaluation) {
  const amount = (a: Amount | null) =>
    a && { basis: a.basis, unit: a.unit, value: a.value, range: a.range, tiers: a.tiers, instalments: a.instalments, perInstalment: a.perInstalment,
      from: a.from, note: a.note, label: a.label, local: a.local, region: a.region?.code, unconfirmed: isUnconfirmed(a) };
  return {
    date: ev.date,
    stage: ev.stage,
    region: ev.region?.label,
    notices: ev.notices.map((n) => n.message),
    contacts: ev.contacts.map((c) => [c.name, c.phone, c.hours, c.address, c.url, c.note, c.region.code]),
    results: ev.results.map((r) => ({
      id: r.id, name: r.name, status: r.status, reason: r.reason, region: r.region?.code,
      amount: amount(r.amount), alternatives: r.alternatives.map(amount),
      delivery: r.delivery.text, apply: r.apply, documents: r.documents,
      sources: r.sources.map((s) => [s.id, s.title, s.docNumber]), local: r.local, localNote: r.localNote,
      ask: r.ask, timing: r.timing && [r.timing.state, r.timing.message],
    })),
    checklist: ev.documents.map((d) => [d.doc.id, d.doc.name, d.doc.where, d.neededFor]),
  };
}

/** Where two JSON-like values first differ: 'results[2].amount.value: 1500 ≠ 1250', or '' when equal. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return JSON.stringify(a) === JSON.stringify(b) ? '' : `${path || '(top)'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    if (d) return d;
  }
  return '';
}

/** The day the data was checked, and every later day a rule or an amount (national or regional) changes. */
const dates = [
  floor,
  ...new Set(
    [...dataset.subsidies, ...regions.flatMap((r) => r.subsidies)]
      .flatMap((s) => [...s.rules, ...s.amounts])
      .concat(regions.flatMap((r) => r.overrides.flatMap((o) => [...o.amounts, ...o.rules])))
      .map((e) => e.from)
      .filter((d) => d > floor),
  ),
  '2031-09-01',
].sort();

describe('the wizard data block and the per-stage parts', () => {
  for (const defaultRegion of [undefined, '510000']) {
    const { base, parts } = makePayload(dataset, regions, applySteps, floor, defaultRegion);
    const block: Payload = { ...base, parts: Object.fromEntries(STAGES.map((s) => [s, `/check/data/${s}.json`])) as Payload['parts'], places: '/check/data/places.json' };

    it(`give the results the full data gives, for every stage, region and date (default region: ${defaultRegion ?? 'none'})`, { timeout: 120_000 }, () => {
      const all = [...answerSpace()];
      const sample = all.filter((_, i) => i % 5 === 0);
      let compared = 0;
      const differ: string[] = [];
      for (const date of dates) {
        for (const region of [undefined, '000000', ...regions.map((r) => r.code), '999999']) {
          for (const a of sample) {
            const answers: Answers = region ? { ...a, region } : a;
            const full = evaluateInRegion(dataset, regions, answers, { date, region: defaultRegion });
            const { data, regions: rs } = joinPart(block, parts[a.stage!]);
            const split = evaluateInRegion(data, rs, answers, { date, region: defaultRegion });
            compared++;
            const d = firstDifference(shown(full), shown(split));
            if (d && differ.length < 5) differ.push(`${date} ${JSON.stringify(answers)}: ${d}`);
          }
        }
      }
      expect(differ).toEqual([]);
      expect(compared).toBeGreaterThan(10_000);
    });

    it(`hold each stage's subsidies only, with every source and document they cite (default region: ${defaultRegion ?? 'none'})`, () => {
      for (const stage of STAGES) {
        const part = parts[stage];
        const expected = dataset.subsidies.filter((s) => s.stages.includes(stage)).map((s) => s.id);
        // Only what a region has for the stage: no empty list, no region with nothing (joinPart starts them empty).
        for (const r of part.regions) expect(Object.entries(r).filter(([, v]) => Array.isArray(v) && !v.length).map(([k]) => `${r.code} ${k}`), stage).toEqual([]);
        expect(part.subsidies.map((s) => s.id), stage).toEqual(expected);
        for (const s of [...part.subsidies, ...part.regions.flatMap((r) => r.subsidies ?? [])]) {
          expect(s.stages, `${stage}: ${s.id}`).toContain(stage);
          const cited = [...s.rules.map((r) => r.source), ...s.amounts.map((x) => x.source)];
          const known = [...part.sources, ...part.regions.flatMap((r) => r.sources ?? [])].map((x) => x.id);
          for (const c of cited) expect(known, `${stage}: ${s.id} cites ${c}`).toContain(c);
          for (const d of s.documents) expect(part.documents.map((x) => x.id), `${stage}: ${s.id} needs ${d.doc}`).toContain(d.doc);
        }
      }
    });
  }

  it('joined for a family (issue 17): each child’s results and next years from the joined parts equal those from the full data', { timeout: 120_000 }, () => {
    const { base, parts } = makePayload(dataset, regions, applySteps, floor, undefined);
    const block: Payload = { ...base, parts: Object.fromEntries(STAGES.map((s) => [s, `/check/data/${s}.json`])) as Payload['parts'], places: '/check/data/places.json' };
    const space = [...answerSpace()].filter((_, i) => i % 53 === 0);
    let compared = 0;
    for (let i = 0; i < space.length; i++) {
      const a = space[i]!;
      const b = space[(i * 7 + 3) % space.length]!;
      const { stage: _s, grade: _g, school: _c, boarding: _b, agri: _a, degree: _d, veteran: _v, ...shared } = a;
      const own = (x: Answers) => ({ stage: x.stage, grade: x.grade, school: x.school, boarding: x.boarding, agri: x.agri, degree: x.degree, veteran: x.veteran });
      const family = { shared, children: [{ answers: own(a) }, { answers: own(b) }] };
      const joined = joinPart(block, mergeParts([...new Set([a.stage!, b.stage!, 'senior', 'vocational', 'undergrad'] as const)].map((st) => parts[st])));
      for (const date of [floor, '2027-09-01']) {
        const got = evaluateFamily(joined.data, joined.regions, family, { date });
        const want = evaluateFamily(dataset, regions, family, { date });
        for (const k of [0, 1]) {
          expect(firstDifference(shown(got.children[k]!.evaluation), shown(want.children[k]!.evaluation))).toBe('');
          compared++;
        }
        expect(got.money).toEqual(want.money);
        expect(got.checklist.shared.map((d) => [d.doc.id, d.children])).toEqual(want.checklist.shared.map((d) => [d.doc.id, d.children]));
        expect(got.checklist.perChild.map((l) => l.map((d) => d.doc.id))).toEqual(want.checklist.perChild.map((l) => l.map((d) => d.doc.id)));
      }
      // 接下来几年 for a 初中 child needs the 高中 and 中职 parts too: with them joined, the same steps.
      const steps = (d: typeof joined.data, r: typeof joined.regions) =>
        timeline(d, r, { ...own(a), ...shared }, { date: floor }).map((st) => [st.date, st.options.map((o) => o.changes.map((c) => [c.id, c.kind, c.after?.amount?.value]))]);
      if (['junior', 'senior', 'vocational', 'preschool', 'primary'].includes(a.stage!) === false) continue;
      const need = [...new Set([a.stage!, ...({ preschool: ['primary'], primary: ['junior'], junior: ['senior', 'vocational'], senior: ['undergrad'], vocational: ['undergrad'] } as Record<string, string[]>)[a.stage!]!])];
      const j2 = joinPart(block, mergeParts(need.map((st) => parts[st as keyof typeof parts])));
      expect(steps(j2.data, j2.regions)).toEqual(steps(dataset, regions));
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('keep the page block small: no subsidies, amounts or documents in it', () => {
    const { base } = makePayload(dataset, regions, applySteps, floor, undefined);
    const json = JSON.stringify(base);
    expect(Object.keys(base).sort()).toEqual(['floor', 'glossary', 'regions']);
    // A region in the block is its code, name, level and parent: its lists come with the parts.
    for (const r of base.regions) expect(Object.keys(r).filter((k) => !['code', 'name', 'level', 'parent'].includes(k)), r.code).toEqual([]);
    expect(json).not.toContain('"amounts"');
  });

  it('the statuses (自动享受, 今年的申请时间已过 …) are not in the block: the results module carries them, every one the data has', async () => {
    const { base } = makePayload(dataset, regions, applySteps, floor, undefined);
    expect(base.glossary.filter((g) => g.kind === 'status')).toEqual([]);
    const { STATUS_TERMS } = await import('../../src/islands/wizard/statuses.ts');
    expect(STATUS_TERMS).toEqual(dataset.glossary.filter((g) => g.kind === 'status'));
    // The results screens look them up through Terms.plus, on top of the block's own entries.
    const t = makeTerms(base.glossary as never, [], '').plus(STATUS_TERMS);
    expect(t.label({ kind: 'status', id: 'group-passed' })).toBe('今年的申请时间已过');
    expect(t.label({ kind: 'stage', id: 'senior' })).toBe('普通高中');
  });
});
