// One glossary maps every code identifier to its official Chinese term: check nothing is missing.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { Basis, DeliveryForm, FAMILY_STATUSES, STAGES, Unit } from '../../src/schema/index.ts';
import { GROUPS } from '../../src/rules/order.ts';

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
  it('has no identifier twice within a kind', () => {
    const keys = dataset.glossary.map((g) => `${g.kind}:${g.id}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
