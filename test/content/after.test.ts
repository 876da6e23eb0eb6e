// Issue 14's data: content/payments.yaml (钱什么时候到), content/loan.yaml (助学贷款以后) and
// content/message-signs.yaml (这条消息是真的吗？). Every card, arrival, loan and warning-sign fact cites a
// source that exists in content/sources.yaml; broken copies must fail naming the file and the field.
import { describe, expect, it } from 'vitest';
import payRaw from '../../content/payments.yaml';
import loanRaw from '../../content/loan.yaml';
import signsRaw from '../../content/message-signs.yaml';
import { dataset } from '../../src/data/index.ts';
import { PAYMENTS_FILE, payments, validatePayments } from '../../src/data/payments.ts';
import { LOAN_FILE, loanAfter, validateLoan } from '../../src/data/loan.ts';
import { SIGNS_FILE, messageSigns, validateSigns } from '../../src/data/message-signs.ts';
import { paymentLink, type DeliveryForm } from '../../src/rules/payment-link.ts';
import type { Subsidy } from '../../src/schema/index.ts';
import { dataErrorOf } from '../support/data-error.ts';

const copy = <T>(x: T) => JSON.parse(JSON.stringify(x)) as any;
const sourceIds = new Set(dataset.sources.map((s) => s.id));

/** Every `source` value anywhere in an object, with its path. */
function sourcesIn(x: unknown, path = ''): [string, string][] {
  if (Array.isArray(x)) return x.flatMap((v, i) => sourcesIn(v, `${path}[${i}]`));
  if (x && typeof x === 'object') {
    return Object.entries(x).flatMap(([k, v]) => (k === 'source' && typeof v === 'string' ? [[`${path}.${k}`, v] as [string, string]] : sourcesIn(v, `${path}.${k}`)));
  }
  return [];
}

describe('every fact cites a source that exists', () => {
  it.each([[PAYMENTS_FILE, payRaw], [LOAN_FILE, loanRaw], [SIGNS_FILE, signsRaw]])('%s', (_file, raw) => {
    const cited = sourcesIn(raw);
    expect(cited.length).toBeGreaterThan(5);
    expect(cited.filter(([, id]) => !sourceIds.has(id))).toEqual([]);
  });

  it('every channel fact, activation and loss rule, arrival check and 钱没到 step has a source and a confidence', () => {
    const facts = [
      ...payments.channels.flatMap((c) => [c.activate, c.lost, ...c.facts].filter(Boolean)),
      ...payments.arrival, ...payments.notArrived,
    ];
    expect(facts.length).toBeGreaterThan(10);
    for (const f of facts) {
      expect(sourceIds.has(f!.source), f!.text).toBe(true);
      expect(['high', 'medium', 'unconfirmed']).toContain(f!.confidence);
    }
  });

  it('every warning sign and every piece of advice has a source; so has the hotline', () => {
    for (const s of [...messageSigns.signs, ...messageSigns.advice, messageSigns.hotline]) expect(sourceIds.has(s.source)).toBe(true);
  });
});

describe('content/payments.yaml', () => {
  it('covers every national subsidy once, so each 「怎么发」 link has a target', () => {
    expect(payments.subsidies.map((p) => p.subsidy).sort()).toEqual(dataset.subsidies.map((s) => s.id).sort());
  });

  it('names the cards the issue asks about: 资助卡, 中职资助卡, 社保卡, a family bank card, 直接免除, 供餐', () => {
    const names = payments.channels.map((c) => c.name).join('、');
    for (const n of ['学生资助卡', '中职资助卡', '社保卡', '银行卡', '直接免除', '供餐']) expect(names).toContain(n);
  });

  it('says a card is activated in person with an ID card, a student under 16 with the guardian, and what to do when it is lost', () => {
    const card = payments.channels.find((c) => c.id === 'aid-card')!;
    expect(card.activate!.text).toMatch(/身份证/);
    expect(card.activate!.text).toMatch(/柜台/);
    expect(card.activate!.text).toMatch(/16 周岁.*(家长|监护人)/);
    expect(card.lost!.text).toMatch(/班主任/);
  });

  it('「钱没到怎么办」 goes 班主任 → 学校 → 县学生资助管理中心 → 当地教育局, in that order', () => {
    const who = payments.notArrived.map((s) => s.who);
    const at = ['班主任', '学校', '县', '教育局'].map((w) => who.findIndex((x) => x.includes(w)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('gives no month of payment that a source does not give (only sourced `when`), and says so', () => {
    for (const p of payments.subsidies) if (p.when) expect(sourceIds.has(p.when.source)).toBe(true);
    expect(payments.unknown.join('')).toMatch(/本站不知道/);
  });

  it('refuses an unknown source, channel, subsidy, a missing subsidy and a bad `like`', () => {
    const bad = copy(payRaw);
    bad.channels[0].activate.source = 'zz-2099';
    bad.subsidies[0].channels = ['gold-card'];
    bad.subsidies[1].subsidy = 'no-such-aid';
    bad.channels[1].like = 'social-security-card';
    const msg = dataErrorOf(() => validatePayments(bad, dataset), 'validatePayments');
    expect(msg).toContain(`${PAYMENTS_FILE}: channels[0].activate.source: 未知来源「zz-2099」`);
    expect(msg).toContain(`${PAYMENTS_FILE}: subsidies[0].channels[0]: 没有 id 为「gold-card」的发放方式`);
    expect(msg).toContain(`${PAYMENTS_FILE}: subsidies[1].subsidy: 没有这项资助「no-such-aid」`);
    expect(msg).toContain(`${PAYMENTS_FILE}: subsidies: 没有写「${(payRaw as any).subsidies[1].subsidy}」`);
    expect(msg).toContain(`${PAYMENTS_FILE}: channels[1].like: 「social-security-card」没有写 activate 和 lost`);
  });

  it('refuses a fact without a source, naming the field', () => {
    const bad = copy(payRaw);
    delete bad.arrival[0].source;
    expect(dataErrorOf(() => validatePayments(bad, dataset))).toContain(`${PAYMENTS_FILE}: arrival[0].source:`);
  });
});

describe('the 「怎么发」 link (src/rules/payment-link.ts)', () => {
  it('points every national subsidy at its own section of /payment/, and the loan at /loan/', () => {
    for (const s of dataset.subsidies) {
      const l = paymentLink(s);
      if (s.delivery.form === 'bank-loan') expect(l.href).toBe('/loan/');
      else expect(l.href).toBe(`/payment/#pay-${s.id}`);
      expect(l.text.length).toBeGreaterThan(3);
    }
  });

  it('points a region\'s own subsidy at the section of its card or form', () => {
    const own = { id: '530521-x', delivery: { form: 'waived-at-enrolment' as const }, region: { code: '530521', name: '施甸县' } };
    expect(paymentLink(own).href).toBe('/payment/#card-waived');
    expect(paymentLink({ ...own, delivery: { form: 'meals' } }).href).toBe('/payment/#card-meals');
  });

  it('knows every delivery form of the schema', () => {
    // Compile-time: the schema's forms and the rule's forms are the same union.
    const forms: DeliveryForm[] = dataset.subsidies.map((s) => s.delivery.form satisfies Subsidy['delivery']['form']);
    for (const f of forms) expect(paymentLink({ id: 'x', delivery: { form: f }, region: {} }).href).toMatch(/^\/(payment\/#[a-z-]+|loan\/)$/);
  });
});

describe('content/loan.yaml', () => {
  it('lists the relief years 2022–2025 with a source each, and 2026 as not found', () => {
    const years = loanAfter.reliefYears;
    for (const y of [2022, 2023, 2024, 2025]) {
      const r = years.find((x) => x.year === y)!;
      expect(r.status, String(y)).toBe('yes');
      expect(sourceIds.has(r.source!)).toBe(true);
    }
    expect(years.find((x) => x.year === 2026)).toMatchObject({ status: 'not-found' });
    expect(dataset.sources.find((s) => s.id === years.find((x) => x.year === 2025)!.source)).toMatchObject({ docNumber: '财教〔2025〕69号', confidence: 'medium' });
  });

  it('says where to ask and what it does not know about deferral', () => {
    expect(loanAfter.ask.map((a) => a.text).join('')).toMatch(/县.*学生资助管理中心/);
    expect(loanAfter.unknown.join('')).toMatch(/延期/);
  });

  it('refuses a year with a notice but no source, and years out of order', () => {
    const bad = copy(loanRaw);
    delete bad.reliefYears[0].source;
    bad.reliefYears[2].year = 2022;
    const msg = dataErrorOf(() => validateLoan(bad, dataset), 'validateLoan');
    expect(msg).toContain(`${LOAN_FILE}: reliefYears[0].source: status 为 yes 时要写 source`);
    expect(msg).toContain(`${LOAN_FILE}: reliefYears[2].year: reliefYears 要按年份从早到晚排列`);
  });
  it('refuses an unknown source', () => {
    const bad = copy(loanRaw);
    bad.repay[0].source = 'cdb-2099';
    expect(dataErrorOf(() => validateLoan(bad, dataset))).toContain(`${LOAN_FILE}: repay[0].source: 未知来源「cdb-2099」`);
  });
});

describe('content/message-signs.yaml', () => {
  it('has the signs the national centre warns about', () => {
    const ids = messageSigns.signs.map((s) => s.id);
    for (const id of ['code', 'id-number', 'fee', 'activate', 'atm', 'link-app', 'campus-loan', 'urgency', 'private-contact']) expect(ids).toContain(id);
    expect(messageSigns.hotline.number).toBe('96110');
  });

  it('refuses a pattern that does not compile and an upper-case pattern', () => {
    const bad = copy(signsRaw);
    bad.signs[0].patterns[1] = '(验证';
    bad.signs[1].patterns[0] = 'ATM';
    const msg = dataErrorOf(() => validateSigns(bad, dataset), 'validateSigns');
    expect(msg).toContain(`${SIGNS_FILE}: signs[0].patterns[1]: 不是有效的正则表达式`);
    expect(msg).toContain(`${SIGNS_FILE}: signs[1].patterns[0]: 要写小写字母`);
  });
  it('refuses an unknown source and a traditional character in a pattern', () => {
    const bad = copy(signsRaw);
    bad.signs[2].source = 'zizhu-2099';
    bad.signs[3].patterns[0] = '驗證碼';
    const msg = dataErrorOf(() => validateSigns(bad, dataset), 'validateSigns');
    expect(msg).toContain(`${SIGNS_FILE}: signs[2].source: 未知来源「zizhu-2099」`);
    expect(msg).toContain(`${SIGNS_FILE}: signs[3].patterns[0]: 「驗」是繁体字`);
  });
  it('refuses a pattern that matches everything', () => {
    const bad = copy(signsRaw);
    bad.signs[0].patterns[0] = '.*';
    expect(dataErrorOf(() => validateSigns(bad, dataset))).toContain(`${SIGNS_FILE}: signs[0].patterns[0]: 这个写法会匹配空字符串`);
  });
  it('refuses what an ES2017 phone cannot run: lookbehind, named groups, \\p{…}, \\u{…}', () => {
    const bad = copy(signsRaw);
    bad.signs[0].patterns[0] = '(?<=请)验证码';
    bad.signs[0].patterns[1] = '(?<!不)密码';
    bad.signs[1].patterns[0] = '(?<n>卡号)';
    bad.signs[1].patterns[1] = '(卡)\\k<n>';
    bad.signs[2].patterns[0] = '\\p{Script=Han}费';
    bad.signs[2].patterns[1] = '\\u{1F600}';
    bad.negations[0] = '\\P{L}不会';
    const msg = dataErrorOf(() => validateSigns(bad, dataset));
    for (const f of ['signs[0].patterns[0]', 'signs[0].patterns[1]', 'signs[1].patterns[0]', 'signs[1].patterns[1]', 'signs[2].patterns[0]', 'signs[2].patterns[1]', 'negations[0]']) {
      expect(msg).toContain(`${SIGNS_FILE}: ${f}: 用了旧手机浏览器不认识的写法`);
    }
    // Brackets, escapes and lookahead are fine: 「[(?<]」 is a class, 「\\(?<」 a literal bracket.
    const ok = copy(signsRaw);
    ok.signs[0].patterns[0] = '验证码(?!无关)';
    ok.signs[0].patterns[1] = '[(?<]验证码';
    ok.signs[1].patterns[0] = '\\(\\?<卡号';
    expect(() => validateSigns(ok, dataset)).not.toThrow();
  });
});
