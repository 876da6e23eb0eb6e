/**
 * Build-time content of posters, cards and letters: for a poster slug and a day, the subsidies whose
 * rules are in force, each with its amount lines in force (worded by src/lib/format.ts, as everywhere
 * on the site), its status term and where to apply. Everything comes from the validated data; nothing
 * here types an amount or a condition. Imports the dataset (zod): use in .astro pages and tests only;
 * the builder island gets the result as a prop.
 */
import { dataAsOf } from '../../data/index.ts';
import type { Stage } from '../../schema/index.ts';
import { formatAmount, formatNumber, isUnconfirmed, UNCONFIRMED, type AmountLike } from '../../lib/format.ts';
import { STAGES as SHELL_STAGES } from '../shell/stages.ts';
import { getTerm, linesInForce, ruleInForce, subsidiesFor, termOf, type Line } from '../policy/data.ts';
import { READY_POSTERS, type PosterContent, type PosterRow, type PosterSlug, type StageGroup } from './types.ts';

/** Wizard stages each poster covers. */
export const POSTER_STAGES: Record<PosterSlug, readonly Stage[]> = {
  general: ['preschool', 'primary', 'junior', 'senior', 'vocational', 'undergrad', 'postgrad'],
  preschool: ['preschool'],
  compulsory: ['primary', 'junior'],
  primary: ['primary'],
  junior: ['junior'],
  senior: ['senior'],
  vocational: ['vocational'],
  undergrad: ['undergrad'],
  postgrad: ['postgrad'],
};

/**
 * Where the poster's QR code leads: the wizard pre-set to the stage (`/check/#stage=…`, the public
 * answer vocabulary); 义务教育 as a whole → its stage page (小学 and 初中 are two wizard stages);
 * general → the wizard's first question.
 */
export function targetPath(slug: PosterSlug): string {
  if (slug === 'general') return '/check/';
  if (slug === 'compulsory') return '/stages/compulsory/';
  return `/check/#stage=${slug}`;
}

/** Stage name for headlines: the site's stage names (header, home page); 小学 / 初中 from the glossary. */
export function posterStageName(slug: PosterSlug): string {
  if (slug === 'general') return '';
  const shell = SHELL_STAGES.find((s) => s.slug === slug);
  if (shell) return slug === 'undergrad' ? termOf('stage', 'undergrad') : shell.name;
  return termOf('stage', slug);
}

const withUnconfirmed = (l: AmountLike, text: string) => (isUnconfirmed(l) ? `${text}（${UNCONFIRMED}）` : text);

/** One figure for a card: a single line as is; several lines of one kind as a span or the top figure. */
export function shortAmount(lines: readonly Pick<Line, 'basis' | 'unit' | 'value' | 'confidence'>[]): string {
  if (!lines.length) return '';
  if (lines.length === 1) return withUnconfirmed(lines[0]!, formatAmount(lines[0]!));
  const [first] = lines;
  const same = lines.every((l) => l.basis === first!.basis && l.unit === first!.unit && l.value !== undefined);
  if (!same) return formatAmount(first!);
  const values = lines.map((l) => l.value!);
  const top = lines[values.indexOf(Math.max(...values))]!;
  const min = Math.min(...values);
  if (top.basis === 'up-to' || min === top.value) return withUnconfirmed(top, formatAmount(top));
  return withUnconfirmed(top, `${formatNumber(min)}–${formatAmount(top)}`);
}

/** The subsidies of these stages whose rules are in force on `date`, in stage-page order. */
export function posterRows(stages: readonly Stage[], date: string): PosterRow[] {
  return subsidiesFor(stages)
    .filter((s) => ruleInForce(s, date))
    .flatMap((s) => {
      const lines = linesInForce(s, date, stages);
      if (!lines.length) return [];
      const many = lines.length > 1;
      return [{
        id: s.id,
        name: s.name,
        status: s.grant,
        statusTerm: termOf('status', s.grant),
        amounts: lines.map((l) => ({ ...(many && l.label && { label: l.label }), text: withUnconfirmed(l, formatAmount(l)) })),
        short: shortAmount(lines),
        local: s.setLocally || lines.some((l) => l.local),
        where: s.apply.where,
        who: ruleInForce(s, date)!.who,
      } satisfies PosterRow];
    });
}

/** Everything a poster, card sheet or letter for `slug` shows, for the day `date`. */
export function posterContent(slug: PosterSlug, date: string): PosterContent {
  const groups: StageGroup[] = slug === 'general'
    ? READY_POSTERS.filter((s) => s !== 'general').map((s) => ({
        slug: s,
        name: posterStageName(s),
        names: posterRows(POSTER_STAGES[s], date).map((r) => r.name),
      }))
    : [];
  const rows = slug === 'general' ? [] : posterRows(POSTER_STAGES[slug], date);
  const rending = getTerm('term:rending');
  return {
    slug,
    stageName: posterStageName(slug),
    targetPath: targetPath(slug),
    rows,
    groups,
    date,
    dataAsOf,
    ...(rows.some((r) => r.status === 'apply') && rending.plain && { recognition: { term: rending.term, plain: rending.plain } }),
  };
}
