/**
 * Loads the table-driven case files (test/cases/**.yaml). Used by test/unit/cases.test.ts and by the
 * e2e wizard replay (cases marked `ui: true`). Each case:
 *   name: a sentence saying what must hold · date: YYYY-MM-DD · answers: the public answer string
 *   region?: code · ui?: true to replay through the wizard in Chromium
 *   expect?: { <subsidy id>: <status> | { status, amount, perSemester, basis, alternatives, local } }
 *   documents? (exact merged checklist) · documentsInclude? · documentsExclude?
 *   documentsMaybe? (exactly the checklist items only 「可能可以」 results need, listed last as 看情况再准备)
 *   orderStarts? (first result ids in reading order) · summaryStarts? · docNotes? / noDocNotes?
 *   expect also takes: title, headline, reasonIncludes/Excludes, delivery, documents, path, timing,
 *   timingIncludes/Excludes, group, sources, confidence, rangeConfidence, noteIncludes/Excludes (see ExpectedResult)
 *   error?: fields — the answers must be refused naming these parameters
 */
export interface ExpectedResult {
  status?: string; amount?: number | null; perSemester?: number; basis?: string; alternatives?: number[]; local?: boolean;
  /** The name the result goes by, exactly (a stage's own, e.g. 本专科生国家助学金: src/rules/names.ts). */
  title?: string;
  /** Substring of the headline figure (formatAmount of the amount), e.g. 「公办学校标准」. */
  headline?: string;
  reasonIncludes?: string[]; reasonExcludes?: string[];
  /** Substring of how it is paid. */
  delivery?: string;
  /** Exactly this result's documents (ids, any order). */
  documents?: string[];
  /** The qualifying path id. */
  path?: string;
  /** Exactly the 依据 the result cites (source ids, in order: the rule's or its path's, then the amount line's). */
  sources?: string[];
  /** Where the date stands in the application window: open | soon | catchup (a later 补报 month of the window is ahead) | kept (a waiver that goes on: who has it does nothing) | passed | over | none. */
  timing?: string;
  timingIncludes?: string;
  /** Words the 「什么时候」 sentence must not have (「毕业」 for a student years from it). */
  timingExcludes?: string;
  /** The reading group: cash | help | maybe | passed | out. */
  group?: string;
  /** Words of 「去学校可以这样问」, or false: no script (nothing left to ask, e.g. a 新生 item that is over). */
  ask?: string | false;
  confidence?: string; rangeConfidence?: string;
  noteIncludes?: string; noteExcludes?: string;
}
export interface Case {
  name: string; date: string; answers: string; region?: string; ui?: boolean;
  expect?: Record<string, string | ExpectedResult>;
  documents?: string[]; documentsInclude?: string[]; documentsExclude?: string[]; documentsMaybe?: string[];
  /** The first result ids, in reading order. */
  orderStarts?: string[];
  /** The summary line starts with this. */
  summaryStarts?: string;
  /** Checklist documents whose note is shown / not shown for this stage. */
  docNotes?: string[]; noDocNotes?: string[];
  error?: string[];
}

// Cases of another shape, read by their own tests: ./families/ (test/unit/family.test.ts), ./gongshi/
// (the 公示 checker's cells, test/unit/gongshi.test.ts) and ./new-year/ (孩子升级了吗, test/unit/new-year.test.ts).
const files = import.meta.glob(['./**/*.yaml', '!./families/**', '!./gongshi/**', '!./new-year/**'], { eager: true, import: 'default' }) as Record<string, Case[]>;

/** [file path, cases] for every case file, path relative to the repository. */
export function loadCases(): [string, Case[]][] {
  return Object.entries(files).map(([p, cs]) => [p.replace(/^\.\//, 'test/cases/'), cs.map((c) => ({ ...c, date: isoDate(c.date) }))]);
}

/** YAML reads an unquoted 2026-10-10 as a Date; cases always use the ISO string. */
function isoDate(d: unknown): string {
  return d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
}
