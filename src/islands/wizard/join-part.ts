/**
 * The page's block and one stage's part (or several, merged by ./merge-parts.ts), joined as the engine
 * takes them. Only the results screens run it (./Results.tsx, ./Family.tsx), so it is not part of the
 * wizard's opening.
 */
import type { Dataset } from '../../schema/index.ts';
import type { Region } from '../../schema/region.ts';
import type { Part, Payload } from './lib.ts';

/** What a region has when the part brings nothing for it (the page's block names regions only). */
const NO_LISTS = { overrides: [], subsidies: [], contacts: [], sources: [] };

/** The page's block and one stage's part, as the engine takes them (evaluateInRegion). */
export function joinPart(p: Payload, part: Part): { data: Dataset; regions: Region[] } {
  const byCode = new Map(part.regions.map((r) => [r.code, r]));
  return {
    data: { subsidies: part.subsidies, sources: part.sources, documents: part.documents, glossary: part.asks ? [...p.glossary, ...part.asks] : p.glossary },
    // The block names the regions; their lists come with the part (only the non-empty ones).
    regions: p.regions.map((r) => ({ ...NO_LISTS, ...r, ...byCode.get(r.code) })),
  };
}

