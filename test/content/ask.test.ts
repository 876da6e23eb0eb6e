/**
 * 「去学校可以这样问」 (issue 15): the sentences are data (content/glossary.yaml, kind ask), chosen and
 * filled by src/rules/ask.ts. Checks that every condition that can be unknown has its sentence, that no
 * sentence asks for or offers an ID number, bank card, password or 验证码, and that every 「可能可以」
 * result and every result whose figure is set locally gets one, in every table case and every answer
 * combination of the answer space's sample.
 */
import { describe, expect, it } from 'vitest';
import { dataset, evaluate, parseAnswers, regions } from '../../src/site/evaluate.ts';
import { ExternalKind, type Condition } from '../../src/schema/index.ts';
import { CONDITION_QUESTIONS } from '../../src/schema/questions.ts';
import { askKeys } from '../../src/rules/ask.ts';
import { loadCases } from '../cases/load.ts';

const asks = dataset.glossary.filter((g) => g.kind === 'ask');
const say = new Map(asks.map((g) => [g.id, g.say!]));
/** Asking for or offering any of these is what fraudsters do: the sentences never mention them. */
const FORBIDDEN = /身份证|银行卡|卡号|账号|密码|验证码/;

/** Every leaf condition in the data (national subsidies, region overrides and regions' own subsidies). */
function leaves(): Condition[] {
  const out: Condition[] = [];
  const walk = (c: Condition) => (c.type === 'anyOf' || c.type === 'allOf' ? c.of.forEach(walk) : out.push(c));
  const rules = [
    ...dataset.subsidies.flatMap((s) => s.rules),
    ...regions.flatMap((r) => [...r.overrides.flatMap((o) => o.rules ?? []), ...r.subsidies.flatMap((s) => s.rules)]),
  ];
  for (const r of rules) r.conditions.forEach(walk);
  return out;
}

describe('「这样问」 sentences in the glossary', () => {
  it('has one for every kind of condition that can be unknown, for local figures, and the opening', () => {
    const kinds = ['stage', 'grade', 'family', 'hardship', ...CONDITION_QUESTIONS.map((q) => q.id), ...ExternalKind.options, 'local', 'intro'];
    expect(kinds.filter((k) => !say.has(k))).toEqual([]);
    // …and for every condition the data actually uses.
    expect([...new Set(leaves().flatMap(askKeys))].filter((k) => !say.has(k))).toEqual([]);
  });
  it('never asks for or offers an ID number, bank card, password or 验证码', () => {
    expect(asks.filter((g) => FORBIDDEN.test(g.say!)).map((g) => g.id)).toEqual([]);
  });
  it('opens with one lead-in and asks one question per sentence, so two make at most two sentences', () => {
    expect(say.get('intro')).toMatch(/\{年级\}.*\{住校\}.*：$/);
    for (const g of asks.filter((x) => x.id !== 'intro')) {
      expect(g.say!.match(/？/g)?.length, g.id).toBe(1);
      expect(g.say!.endsWith('？'), g.id).toBe(true);
      expect(g.say, g.id).not.toMatch(/。/);
      expect(g.say, g.id).toContain('{项目}');
    }
  });
});

describe('「这样问」 in the results of the table cases', () => {
  const cases = loadCases().flatMap(([, cs]) => cs).filter((c) => !c.error);
  for (const c of cases) {
    it(c.name, () => {
      const parsed = parseAnswers(c.answers);
      if (!parsed.ok) throw new Error(c.answers);
      const ev = evaluate(parsed.answers, { date: c.date, ...(c.region && { region: c.region }) });
      for (const r of ev.results) {
        const local = r.local || r.amount?.local === true;
        // Over for good (a 新生 window passed, the child leaves the stage first): nothing left to ask.
        if (r.timing?.state !== 'over' && (r.status === 'conditional' || (local && r.status !== 'ineligible'))) {
          expect(r.ask, `${r.id}（${r.status}）没有「这样问」`).not.toBe('');
          expect(r.ask).toContain(r.name);
          expect(r.ask.startsWith('老师您好，我们家孩子在')).toBe(true);
          expect((r.ask.match(/？/g) ?? []).length).toBeLessThanOrEqual(2);
          expect(r.ask).not.toMatch(FORBIDDEN);
          expect(r.ask).not.toMatch(/\{/);
        } else {
          expect(r.ask, r.id).toBe('');
        }
      }
    });
  }
  it('asks a 县镇 低保 family whether its 低保 is the rural kind, not which 户口 counts (普高免学杂费, 走读生的生活补助)', () => {
    for (const [q, id] of [['stage=senior&grade=1&school=public&hukou=town&family=dibao&region=000000', 'senior-fee-waiver'], ['stage=junior&grade=2&school=public&boarding=no&hukou=town&family=tekun&region=000000', 'living-allowance']] as const) {
      const p = parseAnswers(q);
      if (!p.ok) throw new Error('answers');
      const r = evaluate(p.answers, { date: '2026-10-10' }).results.find((x) => x.id === id)!;
      expect(r.status, id).toBe('conditional');
      expect(r.ask, id).toContain(say.get('hukou-maybe')!.replace('{项目}', r.name));
      expect(r.ask, id).not.toContain(say.get('hukou')!.replace('{项目}', r.name));
    }
    // 「不清楚」 户口 still asks which 户口 counts
    const p = parseAnswers('stage=senior&grade=1&school=public&hukou=unknown&family=dibao&region=000000');
    if (!p.ok) throw new Error('answers');
    const r = evaluate(p.answers, { date: '2026-10-10' }).results.find((x) => x.id === 'senior-fee-waiver')!;
    expect(r.ask).toContain(say.get('hukou')!.replace('{项目}', r.name));
  });
  it('asks only about the ways still possible, and 「什么时候申请」 once', () => {
    // 民办 低保 boarder: the 走读生 ways (「当地扩大范围」) are closed, so nothing about 扩大范围
    const p = parseAnswers('stage=primary&grade=1&school=private&boarding=yes&hukou=rural&family=dibao&region=000000');
    if (!p.ok) throw new Error('answers');
    const r = evaluate(p.answers, { date: '2026-10-10' }).results.find((x) => x.id === 'living-allowance')!;
    expect(r.ask).toContain(say.get('school-maybe')!.replace('{项目}', r.name));
    expect(r.ask).not.toContain(say.get('local-scope')!.replace('{项目}', r.name));
    // 认定 unknown and a local figure: the 认定 question asks when; the figure's asks only how much
    const q = parseAnswers('stage=senior&grade=1&school=public&hukou=rural&family=unknown&region=000000');
    if (!q.ok) throw new Error('answers');
    const g = evaluate(q.answers, { date: '2026-10-10' }).results.find((x) => x.id === 'senior-grant')!;
    expect(g.ask).toContain(say.get('hardship')!.replace('{项目}', g.name));
    expect(g.ask).toContain(say.get('local')!.replace('{项目}', g.name));
    expect(g.ask.match(/什么时候申请/g)?.length).toBe(1);
  });
  it('says the grade and 寄宿生 and asks about the pilot school for 营养改善计划', () => {
    const p = parseAnswers('stage=junior&grade=2&school=public&boarding=yes&hukou=rural&family=none&region=000000');
    if (!p.ok) throw new Error('answers');
    const r = evaluate(p.answers, { date: '2026-10-10' }).results.find((x) => x.id === 'nutrition-meal')!;
    expect(r.status).toBe('conditional');
    expect(r.ask.startsWith(`${say.get('intro')!.replace('{年级}', '初中二年级').replace('{住校}', '，是寄宿生')}${say.get('pilot-area')!.replace('{项目}', r.name)}`)).toBe(true);
  });
});
