/**
 * Build-time content of posters, cards and letters: for a poster slug and a day, the subsidies whose
 * rules are in force, each with its amount lines in force (worded by src/lib/format.ts, as everywhere
 * on the site), its status term and where to apply. Everything comes from the validated data; nothing
 * here types an amount or a condition. Imports the dataset (zod): use in .astro pages and tests only;
 * the builder island gets the result as a prop.
 *
 * With a region (the pages pass the deployment's ZZ_REGION): figures come from the region-applied data
 * (a figure the region published says so, e.g. 「分三档 1300、2300、3300 元/年」 by 「四川省公布」), the
 * region's published contacts come along for the contact block, and the QR code's wizard link carries
 * `region=<code>`. Without one, everything is national, as before.
 *   posterContent('senior', '2026-11-29', '510000')
 */
import { dataAsOf, type Dataset } from '../../data/index.ts';
import type { Stage } from '../../schema/index.ts';
import type { Region } from '../../schema/region.ts';
import { regions as configuredRegions } from '../../data/regions.ts';
import { regionContacts, regionLabel } from '../../rules/regions.ts';
import { formatAmount, formatFloor, formatNumber, PRIVATE_WAIVER_SHORT, isUnconfirmed, UNCONFIRMED, type AmountLike } from '../../lib/format.ts';
import { STAGES as SHELL_STAGES } from '../shell/stages.ts';
import { dataIn, getTerm, subsidiesFor, termOf, type Line } from '../policy/data.ts';
import { POSTER_SLUGS, posterStages, posterTarget } from '../../rules/stages.ts';
import { subsidyView } from '../../rules/views.ts';
import { dataset } from '../../data/index.ts';
import { publishedBy, regionalFigure, tierSpan } from '../policy/regional.ts';
import { READY_POSTERS, type PosterContact, type PosterContent, type PosterRow, type PosterSlug, type StageGroup } from './types.ts';

/** Wizard stages each poster covers (src/rules/stages.ts). */
export const POSTER_STAGES = Object.fromEntries(POSTER_SLUGS.map((p) => [p, posterStages(p)])) as Record<PosterSlug, readonly Stage[]>;

/** Where the poster's QR code leads (src/rules/stages.ts posterTarget). */
export const targetPath = posterTarget;

/** Stage name for headlines: the site's stage names (header, home page); 小学 / 初中 from the glossary. */
export function posterStageName(slug: PosterSlug): string {
  if (slug === 'general') return '';
  const shell = SHELL_STAGES.find((s) => s.slug === slug);
  if (shell) return slug === 'undergrad' ? termOf('stage', 'undergrad') : shell.name;
  return termOf('stage', slug);
}

const withUnconfirmed = (l: AmountLike, text: string) => (isUnconfirmed(l) ? `${text}（${UNCONFIRMED}）` : text);

/** One figure for a card: a single line as is; several lines of one kind as a span or the top figure. */
export function shortAmount(lines: readonly Pick<Line, 'basis' | 'unit' | 'value' | 'confidence' | 'waives'>[]): string {
  if (!lines.length) return '';
  if (lines.length === 1) return withUnconfirmed(lines[0]!, formatAmount(lines[0]!));
  const [first] = lines;
  // 公办 and 民办 waiver lines (免学杂费, 学前一年免保教费): a card must not say 「全免」 to a 民办 family.
  if (lines.every((l) => l.basis === 'waiver') && lines.some((l) => l.waives === 'public-standard') && lines.some((l) => l.waives !== 'public-standard')) {
    return PRIVATE_WAIVER_SHORT;
  }
  const same = lines.every((l) => l.basis === first!.basis && l.unit === first!.unit && l.value !== undefined);
  if (!same) return formatAmount(first!);
  const values = lines.map((l) => l.value!);
  const top = lines[values.indexOf(Math.max(...values))]!;
  const min = Math.min(...values);
  if (top.basis === 'up-to' || min === top.value) return withUnconfirmed(top, formatAmount(top));
  return withUnconfirmed(top, `${formatNumber(min)}–${formatAmount(top)}`);
}

/**
 * The subsidies of these stages whose rules are in force on `date`, in stage-page order, from `data`
 * (default: national; pass region-applied data, see dataIn). A figure a region published is worded as
 * the region published it (tiers) and says who (`by`); `regionName` gives the region's full name.
 */
export function posterRows(stages: readonly Stage[], date: string, data: Dataset = dataset, regionName: (code: string) => string = (c) => c): PosterRow[] {
  return subsidiesFor(stages, data)
    .flatMap((s) => {
      // Status, lines and who: the engine's view model, as on the stage pages.
      const v = subsidyView(data, data === dataset ? undefined : dataset, s.id, stages, date);
      if (!v.rule || !v.lines.length) return [];
      const lines = v.lines;
      const many = lines.length > 1;
      const one = lines.length === 1 ? lines[0]! : undefined;
      return [{
        id: s.id,
        name: v.name,
        status: v.status,
        // Some get it without applying, others apply (中职免学费): 「自动享受或可以申请」, never 「自动享受」 alone.
        statusTerm: v.ways.length ? v.ways.map((w) => termOf('status', w.status)).join('或') : termOf('status', v.status),
        amounts: lines.map((l) => ({
          ...(many && l.label && { label: l.label }),
          // A floor local bodies set beside the figure (博士 地方高校不低于 13000), as the stage page and the wizard say it.
          text: withUnconfirmed(l, l.region ? regionalFigure(l) : formatAmount(l)) + (l.floor && !l.region ? `；${formatFloor({ ...l, cap: undefined })}` : ''),
          ...(l.region && { by: publishedBy(regionName(l.region.code)) }),
        })),
        short: one?.region && one.tiers ? withUnconfirmed(one, tierSpan(one)) : shortAmount(lines),
        // A figure the region published is the local figure: no 以当地公布为准 when every line is one.
        local: lines.every((l) => l.region) ? false : s.setLocally || lines.some((l) => l.local),
        where: v.apply.where,
        // When to apply: the engine's wording (the window in force on `date`), for what takes an application.
        ...(v.applies && { when: v.apply.when }),
        who: v.who,
      } satisfies PosterRow];
    });
}

/**
 * Everything a poster, card sheet or letter for `slug` shows, for the day `date`; with `region` (a
 * configured region code, e.g. the deployment's ZZ_REGION), as it applies there. `within` is the list
 * of regions (default: content/regions/; tests pass fixtures).
 * @throws RegionError when `region` is not one of `within`.
 */
export function posterContent(slug: PosterSlug, date: string, region?: string, within: readonly Region[] = configuredRegions): PosterContent {
  const data = dataIn(region, within);
  const name = (code: string) => regionLabel(within, code);
  const groups: StageGroup[] = slug === 'general'
    ? READY_POSTERS.filter((s) => s !== 'general').map((s) => ({
        slug: s,
        name: posterStageName(s),
        names: posterRows(POSTER_STAGES[s], date, data, name).map((r) => r.name),
      }))
    : [];
  const rows = slug === 'general' ? [] : posterRows(POSTER_STAGES[slug], date, data, name);
  const rending = getTerm('term:rending');
  const contacts: PosterContact[] = region
    ? regionContacts(within, region).map((c) => ({
        name: c.name,
        ...(c.phone && { phone: c.phone }),
        ...(c.address && { address: c.address }),
        ...(c.url && { url: c.url }),
      }))
    : [];
  return {
    slug,
    stageName: posterStageName(slug),
    targetPath: targetPath(slug, region),
    rows,
    groups,
    date,
    dataAsOf,
    ...(rows.some((r) => r.status === 'apply') && rending.plain && { recognition: { term: rending.term, plain: rending.plain } }),
    ...(region && { region: { code: region, label: name(region) }, contacts }),
  };
}
