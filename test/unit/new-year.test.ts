// 孩子升级了吗 (src/rules/new-year.ts, the link's `year=` in src/rules/family.ts): the table cases in
// test/cases/new-year/, the school year of a day, and the link's year read and written.
import { describe, expect, it } from 'vitest';
import { familyOf, formatFamily, parseFamily, schoolYear, type Family } from '../../src/rules/family.ts';
import { newYear } from '../../src/rules/new-year.ts';
import { answerSpace } from '../support/answer-space.ts';

/** Every stage, grade and school answer (one family situation, two 户口), as families of one, and a half-answered one. */
const ONE_CHILD: Family[] = [...[...answerSpace([['dibao']], ['rural', 'urban'])].map(familyOf), familyOf({ stage: 'senior' }), familyOf({})];

interface YearCase { name: string; link: string; years: number; moves: string[]; now: string }
const files = import.meta.glob('../cases/new-year/*.yaml', { eager: true, import: 'default' }) as Record<string, YearCase[]>;

describe('孩子升级了吗 cases (test/cases/new-year/)', () => {
  for (const [file, cases] of Object.entries(files)) {
    for (const c of cases) {
      it(`${file.replace('../', 'test/')}: ${c.name}`, () => {
        const parsed = parseFamily(c.link);
        expect(parsed.errors).toEqual([]);
        const { family, moves } = newYear(parsed.family, c.years);
        expect(moves.map((m) => `${m.from} → ${m.to ?? `${m.done}毕业，？`}${m.unsure ? '（可能已毕业）' : ''}`)).toEqual(c.moves);
        expect(formatFamily(family)).toBe(c.now);
        // Labels stay with their children.
        expect(family.children.map((k) => k.order)).toEqual(parsed.family.children.map((k) => k.order));
      });
    }
  }
});

describe('the school year', () => {
  it.each([
    ['2026-08-31', 2025],
    ['2026-09-01', 2026],
    ['2026-12-05', 2026],
    ['2027-01-15', 2026],
    ['2027-06-30', 2026],
  ])('%s is in the school year that started in the autumn of %i', (day, year) => {
    expect(schoolYear(day)).toBe(year);
  });
});

describe('the link carries the school year of its grades', () => {
  it('writes year= after every answer when a child has a grade, and not before', () => {
    const one = parseFamily('stage=senior&grade=2&hukou=rural').family;
    expect(formatFamily(one, 2026)).toBe('stage=senior&grade=2&hukou=rural&year=2026');
    expect(formatFamily(parseFamily('stage=senior').family, 2026)).toBe('stage=senior');
    expect(formatFamily(one)).toBe('stage=senior&grade=2&hukou=rural');
  });
  it('reads it back, and 0 from a link made before it was written', () => {
    expect(parseFamily('stage=senior&grade=2&year=2025')).toMatchObject({ year: 2025, errors: [] });
    expect(parseFamily('stage=senior&grade=2').year).toBe(0);
  });
  it.each(['year=abc', 'year=25', 'year=2025&year=2026', 'year=1999'])('says in Chinese that %s cannot be read, and keeps the answers', (y) => {
    const r = parseFamily(`stage=senior&grade=2&${y}`);
    expect(r.year).toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.field).toBe('year');
    expect(r.errors[0]!.message).toMatch(/^「year」看不懂.*哪一学年/);
    expect(r.family.children[0]!.answers).toEqual({ stage: 'senior', grade: 2 });
  });
  it('round-trips every one-child answer set with its year', () => {
    for (const f of ONE_CHILD) {
      const text = formatFamily(f, 2026);
      const back = parseFamily(text);
      expect(formatFamily(back.family, back.year)).toBe(text);
      expect(back.year).toBe(f.children[0]!.answers.grade ? 2026 : 0);
    }
  });
});

describe('invariants over every one-child answer set', () => {
  it('one year on: a child keeps its stage with grade + 1, or moves to the first grade of the next stage, or is asked its stage again; shared answers stay', () => {
    for (const f of ONE_CHILD) {
      const a = f.children[0]!.answers;
      const { family, moves } = newYear(f, 1);
      expect(family.shared).toEqual(f.shared);
      const b = family.children[0]!.answers;
      if (!a.stage || !a.grade) {
        expect(moves).toEqual([]);
        continue;
      }
      expect(moves).toHaveLength(1);
      if (!moves[0]!.to) expect(b).toEqual({});
      else if (b.stage === a.stage) expect(b).toEqual({ ...a, grade: a.grade + 1 });
      else expect(b.grade).toBe(1);
    }
  });
});
