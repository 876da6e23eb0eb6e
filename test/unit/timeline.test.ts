// 接下来几年 (issue 17): every figure a timeline step shows is the engine's own on that step's date,
// for dates D in the data; transitions follow the school system; nothing beyond the data is shown.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';
import { evaluateInRegion } from '../../src/rules/regions.ts';
import { formatAnswers, type Answers } from '../../src/rules/answers.ts';
import { diffResults, nextGrade, timeline, whenWords } from '../../src/rules/timeline.ts';
import { leavesStage } from '../../src/rules/leaving.ts';
import { evaluateFamily } from '../../src/rules/family-eval.ts';
import { familyOf } from '../../src/rules/family.ts';
import { applicationMonths } from '../../src/rules/calendar.ts';
import { SINGLE_FAMILIES, answerSpace } from '../support/answer-space.ts';

const day = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000).toISOString().slice(0, 10);
/** Every date on which a national or regional rule or amount changed. */
const dataDates = [...new Set([
  ...dataset.subsidies.flatMap((s) => [...s.rules, ...s.amounts].map((e) => e.from)),
  ...regions.flatMap((r) => r.overrides.flatMap((o) => [...o.amounts, ...o.rules].map((e) => e.from))),
])].filter((d) => d >= '2023-09-01').sort();

const sample = [...answerSpace(SINGLE_FAMILIES, ['rural', 'urban'])].filter((_, i) => i % 37 === 0);

describe('timeline', { timeout: 120_000 }, () => {
  it('for dates D in the data, each step’s figures at D equal evaluate(…, D)', () => {
    let atDataDate = 0;
    for (const D of dataDates) {
      for (const a0 of sample) {
        for (const a of [a0, { ...a0, region: '510000' }]) {
          // Looking from shortly before D, the steps include D whenever something changes on D.
          for (const today of [day(D, -1), day(D, -120)]) {
            for (const st of timeline(dataset, regions, a, { date: today })) {
              for (const o of st.options) {
                const ev = evaluateInRegion(dataset, regions, o.answers, { date: st.date });
                expect(isDeepStrictEqual(o.evaluation, ev), `${formatAnswers(o.answers)} @ ${st.date}`).toBe(true);
                for (const ch of o.changes) {
                  if (!ch.after) continue;
                  const r = ev.results.find((x) => x.id === ch.id)!;
                  expect(ch.after.amount).toEqual(r.amount);
                  if (r.amount) expect(r.amount.from <= st.date).toBe(true);
                }
                if (st.date === D) atDataDate++;
              }
            }
          }
        }
      }
    }
    expect(atDataDate).toBeGreaterThan(50);
  });

  it('a policy change on a date in the data is a step exactly when some result changes that day', () => {
    for (const D of dataDates.filter((d) => !d.endsWith('-09-01'))) {
      for (const a of sample) {
        const steps = timeline(dataset, regions, a, { date: day(D, -1), years: 1 });
        const before = evaluateInRegion(dataset, regions, a, { date: day(D, -1) });
        const after = evaluateInRegion(dataset, regions, a, { date: D });
        const changed = diffResults(before, after).length > 0;
        expect(steps.some((s) => s.date === D), `${formatAnswers(a)} @ ${D}`).toBe(changed);
      }
    }
  });

  it('on 2024-03-01 a 初中 boarder sees the living allowance go from 1250 to 1500 元/年', () => {
    const a: Answers = { stage: 'junior', grade: 1, boarding: 'yes', family: 'none', hukou: 'rural' };
    const hard: Answers = { ...a, family: ['hardship'] };
    const st = timeline(dataset, regions, hard, { date: '2024-02-01' }).find((s) => s.date === '2024-03-01')!;
    expect(st.kind).toBe('policy');
    const ch = st.options[0]!.changes.find((c) => c.id === 'living-allowance')!;
    expect([ch.kind, ch.before?.value, ch.after?.amount?.value]).toEqual(['amount', 1250, 1500]);
    expect(timeline(dataset, regions, a, { date: '2024-02-01' }).some((s) => s.date === '2024-03-01')).toBe(false);
  });

  it('小学六年级 → next September 初中一年级; its boarding figures are both shown (寄宿 1500, 走读 750)', () => {
    const steps = timeline(dataset, regions, { stage: 'primary', grade: 6, boarding: 'yes', hukou: 'rural', family: ['dibao'] }, { date: '2026-10-10' });
    const st = steps[0]!;
    expect([st.date, st.when, st.kind, st.newStage]).toEqual(['2027-09-01', '明年 9 月', 'school', true]);
    expect(st.options).toHaveLength(1);
    const o = st.options[0]!;
    expect(o.title).toBe('升入初中一年级');
    expect(o.answers.boarding).toBeUndefined();
    const la = o.results.find((r) => r.id === 'living-allowance')!;
    expect(la.alternatives.map((x) => [x.label, x.value])).toEqual([['初中寄宿生', 1500], ['初中走读生', 750]]);
  });

  it('初中三年级 → a choice of 普通高中 or 中职, both shown, and nothing guessed after it', () => {
    const steps = timeline(dataset, regions, { stage: 'junior', grade: 2, hukou: 'rural', family: ['tuopin'] }, { date: '2026-10-10', years: 6 });
    const last = steps[steps.length - 1]!;
    expect(last.date).toBe('2028-09-01');
    expect(last.options.map((o) => o.answers.stage)).toEqual(['senior', 'vocational']);
    expect(last.options.every((o) => o.note)).toBe(true);
    expect(last.options[0]!.results.map((r) => r.id)).toContain('senior-grant');
    expect(last.options[1]!.results.map((r) => r.id)).toContain('vocational-grant');
  });

  it('the school ladder: 大班 → 小学, 高三 → 大学, and nothing after the last grade of 研究生', () => {
    expect(nextGrade({ stage: 'preschool', grade: 3 }).map((n) => [n.answers.stage, n.answers.grade])).toEqual([['primary', 1]]);
    expect(nextGrade({ stage: 'senior', grade: 3 }).map((n) => n.answers.stage)).toEqual(['undergrad']);
    expect(nextGrade({ stage: 'vocational', grade: 3, agri: 'yes' })[0]!.answers.agri).toBeUndefined();
    expect(nextGrade({ stage: 'postgrad', grade: 6 })).toEqual([]);
    expect(nextGrade({ stage: 'senior' })).toEqual([]);
  });

  it('the calendar stops where 接下来几年 says the child leaves the stage: no application month for a school year after it', () => {
    let left = 0;
    for (const today of ['2026-12-02', '2027-02-10', '2027-09-01', '2027-05-20']) {
      for (const a of sample) {
        const end = leavesStage(a, today);
        const change = timeline(dataset, regions, a, { date: today }).find((s) => s.newStage);
        const coming = `${Number(today.slice(0, 4)) + (today.slice(5) >= '09-01' ? 1 : 0)}-09-01`;
        // One ladder: the day the timeline moves the child to a new stage is the day it leaves this one.
        if (end && nextGrade(a).length) expect(change?.date, formatAnswers(a)).toBe(end);
        if (change?.date === coming) expect(end, formatAnswers(a)).toBe(coming);
        const months = applicationMonths(evaluateFamily(dataset, regions, familyOf(a), { date: today }));
        for (const m of months) {
          const schoolYear = m.month >= 6 ? m.year : m.year - 1;
          if (end) expect(schoolYear < Number(end.slice(0, 4)), `${formatAnswers(a)} @ ${today}: ${m.date}`).toBe(true);
        }
        if (end) left++;
      }
    }
    expect(left).toBeGreaterThan(20);
  });

  it('本专科四年级 is not the last year (a five-year programme goes on); 五年级, 高三, 初三, 大班 are', () => {
    expect(leavesStage({ stage: 'undergrad', grade: 4 }, '2026-12-02')).toBeUndefined();
    expect(leavesStage({ stage: 'undergrad', grade: 5 }, '2026-12-02')).toBe('2027-09-01');
    expect(leavesStage({ stage: 'senior', grade: 3 }, '2026-12-02')).toBe('2027-09-01');
    expect(leavesStage({ stage: 'junior', grade: 3 }, '2027-09-01')).toBe('2028-09-01');
    expect(leavesStage({ stage: 'preschool', grade: 3 }, '2027-08-31')).toBe('2027-09-01');
    expect(leavesStage({ stage: 'senior', grade: 2 }, '2026-12-02')).toBeUndefined();
    expect(leavesStage({ stage: 'senior' }, '2026-12-02')).toBeUndefined();
  });

  it('dates in words are relative to today', () => {
    expect(whenWords('2026-12-01', '2026-10-10')).toBe('今年 12 月');
    expect(whenWords('2027-09-01', '2026-10-10')).toBe('明年 9 月');
    expect(whenWords('2028-03-01', '2026-10-10')).toBe('2028 年 3 月');
    expect(whenWords('2029-09-01', '2026-10-10')).toBe('2029 年 9 月');
  });
});
