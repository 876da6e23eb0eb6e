/**
 * Public entry of the eligibility engine (rules as code; pure: no UI, no clock, no file reading — data,
 * answers and a date come in as arguments).
 *
 *   parseAnswers('#stage=senior&grade=2&family=dibao') → { ok: true, answers } | { ok: false, errors, partial }
 *   formatAnswers(answers) → 'stage=senior&grade=2&family=dibao'
 *   evaluateWith(dataset, answers, { date: '2026-10-01' }) → { results, documents, … }
 *   evaluateInRegion(dataset, regions, answers, { date, region: '510000' }) → same, with 四川's standards
 *   subsidyView(site, national, id, stages, date) → what a stage page, region page or poster shows
 *
 * The same engine bound to content/ (build time, tests): src/site/evaluate.ts `evaluate(answers, options)`.
 */

export * from './answers.ts';
export { evaluateWith, inForce, EvaluateError } from './evaluate.ts';
export type { Amount, ChecklistItem, EvaluateOptions, Evaluation, RegionTag, Result, Status } from './evaluate.ts';
export { applyRegion, evaluateInRegion, regionChain, regionContacts, regionLabel, searchRegions } from './regions.ts';
export type { Notice, RegionalEvaluation, RegionInfo, ResolvedContact } from './regions.ts';
export { HARDSHIP_STATUSES } from './conditions.ts';
export * from './lines.ts';
export * from './stages.ts';
export * from './views.ts';
