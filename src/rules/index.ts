/**
 * Public entry of the eligibility engine (rules as code; no UI imports, no clock).
 *
 *   parseAnswers('#stage=senior&grade=2&family=dibao') → { ok: true, answers } | { ok: false, errors, partial }
 *   formatAnswers(answers) → 'stage=senior&grade=2&family=dibao'
 *   evaluate(answers, { date: '2026-10-01' }) → { results, documents, … }
 *
 * `evaluate` uses the national dataset validated from content/ (this import runs the zod schemas, so
 * browser code should use `evaluateWith(dataset, …)` from ./evaluate.ts with data handed over by the
 * page, keeping zod out of the bundle).
 */
import { dataset } from '../data/index.ts';
import type { Answers } from './answers.ts';
import { evaluateWith, type EvaluateOptions, type Evaluation } from './evaluate.ts';

export * from './answers.ts';
export { evaluateWith, inForce, EvaluateError } from './evaluate.ts';
export type { Amount, ChecklistItem, EvaluateOptions, Evaluation, Result, Status } from './evaluate.ts';
export { HARDSHIP_STATUSES } from './conditions.ts';

/** Evaluates answers against the national dataset on `options.date` (see evaluateWith). */
export function evaluate(answers: Answers, options: EvaluateOptions): Evaluation {
  return evaluateWith(dataset, answers, options);
}
