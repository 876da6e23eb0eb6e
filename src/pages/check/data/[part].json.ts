/**
 * /check/data/<stage>.<hash>.json: one stage's part of the wizard's data (see
 * src/site/wizard-trim.ts and wizard-files.ts). Static files; the wizard fetches the one for the family's
 * stage, and the service worker precaches them all for offline use. Also `places.<hash>.json`, the city
 * and county names the region search fetches when the family types (src/site/places.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { wizardFiles } from '../../../site/wizard-files.ts';

export const getStaticPaths = (() =>
  [...new Map([...wizardFiles().parts, wizardFiles().places].map((p) => [p.file, p])).values()].map((p) => ({ params: { part: p.file.replace(/\.json$/, '') }, props: { json: p.json } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { json: string }).json, { headers: { 'content-type': 'application/json; charset=utf-8' } });
