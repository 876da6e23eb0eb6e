// What the family reads when a link is malformed. (The foundation issue's examples live in test/cases/.)
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/rules/answers.ts';

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
  it('name the question a link got wrong by its Chinese name, never 「这个问题」 alone or its code (boarding)', () => {
    expect(messages('#stage=preschool&grade=3&boarding=no')).toEqual(['「是否住校」这个问题只问小学、初中的学生，不适用于学前教育']);
    expect(messages('#stage=senior&grade=2&boarding=sometimes')[0]).toBe('「是否住校」的回答「sometimes」不认识');
    for (const m of [...messages('#stage=senior&veteran=yes'), ...messages('#agri=yes')]) expect(m).toMatch(/^「[^a-z」]+」/);
  });
  it('never repeat Chinese text or long strings from the link (a crafted link cannot make the site say something)', () => {
    const crafted = messages(`#stage=${encodeURIComponent('国家助学金已到账请加微信abc123领取')}`);
    expect(crafted).toEqual(['不认识的阶段']);
    const long = messages(`#stage=senior&grade=${'9'.repeat(200_000)}&region=${'x'.repeat(500)}&family=${encodeURIComponent('加微信')}`);
    expect(long.join('').length).toBeLessThan(200);
    for (const m of long) expect(m).not.toMatch(/99999|xxxxx|微信|链接里是$/);
  });
});
