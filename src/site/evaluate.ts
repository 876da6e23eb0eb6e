/**
 * The engine bound to the data in content/ (build time and tests; browser code gets its data from the
 * page and calls src/rules directly). Importing this module validates the data (zod).
 *
 *   evaluate(parseAnswers('#stage=senior&grade=2&family=dibao').answers, { date: '2026-10-01' })
 *   evaluate(answers, { date, region: '510000' })   // with 四川's standards, contacts and notices
 */
import { dataset } from '../data/index.ts';
import { regions } from '../data/regions.ts';
import type { Answers } from '../rules/answers.ts';
import type { EvaluateOptions } from '../rules/evaluate.ts';
import { evaluateInRegion, type RegionalEvaluation } from '../rules/regions.ts';

export * from '../rules/index.ts';
export { dataset, regions };

/**
 * Evaluates answers on `options.date` against the national dataset plus the region `answers.region`
 * (else `options.region`) from content/regions/. An unknown region is not an error: `notices` says so
 * in Chinese and national standards apply (see evaluateInRegion).
 */
export function evaluate(answers: Answers, options: EvaluateOptions): RegionalEvaluation {
  return evaluateInRegion(dataset, regions, answers, options);
}
