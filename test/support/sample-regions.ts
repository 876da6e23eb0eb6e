/**
 * The invented sample regions (990000 示例省 › 990100 示例市 › 990101 示例县) from test/fixtures/regions/,
 * validated against the national dataset like content/regions/ (allowSamples). They are never part of
 * the site; unit tests use them next to the configured regions.
 *   import { regionsWithSamples, samples } from '../support/sample-regions.ts';
 */
import { dataset } from '../../src/data/index.ts';
import { regions, validateRegions } from '../../src/data/regions.ts';
import type { Region } from '../../src/schema/region.ts';

const fixtureFiles = import.meta.glob('../fixtures/regions/*.yaml', { eager: true, import: 'default' });

/** The sample regions, validated (file names as `test/fixtures/regions/CODE.yaml` in messages). */
export const samples: Region[] = validateRegions(
  Object.fromEntries(Object.entries(fixtureFiles).map(([p, d]) => [p.replace(/^(\.\.\/)+/, 'test/'), structuredClone(d)])),
  dataset,
  { allowSamples: true },
);

/** The configured regions (content/regions/) plus the samples. */
export const regionsWithSamples: Region[] = [...regions, ...samples];
