/**
 * The validated national policy dataset, read from `content/` at build time (YAML → JS by
 * src/integrations/yaml.mjs; no parser reaches the browser). Importing this module validates everything:
 * a bad file throws `DataError` naming the file and field, which fails `astro build` and the tests.
 */
import { validateDataset, type Dataset } from './validate.ts';
import sources from '../../content/sources.yaml';
import documents from '../../content/documents.yaml';
import glossary from '../../content/glossary.yaml';
import statuses from '../../content/statuses.yaml';

const subsidyFiles = import.meta.glob('../../content/subsidies/*.yaml', { eager: true, import: 'default' });

const rel = (p: string) => p.replace(/^(\.\.\/)+/, '');

export const dataset: Dataset = validateDataset({
  subsidies: Object.fromEntries(Object.entries(subsidyFiles).map(([p, d]) => [rel(p), d])),
  sources: { path: 'content/sources.yaml', data: sources },
  documents: { path: 'content/documents.yaml', data: documents },
  glossary: { path: 'content/glossary.yaml', data: glossary },
  statuses: { path: 'content/statuses.yaml', data: statuses },
});

/** The newest `lastVerified` over all subsidies: the site's 「数据核对日期」. */
export const dataAsOf: string = dataset.subsidies.map((s) => s.lastVerified).sort().at(-1)!;

export { DataError, validateDataset, type Dataset, type RawDataset } from './validate.ts';
