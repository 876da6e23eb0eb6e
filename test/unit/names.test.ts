/**
 * A subsidy's name, summary and notes on a face about one stage or several (src/rules/names.ts), on the
 * data in content/: 国家助学金（本专科生、研究生） is 本专科生国家助学金 on a 本专科 face.
 */
import { describe, expect, it } from 'vitest';
import { nameFor, notesFor, summaryFor } from '../../src/rules/names.ts';
import { dataset } from '../../src/data/index.ts';

const grant = dataset.subsidies.find((s) => s.id === 'higher-grant')!;
const loan = dataset.subsidies.find((s) => s.id === 'student-loan')!;

describe('names by stage', () => {
  const table: [string, typeof grant, Parameters<typeof nameFor>[1], string][] = [
    ['a 本专科 face says 本专科生国家助学金', grant, ['undergrad'], '本专科生国家助学金'],
    ['a 研究生 face says 研究生国家助学金', grant, ['postgrad'], '研究生国家助学金'],
    ['a face about both keeps the official name', grant, ['undergrad', 'postgrad'], '国家助学金（本专科生、研究生）'],
    ['no stage means every stage: the official name', grant, undefined, '国家助学金（本专科生、研究生）'],
    ['a subsidy without stage names keeps its name on a one-stage face', loan, ['undergrad'], loan.name],
  ];
  for (const [what, s, stages, want] of table) it(what, () => expect(nameFor(s, stages)).toBe(want));

  it('a one-stage summary speaks of that stage only', () => {
    expect(summaryFor(grant, ['undergrad'])).not.toMatch(/研究生/);
    expect(summaryFor(grant, ['postgrad'])).not.toMatch(/本专科/);
    expect(summaryFor(grant, ['undergrad', 'postgrad'])).toBe(grant.summary);
  });

  it('a note on 研究生 alone is on 研究生 faces and on faces about every stage, not on the 本专科 page', () => {
    const pg = grant.forStage!.postgrad!.notes!;
    expect(pg.length).toBeGreaterThan(0);
    for (const n of pg) {
      expect(notesFor(grant, ['postgrad'])).toContain(n);
      expect(notesFor(grant)).toContain(n);
      expect(notesFor(grant, ['undergrad'])).not.toContain(n);
    }
    for (const n of grant.notes) expect(notesFor(grant, ['undergrad'])).toContain(n);
  });
});

describe('a stage page says who and what to bring for its own stage (views.ts whoFor, documentNeeds)', () => {
  const rule = grant.rules[grant.rules.length - 1]!;
  it('研究生: who is the 研究生 way only, and nothing to bring (the grant comes without applying)', async () => {
    const { whoFor, documentNeeds } = await import('../../src/rules/views.ts');
    expect(whoFor(rule, ['postgrad'])).toBe(rule.paths!.find((p) => p.id === 'postgrad')!.label);
    expect(whoFor(rule, ['postgrad'])).not.toMatch(/本专科/);
    expect(documentNeeds(dataset, grant, ['postgrad'])).toEqual([]);
  });
  it('本专科: the two 本专科 ways; the 退伍证 says only 退役士兵 need it, the form every way needs says nothing', async () => {
    const { whoFor, documentNeeds } = await import('../../src/rules/views.ts');
    expect(whoFor(rule, ['undergrad'])).not.toMatch(/研究生/);
    const docs = documentNeeds(dataset, grant, ['undergrad']);
    expect(docs.find((d) => d.doc.id === 'discharge-cert')?.ways).toBe('本专科退役士兵学生');
    expect(docs.find((d) => d.doc.id === 'grant-form')?.ways).toBe('');
    expect(docs.map((d) => d.doc.id)).toContain('dibao-cert');
  });
  it('a face about every stage keeps the rule\'s own sentence and every document', async () => {
    const { whoFor, documentNeeds } = await import('../../src/rules/views.ts');
    expect(whoFor(rule)).toBe(rule.who);
    expect(documentNeeds(dataset, grant).length).toBe(grant.documents.length);
  });
});

describe('怎么办 and the local note by stage (names.ts howFor, localNoteFor): the stage page and a child\'s result say the same, of that stage only', () => {
  it('for every subsidy and stage, the view model and the engine agree, and a one-stage face never speaks of the other stage', async () => {
    const { subsidyView } = await import('../../src/rules/views.ts');
    const { evaluate } = await import('../../src/site/evaluate.ts');
    const { howFor, localNoteFor } = await import('../../src/rules/names.ts');
    const other = { undergrad: /研究生/, postgrad: /本专科/ } as Record<string, RegExp>;
    let checked = 0;
    for (const s of dataset.subsidies) {
      for (const st of s.stages) {
        const v = subsidyView(dataset, dataset, s.id, [st], '2026-10-10');
        expect(v.apply.how, `${s.id} ${st}`).toBe(howFor(s, [st]));
        expect(v.localNote, `${s.id} ${st}`).toBe(localNoteFor(s, [st]));
        const r = evaluate({ stage: st }, { date: '2026-10-10' }).results.find((x) => x.id === s.id);
        if (r) {
          expect(r.apply.how, `${s.id} ${st}`).toBe(v.apply.how);
          expect(r.localNote, `${s.id} ${st}`).toBe(v.localNote);
        }
        if (s.forStage?.[st]?.how && other[st]) expect(v.apply.how, `${s.id} ${st}`).not.toMatch(other[st]!);
        if (s.forStage?.[st]?.localNote && other[st]) expect(v.localNote, `${s.id} ${st}`).not.toMatch(other[st]!);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    // 国家助学金: 研究生 do not apply, 本专科退役士兵 need no 认定
    expect(howFor(grant, ['postgrad'])).toMatch(/^不用申请/);
    expect(howFor(grant, ['undergrad'])).toMatch(/退役士兵学生全部享受，不用认定/);
    expect(howFor(grant, ['undergrad', 'postgrad'])).toBe(grant.apply.how);
  });
});
