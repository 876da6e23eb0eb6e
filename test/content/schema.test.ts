// One schema test per data file, plus broken files that must fail naming the file and field.
import { describe, expect, it } from 'vitest';
import { Documents, Glossary, Sources, Subsidy } from '../../src/schema/index.ts';
import { validateDataset, type RawDataset } from '../../src/data/validate.ts';
import { dataErrorOf } from '../support/data-error.ts';
import sources from '../../content/sources.yaml';
import documents from '../../content/documents.yaml';
import glossary from '../../content/glossary.yaml';
import statuses from '../../content/statuses.yaml';

const subsidyFiles = import.meta.glob('../../content/subsidies/*.yaml', { eager: true, import: 'default' }) as Record<string, any>;
const raw = (): RawDataset => ({
  subsidies: Object.fromEntries(Object.entries(subsidyFiles).map(([p, d]) => [p.replace(/^(\.\.\/)+/, ''), structuredClone(d)])),
  sources: { path: 'content/sources.yaml', data: structuredClone(sources) },
  documents: { path: 'content/documents.yaml', data: structuredClone(documents) },
  glossary: { path: 'content/glossary.yaml', data: structuredClone(glossary) },
  statuses: { path: 'content/statuses.yaml', data: structuredClone(statuses) },
});

describe('each data file matches its schema', () => {
  for (const [path, data] of Object.entries(subsidyFiles)) {
    it(`${path.replace(/^(\.\.\/)+/, '')} is a valid subsidy`, () => {
      const r = Subsidy.safeParse(data);
      expect(r.success ? [] : r.error.issues).toEqual([]);
    });
  }
  it('content/sources.yaml is a valid source list', () => expect(Sources.safeParse(sources).success).toBe(true));
  it('content/documents.yaml is a valid documents catalogue', () => expect(Documents.safeParse(documents).success).toBe(true));
  it('content/glossary.yaml is a valid glossary', () => expect(Glossary.safeParse(glossary).success).toBe(true));
  it('the whole dataset validates with its cross-file links', () => {
    expect(validateDataset(raw()).subsidies.length).toBe(Object.keys(subsidyFiles).length);
  });
});

describe('bad data fails with the file and field named', () => {
  const failWith = (mutate: (r: RawDataset) => void) => {
    const r = raw();
    mutate(r);
    return dataErrorOf(() => validateDataset(r), 'validateDataset');
  };
  const senior = (r: RawDataset) => r.subsidies['content/subsidies/senior-grant.yaml'] as any;

  it('a value without a source fails naming amounts[i].source', () => {
    const msg = failWith((r) => delete senior(r).amounts[1].source);
    expect(msg).toContain('content/subsidies/senior-grant.yaml: amounts[1].source');
  });
  it('a qualifying path citing an unknown source fails naming rules[i].paths[k].source', () => {
    const msg = failWith((r) => ((r.subsidies['content/subsidies/living-allowance.yaml'] as any).rules[0].paths[0].source = 'no-such-doc'));
    expect(msg).toContain('content/subsidies/living-allowance.yaml: rules[0].paths[0].source: 未知来源「no-such-doc」');
  });
  it('a value citing an unknown source fails naming the source id', () => {
    const msg = failWith((r) => (senior(r).amounts[0].source = 'no-such-doc'));
    expect(msg).toContain('content/subsidies/senior-grant.yaml: amounts[0].source: 未知来源「no-such-doc」');
  });
  it('an unknown condition type fails naming rules[i].conditions[j].type', () => {
    const msg = failWith((r) => (senior(r).rules[0].conditions[0] = { type: 'income-below', value: 800 }));
    expect(msg).toContain('content/subsidies/senior-grant.yaml: rules[0].conditions[0].type');
  });
  it('an unknown document id fails naming documents[i].doc', () => {
    const msg = failWith((r) => (senior(r).documents[0].doc = 'poverty-certificate'));
    expect(msg).toContain('content/subsidies/senior-grant.yaml: documents[0].doc: 未知材料「poverty-certificate」');
  });
  it('dates are read as written, so a day that does not exist (2025-02-30, 2025-13-01) fails naming the field', () => {
    expect(typeof senior(raw()).amounts[0].from, 'the YAML loader keeps dates as text').toBe('string');
    const msg = failWith((r) => {
      senior(r).amounts[0].from = '2025-02-30';
      senior(r).rules[0].from = '2025-13-01';
    });
    expect(msg).toContain('content/subsidies/senior-grant.yaml: amounts[0].from: 没有这一天');
    expect(msg).toContain('content/subsidies/senior-grant.yaml: rules[0].from: 没有这一天');
  });
  it('a `was` (the value before) on a line that has a recorded predecessor fails naming amounts[i].was', () => {
    const msg = failWith((r) => (senior(r).amounts[1].was = 2000));
    expect(msg).toContain('content/subsidies/senior-grant.yaml: amounts[1].was: was（调整前的金额）只写在同一条金额线的第一条上');
  });
  it('an empty subsidy file fails naming the file', () => {
    const msg = failWith((r) => (r.subsidies['content/subsidies/senior-grant.yaml'] = null));
    expect(msg).toContain('content/subsidies/senior-grant.yaml: (整个文件)');
  });
  it('an amount history out of date order fails naming amounts', () => {
    const msg = failWith((r) => senior(r).amounts.reverse());
    expect(msg).toContain('content/subsidies/senior-grant.yaml: amounts: amounts 要按 from');
  });
  it('a fixed amount without a number fails naming value', () => {
    const msg = failWith((r) => delete senior(r).amounts[0].value);
    expect(msg).toContain('content/subsidies/senior-grant.yaml: amounts[0].value');
  });
  it('an id that differs from the file name fails naming id', () => {
    const msg = failWith((r) => (senior(r).id = 'senior-grant-2'));
    expect(msg).toContain('content/subsidies/senior-grant.yaml: id');
  });
  it('a source without a title fails naming sources.yaml and the field', () => {
    const msg = failWith((r) => delete (r.sources.data as any[])[0].title);
    expect(msg).toContain('content/sources.yaml: [0].title');
  });
});
