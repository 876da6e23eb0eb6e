/**
 * src/lib/speak.ts: how 「听一听」 reads numbers, amounts and symbols (issue 15). The expected words are
 * written out by hand, as a person says them.
 */
import { describe, expect, it } from 'vitest';
import { digitsWords, numberWords, speechChunks, toSpeech } from '../../src/lib/speak.ts';
import { formatAmount, formatFloor, formatPerInstalment, formatRange } from '../../src/lib/format.ts';

describe('numberWords', () => {
  it.each([
    [0, '零'], [5, '五'], [10, '十'], [15, '十五'], [20, '二十'], [110, '一百一十'], [200, '两百'], [625, '六百二十五'],
    [1005, '一千零五'], [1050, '一千零五十'], [1250, '一千二百五十'], [2300, '两千三百'], [3500, '三千五百'],
    [10000, '一万'], [10010, '一万零一十'], [12000, '一万二千'], [20000, '两万'], [120000, '十二万'], [100000, '十万'],
    [200000, '二十万'], [1500.5, '一千五百点五'], [312.5, '三百一十二点五'], [100000005, '一亿零五'],
  ])('%s → %s', (n, words) => {
    expect(numberWords(n)).toBe(words);
  });
  it('reads digits one by one for what is not a number to say', () => {
    expect(digitsWords('2024')).toBe('二零二四');
    expect(numberWords(-3)).toBe('-三');
  });
});

describe('toSpeech', () => {
  it.each([
    ['1250 元/年', '每年一千二百五十元'],
    ['2300 元/生/年', '每年两千三百元'],
    ['每学期 625 元', '每学期六百二十五元'],
    ['1250 元/学期', '每学期一千二百五十元'],
    ['每个在校日 5 元', '每个在校日五元'],
    ['每年最高 20000 元', '每年最高两万元'],
    ['各地在 1200–3500 元之间分档', '各地在一千二百到三千五百元之间分档'],
    ['1200–3500 元/年', '每年一千二百到三千五百元'],
    ['财教〔2024〕181号', '财教二零二四年一百八十一号'],
    ['按 2026 年 12 月 1 日在用的政策算出。', '按二零二六年十二月一日在用的政策算出。'],
    ['第 2 题，共 6 题', '第二题，共六题'],
    ['孩子在哪个省/县上学？', '孩子在哪个省或县上学？'],
    ['不知道 / 用全国标准', '不知道或用全国标准'],
    ['资助明白纸 · 资格自测', '资助明白纸，资格自测'],
    ['比例约 3%', '比例约百分之三'],
    ['电话 0875-8121234', '电话零八七五，八一二一二三四'],
    ['地区代码 530521', '地区代码五三零五二一'],
    ['1,250 元', '一千二百五十元'],
    ['单位：元/生/年', '单位：元每年'],
    // 两 for a count of 2, as people say it (听一听 said 「二项」 on every result); ordinals, months and grades keep 二.
    ['户口簿，2 项资助要用', '户口簿，两项资助要用'],
    ['今年申请时间已过 2 项。', '今年申请时间已过两项。'],
    ['省里分 2–3 档', '省里分两到三档'],
    ['2 个孩子', '两个孩子'],
    ['12 项', '十二项'],
    ['第 2 个孩子', '第二个孩子'],
    ['2 月', '二月'],
    ['2 年级', '二年级'],
    ['2.5 天', '二点五天'],
  ])('%s → %s', (text, said) => {
    expect(toSpeech(text)).toBe(said);
  });
  // Every 元/… unit the content and src/lib/format.ts write is read as 每…, never as 「或」 (12 元/小时 was 「十二元或小时」).
  it.each([
    ['校内临时岗位不低于 12 元/小时', '校内临时岗位不低于每小时十二元'],
    ['12元/小时', '每小时十二元'],
    ['5 元/天', '每天五元'],
    ['5 元/生/天', '每天五元'],
    ['5 元/日', '每天五元'],
    ['1500 元/月', '每月一千五百元'],
    ['625 元/学期', '每学期六百二十五元'],
    ['3000 元/学年', '每学年三千元'],
    ['2300 元/生/年', '每年两千三百元'],
    ['1000 元/生', '每人一千元'],
    ['1000 元/人', '每人一千元'],
    ['200 元/周', '每周两百元'],
    ['50 元/次', '每次五十元'],
    ['2500–5000 元/生/年', '每年两千五百到五千元'],
    ['按小时计酬，元/小时', '按小时计酬，元每小时'],
    ['单位：元/学期', '单位：元每学期'],
  ])('unit: %s → %s', (text, said) => {
    expect(toSpeech(text)).toBe(said);
    expect(said).not.toMatch(/或/);
  });
  it('reads every floor the site formats per hour (formatFloor) without 「或」', () => {
    const t = toSpeech(formatFloor({ basis: 'local', unit: 'none', floor: { value: 12, who: '校内临时岗位', per: 'hour' } } as never));
    expect(t).toBe('校内临时岗位不低于每小时十二元');
  });
  it('turns line breaks into pauses and leaves no Arabic digit', () => {
    expect(toSpeech('国家助学金\n2300 元/年（平均标准）\n平均每学期 1150 元')).toBe('国家助学金，每年两千三百元（平均标准），平均每学期一千一百五十元');
    expect(toSpeech('怎么发：\n打入资助卡')).toBe('怎么发：打入资助卡');
  });
  it('reads every figure the site formats without digits', () => {
    const lines = [
      formatAmount({ basis: 'fixed', unit: 'per-year', value: 1250 }),
      formatAmount({ basis: 'average', unit: 'per-year', value: 2300 }),
      formatAmount({ basis: 'up-to', unit: 'once', value: 1000 }),
      formatAmount({ basis: 'per-school-day', unit: 'per-school-day', value: 5 }),
      formatPerInstalment({ basis: 'fixed', unit: 'per-year', value: 1250, instalments: 2 }),
      formatRange({ basis: 'average', unit: 'per-year', value: 2300, range: { min: 1200, max: 3500 } }),
    ];
    for (const l of lines) expect(toSpeech(l), l).not.toMatch(/\d/);
  });
});

describe('speechChunks', () => {
  it('cuts at sentence ends into pieces that join back to the text', () => {
    const text = `${'第一句话很长很长，'.repeat(8)}。第二句。第三句！`;
    const pieces = speechChunks(text, 40);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(40);
    expect(speechChunks('短句。')).toEqual(['短句。']);
  });
});
