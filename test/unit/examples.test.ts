// The examples the foundation issue says must hold, each as a sentence.
import { describe, expect, it } from 'vitest';
import { evaluate, parseAnswers } from '../../src/rules/index.ts';

const byId = (answers: string, date: string) => {
  const p = parseAnswers(answers);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return Object.fromEntries(evaluate(p.answers, { date }).results.map((r) => [r.id, r]));
};

describe('issue examples', () => {
  it('a rural 脱贫 primary boarder in 2026-10 gets fee waiver and textbooks automatically and 1250 元/年 living allowance', () => {
    const r = byId('stage=primary&grade=3&boarding=yes&hukou=rural&family=tuopin', '2026-10-15');
    expect(r['compulsory-fee-waiver']!.status).toBe('automatic');
    expect(r['free-textbooks']!.status).toBe('automatic');
    expect(r['living-allowance']!.status).toBe('apply');
    expect(r['living-allowance']!.amount!.value).toBe(1250);
    expect(r['living-allowance']!.amount!.unit).toBe('per-year');
  });
  it('a junior boarder with hardship gets 1250 in 2023-10 but 1500 in 2026-10', () => {
    expect(byId('stage=junior&grade=2&boarding=yes&family=hardship', '2023-10-10')['living-allowance']!.amount!.value).toBe(1250);
    expect(byId('stage=junior&grade=2&boarding=yes&family=hardship', '2026-10-10')['living-allowance']!.amount!.value).toBe(1500);
  });
  it('an undergrad in grade 1 cannot get 国家奖学金 or 国家励志奖学金', () => {
    const r = byId('stage=undergrad&grade=1&family=dibao&veteran=no', '2026-10-10');
    expect(r['national-scholarship']!.status).toBe('ineligible');
    expect(r['encouragement-scholarship']!.status).toBe('ineligible');
  });
  it('a vocational grade-3 agriculture student gets the grant in 2026-04 but not in 2024-10', () => {
    expect(byId('stage=vocational&grade=3&agri=yes&family=none', '2026-04-10')['vocational-grant']!.status).toBe('apply');
    expect(byId('stage=vocational&grade=3&agri=yes&family=none', '2024-10-10')['vocational-grant']!.status).toBe('ineligible');
  });
  it('stage=senior&grade=5 is refused with field grade', () => {
    const p = parseAnswers('stage=senior&grade=5');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.errors.map((e) => e.field)).toEqual(['grade']);
  });
});
