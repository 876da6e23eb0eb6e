/**
 * What a subsidy is called on a face, its one-line summary, 「怎么办」 and local note: the one place that picks between the
 * official name that covers several stages (国家助学金（本专科生、研究生）) and the stage's own
 * (本专科生国家助学金), from `Subsidy.forStage` (content/subsidies/*.yaml). Pure.
 *
 *   nameFor(higherGrant, ['undergrad'])              → '本专科生国家助学金'
 *   nameFor(higherGrant, ['undergrad', 'postgrad'])  → '国家助学金（本专科生、研究生）'
 *   nameFor(higherGrant)                             → '国家助学金（本专科生、研究生）'  (no stage: every stage)
 *   notesFor(higherGrant, ['undergrad'])             → its notes, without 研究生's own (forStage.postgrad.notes)
 */
import type { Stage, Subsidy } from '../schema/index.ts';

type Named = Pick<Subsidy, 'name' | 'summary' | 'forStage'>;
type Told = Pick<Subsidy, 'apply' | 'localNote' | 'forStage'>;
type Noted = Pick<Subsidy, 'notes' | 'forStage' | 'stages'>;

/** The entry for a face about exactly one stage, else none (a face about several keeps the official words). */
const own = (s: Pick<Subsidy, 'forStage'>, stages?: readonly Stage[]) => (stages && stages.length === 1 ? s.forStage?.[stages[0]!] : undefined);

/** The name on a face about `stages` (undefined: all the subsidy's stages). */
export const nameFor = (s: Named, stages?: readonly Stage[]): string => own(s, stages)?.name ?? s.name;

/** The summary sentence on a face about `stages` (undefined: all the subsidy's stages). */
export const summaryFor = (s: Named, stages?: readonly Stage[]): string => own(s, stages)?.summary ?? s.summary;

/** 「怎么办」 on a face about `stages`: the stage's `how`, else `apply.how`. */
export const howFor = (s: Told, stages?: readonly Stage[]): string => own(s, stages)?.how ?? s.apply.how;

/** 「以当地公布为准」's note on a face about `stages`: the stage's `localNote`, else the subsidy's. */
export const localNoteFor = (s: Told, stages?: readonly Stage[]): string | undefined => own(s, stages)?.localNote ?? s.localNote;

/**
 * The notes on a face about `stages` (undefined: every stage): the subsidy's `notes`, then those of
 * `forStage` for each of these stages (a note on 研究生 alone is not on the 本专科 page).
 */
export const notesFor = (s: Noted, stages: readonly Stage[] = s.stages): string[] => [...(s.notes ?? []), ...stages.flatMap((st) => s.forStage?.[st]?.notes ?? [])];
