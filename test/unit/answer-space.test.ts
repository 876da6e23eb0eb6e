// Invariants over the whole answer space: every stage × grade × every other answer (family: none,
// unknown, each single situation and each pair), at every date where a value changed.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import {
  FAMILY_STATUSES, STAGES, evaluate, formatAnswers, inForce, parseAnswers, type Answers, type Evaluation,
} from '../../src/site/evaluate.ts';
import { GROUPS } from '../../src/rules/order.ts';
import { PAIR_FAMILIES, answerSpace } from '../support/answer-space.ts';
import { CONDITION_QUESTIONS, conditionValues } from '../../src/schema/questions.ts';

/** Every date on which some rule or amount changed, plus the day before it. */
const changeDates = [...new Set(dataset.subsidies.flatMap((s) => [...s.rules, ...s.amounts].map((e) => e.from)))]
  .flatMap((d) => [d, new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10)])
  .filter((d) => d >= '2023-09-01') // the data promises complete histories from 2023 秋季学期 on
  .sort();

const subsidyStages = new Map(dataset.subsidies.map((s) => [s.id, s.stages]));
const subsidyById = new Map(dataset.subsidies.map((s) => [s.id, s]));
const docIds = new Set(dataset.documents.map((d) => d.id));

function checkInvariants(a: Answers, ev: Evaluation): string[] {
  const bad: string[] = [];
  const where = `${formatAnswers(a)} @ ${ev.date}`;
  const expectedIds = dataset.subsidies.filter((s) => s.stages.includes(a.stage!)).map((s) => s.id);
  if ([...ev.results.map((r) => r.id)].sort().join() !== [...expectedIds].sort().join()) bad.push(`${where}: 结果不是本阶段的全部项目`);
  // Reading order: cash now, other help, 可能可以, passed this year, 不符合 (src/rules/order.ts).
  const groupIdx = ev.results.map((r) => GROUPS.indexOf(r.group));
  if (groupIdx.some((g, i) => g < 0 || (i > 0 && g < groupIdx[i - 1]!))) bad.push(`${where}: 结果的顺序不是 能拿的钱 → 其他帮助 → 可能可以 → 已过时间 → 不符合`);
  // The summary line never adds figures up: every number in it is one result's own figure (or one of
  // its possible lines, 住校 不确定).
  const figures = new Set(ev.results.flatMap((r) => [r.amount, ...r.alternatives].flatMap((x) => (x?.value !== undefined ? [String(x.value)] : []))));
  // …and a result with several possible lines names each of them, not the largest alone.
  for (const r of ev.results) if (r.group === 'cash' && r.alternatives.length > 1) for (const x of r.alternatives) if (x.value !== undefined && !ev.summary.includes(`${x.value}`)) bad.push(`${where}: 摘要里「${r.name}」少了 ${x.value} 元这一种可能`);
  for (const n of ev.summary.match(/\d+(?:\.\d+)?(?=\s*元)/g) ?? []) if (!figures.has(n)) bad.push(`${where}: 摘要里的 ${n} 元不是任何一项的金额（不能相加）`);
  if (/共|合计|总共|一共/.test(ev.summary)) bad.push(`${where}: 摘要里有合计`);
  // Within a group, the data's `order`.
  const orders = ev.results.map((r) => dataset.subsidies.find((s) => s.id === r.id)!.order);
  if (orders.some((o, i) => i > 0 && ev.results[i]!.group === ev.results[i - 1]!.group && ev.results[i]!.status === ev.results[i - 1]!.status && ev.results[i]!.group !== 'cash' && o < orders[i - 1]!)) bad.push(`${where}: 同一组里没有按数据里的 order 排列`);
  for (const r of ev.results) {
    const at = `${where} ${r.id}`;
    if (!subsidyStages.get(r.id)!.includes(a.stage!)) bad.push(`${at}: 来自别的阶段`);
    if (!r.reason) bad.push(`${at}: 没有理由`);
    if (r.status === 'ineligible') {
      if (!r.missed.length || !r.reason.startsWith('不符合')) bad.push(`${at}: 不符合却没说缺哪个条件`);
      if (r.documents.length) bad.push(`${at}: 不符合却要带材料`);
      continue;
    }
    if (r.status === 'conditional' && !r.unknown.length) bad.push(`${at}: 可能可以却没说要看什么`);
    if ((r.status === 'automatic' || r.status === 'apply') && (r.missed.length || r.unknown.length)) bad.push(`${at}: 状态和条件不一致`);
    if (!r.amount) bad.push(`${at}: 没有金额`);
    else {
      const hasNumber = typeof r.amount.value === 'number' && r.amount.value >= 0;
      if (!hasNumber && !['waiver', 'local', 'service'].includes(r.amount.basis)) bad.push(`${at}: 金额既无数字也无「免除/地方定」口径`);
      if (hasNumber && ['waiver', 'local', 'service'].includes(r.amount.basis)) bad.push(`${at}: 免除/地方定却有数字`);
      if (r.amount.perInstalment !== undefined && r.amount.perInstalment * r.amount.instalments! !== r.amount.value) bad.push(`${at}: 分期金额相加不等于全年`);
      if (r.amount.from > ev.date) bad.push(`${at}: 用了未来的金额`);
      if (!r.amount.source?.title) bad.push(`${at}: 金额没有来源`);
      if (r.local !== true && r.amount.basis === 'local') bad.push(`${at}: 地方定却没标 local`);
    }
    if (!r.sources.length) bad.push(`${at}: 没有来源`);
    // 「去哪里申请：不用申请」 reads as a contradiction: what is given without applying is headed 「要不要申请」.
    if ((r.apply.label === '要不要申请') !== r.apply.where.startsWith('不用申请') || (r.status === 'automatic' && r.apply.label !== '要不要申请')) bad.push(`${at}: 「${r.apply.label}：${r.apply.where}」`);
    if (r.status === 'apply' && r.apply.label !== '去哪里申请') bad.push(`${at}: 可以申请却标着「${r.apply.label}」`);
    // The calendar holds application months: none for what is given without applying.
    if (r.apply.label === '要不要申请' && (r.months.length || r.timing)) bad.push(`${at}: 不用申请却有申请月份或申请时间 ${r.months.join('、')}${r.timing?.message ?? ''}`);
    for (const d of r.documents) if (!docIds.has(d)) bad.push(`${at}: 未知材料 ${d}`);
    // Every document is required by a path that applies: the qualifying path, or for 「可能可以」 a possible one.
    const sub = subsidyById.get(r.id)!;
    for (const d of r.documents) {
      const needs = sub.documents.filter((n) => n.doc === d);
      const possible = r.path ? [r.path.id] : (inForce(sub.rules, ev.date)?.paths ?? []).map((p) => p.id);
      if (!needs.some((n) => !n.paths || n.paths.some((p) => possible.includes(p)))) bad.push(`${at}: ${d} 不是适用的资格路径要的材料`);
    }
    // A passed window says so and is not ranked as something to do now.
    if (r.timing && (r.timing.state === 'passed' || r.timing.state === 'over') && r.group !== 'passed') bad.push(`${at}: 申请时间已过却排在能办的里`);
    // A 补报 month still ahead this school year is not 「已过」: a family being paid must not read 「missed it」.
    if (r.timing?.state === 'catchup' && r.group === 'passed') bad.push(`${at}: 还能补报却排在「今年的申请时间已过」`);
    // Months that are not the whole story (ApplyWindow.outside): never 已过, and the family is told what it can still do.
    if (r.timing?.state === 'ask' && (r.group === 'passed' || !/问/.test(r.timing.message))) bad.push(`${at}: 不在通常的申请时间，却没说还能问谁`);
    // A standing waiver outside its months: who has it is told to do nothing, never 「已过」.
    if (r.timing?.state === 'kept' && (r.group === 'passed' || !r.timing.message.startsWith('已经在享受的，不用再申请'))) bad.push(`${at}: 入学时免、每学年确认的说成了已过`);
    // Either 补报 (who applied need not again) or, for a window of every semester, the next semester's round.
    if (r.timing?.state === 'catchup' && !/还可以补报.*这学年不用再申请|^这学期的申请时间已过，下学期开学后（.*月）再申请/.test(r.timing.message)) bad.push(`${at}: 补报没说清楚`);
  }
  const needed = new Map<string, string[]>();
  for (const r of ev.results) for (const d of r.documents) needed.set(d, [...(needed.get(d) ?? []), r.id]);
  if (ev.documents.length !== needed.size) bad.push(`${where}: 材料清单没有去重或漏了`);
  for (const item of ev.documents) {
    if (JSON.stringify(item.neededFor) !== JSON.stringify(needed.get(item.doc.id))) bad.push(`${where}: ${item.doc.id} 的用途不对`);
  }
  return bad;
}

describe('the whole answer space', { timeout: 180_000 }, () => {
  const all = [...answerSpace(PAIR_FAMILIES)];

  it(`has tens of thousands of combinations (${all.length})`, () => {
    expect(all.length).toBeGreaterThan(20_000);
  });

  it('every combination round-trips through formatAnswers and parseAnswers', () => {
    const broken = all.filter((a) => {
      const p = parseAnswers(formatAnswers(a));
      return !p.ok || !isDeepStrictEqual(p.answers, a);
    });
    expect(broken.slice(0, 3)).toEqual([]);
  });

  it('on 2026-10-01 every combination evaluates without error and every result is complete and of its stage', () => {
    const bad = all.flatMap((a) => checkInvariants(a, evaluate(a, { date: '2026-10-01' })));
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it(`on every change date since autumn 2023 (${changeDates.length} dates) the invariants hold for a spread of answers`, () => {
    const sample = all.filter((_, i) => i % 7 === 0);
    const bad = changeDates.flatMap((date) => sample.flatMap((a) => checkInvariants(a, evaluate(a, { date }))));
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('answers with every optional question left out still evaluate, as 「可能可以」 rather than a guess', () => {
    for (const stage of STAGES) {
      const ev = evaluate({ stage }, { date: '2026-10-01' });
      expect(checkInvariants({ stage }, ev)).toEqual([]);
      for (const r of ev.results) expect(['automatic', 'conditional', 'ineligible', 'apply']).toContain(r.status);
      // With nothing known about the family, nothing that needs 家庭经济困难认定 is promised.
      for (const r of ev.results.filter((r) => r.status === 'apply')) expect(r.met.join()).not.toMatch(/家庭经济困难/);
    }
  });

  it('family situations only ever help: adding a situation never turns a result from eligible to ineligible', () => {
    const rank = { ineligible: 0, conditional: 1, apply: 2, automatic: 2 } as const;
    const regressions: string[] = [];
    for (const a of all.filter((x) => Array.isArray(x.family) && x.family.length === 1)) {
      const base = evaluate(a, { date: '2026-10-01' });
      for (const extra of FAMILY_STATUSES) {
        if ((a.family as string[]).includes(extra)) continue;
        const more = evaluate({ ...a, family: [...(a.family as string[]), extra] as Answers['family'] }, { date: '2026-10-01' });
        base.results.forEach((r) => {
          // By id: results are sorted by group, so the same index can be another subsidy.
          if (rank[more.results.find((x) => x.id === r.id)!.status] < rank[r.status]) regressions.push(`${formatAnswers(a)} +${extra}: ${r.id}`);
        });
      }
    }
    expect(regressions.slice(0, 5)).toEqual([]);
  });

  it('「不确定」 gives 「可能可以」 exactly when some answer the family could have meant would not qualify', () => {
    const rank = { ineligible: 0, conditional: 1, apply: 2, automatic: 2 } as const;
    const wrong: string[] = [];
    const unsure = all.filter((a) => Object.entries(a).some(([k, v]) => v === 'unknown' && k !== 'family'));
    expect(unsure.length).toBeGreaterThan(1000);
    for (const a of unsure) {
      const ev = evaluate(a, { date: '2026-10-01' });
      const [k] = Object.entries(a).find(([key, v]) => v === 'unknown' && key !== 'family')!;
      const values = CONDITION_QUESTIONS.find((q) => q.id === k) ? conditionValues(k as never) : [];
      if (!values.length) continue;
      const each = values.map((v) => evaluate({ ...a, [k]: v } as Answers, { date: '2026-10-01' }));
      ev.results.forEach((r) => {
        const all2 = each.every((e) => rank[e.results.find((x) => x.id === r.id)!.status] === 2);
        // Only one 不确定 answer is split here; with two, a result may stay 「可能可以」 because of the other.
        const others = Object.entries(a).filter(([key, v]) => v === 'unknown' && key !== 'family' && key !== k).length;
        if (all2 && !others && r.status === 'conditional') wrong.push(`${formatAnswers(a)}: ${r.id} 住校/户口怎么答都符合，却说可能可以`);
        if (rank[r.status] === 2 && !all2) wrong.push(`${formatAnswers(a)}: ${r.id} 有一种答法不符合，却说${r.status}`);
      });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('a date that is not YYYY-MM-DD is refused with a Chinese message', () => {
    expect(() => evaluate({ stage: 'senior' }, { date: '2026/10/01' })).toThrow(/日期要写成 YYYY-MM-DD/);
    expect(() => evaluate({ stage: 'senior' }, { date: '2026-13-01' })).toThrow(/日期/);
  });
});
