// Content tests for the school kit's texts (content/schools/faq.yaml, messages.yaml): every 问答卡
// answer cites a source and a date; every figure in an answer is one the data holds for the things the
// answer refers to; an answer follows the data when the data changes; broken files fail naming the
// file and field.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { applySteps } from '../../src/data/steps.ts';
import { FAQ_FILE, MESSAGES_FILE, faq, messages, templateDataOf, validateFaq, validateMessages } from '../../src/data/schools.ts';
import { KIT_STAGES, faqCards, resolveTemplate, stageKit, type TemplateData } from '../../src/rules/faq.ts';
import { payments } from '../../src/data/payments.ts';
import { inForce } from '../../src/rules/lines.ts';
import { KitStage } from '../../src/schema/schools.ts';
import { isIsoDay } from '../../src/lib/today.ts';
import { dataErrorOf } from '../support/data-error.ts';
import rawFaq from '../../content/schools/faq.yaml';
import rawMessages from '../../content/schools/messages.yaml';

const DATE = '2026-12-01';
const data = templateDataOf(dataset, applySteps);
const stages = KitStage.options;

/** Numbers written in a text (「2300」「312.5」「7–9」 → 7 and 9). */
const numbersIn = (t: string): number[] => (t.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

/**
 * What the data holds for a template, read here without the resolver: for each placeholder the
 * amounts in force on DATE (value, per semester, range) and the numbers in the referenced text fields.
 */
function figuresOfTemplate(t: string, d: TemplateData): Set<number> {
  const out = new Set<number>();
  for (const m of t.matchAll(/\{([a-z]+)(?::([a-z0-9-]+))?(?::([^}:]+))?\}/g)) {
    const [, kind, id, extra] = m;
    const s = d.subsidies.find((x) => x.id === id);
    if (kind === 'amount' || kind === 'short') {
      for (const e of s!.amounts.filter((a) => !extra || !a.when?.stages || a.when.stages.includes(extra as never))) {
        const sameLine = s!.amounts.filter((a) => JSON.stringify(a.when ?? null) === JSON.stringify(e.when ?? null));
        if (inForce(sameLine, DATE) !== e) continue;
        if (e.value !== undefined) out.add(e.value);
        if (e.value !== undefined && e.instalments) out.add(e.value / e.instalments);
        if (e.range) [e.range.min, e.range.max].forEach((n) => out.add(n));
        if (e.floor) out.add(e.floor.value);
      }
    } else if (kind === 'step' || kind === 'stepinfo') {
      const st = d.steps.find((x) => x.id === id)!;
      numbersIn(st.when + st.short).forEach((n) => out.add(n));
    } else if (kind === 'docnote' || kind === 'docs' || kind === 'term') {
      // these texts carry no figures today; any number in them would show up as unexplained below
    } else if (s) {
      numbersIn([s.summary, s.delivery.text, s.apply.when ?? '', ...s.windows.map((w) => w.text), s.apply.where, s.apply.how, ...s.notes, ...s.rules.map((r) => r.who)].join(' ')).forEach((n) => out.add(n));
    }
  }
  return out;
}

describe('九月问答卡 (content/schools/faq.yaml)', () => {
  it('every stage has cards, and the common questions are there', () => {
    for (const st of stages) {
      const ids = faqCards(faq, st, data, DATE).map((c) => c.id);
      expect(ids.length, st).toBeGreaterThanOrEqual(8);
      for (const q of ['when-money', 'which-card', 'income', 'neighbour', 'fraud', 'private', 'elsewhere']) expect(ids, `${st} ${q}`).toContain(q);
    }
    const senior = faqCards(faq, 'senior', data, DATE).map((c) => c.id);
    expect(senior).toEqual(expect.arrayContaining(['loan', 'repeat']));
  });

  it('every answer cites at least one source with a title, and a check date', () => {
    for (const st of stages) {
      for (const c of faqCards(faq, st, data, DATE)) {
        expect(c.sources.length, `${st} ${c.id}`).toBeGreaterThan(0);
        for (const s of c.sources) expect(s.title, `${st} ${c.id}`).toMatch(/\S/);
        expect(isIsoDay(c.checked), `${st} ${c.id}: ${c.checked}`).toBe(true);
        expect(c.checked <= faq.lastVerified).toBe(true);
      }
    }
  });

  it('no answer types a figure: numbers only come from placeholders', () => {
    const typed = faq.questions.flatMap((q) => q.answers.map((a) => `${q.id}: ${a.text.replace(/\{[^}]*\}/g, '')}`)).filter((t) => /[0-9０-９]/.test(t));
    expect(typed).toEqual([]);
  });

  it('every figure in every answer is one the data holds for what the answer refers to', () => {
    const wrong: string[] = [];
    for (const q of faq.questions) {
      for (const a of q.answers) {
        const allowed = figuresOfTemplate(a.text, data);
        for (const st of a.stages) {
          const card = faqCards(faq, st, data, DATE).find((c) => c.id === q.id)!;
          for (const n of numbersIn(card.a)) if (!allowed.has(n)) wrong.push(`${st} ${q.id}: ${n} 不在数据里（${card.a}）`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the senior 「能拿多少钱」 answer says the national average in force, per year and per semester', () => {
    const line = inForce(dataset.subsidies.find((s) => s.id === 'senior-grant')!.amounts, DATE)!;
    const card = faqCards(faq, 'senior', data, DATE).find((c) => c.id === 'how-much')!;
    expect(card.a).toContain(`${line.value} 元`);
    expect(card.a).toContain(`${line.value! / 2} 元`);
    expect(card.sources.map((s) => s.id)).toContain(line.source);
  });

  it('an answer changes when the data changes (a new amount appended to senior-grant)', () => {
    const changed = structuredClone(dataset);
    const sg = changed.subsidies.find((s) => s.id === 'senior-grant')!;
    sg.amounts.push({ ...sg.amounts[sg.amounts.length - 1]!, from: '2026-09-01', value: 2468 });
    sg.lastVerified = '2026-10-02';
    const card = faqCards(faq, 'senior', templateDataOf(changed, applySteps), DATE).find((c) => c.id === 'how-much')!;
    expect(card.a).toContain('2468 元');
    expect(card.a).toContain('1234 元');
    expect(card.a).not.toContain('2300 元');
    expect(card.checked).toBe('2026-10-02');
  });

  it('the figure check catches an answer whose figure differs from the data', () => {
    const allowed = figuresOfTemplate('{amount:senior-grant}', data);
    expect(numbersIn('平均 2400 元/年').every((n) => allowed.has(n))).toBe(false);
    expect(numbersIn(faqCards(faq, 'senior', data, DATE).find((c) => c.id === 'how-much')!.a).every((n) => allowed.has(n) || figuresOfTemplate('{who:senior-fee-waiver}', data).has(n))).toBe(true);
  });

  it('where the data has no answer, the card says 请问学校 instead of guessing', () => {
    expect(faqCards(faq, 'senior', data, DATE).find((c) => c.id === 'repeat')!.a).toMatch(/请问学校/);
    expect(faqCards(faq, 'senior', data, DATE).find((c) => c.id === 'income')!.a).toMatch(/请问学校/);
  });
});

describe('问答卡 answers say a document note only to the stages it is true for', () => {
  it('{docnote:X} appears only in answers for stages within X.noteStages (「贫困证明」 is for 高校 only)', () => {
    const wrong: string[] = [];
    for (const q of faq.questions) {
      for (const a of q.answers) {
        for (const m of a.text.matchAll(/\{docnote:([\w-]+)\}/g)) {
          const doc = dataset.documents.find((d) => d.id === m[1])!;
          if (!doc.noteStages) continue;
          for (const st of a.stages) for (const w of KIT_STAGES[st]) if (!doc.noteStages.includes(w)) wrong.push(`${q.id} ${st}: ${doc.id}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('宣传月 messages (content/schools/messages.yaml)', () => {
  it('every stage has a group message and an outline, with sources and a date, figures from the data', () => {
    for (const st of stages) {
      const k = stageKit(messages, st, data, DATE);
      expect(k.group.length, st).toBeGreaterThan(20);
      expect(k.group.length, `${st}: a group message stays short`).toBeLessThan(220);
      expect(k.outline.length, st).toBeGreaterThanOrEqual(3);
      expect(k.sources.length, st).toBeGreaterThan(0);
      expect(isIsoDay(k.checked)).toBe(true);
      const raw = messages.stages.find((m) => m.stage === st)!;
      const allowed = figuresOfTemplate([raw.group, ...raw.outline].join(' '), data);
      const texts = [k.group, ...k.outline].join(' ');
      expect(numbersIn(texts).filter((n) => !allowed.has(n)), st).toEqual([]);
    }
  });
  it('a group message does not promise more than the policy: 学前 names 大班, 民办 schools are not told 「不用交」', () => {
    const pre = stageKit(messages, 'preschool', data, DATE).group;
    expect(pre).toMatch(/大班/);
    expect(pre).toMatch(/民办/);
    expect(stageKit(messages, 'compulsory', data, DATE).group).toMatch(/民办学校按当地公办学校的标准/);
  });
  it('a group message does not offer 走读生 生活补助 to every poor family, and says 以当地公布为准 beside figures set locally', () => {
    const comp = stageKit(messages, 'compulsory', data, DATE).group;
    // Nationally only some 走读生 qualify (脱贫, 低保, 特困, 困难残疾): the message must not say every 困难 student can.
    expect(comp).not.toMatch(/家庭经济困难的学生还可以申请生活补助/);
    expect(comp).toMatch(/寄宿生[^。]*走读生/);
    for (const st of stages) {
      const raw = messages.stages.find((m) => m.stage === st)!;
      const local = [...raw.group.matchAll(/\{short:([a-z0-9-]+)/g)].some((m) => data.subsidies.find((s) => s.id === m[1])!.setLocally);
      if (local) expect(stageKit(messages, st, data, DATE).group, st).toContain('以当地公布为准');
    }
    // 15000 is the 中央高校 figure: 地方高校 only have to pay 13000 (FACTS §5.2), so the message says both.
    expect(stageKit(messages, 'postgrad', data, DATE).group).toMatch(/博士研究生 15000 元\/年（地方高校不低于 13000 元），以当地公布为准/);
  });
});

// The 中职 家长会提纲 said the grant goes to the 中职资助卡 (its delivery text) while its 带什么 said
// 「学生资助卡（社保卡或指定银行卡）」 (the document's name): content/payments.yaml is the one source for
// which card the money arrives on, and every text of the kit must agree with it.
describe('which card the money arrives on: every kit text agrees with content/payments.yaml', () => {
  /** The cards a text names, read here by their everyday words (not from the data under test). */
  const CARD_WORDS: [RegExp, string][] = [[/中职资助卡/, 'vocational-aid-card'], [/(?<!中职)资助卡/, 'aid-card'], [/社保卡/, 'social-security-card'], [/银行卡|账户/, 'bank-card']];
  const named = (t: string) => CARD_WORDS.filter(([re]) => re.test(t.replace(/银行卡(号|密码)/g, ''))).map(([, id]) => id).sort();
  const cardsOf = (id: string) => payments.subsidies.find((p) => p.subsidy === id)!.channels.filter((c) => payments.channels.find((x) => x.id === c)!.card).sort();

  it('the 中职 outline names only the 中职资助卡, in 多少钱 and in 带什么', () => {
    expect(cardsOf('vocational-grant')).toEqual(['vocational-aid-card']);
    const outline = stageKit(messages, 'vocational', data, DATE).outline;
    const docs = outline.find((l) => l.startsWith('带什么'))!;
    expect(named(docs)).toEqual(['vocational-aid-card']);
    expect(named(outline.find((l) => l.startsWith('多少钱'))!)).toEqual(['vocational-aid-card']);
    expect(named(outline.join('')), outline.join('\n')).toEqual(['vocational-aid-card']);
  });

  it('{docs:…} names the card to bring as payments.yaml lists the subsidy\'s cards (the document\'s own name only when it lists none)', () => {
    const card = dataset.documents.find((d) => d.id === 'aid-card')!;
    for (const s of data.subsidies) {
      if (!s.documents.some((d) => d.doc === 'aid-card' && !d.if)) continue;
      const docs = resolveTemplate(`{docs:${s.id}}`, data, DATE).text;
      const want = cardsOf(s.id);
      if (want.length) expect(named(docs), `${s.id}: ${docs}`).toEqual(want);
      else expect(docs, s.id).toContain(card.name);
    }
  });

  it('no subsidy\'s delivery text, and no 问答卡 or 提纲 line, names a card payments.yaml does not list for it', () => {
    for (const s of data.subsidies) expect(cardsOf(s.id), `${s.id}: ${s.delivery.text}`).toEqual(expect.arrayContaining(named(s.delivery.text)));
    for (const st of stages) {
      const raw = messages.stages.find((m) => m.stage === st)!;
      for (const t of [raw.group, ...raw.outline]) {
        const ids = [...t.matchAll(/\{(?:delivery|docs):([a-z0-9-]+)\}/g)].map((m) => m[1]!);
        if (!ids.length) continue;
        const allowed = [...new Set(ids.flatMap(cardsOf))];
        expect(allowed, `${st}: ${resolveTemplate(t, data, DATE).text}`).toEqual(expect.arrayContaining(named(resolveTemplate(t, data, DATE).text)));
      }
    }
  });
});

describe('broken kit files fail naming the file and field', () => {
  it('a typed figure in an answer', () => {
    const f = structuredClone(rawFaq) as any;
    f.questions[1].answers[0].text = '每年 2300 元。';
    expect(dataErrorOf(() => validateFaq(f, data, DATE), 'validateFaq')).toContain(`${FAQ_FILE}: questions[1].answers[0].text: 不要在文字里直接写数字`);
  });
  it('an unknown subsidy in a placeholder', () => {
    const f = structuredClone(rawFaq) as any;
    f.questions[0].answers[1].text = '{amount:senior-grnat}';
    expect(dataErrorOf(() => validateFaq(f, data, DATE), 'validateFaq')).toContain(`${FAQ_FILE}: questions[0].answers[1].text: {amount:senior-grnat}：没有资助项目「senior-grnat」`);
  });
  it('an unknown source, and a stage answered twice', () => {
    const f = structuredClone(rawFaq) as any;
    f.questions[3].answers[0].sources = ['jiaocai-2099-1'];
    f.questions[0].answers[1].stages = ['senior', 'compulsory'];
    const msg = dataErrorOf(() => validateFaq(f, data, DATE), 'validateFaq');
    expect(msg).toContain(`${FAQ_FILE}: questions[3].answers[0].sources[0]: 未知来源「jiaocai-2099-1」`);
    expect(msg).toContain(`${FAQ_FILE}: questions[0].answers[1].stages: 学段「compulsory」在这个问题里已经有回答`);
  });
  it('a missing stage in the messages', () => {
    const m = structuredClone(rawMessages) as any;
    m.stages = m.stages.filter((s: { stage: string }) => s.stage !== 'postgrad');
    expect(dataErrorOf(() => validateMessages(m, data, DATE), 'validateMessages')).toContain(`${MESSAGES_FILE}: stages: 缺少学段「postgrad」`);
  });
});
