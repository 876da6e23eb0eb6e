// Replays the table-driven case files under test/cases/ (YAML, one list per file). Each case:
//   name: a sentence saying what must hold
//   date: YYYY-MM-DD           answers: the public answer string (stage=…&grade=…)
//   region: optional region code
//   expect: { <subsidy id>: <status> | { status, amount, perSemester, basis, alternatives, local } }
//   documents: optional exact merged checklist (ids, any order); documentsInclude / documentsExclude: subsets;
//   documentsMaybe: the items only 「可能可以」 results need (ids, any order)
//   error: optional — the answers must be refused with these fields
import { describe, expect, it } from 'vitest';
import { evaluate, parseAnswers, type Result } from '../../src/site/evaluate.ts';

import { loadCases, type ExpectedResult as Expected } from '../cases/load.ts';

for (const [file, cases] of loadCases()) {
  describe(file, () => {
    for (const c of cases) {
      it(c.name, () => {
        const parsed = parseAnswers(c.answers);
        if (c.error) {
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.errors.map((e) => e.field).sort()).toEqual([...c.error].sort());
          return;
        }
        if (!parsed.ok) throw new Error(`答案被拒绝：${JSON.stringify(parsed.errors)}`);
        const ev = evaluate(parsed.answers, { date: String(c.date), ...(c.region && { region: c.region }) });
        const byId = new Map<string, Result>(ev.results.map((r) => [r.id, r]));
        for (const [id, want] of Object.entries(c.expect ?? {})) {
          const r = byId.get(id);
          expect(r, `没有「${id}」这一项结果`).toBeDefined();
          const w: Expected = typeof want === 'string' ? { status: want } : want;
          if (w.status !== undefined) expect(r!.status, `${id} 的状态（${r!.reason}）`).toBe(w.status);
          if (w.amount !== undefined) expect(r!.amount?.value ?? null, `${id} 的金额`).toBe(w.amount);
          if (w.perSemester !== undefined) expect(r!.amount?.perInstalment, `${id} 每学期`).toBe(w.perSemester);
          if (w.basis !== undefined) expect(r!.amount?.basis, `${id} 的口径`).toBe(w.basis);
          if (w.local !== undefined) expect(r!.local, `${id} 是否地方定`).toBe(w.local);
          if (w.alternatives !== undefined) expect(r!.alternatives.map((a) => a.value).sort(), `${id} 的可能金额`).toEqual([...w.alternatives].sort());
        }
        const docs = ev.documents.map((d) => d.doc.id);
        if (c.documents) expect(docs.sort()).toEqual([...c.documents].sort());
        for (const d of c.documentsInclude ?? []) expect(docs).toContain(d);
        for (const d of c.documentsExclude ?? []) expect(docs).not.toContain(d);
        if (c.documentsMaybe) expect(ev.documents.filter((d) => d.maybe).map((d) => d.doc.id).sort(), '看情况再准备的材料').toEqual([...c.documentsMaybe].sort());
      });
    }
  });
}
