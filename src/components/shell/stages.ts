/**
 * The six education stages, in the order parents meet them: the stage pages of the stage ↔ page ↔
 * poster table (src/rules/stages.ts). Used by the header nav, the home page, the 404 page and
 * Base.astro's Pagefind `stage` filter (slug → the Chinese label shown in search).
 */
import { STAGE_PAGES, type StagePage } from '../../rules/stages.ts';

export type Stage = StagePage;
export const STAGES: readonly Stage[] = STAGE_PAGES;

export const stageHref = (s: Stage) => `/stages/${s.slug}/`;

/** Pagefind filter value for a `stage` prop: a known slug maps to its label; anything else is kept. */
export function stageFilterValue(stage: string): string {
  return STAGES.find((s) => s.slug === stage)?.filter ?? stage;
}
