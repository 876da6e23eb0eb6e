// Several children in one visit (issue 17): the family table cases (test/cases/families/*.yaml), the
// link format (round trip; every one-child link in test/cases opens as before) and invariants over
// generated families (merged checklist, family of one, money).
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';
import { evaluate, formatAnswers, parseAnswers, type Answers } from '../../src/site/evaluate.ts';
import { CHILD_KEYS, MAX_CHILDREN, childAnswers, familyOf, formatFamily, parseFamily, splitAnswers, type Family } from '../../src/rules/family.ts';
import { MONEY_KINDS, evaluateFamily, moneyKind, type FamilyEvaluation } from '../../src/rules/family-eval.ts';
import { applicationMonths, nextStages } from '../../src/rules/calendar.ts';
import { timeline } from '../../src/rules/timeline.ts';
import { moneyLines } from '../../src/islands/wizard/family-view.ts';
import { loadCases } from '../cases/load.ts';
import { SINGLE_FAMILIES, answerSpace } from '../support/answer-space.ts';

interface FamilyCase {
  name: string; date: string | Date; link: string; labels?: string[];
  shared?: Record<string, number[]>; perChild?: string[][]; maybe?: Record<string, number[]>;
  sums?: (number | null)[]; total?: number | null; apart?: Record<string, Record<string, string[]>>;
  maybeResults?: string[][]; unsure?: string[][]; dropped?: number[];
  /** Per child: exactly its application months in the calendar ({ 'YYYY-MM': [subsidy ids] }). */
  months?: Record<string, string[]>[];
  /** The money box's words (src/islands/wizard/family-view.ts moneyLines): exactly these lines under the heading and in 「可能可以」. */
  moneySums?: string[]; moneyMaybe?: string[];
  /** Per child: the note on what of the family's answer was not counted for it (null: none). */
  notes?: (string | null)[];
}
const files = import.meta.glob('../cases/families/*.yaml', { eager: true, import: 'default' }) as Record<string, FamilyCase[]>;
const iso = (d: string | Date) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
/** Which results, in any order: the order is the engine's (src/rules/order.ts), tested with the single-child cases. */
const sorted = (xss: readonly (readonly string[])[]) => xss.map((xs) => [...xs].sort());
const byDoc = (xs: FamilyEvaluation['checklist']['shared']) => Object.fromEntries(xs.map((d) => [d.doc.id, d.children]));

describe('family cases (test/cases/families/)', () => {
  for (const [file, cases] of Object.entries(files)) {
    for (const c of cases) {
      it(`${file.replace('../', 'test/')}: ${c.name}`, () => {
        const parsed = parseFamily(c.link);
        expect(parsed.errors, '第 1 个孩子和全家的回答').toEqual([]);
        expect(parsed.dropped.map((d) => d.index)).toEqual(c.dropped ?? []);
        for (const d of parsed.dropped) expect(d.message).toContain(`第 ${d.index} 个孩子`);
        const fe = evaluateFamily(dataset, regions, parsed.family, { date: iso(c.date) });
        if (c.labels) expect(fe.children.map((k) => k.label)).toEqual(c.labels);
        if (c.shared) expect(byDoc(fe.checklist.shared)).toEqual(c.shared);
        if (c.perChild) expect(fe.checklist.perChild.map((l) => l.map((d) => d.doc.id).sort())).toEqual(c.perChild.map((l) => [...l].sort()));
        if (c.maybe) expect(byDoc(fe.checklist.maybe)).toEqual(c.maybe);
        if (c.sums) expect(fe.children.map((k) => k.money.sum?.total ?? null)).toEqual(c.sums);
        if (c.total !== undefined) expect(fe.money.sum?.total ?? null).toBe(c.total);
        for (const [i, kinds] of Object.entries(c.apart ?? {})) {
          const got = fe.children[Number(i)]!.money.apart;
          for (const [k, ids] of Object.entries(kinds)) expect([...(got[k as keyof typeof got] as string[])].sort(), `孩子 ${i} 的 ${k}`).toEqual([...(ids as string[])].sort());
        }
        if (c.maybeResults) expect(sorted(fe.children.map((k) => k.money.maybe))).toEqual(sorted(c.maybeResults));
        if (c.unsure) expect(sorted(fe.children.map((k) => k.money.unsure))).toEqual(sorted(c.unsure));
        if (c.moneySums) expect(moneyLines(fe).sums).toEqual(c.moneySums);
        if (c.moneyMaybe) expect(moneyLines(fe).maybe).toEqual(c.moneyMaybe);
        if (c.notes) expect(fe.children.map((k) => k.note ?? null)).toEqual(c.notes);
        if (c.months) {
          const got = fe.children.map((_, i) => Object.fromEntries(applicationMonths(fe).flatMap((m) => {
            const ids = m.items.filter((it) => it.child === i).map((it) => it.id).sort();
            return ids.length ? [[m.date.slice(0, 7), ids]] : [];
          })));
          expect(got).toEqual(c.months.map((m) => Object.fromEntries(Object.entries(m).map(([k, ids]) => [k, [...ids].sort()]))));
        }
      });
    }
  }
});

describe('family link format', () => {
  it('names the children past the sixth as the link has them: stage100 is one child, not 「从第 100 个起」', () => {
    const msg = (link: string) => parseFamily(link).dropped.map((d) => d.message);
    expect(msg('stage=primary&grade=1&stage100=junior')).toEqual([`一次最多算 ${MAX_CHILDREN} 个孩子：链接里第 100 个孩子的回答没有加进来。`]);
    expect(msg('stage=primary&stage7=junior&stage8=senior')).toEqual([`一次最多算 ${MAX_CHILDREN} 个孩子：链接里第 7、8 个孩子的回答没有加进来。`]);
    expect(msg('stage=primary&stage7=a&stage8=a&stage9=a&stage10=a')[0]).toContain('第 7、8、9 个等 4 个孩子');
  });
  const oneChildLinks = loadCases().flatMap(([, cs]) => cs.map((c) => c.answers));

  it('every one-child link in test/cases opens exactly as before (same answers, same errors, same canonical link)', () => {
    expect(oneChildLinks.length).toBeGreaterThan(50);
    for (const link of oneChildLinks) {
      const before = parseAnswers(link);
      const now = parseFamily(link);
      expect(now.family.children, link).toHaveLength(1);
      expect(now.dropped).toEqual([]);
      expect(childAnswers(now.family, 0), link).toEqual(before.ok ? before.answers : before.partial);
      expect(now.errors, link).toEqual(before.ok ? [] : before.errors);
      expect(formatFamily(now.family), link).toBe(formatAnswers(before.ok ? before.answers : before.partial));
    }
  });

  it('an unlabelled family of one is written exactly as formatAnswers writes its answers', () => {
    for (const a of answerSpace(SINGLE_FAMILIES, ['rural', 'unknown'])) expect(formatFamily(familyOf(a))).toBe(formatAnswers(a));
  });

  it('round trip: parseFamily(formatFamily(f)) gives f back for generated families of 1–6', () => {
    for (const f of families(400)) {
      const s = formatFamily(f);
      const back = parseFamily(s);
      expect(back.errors, s).toEqual([]);
      expect(back.dropped, s).toEqual([]);
      expect(back.family, s).toEqual(f);
      expect(formatFamily(back.family)).toBe(s);
    }
  });

  it('a child not answered yet stays in the link', () => {
    const f: Family = { shared: { hukou: 'rural' }, children: [{ answers: { stage: 'junior' } }, { answers: {} }] };
    expect(parseFamily(formatFamily(f)).family).toEqual(f);
  });

  it('a malformed child is left out whole, the others stay, and the message (Chinese) names it', () => {
    const r = parseFamily('stage=primary&grade=2&family=dibao&stage2=senior&boarding2=yes&stage3=junior&grade3=1&order3=3&stage4=moon');
    expect(r.family.children.map((c) => c.answers.stage)).toEqual(['primary', 'junior']);
    expect(r.family.children[1]!.order).toBe(3);
    expect(r.dropped.map((d) => d.index)).toEqual([2, 4]);
    expect(r.dropped[0]!.message).toMatch(/^第 2 个孩子的回答看不懂.*boarding2/);
    expect(r.dropped[1]!.message).toMatch(/^第 4 个孩子.*stage4/);
    expect(r.errors).toEqual([]);
  });

  it('a bad label is an error naming the parameter; repeated child parameters drop that child', () => {
    expect(parseFamily('stage=senior&order=9').errors.map((e) => e.field)).toEqual(['order']);
    expect(parseFamily('stage=senior&stage2=junior&stage2=senior').dropped.map((d) => d.index)).toEqual([2]);
  });

  it('two children with one label: the later one goes by its place, and the link says so', () => {
    const r = parseFamily('stage=senior&order=1&stage2=junior&order2=1&stage3=primary&order3=2');
    expect(r.family.children.map((c) => c.order)).toEqual([1, undefined, 2]);
    expect(r.errors.map((e) => e.field)).toEqual(['order2']);
    expect(r.errors[0]!.message).toBe('第 2 个孩子和前面一个孩子都叫「老大」，先叫它「孩子 2」，可以在下面改');
    expect(r.dropped).toEqual([]);
  });

  it('indexed parameters the link form does not have are named, not dropped in silence', () => {
    const r = parseFamily('stage=senior&stage1=junior&grade02=2&hukou2=rural&order0=1&from=singlemessage&stage2=primary');
    expect(r.errors.map((e) => e.field)).toEqual(['stage1', 'grade02', 'hukou2', 'order0']);
    expect(r.errors[0]!.message).toBe(`「stage1」没有读：第 1 个孩子写「stage」，第 2 到 ${MAX_CHILDREN} 个写「stage2」到「stage${MAX_CHILDREN}」`);
    expect(r.errors[2]!.message).toContain('全家只答一次，写「hukou」');
    // What could be read still is: two children, the first a 高中 student, the family's 户口 unanswered.
    expect(r.family.children.map((c) => c.answers.stage)).toEqual(['senior', 'primary']);
    expect(r.family.shared).toEqual({});
  });

  it('children beyond the sixth are not read', () => {
    expect(parseFamily('stage=senior&stage7=junior').family.children).toHaveLength(1);
    expect(MAX_CHILDREN).toBe(6);
  });
});

/** A small seeded generator (mulberry32), so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const space = [...answerSpace(SINGLE_FAMILIES, ['rural', 'town', 'urban', 'unknown'])];
function* families(n: number, seed = 17): Generator<Family> {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  for (let k = 0; k < n; k++) {
    const size = 1 + Math.floor(r() * (k % 3 === 0 ? MAX_CHILDREN : 3));
    const { shared } = splitAnswers(pick(space));
    if (r() < 0.3) shared.region = pick(['510000', '530521', '000000']);
    // Labels as the wizard gives them: each at most once in a family (ChildLabel disables the taken ones).
    const taken = new Set<number>();
    const children = Array.from({ length: size }, () => {
      const { child } = splitAnswers(pick(space));
      const order = 1 + Math.floor(r() * 6);
      const o = r() < 0.4 && !taken.has(order) ? (taken.add(order), { order }) : {};
      return { ...o, answers: child };
    });
    yield { shared, children };
  }
}

describe('invariants over generated families', { timeout: 120_000 }, () => {
  const dates = ['2024-02-28', '2025-03-01', '2026-10-10'];
  const docsOf = (fe: FamilyEvaluation) => {
    const pairs: string[] = [];
    for (const d of [...fe.checklist.shared, ...fe.checklist.maybe, ...fe.checklist.perChild.flat()]) for (const c of d.children) pairs.push(`${d.doc.id}@${c}`);
    return pairs;
  };

  it('the merged checklist is the union of each child’s, each document once, with the right children', () => {
    let checked = 0;
    for (const f of families(300)) {
      for (const date of dates) {
        const fe = evaluateFamily(dataset, regions, f, { date });
        const want = fe.children.flatMap((c, i) => c.evaluation.documents.map((d) => `${d.doc.id}@${i}`));
        const got = docsOf(fe);
        expect(new Set(got).size, '没有重复的（材料, 孩子）').toBe(got.length);
        expect([...got].sort()).toEqual([...want].sort());
        // Shared documents appear once in the whole list; per-student ones once per child.
        const sharedIds = [...fe.checklist.shared, ...fe.checklist.maybe.filter((d) => !d.perStudent)].map((d) => d.doc.id);
        expect(new Set(sharedIds).size).toBe(sharedIds.length);
        for (const d of fe.checklist.maybe) expect(fe.checklist.maybe.filter((x) => x.doc.id === d.doc.id)).toHaveLength(1);
        fe.checklist.perChild.forEach((l, i) => {
          for (const d of l) expect(d.children).toEqual([i]);
          expect(new Set(l.map((d) => d.doc.id)).size).toBe(l.length);
        });
        // 看情况: every pair in `maybe` is a 「可能可以」 item of that child; every shared item is needed for sure by someone.
        const item = (id: string, c: number) => fe.children[c]!.evaluation.documents.find((d) => d.doc.id === id)!;
        for (const d of fe.checklist.maybe) for (const c of d.children) expect(item(d.doc.id, c).maybe).toBe(true);
        for (const d of fe.checklist.shared) expect(d.children.some((c) => !item(d.doc.id, c).maybe)).toBe(true);
        for (const l of fe.checklist.perChild) for (const d of l) expect(item(d.doc.id, d.children[0]!).maybe).toBe(false);
        for (const d of [...fe.checklist.shared, ...fe.checklist.maybe, ...fe.checklist.perChild.flat()])
          for (const n of d.neededFor) expect(n.subsidies).toEqual(item(d.doc.id, n.child).neededFor);
        // 「孩子 1、孩子 3 要」: a number is never run into the word after it (「孩子 3要」).
        for (const d of [...fe.checklist.shared, ...fe.checklist.maybe]) expect(d.forWhom).not.toMatch(/\d[\u4e00-\u9fff]/);
        checked++;
      }
    }
    expect(checked).toBe(900);
  });

  it('a family of one equals today’s single-child result', () => {
    const r = rng(3);
    for (let k = 0; k < 500; k++) {
      const a: Answers = { ...space[Math.floor(r() * space.length)]! };
      if (k % 5 === 0) a.region = '530521';
      const date = dates[k % dates.length]!;
      const fe = evaluateFamily(dataset, regions, familyOf(a), { date });
      const ev = evaluate(a, { date });
      expect(isDeepStrictEqual(fe.children[0]!.evaluation, ev), formatAnswers(a)).toBe(true);
      const sure = [...fe.checklist.shared, ...fe.checklist.perChild[0]!].map((d) => d.doc.id).sort();
      expect(sure).toEqual(ev.documents.filter((d) => !d.maybe).map((d) => d.doc.id).sort());
      expect(fe.checklist.maybe.map((d) => d.doc.id).sort()).toEqual(ev.documents.filter((d) => d.maybe).map((d) => d.doc.id).sort());
      for (const d of [...fe.checklist.shared, ...fe.checklist.maybe]) expect(d.forWhom).toBe('');
    }
  });

  it('no total mixes units, loans, waivers or 「可能可以」; the family total is the sum of the children’s', () => {
    for (const f of families(300, 5)) {
      for (const date of dates) {
        const fe = evaluateFamily(dataset, regions, f, { date });
        let total = 0;
        for (const c of fe.children) {
          const byId = new Map(c.evaluation.results.map((r) => [r.id, r]));
          for (const x of c.money.counted) {
            const r = byId.get(x.id)!;
            expect(['automatic', 'apply']).toContain(r.status);
            expect(r.amount!.unit).toBe('per-year');
            expect(['fixed', 'average']).toContain(r.amount!.basis);
            expect(r.delivery.form).toBe('aid-card');
            expect(r.alternatives.length).toBeLessThanOrEqual(1);
            expect(x.value).toBe(r.amount!.value);
          }
          expect(c.money.sum?.total ?? 0).toBe(c.money.counted.reduce((s, x) => s + x.value, 0));
          // Every result the child may get is in exactly one place: counted, apart, maybe or unsure.
          const placed = [...c.money.counted.map((x) => x.id), ...MONEY_KINDS.flatMap((k) => c.money.apart[k] ?? []), ...c.money.maybe, ...c.money.unsure, ...c.money.over];
          expect(placed.sort()).toEqual(c.evaluation.results.filter((r) => r.status !== 'ineligible').map((r) => r.id).sort());
          for (const id of c.money.maybe) expect(byId.get(id)!.status).toBe('conditional');
          for (const id of c.money.over) expect(byId.get(id)!.timing?.state).toBe('over');
          for (const k of MONEY_KINDS) for (const id of c.money.apart[k] ?? []) expect(moneyKind(byId.get(id)!)).toBe(k);
          expect(c.money.apart.grant).toBeUndefined();
          total += c.money.sum?.total ?? 0;
        }
        expect(fe.money.sum?.total ?? 0).toBe(total);
      }
    }
  });

  it('the calendar lists only results to apply for, in the months their data names, within 12 months', () => {
    for (const f of families(100, 9)) {
      const fe = evaluateFamily(dataset, regions, f, { date: '2026-10-10' });
      for (const m of applicationMonths(fe)) {
        expect(m.date >= '2026-10-01' && m.date < '2027-10-01').toBe(true);
        for (const it of m.items) {
          const r = fe.children[it.child]!.evaluation.results.find((x) => x.id === it.id)!;
          expect(['apply', 'conditional']).toContain(r.status);
          expect(r.months).toContain(m.month);
          expect(it.maybe).toBe(r.status === 'conditional');
        }
      }
    }
  });
});

describe('the next stage in the calendar (calendar.ts nextStages): a 高三 student applies for 大学 in the summer, a 初三 one for 普高 or 中职, a 大班 child for 小学', () => {
  const months = (link: string, date: string) => {
    const f = parseFamily(link).family;
    const fe = evaluateFamily(dataset, regions, f, { date });
    const next = fe.children.map((c) => nextStages(dataset, regions, timeline(dataset, regions, c.answers, { date }), { date }));
    return { plain: applicationMonths(fe), withNext: applicationMonths(fe, 12, next), next };
  };
  const ids = (ms: ReturnType<typeof applicationMonths>) => Object.fromEntries(ms.map((m) => [m.date.slice(0, 7), m.items.map((i) => i.id)]));
  it('in December: 3 月 补报 for 高中, then 7–9 月 生源地贷款 and 7–8 月 新生入学资助 led by 「考上大学（含高职）的话」; no 高中 item after it leaves', () => {
    const { plain, withNext, next } = months('stage=senior&grade=3&school=public&hukou=rural&family=tuopin&region=000000', '2026-12-04');
    expect(next[0]!.map((n) => n.note)).toEqual(['考上大学（含高职）的话']);
    expect(Object.keys(ids(plain))).toEqual(['2027-03']);
    const got = ids(withNext);
    expect(got['2027-03']).toEqual(ids(plain)['2027-03']);
    for (const m of ['2027-07', '2027-08', '2027-09']) expect(got[m], m).toContain('student-loan');
    for (const m of ['2027-07', '2027-08']) expect(got[m], m).toContain('freshman-aid');
    for (const m of withNext.filter((x) => x.month >= 6)) {
      expect(m.items.every((i) => i.next === '考上大学（含高职）的话'), m.date).toBe(true);
      expect(m.items[0]!.name.startsWith('考上大学（含高职）的话：'), m.date).toBe(true);
      expect(m.items.slice(1).some((i) => i.name.startsWith('考上')), m.date).toBe(false);
      expect(m.items.map((i) => i.id)).not.toContain('senior-grant');
    }
  });
  it('in August of the leaving year: this summer\'s 大学 months only, not the next summer\'s 新生入学资助', () => {
    const { withNext } = months('stage=senior&grade=3&school=public&hukou=rural&family=tuopin&region=000000', '2027-08-10');
    const got = ids(withNext);
    expect(got['2027-08']).toEqual(expect.arrayContaining(['student-loan', 'freshman-aid']));
    expect(Object.keys(got).filter((k) => k >= '2028-06')).toEqual([]);
  });
  it('a child going from 初三 has two ways: next 9 月 lists each way\'s applications, each led by its condition; 初中 items stop when it leaves', () => {
    const junior = months('stage=junior&grade=3&school=public&boarding=yes&hukou=rural&family=tuopin&region=000000', '2026-12-04');
    expect(junior.next[0]!.map((n) => [n.note, n.year])).toEqual([['上普通高中的话', 2027], ['上中职的话', 2027]]);
    const sep = junior.withNext.find((m) => m.date === '2027-09-01')!;
    expect(sep.items.map((i) => [i.next, i.id])).toEqual(expect.arrayContaining([['上普通高中的话', 'senior-grant'], ['上中职的话', 'vocational-grant']]));
    for (const way of ['上普通高中的话', '上中职的话']) {
      const own = sep.items.filter((i) => i.next === way);
      expect(own[0]!.name.startsWith(`${way}：`), way).toBe(true);
      expect(own.slice(1).some((i) => i.name.includes('的话：')), way).toBe(false);
    }
    expect(sep.items.some((i) => !i.next)).toBe(false);
    // Before it leaves, the calendar is as without the next stage.
    expect(junior.withNext.filter((m) => m.month < 6 && m.year === 2027)).toEqual(junior.plain.filter((m) => m.month < 6 && m.year === 2027));
  });
  it('a 大班 child: next 9 月 holds 小学\'s applications 「升入小学一年级后」, as 「可能可以」 where 住校 is not known yet', () => {
    const pre = months('stage=preschool&grade=3&school=public&hukou=rural&family=dibao&region=000000', '2026-12-04');
    expect(pre.next[0]!.map((n) => n.note)).toEqual(['升入小学一年级后']);
    const sep = pre.withNext.find((m) => m.date === '2027-09-01')!;
    expect(sep.items.map((i) => i.id)).toContain('living-allowance');
    expect(sep.items[0]!.name.startsWith('升入小学一年级后：')).toBe(true);
    expect(sep.items.every((i) => i.next === '升入小学一年级后')).toBe(true);
    expect(sep.items.find((i) => i.id === 'living-allowance')!.maybe).toBe(true);
  });
  it('a 高二 student leaves after the calendar\'s 12 months: the calendar is unchanged', () => {
    const senior2 = months('stage=senior&grade=2&school=public&hukou=rural&family=tuopin&region=000000', '2026-12-04');
    expect(senior2.next[0]![0]?.year).toBe(2028);
    expect(senior2.withNext).toEqual(senior2.plain);
  });
  it('本专科 has no next stage', () => {
    expect(months('stage=undergrad&grade=4&school=public&hukou=rural&family=tuopin&veteran=no&region=000000', '2026-12-04').next[0]).toEqual([]);
  });
});

describe('data: application months', () => {
  it('every month a window takes applications in is named in that window’s words, and no subsidy says when twice', () => {
    const windowed = dataset.subsidies.filter((s) => s.windows.length);
    expect(windowed.length).toBeGreaterThan(3);
    for (const s of windowed) {
      expect(s.apply.when, `${s.id}: apply.when beside windows`).toBeUndefined();
      for (const w of s.windows) {
        const named = new Set<number>();
        for (const m of w.text.matchAll(/(\d{1,2})(?:[–-](\d{1,2}))?\s*月/g)) {
          const a = Number(m[1]);
          const b = m[2] ? Number(m[2]) : a;
          for (let x = a; x <= b; x++) named.add(x);
        }
        expect([...w.months].sort((x, y) => x - y), `${s.id} ${w.from}`).toEqual([...named].sort((x, y) => x - y));
      }
    }
  });
});

describe('the saved image (存成图片)', () => {
  // Each character 10 wide, lines of at most 50: 「；」「，」「）」 hang at the end of a line, 「（」 moves down.
  const measure = (t: string) => Array.from(t).length * 10;
  const wrapCases: [string, string, string[]][] = [
    ['a 「；」 that would start a line stays on the line before', '一二三四五；六七', ['一二三四五；', '六七']],
    ['so does 「，」, and a 「）」 after it', '一二三四五，）六', ['一二三四五，）', '六']],
    ['a 「（」 at the end of a full line goes down with what it opens', '一二三四（五）', ['一二三四', '（五）']],
    ['a line that fits is not touched', '一二三；四', ['一二三；四']],
  ];
  for (const [what, text, want] of wrapCases)
    it(`wraps text: ${what}`, async () => {
      const { wrapText } = await import('../../src/islands/wizard/family-image.ts');
      const lines = wrapText(measure, text, 50);
      expect(lines).toEqual(want);
      for (const l of lines) expect(l).not.toMatch(/^[，。；：、）」』！？]/);
    });

  // A 大一 in December: 绿色通道 and 新生入学资助 are over, the loan's window comes back in July. The
  // image the family keeps must say so, as the screen does, not list them as 可以申请 / 可能可以.
  it('puts what this year\'s window has passed last, with when, never as 可以申请; a window with another route or unconfirmed months is not passed', async () => {
    const { imageBlocks } = await import('../../src/islands/wizard/family-image.ts');
    const p = parseFamily('stage=senior&grade=2&school=private&hukou=urban&family=dibao&region=510000&stage2=undergrad&grade2=1&school2=public&veteran2=no&order2=1');
    expect(p.errors).toEqual([]);
    const fe = evaluateFamily(dataset, regions, p.family, { date: '2026-12-02' });
    const lines = imageBlocks({ fe, timelines: [], months: [] }).map((b) => b.text);
    // The status words are the glossary's, as on the screen.
    expect(lines).toContainEqual(expect.stringMatching(/^【可以申请】普通高中国家助学金/));
    expect(lines.filter((l) => /^【(可以申请|可能可以|自动享受)】入学「绿色通道」/.test(l))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^【申请时间已过】入学「绿色通道」.*：只在刚考上、入学的时候申请.*已经过了$/));
    // Windows that are not the whole story (校园地贷款 按学校通知; 新生入学资助's unconfirmed 7–8 月) are not 已过.
    expect(lines.filter((l) => /^【申请时间已过】(国家助学贷款|新生入学资助)/.test(l))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^【可以申请】国家助学贷款/));
    expect(lines).toContainEqual(expect.stringMatching(/^【可能可以】新生入学资助项目/));
    // Still possible this year: listed as before.
    expect(lines).toContainEqual(expect.stringMatching(/^【可以申请】普通高中国家助学金/));
  });
});
