/**
 * The validated payments data (content/payments.yaml, schema in src/schema/payments.ts): which card
 * or form each subsidy's money comes in, how a card is activated and replaced, how to see the money
 * arrived, and whom to ask when it has not. Read by the /payment/ page (src/components/after/).
 * Importing this module validates the file: a problem throws `DataError` whose lines read
 * `FILE: FIELD: 说明`, e.g.
 *   content/payments.yaml: subsidies[3].channels[0]: 没有 id 为「gold-card」的发放方式（channels 里没有）
 *   content/payments.yaml: subsidies: 没有写「senior-grant」（每项全国资助都要有一条）
 * which fails `astro build` and the tests.
 */
import { dataset, type Dataset } from './index.ts';
import { DataError, parse } from './validate.ts';
import { Payments, type Payments as PaymentsData } from '../schema/payments.ts';
import raw from '../../content/payments.yaml';

export const PAYMENTS_FILE = 'content/payments.yaml';

/**
 * Validates the file against the national data: schema, unique channel ids, known sources, known
 * channels and subsidies, one entry for every national subsidy, and `like` pointing at a channel that
 * says how to activate and replace it.
 * @throws DataError listing every problem as `FILE: FIELD: 说明`.
 */
export function validatePayments(data: unknown, national: Dataset, file = PAYMENTS_FILE): PaymentsData {
  const problems: string[] = [];
  const p = parse(Payments, data, file, problems);
  if (!p) throw new DataError(problems);
  const sources = new Set(national.sources.map((s) => s.id));
  const src = (where: string, id: string) => {
    if (!sources.has(id)) problems.push(`${file}: ${where}: 未知来源「${id}」（content/sources.yaml 里没有）`);
  };
  const channels = new Map<string, (typeof p.channels)[number]>();
  p.channels.forEach((c, i) => {
    if (channels.has(c.id)) problems.push(`${file}: channels[${i}].id: 重复的 id「${c.id}」`);
    channels.set(c.id, c);
    if (c.activate) src(`channels[${i}].activate.source`, c.activate.source);
    if (c.lost) src(`channels[${i}].lost.source`, c.lost.source);
    c.facts.forEach((f, j) => src(`channels[${i}].facts[${j}].source`, f.source));
  });
  p.channels.forEach((c, i) => {
    if (!c.like) return;
    const other = channels.get(c.like);
    if (!other) problems.push(`${file}: channels[${i}].like: 没有 id 为「${c.like}」的发放方式`);
    else if (!other.activate || !other.lost) problems.push(`${file}: channels[${i}].like: 「${c.like}」没有写 activate 和 lost`);
  });
  const subsidyIds = new Set(national.subsidies.map((s) => s.id));
  const seen = new Set<string>();
  p.subsidies.forEach((s, i) => {
    if (!subsidyIds.has(s.subsidy)) problems.push(`${file}: subsidies[${i}].subsidy: 没有这项资助「${s.subsidy}」（content/subsidies/ 里没有）`);
    if (seen.has(s.subsidy)) problems.push(`${file}: subsidies[${i}].subsidy: 「${s.subsidy}」写了两次`);
    seen.add(s.subsidy);
    src(`subsidies[${i}].source`, s.source);
    if (s.when) src(`subsidies[${i}].when.source`, s.when.source);
    s.channels.forEach((c, j) => {
      if (!channels.has(c)) problems.push(`${file}: subsidies[${i}].channels[${j}]: 没有 id 为「${c}」的发放方式（channels 里没有）`);
    });
  });
  for (const s of national.subsidies) if (!seen.has(s.id)) problems.push(`${file}: subsidies: 没有写「${s.id}」（每项全国资助都要有一条）`);
  p.arrival.forEach((a, i) => src(`arrival[${i}].source`, a.source));
  p.notArrived.forEach((a, i) => src(`notArrived[${i}].source`, a.source));
  if (problems.length) throw new DataError(problems);
  return p;
}

export const payments: PaymentsData = validatePayments(raw, dataset);
