/**
 * The validated warning signs of 「这条消息是真的吗？」 (content/message-signs.yaml, schema in
 * src/schema/message-signs.ts) and the spec the on-phone checker runs with (src/rules/message-check.ts).
 * Importing this module validates the file: a problem throws `DataError` whose lines read
 * `FILE: FIELD: 说明`, e.g.
 *   content/message-signs.yaml: signs[2].source: 未知来源「zizhu-2099」（content/sources.yaml 里没有）
 *   content/message-signs.yaml: signs[0].patterns[1]: 「驗」是繁体字：检查前消息会转成简体，要写「验」
 * which fails `astro build` and the tests.
 *
 * `checkerSpec.fold` (traditional → simplified for every character the patterns use) is made here
 * with OpenCC (opencc-js, build time only), so the phone gets a few hundred characters, not OpenCC's
 * dictionaries.
 */
import * as OpenCC from 'opencc-js';
import { dataset, type Dataset } from './index.ts';
import { DataError, fieldPath, parse } from './validate.ts';
import { MessageSigns, type MessageSigns as Signs } from '../schema/message-signs.ts';
import type { CheckerSpec } from '../rules/message-check.ts';
import raw from '../../content/message-signs.yaml';

export const SIGNS_FILE = 'content/message-signs.yaml';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const toSimpAll = (['t', 'tw', 'twp', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
const toSimp = toSimpAll[0]!;

/** Every pattern string of the file with its field path, for checks that apply to all of them. */
function patternsOf(s: Signs): [PropertyKey[], string][] {
  const out: [PropertyKey[], string][] = [];
  const list = (path: PropertyKey[], xs: string[] | undefined) => (xs ?? []).forEach((x, i) => out.push([[...path, i], x]));
  list(['negations'], s.negations);
  list(['negationsAfter'], s.negationsAfter);
  list(['requests'], s.requests);
  list(['breakers'], s.breakers);
  list(['warnings'], s.warnings);
  list(['verdictWords'], s.verdictWords);
  s.signs.forEach((g, i) => {
    list(['signs', i, 'patterns'], g.patterns);
    list(['signs', i, 'with'], g.with);
    list(['signs', i, 'except'], g.except);
    list(['signs', i, 'exceptMessage'], g.exceptMessage);
  });
  return out;
}

/**
 * Traditional → simplified pairs for the characters the patterns use, as one string (see CheckerSpec).
 * Every CJK character (U+3400–U+9FFF) that OpenCC (Taiwan, Hong Kong or plain
 * traditional to simplified) turns into one of the patterns' characters is kept, unless it is itself
 * one of the patterns' (simplified) characters.
 */
export function foldFor(patterns: string[]): string {
  const simp = new Set(patterns.join('').match(CJK) ?? []);
  const pairs: string[] = [];
  const ranges: [number, number][] = [[0x3400, 0x9fff]]; // compatibility ideographs (U+F900…) are already unified by NFKC
  for (const [lo, hi] of ranges) {
    for (let code = lo; code <= hi; code++) {
      const t = String.fromCharCode(code);
      if (simp.has(t)) continue;
      const s = toSimpAll.map((conv) => conv(t)).find((x) => x !== t && simp.has(x));
      if (s) pairs.push(t + s);
    }
  }
  return pairs.join('');
}

/**
 * Validates the file against the national sources: schema, unique sign ids, known sources, unknown
 * `unlessSign` ids, and patterns written in simplified characters.
 * @throws DataError listing every problem as `FILE: FIELD: 说明`.
 */
export function validateSigns(data: unknown, national: Dataset, file = SIGNS_FILE): Signs {
  const problems: string[] = [];
  const s = parse(MessageSigns, data, file, problems);
  if (!s) throw new DataError(problems);
  const sources = new Set(national.sources.map((x) => x.id));
  const unknown = (path: PropertyKey[], id: string) => {
    if (!sources.has(id)) problems.push(`${file}: ${fieldPath(path)}: 未知来源「${id}」（content/sources.yaml 里没有）`);
  };
  const ids = new Set<string>();
  s.signs.forEach((g, i) => {
    if (ids.has(g.id)) problems.push(`${file}: signs[${i}].id: 重复的 id「${g.id}」`);
    ids.add(g.id);
    unknown(['signs', i, 'source'], g.source);
  });
  s.signs.forEach((g, i) => (g.unlessSign ?? []).forEach((id, j) => {
    if (!ids.has(id)) problems.push(`${file}: signs[${i}].unlessSign[${j}]: 没有 id 为「${id}」的迹象`);
  }));
  s.advice.forEach((a, i) => unknown(['advice', i, 'source'], a.source));
  unknown(['hotline', 'source'], s.hotline.source);
  for (const [path, p] of patternsOf(s)) {
    for (const c of p.match(CJK) ?? []) {
      const simplified = toSimp(c);
      if (simplified !== c) problems.push(`${file}: ${fieldPath(path)}: 「${c}」是繁体字：检查前消息会转成简体，要写「${simplified}」`);
    }
  }
  if (problems.length) throw new DataError(problems);
  return s;
}

export const messageSigns: Signs = validateSigns(raw, dataset);

/** What the checker island gets (JSON-safe; no zod, no OpenCC). */
export const checkerSpec: CheckerSpec = {
  signs: messageSigns.signs.map(({ id, level, title, plain, patterns, with: w, except, exceptMessage, unlessSign }) => ({
    id, level, title, plain, patterns, ...(w ? { with: w } : {}), ...(except ? { except } : {}),
    ...(exceptMessage ? { exceptMessage } : {}), ...(unlessSign ? { unlessSign } : {}),
  })),
  negations: messageSigns.negations,
  negationsAfter: messageSigns.negationsAfter,
  requests: messageSigns.requests,
  negationReach: messageSigns.negationReach,
  breakers: messageSigns.breakers,
  warnings: messageSigns.warnings,
  verdictWords: messageSigns.verdictWords,
  alarmWeak: messageSigns.alarmWeak,
  limit: messageSigns.limit,
  fold: foldFor(patternsOf(messageSigns).map(([, p]) => p)),
  official: messageSigns.officialDomains,
};
