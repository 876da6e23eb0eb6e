/**
 * Build-time only: the wizard's data as the site serves it, computed once per build and shared by the
 * page (src/pages/check/index.astro: the JSON block) and the endpoint that writes each stage's part
 * (src/pages/check/data/[part].json.ts). A part's file name carries a hash of its content
 * (`primary.1a2b3c4d.json`), so a page always loads the parts of its own deployment, and the block
 * lists them by stage (`Payload.parts`). The city and county names of the configured provinces
 * (./places.ts) are one more file there, `places.<hash>.json` (`Payload.places`), fetched only when the
 * family types in the region search.
 */
import { createHash } from 'node:crypto';
import { dataset, dataAsOf } from '../data/index.ts';
import { regions } from '../data/regions.ts';
import { applySteps } from '../data/steps.ts';
import { defaultRegion } from '../lib/deployment.ts';
import { today } from '../lib/today.ts';
import { sitePath } from '../lib/site-url.ts';
import type { Stage } from '../rules/answers.ts';
import type { Payload } from '../islands/wizard/lib.ts';
import { makePayload, payloadJson } from './wizard-trim.ts';
import { placeNames } from './places.ts';

/** Where the parts are served from (a site path; the block lists them under the deployment's base, sitePath()). */
export const PARTS_DIR = '/check/data/';

export interface WizardFiles {
  /** The text of `<script type="application/json" id="wz-data">`. */
  blockJson: string;
  /** Each stage's part: file name (without directory; stages with equal data share one) and its JSON text. */
  parts: { stage: Stage; file: string; json: string }[];
  /** The city and county names for the region search (./places.ts): file name and JSON text. */
  places: { file: string; json: string };
}

const hashed = (name: string, json: string) => `${name}.${createHash('sha256').update(json).digest('hex').slice(0, 10)}.json`;

let cached: WizardFiles | undefined;

export function wizardFiles(): WizardFiles {
  if (cached) return cached;
  // The earliest day the wizard answers for: a device clock set before this is taken as this day.
  const floor = [dataAsOf, today()].sort()[0]!;
  const { base, parts } = makePayload(dataset, regions, applySteps, floor, defaultRegion);
  const files: WizardFiles['parts'] = [];
  for (const [stage, part] of Object.entries(parts) as [Stage, unknown][]) {
    const json = payloadJson(part);
    // Stages with the same data (小学 and 初中 today) share one file.
    const same = files.find((f) => f.json === json);
    files.push({ stage, file: same?.file ?? hashed(stage, json), json });
  }
  const json = payloadJson(placeNames(regions));
  const places = { file: hashed('places', json), json };
  const block: Payload = { ...base, parts: Object.fromEntries(files.map((f) => [f.stage, sitePath(PARTS_DIR + f.file)])) as Payload['parts'], places: sitePath(PARTS_DIR + places.file) };
  cached = { blockJson: payloadJson(block), parts: files, places };
  return cached;
}
