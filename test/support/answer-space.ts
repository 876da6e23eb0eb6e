/**
 * Enumerates the answer space for invariant tests: every stage × grade × the answers that apply to
 * that stage, with the given family and hukou values.
 */
import { FAMILY_STATUSES, GRADE_MAX, STAGES, appliesTo, type Answers } from '../../src/rules/answers.ts';

/** none, unknown and each single situation. */
export const SINGLE_FAMILIES: Answers['family'][] = ['none', 'unknown', ...FAMILY_STATUSES.map((f) => [f])];
/** SINGLE_FAMILIES plus every pair of situations. */
export const PAIR_FAMILIES: Answers['family'][] = [
  ...SINGLE_FAMILIES,
  ...FAMILY_STATUSES.flatMap((a, i) => FAMILY_STATUSES.slice(i + 1).map((b) => [a, b])),
];

export function* answerSpace(
  families: Answers['family'][] = SINGLE_FAMILIES,
  hukous: readonly NonNullable<Answers['hukou']>[] = ['rural', 'town', 'urban', 'unknown'],
): Generator<Answers> {
  for (const stage of STAGES)
    for (let grade = 1; grade <= GRADE_MAX[stage]; grade++)
      for (const degree of appliesTo('degree', stage) ? (['master', 'doctor'] as const) : [undefined])
        for (const school of ['public', 'private'] as const)
          for (const boarding of appliesTo('boarding', stage) ? (['yes', 'no', 'unknown'] as const) : [undefined])
            for (const hukou of hukous)
              for (const agri of appliesTo('agri', stage) ? (['yes', 'no', 'unknown'] as const) : [undefined])
                for (const veteran of appliesTo('veteran', stage) ? (['yes', 'no'] as const) : [undefined])
                  for (const family of families) {
                    const a: Answers = { stage, grade, school, hukou, family };
                    if (degree) a.degree = degree;
                    if (boarding) a.boarding = boarding;
                    if (agri) a.agri = agri;
                    if (veteran) a.veteran = veteran;
                    yield a;
                  }
}
