/** Joining stage parts for a family whose children are at different stages (loaded with ./Family.tsx). */
import type { Part } from './lib.ts';

/**
 * Several stages' parts as one (subsidies, sources, documents and region entries each once, by id),
 * so the engine can evaluate children at different stages from one dataset. A child's results from
 * the joined part equal those from its own stage's part (test/unit/wizard-parts.test.ts).
 */
/**
 * The union of several lists that are each in the data's order (a part lists its stage's subsidies as
 * the data does), in an order that keeps every list's own order (a topological sort; ties in order of
 * first appearance), so a child's results come in the same order as from its own stage's part.
 */
export function inOrder<T extends { id: string }>(lists: readonly (readonly T[])[]): T[] {
  const byId = new Map<string, T>();
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const list of lists) {
    list.forEach((x, i) => {
      if (!byId.has(x.id)) {
        byId.set(x.id, x);
        after.set(x.id, new Set());
        before.set(x.id, 0);
      }
      const prev = list[i - 1];
      if (prev && !after.get(prev.id)!.has(x.id)) {
        after.get(prev.id)!.add(x.id);
        before.set(x.id, before.get(x.id)! + 1);
      }
    });
  }
  const out: T[] = [];
  const ready = [...byId.keys()].filter((id) => before.get(id) === 0);
  const rank = new Map([...byId.keys()].map((id, i) => [id, i]));
  while (ready.length) {
    ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
    const id = ready.shift()!;
    out.push(byId.get(id)!);
    for (const n of after.get(id)!) {
      before.set(n, before.get(n)! - 1);
      if (before.get(n) === 0) ready.push(n);
    }
  }
  return out;
}

type Sub = Part['subsidies'][number];

/**
 * The subsidies of several parts, each once (inOrder), with the amount lines, ways and documents of
 * all: a stage's part carries only that stage's (src/site/wizard-trim.ts), so 国家助学金 in the 本专科
 * and 研究生 parts gets both; lines once each in date order (stable: the data's order within a day),
 * ways and documents in data order.
 */
function joinSubsidies(lists: readonly (readonly Sub[])[]): Sub[] {
  return inOrder(lists).map((s) => {
    const all = lists.map((l) => l.find((x) => x.id === s.id)).filter((x) => !!x);
    // A part has only the ways open at its stage, and the documents they need: the union, in data order.
    const rules = s.rules.map((r, i) => (r.paths ? { ...r, paths: inOrder(all.map((x) => x.rules[i]?.paths ?? [])) } : r));
    const keyed = (x: Sub) => x.documents.map((d) => ({ id: JSON.stringify(d), d }));
    const documents = inOrder(all.map(keyed)).map((x) => x.d);
    const seen = new Set<string>();
    const amounts = all.flatMap((x) => x.amounts).filter((a) => {
      const k = JSON.stringify(a);
      return !seen.has(k) && !!seen.add(k);
    });
    // Each part has its own stage's 怎么办 and local note in forStage (src/site/wizard-trim.ts): keep all.
    const forStage: Record<string, object> = {};
    for (const x of all) for (const [k, v] of Object.entries(x.forStage ?? {})) forStage[k] = { ...forStage[k], ...v };
    return { ...s, rules, documents, ...(Object.keys(forStage).length && { forStage }), amounts: amounts.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)) };
  });
}

export function mergeParts(parts: readonly Part[]): Part {
  const byId = <T extends { id: string }>(xs: T[]) => [...new Map(xs.map((x) => [x.id, x])).values()];
  const first = parts[0]!;
  // A part lists only the regions that have something for its stage, and only their non-empty lists.
  const regions = [...new Set(parts.flatMap((p) => p.regions.map((r) => r.code)))].map((code) => {
    const all = parts.map((p) => p.regions.find((x) => x.code === code)).filter((x) => !!x);
    const seen = new Set<string>();
    const overrides = all.flatMap((x) => x.overrides ?? []).filter((o) => {
      const k = JSON.stringify(o);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    return { ...all[0], code, overrides, subsidies: joinSubsidies(all.map((x) => x.subsidies ?? [])), sources: byId(all.flatMap((x) => x.sources ?? [])) };
  });
  return {
    subsidies: joinSubsidies(parts.map((p) => p.subsidies)),
    sources: byId(parts.flatMap((p) => p.sources)),
    documents: byId(parts.flatMap((p) => p.documents)),
    regions,
    steps: first.steps,
    // 「这样问」 sentences: every stage's, once (without them a family's 可能可以 results had none).
    asks: byId(parts.flatMap((p) => p.asks ?? [])),
  };
}
