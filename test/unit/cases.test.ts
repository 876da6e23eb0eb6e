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
import { formatAmount } from '../../src/lib/format.ts';

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
          if (w.title !== undefined) expect(r!.name, `${id} 的名称`).toBe(w.title);
          if (w.headline !== undefined) expect(r!.amount ? formatAmount(r!.amount) : '', `${id} 的金额标题`).toContain(w.headline);
          for (const t of w.reasonIncludes ?? []) expect(r!.reason, `${id} 的理由`).toContain(t);
          for (const t of w.reasonExcludes ?? []) expect(r!.reason, `${id} 的理由`).not.toContain(t);
          if (w.delivery !== undefined) expect(r!.delivery.text, `${id} 怎么发`).toContain(w.delivery);
          if (w.documents !== undefined) expect([...r!.documents].sort(), `${id} 的材料`).toEqual([...w.documents].sort());
          if (w.path !== undefined) expect(r!.path?.id, `${id} 的资格路径`).toBe(w.path);
          if (w.sources !== undefined) expect(r!.sources.map((x) => x.id), `${id} 的依据`).toEqual(w.sources);
          if (w.timing !== undefined) expect(r!.timing?.state ?? 'none', `${id} 的申请时间（${r!.timing?.message}）`).toBe(w.timing);
          if (w.timingIncludes !== undefined) expect(r!.timing?.message, `${id} 的申请时间`).toContain(w.timingIncludes);
          if (w.timingExcludes !== undefined) expect(r!.timing?.message, `${id} 的申请时间`).not.toContain(w.timingExcludes);
          if (w.group !== undefined) expect(r!.group, `${id} 排在哪一组`).toBe(w.group);
          if (w.ask === false) expect(r!.ask, `${id} 不该有「去学校可以这样问」`).toBe('');
          else if (w.ask !== undefined) expect(r!.ask, `${id} 的「去学校可以这样问」`).toContain(w.ask);
          if (w.confidence !== undefined) expect(r!.amount?.confidence, `${id} 金额的置信度`).toBe(w.confidence);
          if (w.rangeConfidence !== undefined) expect(r!.amount?.range?.confidence, `${id} 区间的置信度`).toBe(w.rangeConfidence);
          if (w.noteIncludes !== undefined) expect(r!.amount?.note ?? '', `${id} 的金额说明`).toContain(w.noteIncludes);
          if (w.noteExcludes !== undefined) expect(r!.amount?.note ?? '', `${id} 的金额说明`).not.toContain(w.noteExcludes);
        }
        const docs = ev.documents.map((d) => d.doc.id);
        if (c.documents) expect(docs.sort()).toEqual([...c.documents].sort());
        for (const d of c.documentsInclude ?? []) expect(docs).toContain(d);
        for (const d of c.documentsExclude ?? []) expect(docs).not.toContain(d);
        if (c.orderStarts) expect(ev.results.slice(0, c.orderStarts.length).map((r) => r.id), '结果的顺序').toEqual(c.orderStarts);
        if (c.summaryStarts) expect(ev.summary.slice(0, c.summaryStarts.length), `摘要：${ev.summary}`).toBe(c.summaryStarts);
        for (const d of c.docNotes ?? []) expect(ev.documents.find((x) => x.doc.id === d)?.note, `${d} 的说明`).toBeTruthy();
        for (const d of c.noDocNotes ?? []) expect(ev.documents.find((x) => x.doc.id === d)?.note, `${d} 的说明`).toBeUndefined();
        if (c.documentsMaybe) expect(ev.documents.filter((d) => d.maybe).map((d) => d.doc.id).sort(), '看情况再准备的材料').toEqual([...c.documentsMaybe].sort());
      });
    }
  });
}
