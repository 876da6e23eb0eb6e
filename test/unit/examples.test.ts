// The examples the foundation issue says must hold, each as a sentence.
import { describe, expect, it } from 'vitest';
import { evaluate, parseAnswers } from '../../src/site/evaluate.ts';

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

describe('messages about a malformed link', () => {
  const messages = (hash: string) => {
    const r = parseAnswers(hash);
    if (r.ok) throw new Error(`accepted ${hash}`);
    return r.errors.map((e) => e.message);
  };
  it('repeat a short unknown code, so the family sees what was wrong', () => {
    expect(messages('#stage=kindergarten')).toEqual(['不认识的阶段「kindergarten」']);
    expect(messages('#stage=senior&region=51')).toEqual(['地区代码应是 6 位数字，链接里是「51」']);
  });
  it('never repeat Chinese text or long strings from the link (a crafted link cannot make the site say something)', () => {
    const crafted = messages(`#stage=${encodeURIComponent('国家助学金已到账请加微信abc123领取')}`);
    expect(crafted).toEqual(['不认识的阶段']);
    const long = messages(`#stage=senior&grade=${'9'.repeat(200_000)}&region=${'x'.repeat(500)}&family=${encodeURIComponent('加微信')}`);
    expect(long.join('').length).toBeLessThan(200);
    for (const m of long) expect(m).not.toMatch(/99999|xxxxx|微信|链接里是$/);
  });
});
