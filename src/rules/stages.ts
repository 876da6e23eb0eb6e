/**
 * The stage ↔ page ↔ poster table: which wizard stages each stage page (/stages/SLUG/) and each poster
 * covers, the pages' names, and which subsidies they show, in data order (`order:` in each subsidy
 * file). Pure: the dataset comes in as an argument.
 *
 *   stagesOf('compulsory')        → ['primary', 'junior']
 *   pageOf('junior')              → 'compulsory'
 *   subsidiesFor(['senior'], data) → senior-fee-waiver, senior-grant, … (by `order`)
 *   posterTarget('senior', '510000') → '/check/#stage=senior&region=510000'
 */
import type { Dataset, Stage, Subsidy } from '../schema/index.ts';

/** A stage page: its slug, the wizard stages it explains, its names. */
export interface StagePage {
  slug: 'preschool' | 'compulsory' | 'senior' | 'vocational' | 'undergrad' | 'postgrad';
  stages: readonly Stage[];
  /** Full name, as shown on the home page buttons and in the header. */
  name: string;
  /** Label used as the Pagefind filter value (short, shown as a checkbox in search). */
  filter: string;
}

/** The six stage pages, in the order parents meet them. */
export const STAGE_PAGES: readonly StagePage[] = [
  { slug: 'preschool', stages: ['preschool'], name: '学前教育', filter: '学前教育' },
  { slug: 'compulsory', stages: ['primary', 'junior'], name: '义务教育（小学、初中）', filter: '义务教育' },
  { slug: 'senior', stages: ['senior'], name: '普通高中', filter: '普通高中' },
  { slug: 'vocational', stages: ['vocational'], name: '中等职业教育', filter: '中等职业教育' },
  { slug: 'undergrad', stages: ['undergrad'], name: '高等教育·本专科', filter: '本专科' },
  { slug: 'postgrad', stages: ['postgrad'], name: '研究生', filter: '研究生' },
];
export type PageSlug = StagePage['slug'];
// Pure (no side effect): a page that does not use them (the wizard) does not compute them.
export const PAGE_SLUGS: readonly PageSlug[] = /* @__PURE__ */ STAGE_PAGES.map((p) => p.slug);

/** Ready-made posters: the whole site, each stage page, and 小学 / 初中 apart. */
export const POSTER_SLUGS = ['general', 'preschool', 'compulsory', 'primary', 'junior', 'senior', 'vocational', 'undergrad', 'postgrad'] as const;
export type PosterSlug = (typeof POSTER_SLUGS)[number];

const ALL_STAGES: readonly Stage[] = /* @__PURE__ */ STAGE_PAGES.flatMap((p) => p.stages);

/** Wizard stages each poster covers. */
export function posterStages(slug: PosterSlug): readonly Stage[] {
  if (slug === 'general') return ALL_STAGES;
  const page = STAGE_PAGES.find((p) => p.slug === slug);
  return page ? page.stages : [slug as Stage];
}

/**
 * Where a poster's QR code leads: the wizard pre-set to the stage (`/check/#stage=…`, the public answer
 * vocabulary); general and 义务教育 as a whole (小学 and 初中 are two wizard stages) → the wizard's first
 * question. With a region, wizard links carry it. The path is relative to the site's root.
 */
export function posterTarget(slug: PosterSlug, region?: string): string {
  const stages = posterStages(slug);
  if (stages.length > 1) return region ? `/check/#region=${region}` : '/check/';
  return `/check/#stage=${stages[0]}${region ? `&region=${region}` : ''}`;
}

export class StageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StageError';
  }
}

/** Wizard stages for a page slug (`compulsory` → primary, junior) or a single wizard stage. @throws StageError for anything else. */
export function stagesOf(stage: string): Stage[] {
  const page = STAGE_PAGES.find((p) => p.slug === stage);
  if (page) return [...page.stages];
  if ((ALL_STAGES as readonly string[]).includes(stage)) return [stage as Stage];
  throw new StageError(`不认识的阶段「${stage}」（可用：${[...PAGE_SLUGS, 'primary', 'junior'].join('、')}）`);
}

/** The stage page a wizard stage is explained on. */
export function pageOf(stage: Stage): PageSlug {
  return STAGE_PAGES.find((p) => p.stages.includes(stage))!.slug;
}

/** The path of the stage page for a wizard stage (小学、初中 share the 义务教育 page). */
export const stagePagePath = (stage: Stage): string => `/stages/${pageOf(stage)}/`;

/** Stage pages that have a section for this subsidy, in page order. */
export function pagesOfSubsidy(s: Pick<Subsidy, 'stages'>): PageSlug[] {
  return STAGE_PAGES.filter((p) => s.stages.some((st) => p.stages.includes(st))).map((p) => p.slug);
}

/** Data order: `order`, then id. */
export const byOrder = (a: Pick<Subsidy, 'order' | 'id'>, b: Pick<Subsidy, 'order' | 'id'>): number => a.order - b.order || a.id.localeCompare(b.id);

/** Subsidies of any of these stages, in data order. */
export function subsidiesFor<S extends Subsidy>(stages: readonly Stage[], data: { subsidies: readonly S[] }): S[] {
  return data.subsidies.filter((s) => s.stages.some((st) => stages.includes(st))).sort(byOrder);
}

/** Every subsidy in data order. */
export const allSubsidies = <S extends Subsidy>(data: { subsidies: readonly S[] }): S[] => [...data.subsidies].sort(byOrder);

export type { Dataset };
