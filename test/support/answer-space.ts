/**
 * Enumerates the answer space for invariant tests from the question table (src/schema/questions.ts):
 * every stage × grade × every value of each choice question that stage asks, with the given family and
 * hukou values. A question added to the table is walked here without a change to this file.
 */
import { FAMILY_STATUSES, GRADE_MAX, STAGES, appliesTo, type Answers, type Stage } from '../../src/rules/answers.ts';
import { QUESTIONS } from '../../src/schema/questions.ts';

/** none, unknown and each single situation. */
export const SINGLE_FAMILIES: Answers['family'][] = ['none', 'unknown', ...FAMILY_STATUSES.map((f) => [f])];
/** SINGLE_FAMILIES plus every pair of situations. */
export const PAIR_FAMILIES: Answers['family'][] = [
  ...SINGLE_FAMILIES,
  ...FAMILY_STATUSES.flatMap((a, i) => FAMILY_STATUSES.slice(i + 1).map((b) => [a, b])),
];

/** The choice questions (other than the stage) and the values to walk for a stage. */
function choicesFor(stage: Stage, hukous: readonly string[]): [string, readonly string[]][] {
  return QUESTIONS.flatMap((q) => {
    if (q.kind !== 'choice' || q.id === 'stage' || !appliesTo(q.id, stage)) return [];
    const values = q.id === 'hukou' ? hukous : q.options.map((o) => o.value).filter((v) => q.id !== 'school' || v !== 'unknown');
    return [[q.id, values] as [string, readonly string[]]];
  });
}

export function* answerSpace(
  families: Answers['family'][] = SINGLE_FAMILIES,
  hukous: readonly NonNullable<Answers['hukou']>[] = ['rural', 'town', 'urban', 'unknown'],
  stages: readonly Stage[] = STAGES,
): Generator<Answers> {
  for (const stage of stages) {
    const choices = choicesFor(stage, hukous);
    for (let grade = 1; grade <= GRADE_MAX[stage]; grade++) {
      const walk = function* (i: number, acc: Record<string, string>): Generator<Record<string, string>> {
        if (i === choices.length) { yield acc; return; }
        const [id, values] = choices[i]!;
        for (const v of values) yield* walk(i + 1, { ...acc, [id]: v });
      };
      for (const picked of walk(0, {}))
        for (const family of families) yield { stage, grade, ...picked, family } as Answers;
    }
  }
}
