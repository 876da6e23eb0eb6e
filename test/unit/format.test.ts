/**
 * src/lib/format.ts (Chinese wording of amounts and dates) and src/lib/today.ts (the build day).
 */
import { describe, expect, it } from 'vitest';
import {
  formatAmount, formatAmountFull, formatChange, formatDate, formatDay, formatNumber, formatPerInstalment, formatRange,
  formatSince, formatYuan, isUnconfirmed, semesterName, semesterOf, LOCAL, UNCONFIRMED,
} from '../../src/lib/format.ts';
import { chinaDay, isIsoDay, today } from '../../src/lib/today.ts';
import { dataset } from '../../src/data/index.ts';
import { asOfLine } from '../../src/rules/timing.ts';
import { evaluate, parseAnswers } from '../../src/site/evaluate.ts';

describe('formatNumber and formatYuan', () => {
  it('write whole yuan as plain digits without separators', () => {
    expect(formatNumber(2300)).toBe('2300');
    expect(formatNumber(20000)).toBe('20000');
    expect(formatYuan(625)).toBe('625 元');
  });
  it('keep at most two decimals and drop trailing zeros', () => {
    expect(formatNumber(312.5)).toBe('312.5');
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(formatYuan(1150.0)).toBe('1150 元');
  });
  it('refuse something that is not a number', () => {
    expect(() => formatNumber(NaN)).toThrow(/不是有效的金额/);
  });
});

describe('formatAmount', () => {
  it('words every basis', () => {
    expect(formatAmount({ basis: 'fixed', unit: 'per-year', value: 1250 })).toBe('1250 元/年');
    expect(formatAmount({ basis: 'average', unit: 'per-year', value: 2300 })).toBe('2300 元/年（平均标准）');
    expect(formatAmount({ basis: 'up-to', unit: 'per-year', value: 20000 })).toBe('每年最高 20000 元');
    expect(formatAmount({ basis: 'up-to', unit: 'once', value: 1000 })).toBe('最高 1000 元（一次性）');
    expect(formatAmount({ basis: 'fixed', unit: 'once', value: 500 })).toBe('500 元（一次性）');
    expect(formatAmount({ basis: 'per-school-day', unit: 'per-school-day', value: 5 })).toBe('每个在校日 5 元的营养餐');
    expect(formatAmount({ basis: 'waiver', unit: 'none' })).toBe('全免，不用交');
    expect(formatAmount({ basis: 'local', unit: 'per-year' })).toBe(`没有全国统一金额，${LOCAL}`);
    expect(formatAmount({ basis: 'service', unit: 'none' })).toBe('不是现金');
  });
  it('throws when a money basis has no value', () => {
    expect(() => formatAmount({ basis: 'fixed', unit: 'per-year' })).toThrow(/缺少 value/);
  });
  it('words every amount line in the data without throwing', () => {
    for (const s of dataset.subsidies) for (const a of s.amounts) expect(formatAmount(a).length, s.id).toBeGreaterThan(1);
  });
});

describe('formatPerInstalment, formatRange and formatAmountFull', () => {
  it('gives the per-semester figure when paid in two parts', () => {
    expect(formatPerInstalment({ basis: 'fixed', unit: 'per-year', value: 1250, instalments: 2 })).toBe('每学期 625 元');
    expect(formatPerInstalment({ basis: 'average', unit: 'per-year', value: 2300, instalments: 2 })).toBe('平均每学期 1150 元');
    expect(formatPerInstalment({ basis: 'fixed', unit: 'per-year', value: 2000, instalments: 4 })).toBe('分 4 次发，每次 500 元');
  });
  it('says nothing when there is no split', () => {
    expect(formatPerInstalment({ basis: 'fixed', unit: 'per-year', value: 6000 })).toBe('');
    expect(formatPerInstalment({ basis: 'up-to', unit: 'per-year', value: 20000, instalments: 2 })).toBe('');
    expect(formatPerInstalment({ basis: 'waiver', unit: 'none', instalments: 2 })).toBe('');
  });
  it('words the tier range', () => {
    expect(formatRange({ basis: 'average', unit: 'per-year', value: 3700, range: { min: 2500, max: 5000 } })).toBe('各地分档，每档在 2500–5000 元/年之间');
    expect(formatRange({ basis: 'average', unit: 'per-year', value: 2300, range: { min: 1200, max: 3500, confidence: 'medium' } })).toBe('各地分档，每档在 1200–3500 元/年之间（未确认）');
    expect(formatRange({ basis: 'average', unit: 'per-year', value: 2300 })).toBe('');
  });
  it('puts figure, semester figure, 以当地公布为准 and 未确认 in one line', () => {
    expect(formatAmountFull({ basis: 'average', unit: 'per-year', value: 2300, instalments: 2, local: true, confidence: 'high' }))
      .toBe(`2300 元/年（平均标准），平均每学期 1150 元，${LOCAL}`);
    expect(formatAmountFull({ basis: 'up-to', unit: 'once', value: 1000, confidence: 'unconfirmed' })).toBe(`最高 1000 元（一次性）（${UNCONFIRMED}）`);
    expect(formatAmountFull({ basis: 'local', unit: 'per-year', local: true })).toBe(`没有全国统一金额，${LOCAL}`);
  });
  it('marks medium and unconfirmed figures, not high ones or unknown confidence', () => {
    expect(isUnconfirmed({ confidence: 'medium' })).toBe(true);
    expect(isUnconfirmed({ confidence: 'unconfirmed' })).toBe(true);
    expect(isUnconfirmed({ confidence: 'high' })).toBe(false);
    expect(isUnconfirmed({})).toBe(false);
  });
});

describe('dates and semesters', () => {
  it('formats months and days', () => {
    expect(formatDate('2025-03-01')).toBe('2025 年 3 月');
    expect(formatDay('2026-11-29')).toBe('2026 年 11 月 29 日');
    expect(() => formatDate('2025/03/01')).toThrow(/YYYY-MM-DD/);
  });
  it('puts February–July in the spring semester and January in last year’s autumn semester', () => {
    expect(semesterName('2025-03-01')).toBe('2025 年春季学期');
    expect(semesterName('2025-07-31')).toBe('2025 年春季学期');
    expect(semesterName('2024-09-01')).toBe('2024 年秋季学期');
    expect(semesterName('2026-01-10')).toBe('2025 年秋季学期');
    expect(semesterOf('2026-02-01')).toEqual({ year: 2026, term: 'spring' });
  });
  it('says when a value starts the way people say it', () => {
    expect(formatSince('2025-03-01')).toBe('2025 年春季学期起');
    expect(formatSince('2024-09-01')).toBe('2024 年秋季学期起');
    expect(formatSince('2025-01-01')).toBe('2025 年起');
    expect(formatSince('2012-08-01')).toBe('2012 年 8 月起');
    expect(formatSince('2022-01-24')).toBe('2022 年 1 月 24 日起');
  });
});

describe('formatChange', () => {
  it('writes the 更新记录 sentence for the 2025 senior-grant raise from the data', () => {
    const s = dataset.subsidies.find((x) => x.id === 'senior-grant')!;
    const [before, after] = s.amounts.slice(-2) as [typeof s.amounts[0], typeof s.amounts[0]];
    expect(formatChange({ from: after.from, name: s.name, before, after }))
      .toBe(`${formatSince(after.from)}，普通高中国家助学金平均标准由 ${formatYuan(before.value!)}提高到 ${formatYuan(after.value!)}`);
  });
  it('names the group by label, dropping the name’s own bracket', () => {
    expect(formatChange({
      from: '2024-09-01', name: '国家助学贷款（生源地信用助学贷款、校园地国家助学贷款）', label: '本专科生',
      before: { basis: 'up-to', unit: 'per-year', value: 16000 }, after: { basis: 'up-to', unit: 'per-year', value: 20000 },
    })).toBe('2024 年秋季学期起，国家助学贷款（本专科生）每年最高额度由 16000 元提高到 20000 元');
  });
  it('says 降低到 for a cut and 改为 when the kind of amount changes', () => {
    expect(formatChange({ from: '2030-03-01', name: 'X', before: { basis: 'fixed', unit: 'per-year', value: 10 }, after: { basis: 'fixed', unit: 'per-year', value: 8 } }))
      .toBe('2030 年春季学期起，X标准由 10 元降低到 8 元');
    expect(formatChange({ from: '2030-09-01', name: 'X', before: { basis: 'fixed', unit: 'per-year', value: 10 }, after: { basis: 'local', unit: 'per-year' } }))
      .toBe(`2030 年秋季学期起，X改为：没有全国统一金额，${LOCAL}`);
  });
});

describe('today', () => {
  it('is the China calendar day (UTC+8) of the clock', () => {
    expect(today({ now: new Date('2026-11-29T15:59:59Z') })).toBe('2026-11-29');
    expect(today({ now: new Date('2026-11-29T16:00:00Z') })).toBe('2026-11-30');
    expect(chinaDay(new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01');
  });
  it('takes an override (ZZ_TODAY) and rejects a day that does not exist', () => {
    expect(today({ override: '2024-09-01' })).toBe('2024-09-01');
    expect(() => today({ override: '2025-02-30' })).toThrow(/ZZ_TODAY/);
    expect(() => today({ override: 'tomorrow' })).toThrow(/YYYY-MM-DD/);
  });
  it('reads ZZ_TODAY from the environment', () => {
    const old = process.env.ZZ_TODAY;
    try {
      process.env.ZZ_TODAY = '2023-03-15';
      expect(today()).toBe('2023-03-15');
    } finally {
      if (old === undefined) delete process.env.ZZ_TODAY;
      else process.env.ZZ_TODAY = old;
    }
  });
  it('knows real calendar days', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2025-02-29')).toBe(false);
    expect(isIsoDay('2025-13-01')).toBe(false);
  });
});

describe('which policy a result was worked out by (asOfLine)', () => {
  it('says 在用的政策 up to a year after the data-check day, then when the data were checked', () => {
    expect(asOfLine('2026-12-02', '2026-11-29')).toBe('按 2026 年 12 月 2 日在用的政策算出。');
    expect(asOfLine('2027-11-28', '2026-11-29')).toContain('在用的政策');
    for (const day of ['2027-11-29', '2030-01-01']) {
      const line = asOfLine(day, '2026-11-29');
      expect(line, day).toBe('本站资料核对于 2026 年 11 月 29 日，已经过了一年多，政策可能调整过，以学校和当地资助中心的通知为准。');
    }
    expect(asOfLine('2030-01-01')).toBe('按 2030 年 1 月 1 日在用的政策算出。');
  });
  it('is what the engine returns, for one child and for a family', () => {
    const p = parseAnswers('stage=senior&grade=2&school=public&hukou=rural&family=dibao');
    if (!p.ok) throw new Error('answers');
    expect(evaluate(p.answers, { date: '2030-01-01', checked: '2026-11-29' }).asOf).toContain('本站资料核对于 2026 年 11 月 29 日');
    expect(evaluate(p.answers, { date: '2026-12-02', checked: '2026-11-29' }).asOf).toBe('按 2026 年 12 月 2 日在用的政策算出。');
  });
});
