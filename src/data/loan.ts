/**
 * The validated 「助学贷款以后」 data (content/loan.yaml, schema in src/schema/loan.ts), read by the
 * /loan/ page. Importing this module validates the file: a problem throws `DataError` whose lines
 * read `FILE: FIELD: 说明`, e.g.
 *   content/loan.yaml: reliefYears[3].source: 未知来源「caijiao-2099-1」（content/sources.yaml 里没有）
 * which fails `astro build` and the tests.
 */
import { dataset, type Dataset } from './index.ts';
import { DataError, parse } from './validate.ts';
import { LoanAfter, type LoanAfter as LoanData } from '../schema/loan.ts';
import raw from '../../content/loan.yaml';

export const LOAN_FILE = 'content/loan.yaml';

/**
 * Validates the file: schema (years in order, a source for every year with a notice) and known sources.
 * @throws DataError listing every problem as `FILE: FIELD: 说明`.
 */
export function validateLoan(data: unknown, national: Dataset, file = LOAN_FILE): LoanData {
  const problems: string[] = [];
  const l = parse(LoanAfter, data, file, problems);
  if (!l) throw new DataError(problems);
  const sources = new Set(national.sources.map((s) => s.id));
  const src = (where: string, id: string | undefined) => {
    if (id && !sources.has(id)) problems.push(`${file}: ${where}: 未知来源「${id}」（content/sources.yaml 里没有）`);
  };
  for (const key of ['repay', 'deferral', 'renew', 'ask'] as const) l[key].forEach((t, i) => src(`${key}[${i}].source`, t.source));
  src('relief.source', l.relief.source);
  l.reliefYears.forEach((y, i) => src(`reliefYears[${i}].source`, y.source));
  if (problems.length) throw new DataError(problems);
  return l;
}

export const loanAfter: LoanData = validateLoan(raw, dataset);
