/**
 * View models for the faces that explain a subsidy without a family's answers: stage pages, region
 * pages, the change log, posters and letters. They render what these functions return and decide
 * nothing: which rule and which amount lines are in force, the status chip, the national figure beside
 * a regional one, the history table's rows, the documents with the condition that limits them, the
 * sources behind what is shown. Pure: datasets and a date in.
 *
 * `site` is the data as it applies on the site (national, or with the default region applied, see
 * ./regions.ts applyRegion); `national` is the national dataset (for 「全国：…」 beside regional figures).
 *
 *   subsidyView(site, national, 'nutrition-meal', ['primary', 'junior'], '2026-10-01')
 *     → { status: 'conditional', lines: [...], who: '…', documents: [...], sources: [...], … }
 *   changesIn(national)  → every dated change, newest first
 */
import type { AmountEntry, Condition, Dataset, DocumentInfo, RuleEntry, Source, Stage, Subsidy } from '../schema/index.ts';
import { cnNumber } from '../schema/words.ts';
import { foldCondition, makeTerms, profileState, worstOf, type Fold, type TermLookup } from './conditions.ts';
import type { Status } from './evaluate.ts';
import { amountHistories, inForce, lineKey, linesInForce, sourceLookup, toAmount, type Amount, type RegionalAmountEntry, type RegionTag, type SourceOf } from './lines.ts';
import { allSubsidies } from './stages.ts';
import { applyNone, applyWhen } from './timing.ts';
import { ruleSourceIds } from './paths.ts';
import { howFor, localNoteFor, nameFor, notesFor, summaryFor } from './names.ts';
import type { ReliefYear } from '../schema/loan.ts';

export class PolicyDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyDataError';
  }
}

type AnySubsidy = Subsidy & { region?: RegionTag; amounts: RegionalAmountEntry[]; rules: (RuleEntry & { region?: RegionTag })[] };

/** A subsidy by id. @throws PolicyDataError naming the missing file. */
export function subsidyById(data: Dataset, id: string): AnySubsidy {
  const s = data.subsidies.find((x) => x.id === id);
  if (!s) throw new PolicyDataError(`没有 id 为「${id}」的资助项目（content/subsidies/${id}.yaml 不存在）`);
  return s as AnySubsidy;
}

/**
 * The status a stage page's chip shows for a subsidy: the engine's status for the profile the chip
 * describes — a child at one of `stages` whose answers meet every condition the wizard can ask about.
 * Conditions no answer settles (试点地区, 评选, 名额 …) stay unknown, so such a subsidy is 「可能可以」
 * here exactly as in the wizard. 'ineligible' when no such child qualifies on `date` (not in force yet).
 */
export function profileStatus(s: Pick<Subsidy, 'grant' | 'rules'>, stages: readonly Stage[], date: string): Status {
  const rule = inForce(s.rules, date);
  if (!rule) return 'ineligible';
  const states = rule.conditions.map((c) => profileState(c, stages));
  if (states.includes('missed')) return 'ineligible';
  if (!rule.paths) return states.includes('unknown') ? 'conditional' : s.grant;
  // With paths (src/rules/paths.ts): the best path such a child can take, automatic first.
  const paths = rule.paths.map((p) => ({ p, st: p.conditions.map((c) => profileState(c, stages)) }));
  const met = paths.filter((x) => !x.st.includes('missed') && !x.st.includes('unknown'));
  const best = met.find((x) => x.p.grant === 'automatic') ?? met[0];
  if (!best) return paths.some((x) => !x.st.includes('missed')) ? 'conditional' : 'ineligible';
  return states.includes('unknown') ? 'conditional' : best.p.grant;
}

/**
 * Who gets it without applying and who must apply, when the ways of the rule in force differ
 * (src/rules/paths.ts): the chip alone would say 「自动享受」 to a city family that has to pass 认定
 * (中职免学费: 农村学生 automatic, 城市困难学生 apply). Each way a child of `stages` can take, grouped
 * by grant, automatic first; [] when every way is the same (the chip says it all) or there are none.
 *
 *   profileWays(vocationalFeeWaiver, ['vocational'], '2026-12-01')
 *     → [{ status: 'automatic', who: ['农村（含县镇）户口的学生', '涉农专业的学生'] }, { status: 'apply', who: ['经认定的城市家庭经济困难学生（…）'] }]
 */
export function profileWays(s: Pick<Subsidy, 'rules'>, stages: readonly Stage[], date: string): { status: 'automatic' | 'apply'; who: string[] }[] {
  const paths = (inForce(s.rules, date)?.paths ?? []).filter((p) => !p.conditions.some((c) => profileState(c, stages) === 'missed'));
  const ways = (['automatic', 'apply'] as const).map((g) => ({ status: g, who: paths.filter((p) => p.grant === g).map((p) => p.label) })).filter((w) => w.who.length);
  return ways.length > 1 ? ways : [];
}

/** An amount line as a page shows it: the figure, and the national one when a region set it. */
export interface LineView extends Amount {
  /** The national figure for the same students on the day (only beside a regional figure). */
  national?: Amount;
  /** The national standard changed after the region's figure took effect (check locally). */
  nationalNewer: boolean;
}

export interface DocumentNeedView {
  doc: DocumentInfo;
  /** Which families need it when not every family does (「脱贫家庭、防止返贫监测对象」「新生」); '' = every family. */
  only: string;
  /**
   * The ways to qualify that need it, when not every way at these stages does (「本专科退役士兵学生」 for
   * the 退伍证), each label without its trailing （…）; '' = every way.
   */
  ways: string;
}

export interface SubsidyView {
  id: string;
  name: string;
  summary: string;
  /** The chip: see profileStatus. */
  status: Status;
  /** Who gets it without applying and who applies, when the ways differ (profileWays); [] otherwise. */
  ways: { status: 'automatic' | 'apply'; who: string[] }[];
  /** The rule in force; absent before the subsidy starts (`startsOn` says when). */
  rule?: RuleEntry & { region?: RegionTag };
  startsOn?: string;
  /** Who qualifies, in words (the rule in force, else the first one). */
  who: string;
  /** The amount lines in force for these stages. */
  lines: LineView[];
  /** When the first amount takes effect, if none is in force yet. */
  amountsFrom?: string;
  /** Whether any line has an earlier value (a history table is worth showing). */
  hasHistory: boolean;
  setLocally: boolean;
  localNote?: string;
  delivery: Subsidy['delivery'];
  /** Where, when (src/rules/timing.ts applyWhen: the window in force, in words) and how to apply. */
  apply: { where: string; when: string; how: string };
  /** Whether some way of getting it takes an application (the subsidy's `grant`, or a path of the rule in force): then 「什么时候申请」 is worth saying on paper. */
  applies: boolean;
  /** The application window in force (Subsidy.windows), when there is one: its confidence decides 「以当年通知为准」. */
  window?: Subsidy['windows'][number];
  documents: DocumentNeedView[];
  notes: string[];
  /** Sources behind what is shown (rule, then amounts, then national figures shown beside), no repeats. */
  sources: Source[];
  lastVerified: string;
  /** Set for a programme only a region has. */
  region?: RegionTag;
}

const sourcesOf = (datasets: readonly (Dataset | undefined)[]): SourceOf => sourceLookup(datasets.flatMap((d) => d?.sources ?? []));

/** The national line for the same students as `line` (same line key) on `date`. */
export function nationalLineOf(national: Dataset, id: string, key: string, date: string): Amount | undefined {
  const s = national.subsidies.find((x) => x.id === id);
  if (!s) return undefined;
  const e = inForce(s.amounts.filter((a) => lineKey(a.when) === key), date);
  return e ? toAmount(s, e, sourceLookup(national.sources)) : undefined;
}

/** Whether a way to qualify can be a child's at one of `stages` (no condition of it rules them out). */
/** Whether a way to qualify (a rule path) is open at `stages`: no condition of it rules those stages out. */
export const wayOpenAt = (p: { conditions: readonly Condition[] }, stages: readonly string[]): boolean => !p.conditions.some((c) => profileState(c, stages) === 'missed');

/**
 * Who qualifies, as a page about `stages` says it: the rule's `who`, or — when some of its ways are not
 * for these stages (国家助学金: 本专科 困难学生和退役士兵; 研究生 all) — the labels of the ways that are.
 */
export function whoFor(rule: Pick<RuleEntry, 'who' | 'paths'>, stages?: readonly Stage[]): string {
  const paths = rule.paths ?? [];
  const ok = stages ? paths.filter((p) => wayOpenAt(p, stages)) : paths;
  return !ok.length || ok.length === paths.length ? rule.who : ok.map((p) => p.label).join('；');
}

/**
 * The documents a subsidy lists, each with who needs it; for a page about `stages`, without those
 * only ways of other stages need (研究生 bring no 困难认定表 for their 国家助学金).
 */
export function documentNeeds(data: Pick<Dataset, 'documents' | 'glossary'>, s: Pick<Subsidy, 'documents'> & Partial<Pick<Subsidy, 'rules'>>, stages?: readonly Stage[]): DocumentNeedView[] {
  const t = makeTerms(data.glossary);
  const all = (s.rules ?? []).flatMap((r) => r.paths ?? []);
  const pathLabel = new Map(all.map((p) => [p.id, p.label]));
  const mine = new Set(all.filter((p) => !stages || wayOpenAt(p, stages)).map((p) => p.id));
  return s.documents.filter((d) => !d.paths || d.paths.some((p) => mine.has(p))).map((d) => {
    const doc = data.documents.find((x) => x.id === d.doc);
    if (!doc) throw new PolicyDataError(`没有 id 为「${d.doc}」的材料（content/documents.yaml）`);
    const ways = d.paths ? d.paths.filter((p) => mine.has(p)) : [];
    const some = ways.length > 0 && ways.length < mine.size;
    return { doc, only: conditionLabel(d.if, t), ways: some ? ways.map((p) => (pathLabel.get(p) ?? p).replace(/（[^（）]*）$/, '')).join('或') : '' };
  });
}

/**
 * Whether a 民办 school's student can have it, by the school conditions of a rule version (its own and
 * its paths'): 'none' = the rule has no school condition (不分公办、民办, as the wizard says for a 民办
 * answer); 'in' = a school condition lists 民办 (`in: [private]`); 'maybe' = 民办 does not settle it
 * (`maybe: [private]`, or only with another condition no answer settles: 民办园 要经教育部门批准), with
 * that condition's own `text` when it has one; 'out' = only 公办. The worst of the common conditions
 * counts; of the ways (paths), a way without a school condition is open to 民办, and when 民办 can take
 * some ways but not all (or not surely), it is 'maybe' too: it depends on the way.
 *
 *   privateSchool(preschoolFreeYear.rules[0]) → { state: 'maybe', text: '民办园要是教育部门批准设立的…' }
 *   privateSchool(seniorGrant.rules[0])       → { state: 'none' }
 *   privateSchool(livingAllowance.rules[0])   → { state: 'maybe', text: '民办学校的学生能不能拿，全国没有统一的规定，要问学校' }
 */
export function privateSchool(rule: Pick<RuleEntry, 'conditions' | 'paths'>): { state: 'none' | 'in' | 'maybe' | 'out'; text?: string } {
  const hasSchool = (c: Condition): boolean => c.type === 'school' || ((c.type === 'anyOf' || c.type === 'allOf') && c.of.some(hasSchool));
  // Only school conditions and what no answer settles (external) decide; every other condition is met by some answer.
  const leaf = (c: Exclude<Condition, { type: 'anyOf' | 'allOf' }>): Fold =>
    c.type === 'school'
      ? (c.in as string[]).includes('private') ? { state: 'met' } : (c.maybe as string[] | undefined)?.includes('private') ? { state: 'unknown', text: c.text } : { state: 'missed' }
      : c.type === 'external' ? { state: 'unknown', text: c.text } : { state: 'met' };
  const worst = (cs: readonly Condition[]): Fold => worstOf(cs.filter(hasSchool).map((c) => foldCondition(c, leaf)));
  const all = [...rule.conditions, ...(rule.paths ?? []).flatMap((p) => p.conditions)];
  if (!all.some(hasSchool)) return { state: 'none' };
  const common = worst(rule.conditions);
  // Ways: 民办 can take every way (met), none (missed), or only some / not surely (可能可以: it depends on the way).
  const ways = (rule.paths ?? []).map((p) => worst(p.conditions));
  const path: Fold = ways.every((w) => w.state === 'met') ? { state: 'met' } : ways.every((w) => w.state === 'missed') ? { state: 'missed' } : { state: 'unknown', text: ways.find((w) => w.state === 'unknown')?.text };
  const r = worstOf([common, path]);
  return r.state === 'met' ? { state: 'in' } : r.state === 'missed' ? { state: 'out' } : { state: 'maybe', ...(r.text && { text: r.text }) };
}

/** One subsidy as a stage page (or region page, poster) explains it for `stages` on `date`. */
export function subsidyView(site: Dataset, national: Dataset | undefined, id: string, stages: readonly Stage[] | undefined, date: string): SubsidyView {
  const s = subsidyById(site, id);
  const sourceOf = sourcesOf([site, national]);
  const rule = inForce(s.rules, date);
  const window = inForce(s.windows ?? [], date);
  const lines: LineView[] = linesInForce(s, date, sourceOf, stages).map((l) => {
    const nat = l.region && national && !s.region ? nationalLineOf(national, id, l.key, date) : undefined;
    return { ...l, ...(nat && { national: nat }), nationalNewer: !!(nat && nat.from > l.from) };
  });
  const ids = [...ruleSourceIds(rule ?? s.rules[0]!), ...lines.map((l) => l.source.id), ...lines.flatMap((l) => (l.national ? [l.national.source.id] : []))];
  // Applied for by some way open at these stages (研究生国家助学金 is not: the school pays every student).
  const applies = rule?.paths?.length ? rule.paths.some((p) => p.grant === 'apply' && (!stages || wayOpenAt(p, stages))) : s.grant === 'apply';
  const localNote = localNoteFor(s, stages);
  return {
    id: s.id,
    name: nameFor(s, stages),
    summary: summaryFor(s, stages),
    status: profileStatus(s, stages ?? s.stages, date),
    ways: profileWays(s, stages ?? s.stages, date),
    ...(rule && { rule }),
    ...(!rule && { startsOn: s.rules[0]!.from }),
    who: whoFor(rule ?? s.rules[0]!, stages),
    lines,
    ...(!lines.length && { amountsFrom: s.amounts[0]!.from }),
    hasHistory: amountHistories(s, stages).some((g) => g.length > 1),
    setLocally: s.setLocally,
    ...(localNote && { localNote }),
    delivery: s.delivery,
    // Where, as the wizard says it: 「不用申请，…会办理」 for what no way here is applied for (timing.ts applyNone).
    apply: { where: applies ? s.apply.where : applyNone(s.apply.where), when: applyWhen(s, date), how: howFor(s, stages) },
    applies,
    ...(window && { window }),
    documents: documentNeeds(site, s, stages),
    notes: notesFor(s, stages),
    sources: [...new Set(ids)].map(sourceOf),
    lastVerified: s.lastVerified,
    ...(s.region && { region: s.region }),
  };
}

/** One row of a subsidy's history table, newest first. */
export interface HistoryRow {
  from: string;
  /** 'current' = in force on the day (现行), 'upcoming' = published, not yet in force (将实施). */
  when: 'current' | 'upcoming' | 'past';
  amount: Amount;
  /** On a default-region build: who set the row — a region, or 'national' for 全国; absent on the national site. */
  by?: RegionTag | 'national';
}

/**
 * The amount history of a subsidy for `stages`, newest first (same day: data order, the region's row
 * first). On a default-region build the national entries the region's figures replace are listed too,
 * marked 全国.
 */
export function valueHistory(site: Dataset, national: Dataset | undefined, id: string, stages: readonly Stage[] | undefined, date: string): HistoryRow[] {
  const s = subsidyById(site, id);
  const sourceOf = sourcesOf([site, national]);
  const groups = amountHistories(s, stages);
  const current = new Set(groups.map((g) => inForce(g, date)).filter(Boolean));
  const keys = groups.map((g) => lineKey(g[0]!.when));
  const regionalSite = groups.flat().some((e) => e.region);
  const nat = regionalSite && national ? national.subsidies.find((x) => x.id === id) : undefined;
  const shadowed = nat ? amountHistories(nat, stages).flat().filter((e) => !s.amounts.includes(e)) : [];
  return [...groups.flat(), ...shadowed]
    .map((e: RegionalAmountEntry) => ({ e, gi: keys.indexOf(lineKey(e.when)) }))
    .sort((a, b) => (a.e.from < b.e.from ? 1 : a.e.from > b.e.from ? -1 : a.gi - b.gi || (b.e.region ? 1 : 0) - (a.e.region ? 1 : 0)))
    .map(({ e }) => ({
      from: e.from,
      when: current.has(e) ? 'current' : e.from > date ? 'upcoming' : 'past',
      amount: toAmount(s, e, sourceOf),
      ...(nat && { by: e.region ?? 'national' }),
    }));
}

/** A dated change found in the histories. */
export type Change =
  | { kind: 'amount'; from: string; subsidy: Subsidy; label?: string; before: Amount; after: Amount; stage?: Stage }
  | { kind: 'rule'; from: string; subsidy: Subsidy; before: RuleEntry; after: RuleEntry }
  | { kind: 'new'; from: string; subsidy: Subsidy; after: RuleEntry }
  /** A year of the one-off loan relief (content/loan.yaml reliefYears, status yes), from 1 January. */
  | { kind: 'relief'; from: string; year: number; source: string; confidence: ReliefYear['confidence'] };

/**
 * Every change in the data, newest first: a value (or kind of amount) that differs from the previous
 * entry of the same line, every new version of who qualifies, and each year of the one-off loan relief
 * found (`reliefYears`, content/loan.yaml; a year without a notice is not a change). The first entry of
 * a line is where the data starts, not a change, so it is not listed, unless it says the value it
 * replaced (`was`: 本专科国家助学金 2019 春 由 3000 元提高到 3300 元).
 */
export function changesIn(data: Dataset, reliefYears: readonly ReliefYear[] = []): Change[] {
  const out: Change[] = [];
  const sourceOf = sourceLookup(data.sources);
  for (const s of allSubsidies(data)) {
    if (s.rules[0]!.introduced) out.push({ kind: 'new', from: s.rules[0]!.from, subsidy: s, after: s.rules[0]! });
    for (const g of amountHistories(s)) {
      // The first recorded line's predecessor, when only its value is known (`was`).
      const first = g[0]!;
      if (first.was !== undefined) {
        out.push({
          kind: 'amount', from: first.from, subsidy: s, ...(first.when?.label && { label: first.when.label }),
          before: toAmount(s, { ...first, value: first.was, range: undefined, tiers: undefined, floor: undefined, cap: undefined }, sourceOf), after: toAmount(s, first, sourceOf), ...(first.when?.stages && { stage: first.when.stages[0] }),
        });
      }
      for (let i = 1; i < g.length; i++) {
        const [b, a] = [g[i - 1]!, g[i]!];
        if (b.value === a.value && b.basis === a.basis && b.unit === a.unit) continue;
        out.push({
          kind: 'amount', from: a.from, subsidy: s, ...(a.when?.label && { label: a.when.label }),
          before: toAmount(s, b, sourceOf), after: toAmount(s, a, sourceOf), ...(a.when?.stages && { stage: a.when.stages[0] }),
        });
      }
    }
    for (let i = 1; i < s.rules.length; i++) {
      const [b, a] = [s.rules[i - 1]!, s.rules[i]!];
      if (b.who !== a.who) out.push({ kind: 'rule', from: a.from, subsidy: s, before: b, after: a });
    }
  }
  for (const y of reliefYears) if (y.status === 'yes') out.push({ kind: 'relief', from: `${y.year}-01-01`, year: y.year, source: y.source!, confidence: y.confidence });
  return out.sort((x, y) => (x.from < y.from ? 1 : x.from > y.from ? -1 : 0));
}

/** Short Chinese words for a document's `if` condition: 「脱贫家庭、防止返贫监测对象」「新生」… ('' = everyone). */
export function conditionLabel(c: Condition | undefined, t: TermLookup): string {
  if (!c) return '';
  switch (c.type) {
    case 'family':
      return c.anyOf.map((f) => t('family', f)).join('、');
    case 'grade':
      if (c.max === 1 && c.min === undefined) return '新生';
      if (c.min !== undefined && c.max === undefined) return `${cnNumber(c.min)}年级及以上`;
      return c.text ?? `${cnNumber(c.min ?? 1)}到${cnNumber(c.max!)}年级`;
    case 'boarding':
      return c.is === 'yes' ? t('answer', 'boarding') : '走读生';
    case 'veteran':
      return c.is === 'yes' ? t('answer', 'veteran') : '';
    case 'hukou':
      return c.in.map((h) => t('answer', `hukou-${h}`)).join('、');
    default:
      return c.text ?? '';
  }
}

/** The newest lastVerified over these subsidies. */
export function lastVerifiedOf(subs: readonly Pick<Subsidy, 'lastVerified'>[]): string {
  return subs.map((s) => s.lastVerified).sort().reverse()[0]!;
}

/** Subsidies citing a source anywhere in their rules or amount histories. */
export function subsidiesCiting(data: Dataset, sourceId: string): Subsidy[] {
  return allSubsidies(data).filter((s) => s.rules.some((r) => ruleSourceIds(r).includes(sourceId)) || s.amounts.some((a) => a.source === sourceId));
}

export type { AmountEntry };
