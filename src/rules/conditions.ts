/**
 * Tri-state evaluation of the closed condition registry (src/schema `Condition`) against answers,
 * with the Chinese wording of each outcome. Wording for answer values comes from the glossary
 * (content/glossary.yaml), so a term is written once.
 */
import type { Condition, GlossaryEntry } from '../schema/index.ts';
import { gradeName, stageName, type Answers } from './answers.ts';

export type State = 'met' | 'missed' | 'unknown';

export interface Outcome {
  state: State;
  /** One phrase: what was met, what was missed, or what has to be checked. */
  text: string;
}

/**
 * Family situations that on their own show economic hardship (特殊困难群体). 残疾 and 烈士子女 are
 * priority groups in 家庭经济困难学生认定, but on their own they do not prove hardship.
 */
export const HARDSHIP_STATUSES = ['tuopin', 'jiance', 'dibao', 'tekun', 'orphan', 'unsupported', 'hardship'] as const;

export type TermLookup = (kind: GlossaryEntry['kind'], id: string) => string;

export function makeTerms(glossary: GlossaryEntry[]): TermLookup {
  const map = new Map(glossary.map((g) => [`${g.kind}:${g.id}`, g.short ?? g.term]));
  return (kind, id) => map.get(`${kind}:${id}`) ?? id;
}

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join('、')}或${xs[xs.length - 1]}`);

/** Evaluates one condition. `text` on the condition replaces the generated wording for every outcome. */
export function evaluateCondition(c: Condition, a: Answers, t: TermLookup): Outcome {
  // A condition's own `text` says what is required, so it replaces the wording of a missed or unknown
  // outcome; a met outcome keeps the generated wording (「农村户口」), which names what the family has.
  const out = (state: State, generated: string): Outcome => ({ state, text: c.text && state !== 'met' && c.type !== 'anyOf' && c.type !== 'allOf' ? c.text : generated });
  switch (c.type) {
    case 'stage': {
      const names = c.in.map(stageName);
      if (!a.stage) return out('unknown', `要看孩子在哪个阶段上学`);
      return c.in.includes(a.stage) ? out('met', `在读${stageName(a.stage)}`) : out('missed', `只适用于${list(names)}学生`);
    }
    case 'grade': {
      if (!a.stage || a.grade === undefined) return out('unknown', '要看孩子读几年级');
      const ok = (c.min === undefined || a.grade >= c.min) && (c.max === undefined || a.grade <= c.max);
      if (ok) return out('met', `${gradeName(a.stage, a.grade)}`);
      if (c.min !== undefined && a.grade < c.min) return out('missed', `${gradeName(a.stage, c.min)}及以上才能申请`);
      return out('missed', `只适用于${gradeName(a.stage, c.max!)}及以下`);
    }
    case 'degree': {
      const names = c.in.map((d) => t('answer', `degree-${d}`));
      if (!a.degree) return out('unknown', '要看读的是硕士还是博士');
      return c.in.includes(a.degree) ? out('met', t('answer', `degree-${a.degree}`)) : out('missed', `只适用于${list(names)}`);
    }
    case 'school': {
      const names = c.in.map((s) => t('answer', `school-${s}`));
      if (!a.school) return out('unknown', '要看是公办还是民办学校');
      return c.in.includes(a.school) ? out('met', t('answer', `school-${a.school}`)) : out('missed', `只适用于${list(names)}`);
    }
    case 'boarding': {
      if (!a.boarding || a.boarding === 'unknown') return out('unknown', '要看孩子是否住校（寄宿）');
      const want = c.is === 'yes' ? '寄宿生（住校）' : '走读生（不住校）';
      return a.boarding === c.is ? out('met', want) : out('missed', `只适用于${want}`);
    }
    case 'hukou': {
      const names = c.in.map((h) => t('answer', `hukou-${h}`));
      if (!a.hukou || a.hukou === 'unknown') return out('unknown', `要看户口是不是${list(names)}`);
      return c.in.includes(a.hukou) ? out('met', t('answer', `hukou-${a.hukou}`)) : out('missed', `要求${list(names)}`);
    }
    case 'agri': {
      if (!a.agri || a.agri === 'unknown') return out('unknown', '要看读的是不是涉农专业');
      const want = c.is === 'yes' ? '涉农专业' : '非涉农专业';
      return a.agri === c.is ? out('met', want) : out('missed', `只适用于${want}`);
    }
    case 'veteran': {
      if (!a.veteran) return out('unknown', '要看是不是退役士兵学生');
      const want = c.is === 'yes' ? '退役士兵学生' : '非退役士兵学生';
      return a.veteran === c.is ? out('met', want) : out('missed', `只适用于${want}`);
    }
    case 'family': {
      const names = c.anyOf.map((f) => t('family', f));
      if (!a.family || a.family === 'unknown') return out('unknown', `要看家里是不是${list(names)}`);
      const hit = a.family === 'none' ? [] : c.anyOf.filter((f) => (a.family as string[]).includes(f));
      return hit.length ? out('met', hit.map((f) => t('family', f)).join('、')) : out('missed', `要求是${list(names)}`);
    }
    case 'hardship': {
      if (!a.family || a.family === 'unknown') return out('unknown', '要经学校认定为家庭经济困难学生');
      if (a.family === 'none') return out('missed', '要求经认定为家庭经济困难学生（你选了「以上都不是」）');
      const hit = HARDSHIP_STATUSES.filter((f) => (a.family as string[]).includes(f));
      if (hit.length === 0) return out('unknown', '要经学校认定为家庭经济困难学生（残疾、烈士子女等是优先对象，但还要看家庭经济情况）');
      if (hit.length === 1 && hit[0] === 'hardship') return out('met', '家庭经济困难（要经学校认定）');
      return out('met', `${hit.filter((f) => f !== 'hardship').map((f) => t('family', f)).join('、')}，属于家庭经济困难学生认定中的优先对象`);
    }
    case 'external':
      return { state: 'unknown', text: c.text };
    case 'anyOf': {
      const rs = c.of.map((x) => evaluateCondition(x, a, t));
      const met = rs.find((r) => r.state === 'met');
      if (met) return { state: 'met', text: met.text };
      if (rs.some((r) => r.state === 'unknown')) return { state: 'unknown', text: c.text ?? rs.filter((r) => r.state === 'unknown').map((r) => r.text).join('；或者') };
      return { state: 'missed', text: c.text ?? rs.map((r) => r.text).join('；或者') };
    }
    case 'allOf': {
      const rs = c.of.map((x) => evaluateCondition(x, a, t));
      const missed = rs.find((r) => r.state === 'missed');
      if (missed) return { state: 'missed', text: c.text ?? missed.text };
      if (rs.some((r) => r.state === 'unknown')) return { state: 'unknown', text: c.text ?? rs.filter((r) => r.state === 'unknown').map((r) => r.text).join('，并且') };
      return { state: 'met', text: rs.map((r) => r.text).join('，') };
    }
  }
}
