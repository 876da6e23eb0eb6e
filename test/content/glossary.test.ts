// One glossary maps every code identifier to its official Chinese term: check nothing is missing.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { Basis, DeliveryForm, FAMILY_STATUSES, STAGES, Unit } from '../../src/schema/index.ts';
import { GROUPS } from '../../src/rules/order.ts';
import { question, questionsFor } from '../../src/rules/questions.ts';

const has = (kind: string, id: string) => dataset.glossary.some((g) => g.kind === kind && g.id === id);

describe('the glossary covers every identifier', () => {
  const required: [string, readonly string[]][] = [
    ['stage', STAGES],
    ['family', FAMILY_STATUSES],
    ['delivery', DeliveryForm.options],
    ['basis', Basis.options],
    ['unit', Unit.options],
    ['status', ['automatic', 'apply', 'conditional', 'ineligible', ...GROUPS.map((g) => `group-${g}`)]],
    ['answer', ['school-public', 'school-private', 'hukou-rural', 'hukou-town', 'hukou-urban', 'degree-master', 'degree-doctor', 'boarding', 'agri', 'veteran', 'region']],
  ];
  for (const [kind, ids] of required) {
    it(`has an official term for every ${kind} identifier`, () => {
      expect(ids.filter((id) => !has(kind, id))).toEqual([]);
    });
  }
  it('has a plain explanation for every family situation (the wizard shows it as 「这是什么意思？」)', () => {
    expect(FAMILY_STATUSES.filter((f) => !dataset.glossary.find((g) => g.kind === 'family' && g.id === f)?.plain)).toEqual([]);
  });
  it('names no card where each place decides how it is paid: 学前困难儿童资助 is 「各地不同」, not 「打入资助卡」', () => {
    // The stage page prints the form's term before the text: 「打入资助卡：各地不同：有的减免保教费…」 contradicted itself.
    const varies = dataset.subsidies.filter((s) => /^各地不同/.test(s.delivery.text));
    expect(varies.map((s) => s.id)).toContain('preschool-aid');
    for (const s of varies) expect(s.delivery.form, s.id).toBe('varies');
  });
  it('has no identifier twice within a kind', () => {
    const keys = dataset.glossary.map((g) => `${g.kind}:${g.id}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

describe('options a parent picks say the everyday name first and the official term beside it (issue 15)', () => {
  const options = STAGES.flatMap((stage) => questionsFor({ stage }).flatMap((id) => question(id, { stage }).options))
    .filter((o) => o.term)
    .map((o) => dataset.glossary.find((g) => g.kind === o.term!.kind && g.id === o.term!.id)!);
  const shown = (g: (typeof options)[number]) => g.label ?? g.short ?? g.term;
  it('finds the glossary entry of every option', () => {
    expect(options.filter((g) => !g)).toEqual([]);
    expect(options.length).toBeGreaterThan(15);
  });
  it('keeps every part of the official term in the label (「义务教育（小学）」 → 「小学（义务教育）」)', () => {
    const lost = options.filter((g) => g.term.split(/[（）]/).filter(Boolean).some((part) => !shown(g).includes(part)));
    expect(lost.map((g) => `${g.kind}:${g.id}: ${shown(g)}`)).toEqual([]);
  });
  it('puts the everyday name first where it differs from the official term: 「低保户（最低生活保障家庭）」', () => {
    const dibao = options.find((g) => g.id === 'dibao')!;
    expect(shown(dibao)).toBe('低保户（最低生活保障家庭）');
    // A label is 「everyday（official）」: what is in its last （） is the term or a part of it, and something else comes first.
    const wrong = options.filter((g) => {
      if (!g.label || g.label === g.term) return false;
      const m = /^(.+)（([^（）]+)）$/.exec(g.label);
      return !m || !g.term.includes(m[2]!) || m[1] === m[2];
    });
    expect(wrong.map((g) => `${g.kind}:${g.id}: ${g.label}`)).toEqual([]);
  });
});
