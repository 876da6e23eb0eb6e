// Figures in prose come from data (README: 金额等数字不写在正文里). This test finds every 「数字 + 元」
// typed into the MDX pages (content/pages/**), into a subsidy's `summary` and `localNote`, and into
// the `note` of its amounts and its `notes`:
// - MDX, summary, localNote: no figure at all (components and the amount lines show them);
// - notes: a figure must be one of the subsidy's own structured figures (value, range, tiers, floor,
//   cap, per-semester amount), so a note can explain a figure but never bring its own.
// Also: a history entry starting on the placeholder day 2022-01-01 says it is only where this site's
// records begin (`recordedFrom`), so tables never show a false start; windows that follow the 认定 step
// have that step's months.
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index.ts';
import { applySteps } from '../../src/data/steps.ts';
import type { Subsidy } from '../../src/schema/index.ts';

const pages = import.meta.glob('../../content/pages/**/*.mdx', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

/** 「15000 元」「1.5 万元」「2500–5000 元」「12 元/小时」: the numbers before 元. */
export function yuanFigures(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*(万)?\s*元/g)) {
    const scale = m[3] ? 10000 : 1;
    for (const n of [m[1], m[2]]) if (n) out.push(String(Number(n) * scale));
  }
  return out;
}

/** Prose of an MDX page: front matter and component tags removed (their output comes from data). */
const prose = (mdx: string) => mdx.replace(/^---[\s\S]*?---/, '').replace(/<[A-Z][\s\S]*?\/>/g, ' ');

function structured(s: Subsidy): Set<string> {
  const xs = s.amounts.flatMap((a) => [
    a.value, a.range?.min, a.range?.max, ...(a.tiers ?? []), a.floor?.value, a.cap,
    a.value !== undefined && a.instalments ? a.value / a.instalments : undefined,
  ]);
  return new Set(xs.filter((x): x is number => typeof x === 'number').map(String));
}

describe('figures in prose come from data', () => {
  it('the detector finds typed figures (so this test can fail)', () => {
    expect(yuanFigures('地方高校不低于中央高校的 15000 元')).toEqual(['15000']);
    expect(yuanFigures('各地在 1200–3500 元之间，约 1.5 万元')).toEqual(['1200', '3500', '15000']);
    expect(yuanFigures('<Amount id="x" /> 元')).toEqual([]);
    expect(prose('---\ntitle: x\n---\n中央高校是 <Amount id="higher-grant" />，地方 13000 元')).toContain('13000 元');
  });

  it('MDX pages type no 「数字 + 元」', () => {
    expect(Object.keys(pages).length).toBeGreaterThan(5);
    const bad = Object.entries(pages).flatMap(([p, t]) => yuanFigures(prose(t)).map((n) => `${p.replace(/^(\.\.\/)+/, '')}: ${n} 元`));
    expect(bad).toEqual([]);
  });

  it('no subsidy summary or localNote types a figure', () => {
    const bad = dataset.subsidies.flatMap((s) => [
      ...yuanFigures(s.summary).map((n) => `${s.id}.summary: ${n} 元`),
      ...yuanFigures(s.localNote ?? '').map((n) => `${s.id}.localNote: ${n} 元`),
    ]);
    expect(bad).toEqual([]);
  });

  it('every figure in a note is one of the subsidy\'s own structured figures', () => {
    const bad = dataset.subsidies.flatMap((s) => {
      const known = structured(s);
      const notes = [...s.amounts.map((a, i) => [`amounts[${i}].note`, a.note ?? ''] as const), ...s.notes.map((n, i) => [`notes[${i}]`, n] as const)];
      return notes.flatMap(([where, t]) => yuanFigures(t).filter((n) => !known.has(n)).map((n) => `content/subsidies/${s.id}.yaml: ${where}: ${n} 元不是本项目数据里的数字`));
    });
    expect(bad).toEqual([]);
  });

  it('history entries on the placeholder day 2022-01-01 say they are only where the records begin', () => {
    const bad = dataset.subsidies.flatMap((s) => [
      ...s.amounts.map((a, i) => [`amounts[${i}]`, a] as const),
      ...s.rules.map((r, i) => [`rules[${i}]`, r] as const),
    ].filter(([, e]) => e.from === '2022-01-01' && !e.recordedFrom && (e as { introduced?: boolean }).introduced !== true).map(([w]) => `${s.id}: ${w}`));
    expect(bad).toEqual([]);
  });

  it('windows that follow the 认定 step have its months, and every subsidy one applies for has a window or says why not', () => {
    const apply = applySteps.find((s) => s.id === 'apply')!;
    expect(apply.months).toBeTruthy();
    for (const s of dataset.subsidies) for (const w of s.windows) if (w.step === 'apply') expect(w.months, s.id).toEqual(apply.months);
    // No fixed window on purpose: 服兵役 (征兵时), 基层就业 (毕业后), 勤工助学 (每学期按岗位).
    const noWindow = new Set(['military-aid', 'grassroots-compensation', 'work-study']);
    expect(dataset.subsidies.filter((s) => s.grant === 'apply' && !s.windows.length && !noWindow.has(s.id)).map((s) => s.id)).toEqual([]);
  });
});
