// The wizard's question flow (src/rules/questions.ts): which questions are asked, in which order, what
// comes next, the options and help of each, and what is kept or dropped when an earlier answer changes.
import { describe, expect, it } from 'vitest';
import {
  FAMILY_STATUSES, GRADE_MAX, NATIONAL_REGION, STAGES, appliesTo, formatAnswers, parseAnswers, type Answers, type Stage,
} from '../../src/rules/answers.ts';
import {
  QUESTION_IDS, chosenValues, firstUnanswered, isAnswered, isAsked, previousQuestion, progress, question,
  questionsFor, setAnswer, withDefaultRegion, type QuestionId,
} from '../../src/rules/questions.ts';
import { evaluateInRegion } from '../../src/rules/regions.ts';
import { dataset } from '../../src/data/index.ts';
import { regions } from '../../src/data/regions.ts';

const parse = (s: string): Answers => {
  const r = parseAnswers(s);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.answers;
};
const glossary = new Map(dataset.glossary.map((g) => [`${g.kind}:${g.id}`, g]));

describe('which questions are asked', () => {
  it('asks only the stage question until a stage is chosen', () => {
    expect(questionsFor({})).toEqual(['stage']);
    expect(questionsFor({ school: 'public', hukou: 'rural' })).toEqual(['stage']);
  });

  it('asks the questions of the issue in order for each stage', () => {
    const want: Record<Stage, QuestionId[]> = {
      preschool: ['stage', 'grade', 'school', 'hukou', 'family', 'region'],
      primary: ['stage', 'grade', 'school', 'boarding', 'hukou', 'family', 'region'],
      junior: ['stage', 'grade', 'school', 'boarding', 'hukou', 'family', 'region'],
      senior: ['stage', 'grade', 'school', 'hukou', 'family', 'region'],
      vocational: ['stage', 'grade', 'school', 'hukou', 'agri', 'family', 'region'],
      undergrad: ['stage', 'grade', 'school', 'hukou', 'family', 'veteran', 'region'],
      postgrad: ['stage', 'grade', 'degree', 'school', 'hukou', 'family', 'veteran', 'region'],
    };
    for (const s of STAGES) expect(questionsFor({ stage: s }), s).toEqual(want[s]);
  });

  it('agrees with the engine on which stage a question belongs to', () => {
    for (const s of STAGES) {
      for (const id of QUESTION_IDS) {
        if (id === 'stage' || id === 'grade' || id === 'region') continue;
        expect(isAsked(id, { stage: s }), `${id} for ${s}`).toBe(appliesTo(id, s));
      }
    }
  });

  it('asks the region last, for every stage, and skips it when a link already names one', () => {
    for (const s of STAGES) {
      expect(questionsFor({ stage: s }).at(-1)).toBe('region');
      expect(isAsked('region', { stage: s })).toBe(true);
    }
    expect(isAsked('region', {})).toBe(false);
    expect(firstUnanswered(parse('stage=senior&grade=1&school=public&hukou=rural&family=none'))).toBe('region');
    expect(firstUnanswered(parse('stage=senior&grade=1&school=public&hukou=rural&family=none&region=510000'))).toBeUndefined();
    // An unknown code is still an answer: the engine says so and uses national standards.
    expect(firstUnanswered(parse('stage=senior&grade=1&school=public&hukou=rural&family=none&region=123456'))).toBeUndefined();
  });
});

describe('the first unanswered question', () => {
  it('starts at the stage for an empty link', () => {
    expect(firstUnanswered({})).toBe('stage');
  });

  it('starts a poster link with only the stage at the grade', () => {
    expect(firstUnanswered(parse('stage=senior'))).toBe('grade');
  });

  it('skips answered questions and questions of other stages', () => {
    expect(firstUnanswered(parse('stage=primary&grade=2&school=public'))).toBe('boarding');
    expect(firstUnanswered(parse('stage=senior&grade=2&school=public'))).toBe('hukou');
    expect(firstUnanswered(parse('stage=vocational&grade=1&school=public&hukou=rural'))).toBe('agri');
    expect(firstUnanswered(parse('stage=undergrad&grade=1&school=public&hukou=rural&family=none'))).toBe('veteran');
    expect(firstUnanswered(parse('stage=postgrad&grade=1'))).toBe('degree');
  });

  it('finds a gap before later answers (a link with family but no school)', () => {
    expect(firstUnanswered(parse('stage=senior&grade=1&family=dibao'))).toBe('school');
  });

  it('is undefined once every asked question has an answer, 不确定 included', () => {
    expect(firstUnanswered(parse('stage=junior&grade=3&school=public&boarding=unknown&hukou=unknown&family=unknown&region=000000'))).toBeUndefined();
    expect(firstUnanswered(parse('stage=postgrad&grade=1&degree=doctor&school=public&hukou=urban&family=none&veteran=no&region=530521'))).toBeUndefined();
  });

  it('treats an empty family list as unanswered', () => {
    expect(isAnswered({ family: [] }, 'family')).toBe(false);
    expect(isAnswered({ family: 'none' }, 'family')).toBe(true);
  });
});

describe('moving back and counting', () => {
  it('goes back to the previous asked question, skipping other stages', () => {
    const a = parse('stage=senior&grade=1&school=public');
    expect(previousQuestion(a, 'hukou')).toBe('school');
    expect(previousQuestion(a, 'stage')).toBeUndefined();
    expect(previousQuestion(parse('stage=vocational'), 'family')).toBe('agri');
  });

  it('says 第 n 题，共 m 题 only once the stage is known', () => {
    expect(progress({}, 'stage')).toBeNull();
    expect(progress({ stage: 'primary' }, 'boarding')).toEqual({ n: 4, of: 7 });
    expect(progress({ stage: 'postgrad' }, 'veteran')).toEqual({ n: 7, of: 8 });
    expect(progress({ stage: 'postgrad' }, 'region')).toEqual({ n: 8, of: 8 });
  });

  it('does not count answers that came from elsewhere (a second child, a default region)', () => {
    // A second 小学 child: 户口, 家庭情况 and 地区 were answered for the first; four questions are asked.
    const second = parse('stage=primary&hukou=rural&family=dibao&region=530521');
    const given = parse('hukou=rural&family=dibao&region=530521');
    expect(['stage', 'grade', 'school', 'boarding'].map((q) => progress(second, q as QuestionId, given))).toEqual(
      [1, 2, 3, 4].map((n) => ({ n, of: 4 })),
    );
    // Changing one of them from the second child's screens: no position to give.
    expect(progress(second, 'hukou', given)).toBeNull();
    // A deployment's default region: the last question asked is 家庭情况, 第 6 题，共 6 题.
    expect(progress({ stage: 'primary', region: '530521' }, 'family', { region: '530521' })).toEqual({ n: 6, of: 6 });
  });
});

describe('options and help', () => {
  it('offers every stage and exactly the grades of the chosen stage', () => {
    expect(question('stage', {}).options.map((o) => o.value)).toEqual([...STAGES]);
    for (const s of STAGES) {
      const q = question('grade', { stage: s });
      expect(q.options.map((o) => o.value)).toEqual(Array.from({ length: GRADE_MAX[s] }, (_, i) => String(i + 1)));
    }
    expect(question('grade', { stage: 'preschool' }).options.map((o) => o.label)).toEqual(['小班', '中班', '大班']);
  });

  it('asks a 幼儿园 child\'s family about the 幼儿园, never about a 「学校」 (titles, hints and option labels)', () => {
    const label = (o: { label?: string; term?: { kind: string; id: string } }) => o.label ?? (o.term && (glossary.get(`${o.term.kind}:${o.term.id}`)?.short ?? glossary.get(`${o.term.kind}:${o.term.id}`)?.term));
    const words = (s: Stage) => questionsFor({ stage: s }).filter((id) => id !== 'stage').flatMap((id) => {
      const q = question(id, { stage: s });
      return [q.title, q.hint ?? '', ...q.options.map(label)].map((w) => `${id}: ${w}`);
    });
    expect(words('preschool').filter((w) => w.includes('学校'))).toEqual([]);
    expect(words('preschool')).toContain('school: 民办幼儿园');
    // Other stages keep 「学校」.
    expect(words('primary')).toContain('school: 民办学校');
    expect(question('school', { stage: 'senior' }).title).toBe('学校是公办还是民办？');
  });

  it('only offers values the answer parser accepts', () => {
    for (const s of STAGES) {
      for (const id of questionsFor({ stage: s })) {
        const q = question(id, { stage: s });
        for (const o of q.options) {
          if (q.multi) continue;
          const r = parseAnswers(formatAnswers({ stage: s }) + (id === 'stage' ? '' : `&${id}=${o.value}`));
          expect(r.ok, `${s} ${id}=${o.value}`).toBe(true);
        }
      }
    }
    const family = question('family', { stage: 'senior' }).options.map((o) => o.value);
    expect(family).toEqual([...FAMILY_STATUSES, 'none', 'unknown']);
  });

  it('offers 不确定 where a parent may not know, and not for the stage, grade or school', () => {
    const unsure = (id: QuestionId, stage: Stage) => question(id, { stage }).options.some((o) => o.value === 'unknown');
    expect(unsure('boarding', 'primary')).toBe(true);
    expect(unsure('agri', 'vocational')).toBe(true);
    expect(unsure('hukou', 'senior')).toBe(true);
    expect(unsure('family', 'senior')).toBe(true);
    expect(unsure('stage', 'senior')).toBe(false);
    expect(unsure('school', 'senior')).toBe(false);
  });

  it('makes 以上都不是 and 不确定 exclusive in the family question', () => {
    const q = question('family', { stage: 'senior' });
    expect(q.multi).toBe(true);
    expect(q.options.filter((o) => o.exclusive).map((o) => o.value)).toEqual(['none', 'unknown']);
  });

  it('labels options through glossary entries that exist', () => {
    for (const s of STAGES) {
      for (const id of questionsFor({ stage: s })) {
        for (const o of question(id, { stage: s }).options) {
          expect(o.term || o.label, `${id}=${o.value} has a label`).toBeTruthy();
          if (o.term) expect(glossary.has(`${o.term.kind}:${o.term.id}`), `${o.term.kind}:${o.term.id}`).toBe(true);
        }
      }
    }
  });

  it('points 这是什么意思？ at glossary entries with a plain explanation for the hard questions', () => {
    const plain = (id: QuestionId, stage: Stage) =>
      question(id, { stage }).help.filter((r) => glossary.get(`${r.kind}:${r.id}`)?.plain).map((r) => r.id);
    expect(plain('family', 'senior')).toEqual(expect.arrayContaining(['tuopin', 'dibao', 'hardship', 'rending']));
    expect(plain('boarding', 'primary')).toEqual(['boarding']);
    expect(plain('agri', 'vocational')).toEqual(['agri']);
    expect(plain('veteran', 'undergrad')).toEqual(['veteran']);
    for (const s of STAGES) for (const id of questionsFor({ stage: s })) {
      for (const r of question(id, { stage: s }).help) expect(glossary.has(`${r.kind}:${r.id}`), `${r.kind}:${r.id}`).toBe(true);
    }
  });
});

describe('answering and changing answers', () => {
  it('stores a grade as a number and a family list in vocabulary order', () => {
    expect(setAnswer({ stage: 'senior' }, 'grade', ['2']).answers.grade).toBe(2);
    expect(setAnswer({ stage: 'senior' }, 'family', ['orphan', 'dibao']).answers.family).toEqual(['dibao', 'orphan']);
    expect(setAnswer({ stage: 'senior' }, 'family', ['none']).answers.family).toBe('none');
    expect(setAnswer({ stage: 'senior' }, 'family', ['dibao', 'unknown']).answers.family).toBe('unknown');
  });

  it('reads back the chosen values of an answer', () => {
    const a = parse('stage=senior&grade=2&family=dibao,orphan');
    expect(chosenValues(a, 'grade')).toEqual(['2']);
    expect(chosenValues(a, 'family')).toEqual(['dibao', 'orphan']);
    expect(chosenValues(a, 'school')).toEqual([]);
  });

  it('ignores values a question does not offer and clears on an empty choice', () => {
    expect(setAnswer({ stage: 'senior' }, 'grade', ['5']).answers).toEqual({ stage: 'senior' });
    expect(setAnswer({ stage: 'senior', school: 'public' }, 'school', []).answers).toEqual({ stage: 'senior' });
  });

  it('keeps later answers that still apply when an earlier one changes', () => {
    const a = parse('stage=senior&grade=2&school=public&hukou=rural&family=dibao&region=510000');
    const { answers, dropped } = setAnswer(a, 'school', ['private']);
    expect(formatAnswers(answers)).toBe('stage=senior&grade=2&school=private&hukou=rural&family=dibao&region=510000');
    expect(dropped).toEqual([]);
  });

  it('clears the grade and drops questions of the old stage when the stage changes, keeps the rest', () => {
    const a = parse('stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=tuopin&region=530521');
    const { answers, dropped } = setAnswer(a, 'stage', ['vocational']);
    expect(formatAnswers(answers)).toBe('stage=vocational&school=public&hukou=rural&family=tuopin&region=530521');
    // 「不再需要：…」 lists only what is no longer asked: the grade is asked again next.
    expect(dropped.sort()).toEqual(['boarding']);
    expect(firstUnanswered(answers)).toBe('grade');
  });

  it('keeps everything when the same stage is chosen again', () => {
    const a = parse('stage=junior&grade=3&school=public&boarding=no&hukou=rural&family=none');
    expect(setAnswer(a, 'stage', ['junior'])).toEqual({ answers: a, dropped: [] });
  });

  it('drops degree and veteran when leaving postgrad for senior', () => {
    const a = parse('stage=postgrad&grade=1&degree=master&school=public&hukou=urban&family=none&veteran=yes');
    const { answers, dropped } = setAnswer(a, 'stage', ['senior']);
    expect(answers).toEqual({ stage: 'senior', school: 'public', hukou: 'urban', family: 'none' });
    expect(dropped.sort()).toEqual(['degree', 'veteran']);
  });

  it('always produces answers the parser accepts (every stage switch from a full answer set)', () => {
    const full = parse('stage=postgrad&grade=1&degree=doctor&school=public&hukou=rural&family=dibao&veteran=no');
    for (const from of STAGES) {
      for (const to of STAGES) {
        let a: Answers = setAnswer(full, 'stage', [from]).answers;
        for (const id of questionsFor(a)) if (!isAnswered(a, id)) a = setAnswer(a, id, [question(id, a).options[0]!.value]).answers;
        const b = setAnswer(a, 'stage', [to]).answers;
        expect(parseAnswers(formatAnswers(b)), `${from} → ${to}`).toEqual({ ok: true, answers: b });
      }
    }
  });
});

describe('the region question', () => {
  it('offers 「不知道 / 用全国标准」 as its one fixed option and finds the rest by search', () => {
    const q = question('region', { stage: 'senior' });
    expect(q.title).toBe('孩子在哪个省/县上学？');
    expect(q.search).toBe(true);
    expect(q.multi).toBe(false);
    expect(q.options).toEqual([{ value: NATIONAL_REGION, label: '不知道 / 用全国标准' }]);
    expect(NATIONAL_REGION).toBe('000000');
  });

  it('takes any six-digit code and nothing else', () => {
    const a = parse('stage=senior&grade=1');
    expect(setAnswer(a, 'region', ['510000']).answers.region).toBe('510000');
    expect(setAnswer(a, 'region', [NATIONAL_REGION]).answers.region).toBe(NATIONAL_REGION);
    expect(setAnswer(a, 'region', ['123456']).answers.region).toBe('123456');
    expect(setAnswer(a, 'region', ['sichuan']).answers).toEqual(a);
    expect(setAnswer(a, 'region', ['51000']).answers).toEqual(a);
    expect(setAnswer({ ...a, region: '510000' }, 'region', []).answers).toEqual(a);
    const r = parseAnswers(formatAnswers(setAnswer(a, 'region', [NATIONAL_REGION]).answers));
    expect(r).toEqual({ ok: true, answers: { ...a, region: NATIONAL_REGION } });
  });

  it('keeps the region when the stage changes', () => {
    const a = parse('stage=primary&grade=3&school=public&boarding=yes&hukou=rural&family=tuopin&region=530521');
    expect(setAnswer(a, 'stage', ['undergrad']).answers.region).toBe('530521');
  });

  it('lets a deployment\'s default region answer the question until the family picks another', () => {
    const a = parse('stage=senior&grade=1&school=public&hukou=rural&family=dibao');
    expect(withDefaultRegion(a, undefined)).toBe(a);
    expect(withDefaultRegion(a, '510000')).toEqual({ ...a, region: '510000' });
    expect(firstUnanswered(withDefaultRegion(a, '510000'))).toBeUndefined();
    expect(chosenValues(withDefaultRegion(a, '510000'), 'region')).toEqual(['510000']);
    // The family's own answer wins, including 「用全国标准」.
    expect(withDefaultRegion({ ...a, region: NATIONAL_REGION }, '510000').region).toBe(NATIONAL_REGION);
    expect(withDefaultRegion({ ...a, region: '530521' }, '510000').region).toBe('530521');
    // The default is not written into the answers themselves (nor the link).
    expect(a.region).toBeUndefined();
  });

  it('means national standards with region=000000, even where a default region is set, without a notice', () => {
    const a = parse('stage=senior&grade=1&school=public&hukou=rural&family=dibao');
    const date = '2026-10-10';
    const national = evaluateInRegion(dataset, regions, a, { date });
    const chosen = evaluateInRegion(dataset, regions, { ...a, region: NATIONAL_REGION }, { date, region: '510000' });
    expect(chosen.region).toBeUndefined();
    expect(chosen.notices).toEqual([]);
    expect(chosen.results).toEqual(national.results);
    // Without the family's choice, the default applies.
    expect(evaluateInRegion(dataset, regions, a, { date, region: '510000' }).region?.code).toBe('510000');
  });
});
