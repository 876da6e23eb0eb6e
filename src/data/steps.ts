/**
 * The validated steps of applying for aid (content/steps.yaml, schema `ApplySteps` in
 * src/schema/index.ts), read by the 认定 page (src/components/policy/ApplySteps.astro) and, through
 * the wizard's data parts (src/site/wizard-trim.ts), by the wizard's results. Importing this module
 * validates the file: a problem throws `DataError` whose lines read `FILE: FIELD: 说明`, e.g.
 *   content/steps.yaml: [3].source: 未知来源「jiaocai-2099-1」（content/sources.yaml 里没有）
 * which fails `astro build` and the tests.
 */
import { dataset } from './index.ts';
import { DataError, parse, type Dataset } from './validate.ts';
import { ApplySteps, type ApplyStep } from '../schema/index.ts';
import raw from '../../content/steps.yaml';

export const STEPS_FILE = 'content/steps.yaml';

/**
 * Validates the steps file against the national dataset: schema, unique ids, known sources, and
 * glossary `term` entries that exist.
 * @throws DataError listing every problem as `FILE: FIELD: 说明`.
 */
export function validateSteps(data: unknown, national: Dataset, file = STEPS_FILE): ApplyStep[] {
  const problems: string[] = [];
  const steps = parse(ApplySteps, data, file, problems) ?? [];
  const sources = new Set(national.sources.map((s) => s.id));
  const terms = new Set(national.glossary.filter((g) => g.kind === 'term').map((g) => g.id));
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (seen.has(s.id)) problems.push(`${file}: [${i}].id: 重复的 id「${s.id}」`);
    seen.add(s.id);
    if (!sources.has(s.source)) problems.push(`${file}: [${i}].source: 未知来源「${s.source}」（content/sources.yaml 里没有）`);
    if (s.term && !terms.has(s.term)) problems.push(`${file}: [${i}].term: 术语表里没有「${s.term}」（content/glossary.yaml，kind: term）`);
  });
  if (problems.length) throw new DataError(problems);
  return steps;
}

export const applySteps: ApplyStep[] = validateSteps(raw, dataset);
