/**
 * Poster content (src/components/posters/content.ts) and the builder's hash state
 * (src/components/posters/types.ts): what a poster lists comes from the data and the engine.
 */
import { describe, expect, it } from 'vitest';
import { subsidyView } from '../../src/rules/views.ts';
import { posterStages } from '../../src/rules/stages.ts';
import { applyNone } from '../../src/rules/timing.ts';
import { evaluate, inForce, parseAnswers, type Stage } from '../../src/site/evaluate.ts';
import { dataset, dataAsOf } from '../../src/data/index.ts';
import { formatAmount, LOCAL } from '../../src/lib/format.ts';
import { posterContent, POSTER_STAGES, shortAmount, targetPath } from '../../src/components/posters/content.ts';
import {
  BUILDER_SLUGS, DEFAULT_STATE, formatBuilderHash, parseBuilderHash, READY_LETTERS, READY_POSTERS, SCHOOL_MAX, type PosterSlug,
} from '../../src/components/posters/types.ts';

const DATE = '2026-11-29';

describe('poster content', () => {
  it.each(BUILDER_SLUGS.filter((s) => s !== 'general'))('%s lists exactly the subsidies the engine has for its stages, in force on the day', (slug) => {
    const c = posterContent(slug, DATE);
    const ids = new Set(POSTER_STAGES[slug].flatMap((stage) => evaluate({ stage }, { date: DATE }).results
      .filter((r) => !r.missed.some((m) => m.includes('起实施')))
      .map((r) => r.id)));
    expect(new Set(c.rows.map((r) => r.id))).toEqual(ids);
    expect(c.rows.length).toBeGreaterThan(0);
    expect(c.dataAsOf).toBe(dataAsOf);
    expect(c.date).toBe(DATE);
  });

  it('leaves out a subsidy whose rules are not in force yet (学前一年免保育教育费 before 2025-09-01)', () => {
    expect(posterContent('preschool', '2025-08-31').rows.map((r) => r.id)).not.toContain('preschool-free-year');
    expect(posterContent('preschool', '2025-09-01').rows.map((r) => r.id)).toContain('preschool-free-year');
  });

  it('shows the amount in force on the day, with its unit, worded like the rest of the site', () => {
    const grant = dataset.subsidies.find((s) => s.id === 'senior-grant')!;
    for (const date of ['2024-10-01', DATE]) {
      const row = posterContent('senior', date).rows.find((r) => r.id === 'senior-grant')!;
      const line = inForce(grant.amounts, date)!;
      expect(row.amounts).toEqual([{ text: formatAmount(line) }]);
      expect(row.amounts[0]!.text).toContain(`${line.value} 元/年`);
      expect(row.local).toBe(true);
      expect(row.statusTerm).toBe('可以申请');
    }
  });

  it('labels the lines when they differ (寄宿生/走读生, 硕士/博士) and keeps only lines of the stage', () => {
    const compulsory = posterContent('compulsory', DATE).rows.find((r) => r.id === 'living-allowance')!;
    expect(compulsory.amounts.map((a) => a.label)).toEqual(['小学寄宿生', '小学走读生', '初中寄宿生', '初中走读生']);
    const junior = posterContent('junior', DATE).rows.find((r) => r.id === 'living-allowance')!;
    expect(junior.amounts.map((a) => a.label)).toEqual(['初中寄宿生', '初中走读生']);
    expect(junior.short).toBe('750–1500 元/年');
    const postgrad = posterContent('postgrad', DATE).rows.find((r) => r.id === 'national-scholarship')!;
    expect(postgrad.amounts.map((a) => a.label)).toEqual(['硕士研究生', '博士研究生']);
    const undergrad = posterContent('undergrad', DATE).rows.find((r) => r.id === 'national-scholarship')!;
    expect(undergrad.amounts).toHaveLength(1);
    expect(undergrad.amounts[0]!.label).toBeUndefined();
  });

  it('marks local figures 以当地公布为准 and words each status with its glossary term', () => {
    for (const slug of READY_POSTERS.filter((s) => s !== 'general')) {
      for (const r of posterContent(slug, DATE).rows) {
        const s = dataset.subsidies.find((x) => x.id === r.id)!;
        expect(r.local, r.id).toBe(s.setLocally || s.amounts.some((a) => a.basis === 'local'));
        // The status itself is checked against the whole answer space in test/unit/one-reading.test.ts.
        const term = (st: string) => dataset.glossary.find((g) => g.kind === 'status' && g.id === st)!.term;
        const ways = subsidyView(dataset, undefined, r.id, posterStages(slug), DATE).ways;
        expect(r.statusTerm, r.id).toBe(ways.length ? ways.map((w) => term(w.status)).join('或') : term(r.status));
        // Where, as the engine words it: the data's place, or 「不用申请，…会办理」 where no way of these stages applies.
        const v = subsidyView(dataset, undefined, r.id, posterStages(slug), DATE);
        expect(r.where).toBe(v.applies ? s.apply.where : applyNone(s.apply.where));
      }
    }
    expect(LOCAL).toBe('以当地公布为准');
    // 中职免学费: 农村学生 automatic, 城市困难学生 apply; the poster must not say 「自动享受」 alone.
    expect(posterContent('vocational', DATE).rows.find((r) => r.id === 'vocational-fee-waiver')!.statusTerm).toBe('自动享受或可以申请');
  });

  it('gives a card one figure: a single line as is, the span of fixed lines, the top of up-to lines', () => {
    const loan = posterContent('undergrad', DATE).rows.find((r) => r.id === 'student-loan')!;
    expect(loan.short).toBe(loan.amounts[0]!.text);
    const line = (basis: 'fixed' | 'up-to' | 'average', value: number) => ({ basis, unit: 'per-year' as const, value, confidence: 'high' as const });
    expect(shortAmount([line('fixed', 625), line('fixed', 1500)])).toBe('625–1500 元/年');
    expect(shortAmount([line('average', 2300), line('average', 2300)])).toBe('2300 元/年（平均标准）');
    expect(shortAmount([line('up-to', 20000), line('up-to', 25000)])).toBe('每年最高 25000 元');
    expect(shortAmount([{ ...line('fixed', 6000), confidence: 'medium' }])).toBe('6000 元/年（未确认）');
    expect(shortAmount([])).toBe('');
  });

  it('never tells a 民办 family 「全免」 on a card: waivers with 公办 and 民办 lines say both', () => {
    const waiver = (waives?: 'public-standard') => ({ basis: 'waiver' as const, unit: 'none' as const, confidence: 'high' as const, ...(waives && { waives }) });
    expect(shortAmount([waiver(), waiver('public-standard')])).toBe('公办全免；民办按公办标准免');
    expect(shortAmount([waiver()])).toBe('全免，不用交');
    for (const slug of ['compulsory', 'preschool'] as const) {
      for (const r of posterContent(slug, DATE).rows) {
        if (r.amounts.some((a) => /民办/.test(a.text) || /民办/.test(a.label ?? ''))) expect(r.short, `${slug} ${r.id}`).not.toBe('全免，不用交');
      }
    }
    const fee = posterContent('compulsory', DATE).rows.find((r) => r.id === 'compulsory-fee-waiver')!;
    expect(fee.short).toBe('公办全免；民办按公办标准免');
    const pre = posterContent('preschool', DATE).rows.find((r) => r.id === 'preschool-free-year')!;
    expect(pre.short).toBe('公办全免；民办按公办标准免');
  });

  it('says when to apply on the letter as the wizard says it, and never for what nobody applies for', () => {
    let withWhen = 0;
    for (const slug of READY_LETTERS) {
      for (const r of posterContent(slug, DATE).rows) {
        if (r.where.startsWith('不用申请')) {
          expect(r.when, `${slug} ${r.id}`).toBeUndefined();
          continue;
        }
        expect(r.when, `${slug} ${r.id}`).toBeTruthy();
        withWhen++;
        // The same words as the wizard's 「申请时间」 for a child of one of the letter's stages.
        const said = POSTER_STAGES[slug].map((stage) => evaluate({ stage }, { date: DATE }).results.find((x) => x.id === r.id)?.apply.when);
        expect(said, `${slug} ${r.id}`).toContain(r.when);
      }
    }
    expect(withWhen).toBeGreaterThan(10);
    // 生活补助: September, and March for who missed it.
    const living = posterContent('compulsory', DATE).rows.find((r) => r.id === 'living-allowance');
    expect(living?.when).toMatch(/9 月.*3 月/);
  });

  it('the general poster has a box for every stage, with the names of its subsidies', () => {
    const c = posterContent('general', DATE);
    expect(c.rows).toEqual([]);
    expect(c.groups.map((g) => g.slug)).toEqual(READY_POSTERS.filter((s) => s !== 'general'));
    for (const g of c.groups) expect(g.names).toEqual(posterContent(g.slug, DATE).rows.map((r) => r.name));
  });
});

describe('QR targets', () => {
  it('lead to the wizard pre-set to the stage, in the public answer vocabulary', () => {
    for (const slug of ['preschool', 'primary', 'junior', 'senior', 'vocational', 'undergrad', 'postgrad'] as const) {
      const path = targetPath(slug);
      expect(path).toMatch(/^\/check\/#/);
      const parsed = parseAnswers(path.slice(path.indexOf('#')));
      expect(parsed).toEqual({ ok: true, answers: { stage: slug as Stage } });
    }
  });
  it('lead 义务教育 (小学 or 初中) and the general poster to the wizard start', () => {
    expect(targetPath('compulsory')).toBe('/check/');
    expect(targetPath('compulsory', '510000')).toBe('/check/#region=510000');
    expect(targetPath('general')).toBe('/check/');
  });
  it('exist as ready posters and letters for every stage page', () => {
    expect([...READY_POSTERS]).toEqual(['general', 'preschool', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad']);
    expect([...READY_LETTERS]).toEqual(['preschool', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad']);
  });
});

describe('builder hash', () => {
  it('round-trips every field, with Chinese text, spaces and symbols', () => {
    const state = { school: '某某县第一中学 (东校区) & 分校', phone: '0000-1234567 转 8', office: '县学生资助管理中心#3楼', stage: 'senior' as PosterSlug, format: 'cards' as const };
    const hash = formatBuilderHash(state);
    expect(hash).not.toContain('+');
    expect(parseBuilderHash(`#${hash}`)).toEqual({ state, errors: [] });
  });
  it('leaves empty fields out of the link', () => {
    expect(formatBuilderHash(DEFAULT_STATE)).toBe('stage=general&format=a4');
    expect(formatBuilderHash({ ...DEFAULT_STATE, school: '  ', stage: 'junior', format: 'letter' })).toBe('stage=junior&format=letter');
  });
  it('reads the documented example link', () => {
    const { state, errors } = parseBuilderHash('#school=%E6%9F%90%E6%9F%90%E4%B8%AD%E5%AD%A6&phone=0000-1234567&office=%E8%B5%84%E5%8A%A9%E5%8A%9E&stage=senior&format=a4');
    expect(errors).toEqual([]);
    expect(state).toEqual({ school: '某某中学', phone: '0000-1234567', office: '资助办', stage: 'senior', format: 'a4' });
  });
  it('falls back to the defaults for an unknown stage or format and says so in Chinese', () => {
    const { state, errors } = parseBuilderHash('#stage=kindergarten&format=a5&utm_source=x');
    expect(state).toEqual(DEFAULT_STATE);
    expect(errors).toEqual(['链接里的学段「kindergarten」不认识，先用「所有学段」。', '链接里的版式「a5」不认识，先用「A4 海报」。']);
  });
  it('does not repeat Chinese text or long strings from a crafted link in its messages', () => {
    const { errors } = parseBuilderHash(`#stage=${encodeURIComponent('助学金已到账请加微信')}&format=${'x'.repeat(300)}`);
    expect(errors).toEqual(['链接里的学段不认识，先用「所有学段」。', '链接里的版式不认识，先用「A4 海报」。']);
  });
  it('cuts an over-long school name to the limit and says so', () => {
    const { state, errors } = parseBuilderHash(`#school=${encodeURIComponent('长'.repeat(SCHOOL_MAX + 5))}`);
    expect([...state.school]).toHaveLength(SCHOOL_MAX);
    expect(errors).toEqual([`链接里的学校名称太长，只保留了前 ${SCHOOL_MAX} 个字。`]);
  });
  it('drops control characters and squeezes spaces', () => {
    expect(parseBuilderHash('#school=%0A%E6%9F%90%20%20%E6%A0%A1%09').state.school).toBe('某 校');
  });
});
