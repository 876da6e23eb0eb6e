// 九月问答卡 say what the stage pages say (house rule: the engine decides, views render). For every
// stage group and every subsidy of it, what a card reads for who, what to bring, where and when to
// apply is the stage page's view for those stages (src/rules/views.ts whoFor, documentNeeds,
// subsidyView.applies / apply.where), and no card names a way, a name or a document only another
// stage has. 民办 answers follow the school condition of the rule in force.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { applySteps } from '../../src/data/steps.ts';
import { faq, messages, templateDataOf, validateFaq } from '../../src/data/schools.ts';
import { KIT_STAGES, applyingClaims, faqCards, resolveTemplate, stageKit, TemplateError } from '../../src/rules/faq.ts';
import { inForce } from '../../src/rules/lines.ts';
import { documentNeeds, privateSchool, subsidyView, whoFor } from '../../src/rules/views.ts';
import { evaluateWith } from '../../src/rules/index.ts';
import { KitStage } from '../../src/schema/schools.ts';
import type { Dataset, Stage } from '../../src/schema/index.ts';
import { dataErrorOf } from '../support/data-error.ts';
import rawFaq from '../../content/schools/faq.yaml';

const DATE = '2026-12-01';
const data = templateDataOf(dataset, applySteps);
const stop = (t: string) => t.replace(/[。；]$/, '');
/** Each kit stage with the subsidies of its stages, and those stages as a stage page reads them. */
const pairs = KitStage.options.flatMap((k) => {
  const kit = KIT_STAGES[k];
  return dataset.subsidies.filter((s) => s.stages.some((st) => kit.includes(st))).map((s) => ({ k, s, mine: s.stages.filter((st) => kit.includes(st)) as Stage[] }));
});

describe('问答卡 placeholders read the stage page view for the card’s stages', () => {
  it('covers every stage group', () => {
    expect(new Set(pairs.map((p) => p.k)).size).toBe(KitStage.options.length);
  });

  for (const { k, s, mine } of pairs) {
    it(`${k} · ${s.id}: who, documents, where, when, name agree with whoFor / documentNeeds / subsidyView`, () => {
      const r = (ph: string) => resolveTemplate(`{${ph}:${s.id}}`, data, DATE, KIT_STAGES[k]).text;
      const rule = inForce(s.rules, DATE) ?? s.rules[0]!;
      const view = subsidyView(dataset, undefined, s.id, mine, DATE);
      if (!inForce(s.rules, DATE)) return; // not in force yet: the placeholders refuse it (covered by validateFaq)
      expect(r('who')).toBe(stop(whoFor(rule, mine)));
      expect(r('name')).toBe(view.name);
      expect(r('where')).toBe(view.apply.where);
      // Documents: exactly those this stage's ways need, each qualified as the stage page qualifies it.
      const needs = documentNeeds(dataset, s, mine);
      const docs = r('docs');
      if (!needs.length) expect(docs).toBe('不用准备材料');
      const shown = needs.some((d) => !d.only) ? needs.filter((d) => !d.only) : needs;
      for (const d of shown) {
        if (d.doc.id === 'aid-card') continue; // named by the subsidy's cards (payments.yaml)
        expect(docs, d.doc.id).toContain(d.doc.name);
        if (d.ways) expect(docs).toContain(`${d.doc.name}（${d.ways}才要）`);
      }
      for (const d of s.documents) {
        const doc = dataset.documents.find((x) => x.id === d.doc)!;
        if (!needs.some((n) => n.doc.id === doc.id || n.doc.name.includes(doc.name))) expect(docs, `${doc.id} is not for ${k}`).not.toContain(doc.name);
      }
      // When: only where some way at these stages is applied for (研究生国家助学金: none).
      if (view.applies || !view.window) expect(r('when')).toBe(stop(view.apply.when));
      else expect(() => r('when')).toThrow(TemplateError);
    });
  }

  it('every card and message of a stage names no way, name or document only another stage has', () => {
    const wrong: string[] = [];
    for (const k of KitStage.options) {
      const kit = KIT_STAGES[k];
      const texts = [...faqCards(faq, k, data, DATE).map((c) => `${c.id}: ${c.a}`), ...(() => { const m = stageKit(messages, k, data, DATE); return [m.group, ...m.outline]; })()];
      for (const s of dataset.subsidies.filter((x) => x.stages.some((st) => kit.includes(st)))) {
        const rule = inForce(s.rules, DATE);
        const other = (rule?.paths ?? []).filter((p) => p.conditions.some((c) => c.type === 'stage' && !c.in.some((st) => kit.includes(st))));
        const otherNames = Object.entries(s.forStage ?? {}).filter(([st]) => !kit.includes(st as Stage)).map(([, f]) => f!.name).filter(Boolean) as string[];
        for (const t of texts) {
          for (const p of other) if (t.includes(p.label.replace(/（[^（）]*）$/, ''))) wrong.push(`${k} ${s.id}: another stage's way 「${p.label}」 in 「${t}」`);
          for (const n of otherNames) if (t.includes(n)) wrong.push(`${k} ${s.id}: another stage's name 「${n}」 in 「${t}」`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no card or message says applying (申请、评议、公示) about a subsidy not applied for at its stage', () => {
    const wrong: string[] = [];
    for (const q of faq.questions) for (const a of q.answers) for (const k of a.stages) wrong.push(...applyingClaims(a.text, data, DATE, KIT_STAGES[k]).map((p) => `${q.id} ${k}: ${p}`));
    for (const m of messages.stages) for (const t of [m.group, ...m.outline]) wrong.push(...applyingClaims(t, data, DATE, KIT_STAGES[m.stage]).map((p) => `messages ${m.stage}: ${p}`));
    expect(wrong).toEqual([]);
  });

  it('the build refuses 「评定和公示以后发」 for 研究生国家助学金 (the old shared 本专科/研究生 answer)', () => {
    const f = structuredClone(rawFaq) as any;
    const q = f.questions.findIndex((x: { id: string }) => x.id === 'when-money');
    f.questions[q].answers = f.questions[q].answers.filter((a: { stages: string[] }) => !a.stages.includes('undergrad') && !a.stages.includes('postgrad'));
    f.questions[q].answers.push({ stages: ['undergrad', 'postgrad'], text: '国家助学金：{delivery:higher-grant}，评定和公示（{step:publicize}）以后发。' });
    const msg = dataErrorOf(() => validateFaq(f, data, DATE), 'validateFaq');
    expect(msg).toContain('研究生国家助学金」在这个学段不用申请');
    expect(msg).toContain('（学段 postgrad）');
    expect(msg).not.toContain('（学段 undergrad）');
  });
});

describe('the 研究生 cards say what /stages/postgrad/ says of 研究生国家助学金', () => {
  const card = (k: KitStage, id: string) => faqCards(faq, k, data, DATE).find((c) => c.id === id)!.a;
  it('钱什么时候能到: 不用申请, no 评定、公示', () => {
    expect(card('postgrad', 'when-money')).toContain('研究生国家助学金：不用申请');
    expect(card('postgrad', 'when-money')).not.toMatch(/评定|评议|公示/);
  });
  it('要带哪些材料: none for the 助学金, no 认定申请表 or 退伍证', () => {
    const a = card('postgrad', 'documents');
    expect(a).toContain('研究生国家助学金：不用准备材料');
    expect(a).not.toMatch(/认定申请表|资助项目申请表|退伍证/);
  });
  it('民办学校: 研究生’s own name and who, not 本专科’s', () => {
    expect(card('postgrad', 'private')).toContain('研究生国家助学金');
    expect(card('postgrad', 'private')).not.toMatch(/本专科|退役士兵/);
    expect(card('undergrad', 'private')).toContain('本专科生国家助学金');
    expect(card('undergrad', 'private')).not.toMatch(/研究生/);
  });
  it('本专科 documents say whose they are, as the stage page does', () => {
    const a = card('undergrad', 'documents');
    expect(a).toContain('退出现役证明（退伍证）（本专科退役士兵学生才要）');
    expect(a).toContain('《家庭经济困难学生认定申请表》（经认定的本专科家庭经济困难学生才要）');
  });
});

describe('民办 answers follow the school condition of the rule in force (privateSchool)', () => {
  // The data's own school condition (content/subsidies/living-allowance.yaml: in [public], maybe [private])
  // taken out, then `cond` put on the rule (or on the 寄宿生 way alone), so each case stands on its own.
  const withSchool = (cond: object | undefined, onBoarder = false): Dataset => {
    const d = structuredClone(dataset);
    const la = d.subsidies.find((s) => s.id === 'living-allowance')!;
    for (const r of la.rules) {
      r.conditions = r.conditions.filter((c) => c.type !== 'school');
      if (cond) (onBoarder ? r.paths!.find((p) => p.id === 'boarder')!.conditions : r.conditions).push(cond as never);
    }
    return d;
  };
  const privateCard = (d: Dataset) => faqCards(faq, 'compulsory', templateDataOf(d, applySteps), DATE).find((c) => c.id === 'private')!.a;
  const wizard = (d: Dataset) => evaluateWith(d, { stage: 'primary', grade: 3, school: 'private', boarding: 'yes', hukou: 'rural', family: ['dibao'] } as never, { date: DATE }).results.find((r) => r.id === 'living-allowance')!.status;

  it('the data as it is (maybe: [private], FACTS has no national rule for 民办 生活补助): 可能可以 and 请问学校, as the wizard’s 可能可以', () => {
    expect(privateSchool(inForce(dataset.subsidies.find((s) => s.id === 'living-allowance')!.rules, DATE)!).state).toBe('maybe');
    expect(privateCard(dataset)).toContain('生活补助：民办学校的学生可能可以（民办学校的学生能不能拿，全国没有统一的规定，要问学校），能不能拿请问学校');
    expect(wizard(dataset)).toBe('conditional');
  });
  it('no school condition: 不分公办、民办, and the wizard says 可以申请 to a 民办 boarder', () => {
    const d = withSchool(undefined);
    expect(privateSchool(inForce(d.subsidies.find((s) => s.id === 'living-allowance')!.rules, DATE)!)).toEqual({ state: 'none' });
    expect(privateCard(d)).toContain('生活补助：不分公办、民办');
    expect(wizard(d)).toBe('apply');
  });
  it('maybe: [private] with other words: 可能可以 and those words', () => {
    const d = withSchool({ type: 'school', in: ['public'], maybe: ['private'], text: '民办学校的学生能不能拿，各地不同' });
    expect(privateCard(d)).toContain('生活补助：民办学校的学生可能可以（民办学校的学生能不能拿，各地不同），能不能拿请问学校');
    expect(wizard(d)).toBe('conditional');
  });
  it('in: [public] only: 民办学校的学生没有, as the wizard’s 这次不符合', () => {
    const d = withSchool({ type: 'school', in: ['public'] });
    expect(privateCard(d)).toContain('生活补助：民办学校的学生没有');
    expect(wizard(d)).toBe('ineligible');
  });
  it('a school condition on only some ways (寄宿生 only) makes 民办 「可能可以」, as the wizard does for a 民办 boarder', () => {
    const d = withSchool({ type: 'school', in: ['public'], maybe: ['private'] }, true);
    expect(privateCard(d)).toContain('生活补助：民办学校的学生可能可以，能不能拿请问学校');
    expect(wizard(d)).toBe('conditional');
  });
  it('民办园 only if approved (an external condition beside the school one) is 可能可以 with its words', () => {
    const r = privateSchool(inForce(dataset.subsidies.find((s) => s.id === 'preschool-free-year')!.rules, DATE)!);
    expect(r.state).toBe('maybe');
    expect(r.text).toMatch(/教育部门批准设立/);
  });
});
