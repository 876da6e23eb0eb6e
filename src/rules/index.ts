/**
 * Public entry of the eligibility engine (rules as code; no UI imports, no clock).
 *
 *   parseAnswers('#stage=senior&grade=2&family=dibao') → { ok: true, answers } | { ok: false, errors, partial }
 *   formatAnswers(answers) → 'stage=senior&grade=2&family=dibao'
 *   evaluate(answers, { date: '2026-10-01' }) → { results, documents, … }
 *   evaluate(answers, { date, region: '510000' }) → same, with 四川's standards, contacts and notices
 *
 * `evaluate` uses the national dataset validated from content/ (this import runs the zod schemas, so
 * browser code should use `evaluateWith(dataset, …)` from ./evaluate.ts with data handed over by the
 * page, keeping zod out of the bundle; with regions, `evaluateInRegion(dataset, regions, …)` from
 * ./regions.ts).
 */
import { dataset } from '../data/index.ts';
import { regions } from '../data/regions.ts';
import type { Answers } from './answers.ts';
import { type EvaluateOptions } from './evaluate.ts';
import { evaluateInRegion, type RegionalEvaluation } from './regions.ts';

export * from './answers.ts';
export { evaluateWith, inForce, EvaluateError } from './evaluate.ts';
export type { Amount, ChecklistItem, EvaluateOptions, Evaluation, RegionTag, Result, Status } from './evaluate.ts';
export { applyRegion, evaluateInRegion, regionChain, regionContacts, regionLabel, searchRegions } from './regions.ts';
export type { Notice, RegionalEvaluation, RegionInfo, ResolvedContact } from './regions.ts';
export { HARDSHIP_STATUSES } from './conditions.ts';

/**
 * Evaluates answers on `options.date` against the national dataset plus the region `answers.region`
 * (else `options.region`) from content/regions/. An unknown region is not an error: `notices` says so
 * in Chinese and national standards apply (see evaluateInRegion).
 */
export function evaluate(answers: Answers, options: EvaluateOptions): RegionalEvaluation {
  return evaluateInRegion(dataset, regions, answers, options);
}
