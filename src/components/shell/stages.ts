/**
 * The six education stages, in the order parents meet them. Used by the header nav, the home page,
 * the 404 page and Base.astro's Pagefind `stage` filter (slug → the Chinese label shown in search).
 */
export interface Stage {
  slug: 'preschool' | 'compulsory' | 'senior' | 'vocational' | 'undergrad' | 'postgrad';
  /** Full name, as shown on the home page buttons. */
  name: string;
  /** Label used as the Pagefind filter value (short, shown as a checkbox in search). */
  filter: string;
}

export const STAGES: readonly Stage[] = [
  { slug: 'preschool', name: '学前教育', filter: '学前教育' },
  { slug: 'compulsory', name: '义务教育（小学、初中）', filter: '义务教育' },
  { slug: 'senior', name: '普通高中', filter: '普通高中' },
  { slug: 'vocational', name: '中等职业教育', filter: '中等职业教育' },
  { slug: 'undergrad', name: '高等教育·本专科', filter: '本专科' },
  { slug: 'postgrad', name: '研究生', filter: '研究生' },
];

export const stageHref = (s: Stage) => `/stages/${s.slug}/`;

/** Pagefind filter value for a `stage` prop: a known slug maps to its label; anything else is kept. */
export function stageFilterValue(stage: string): string {
  return STAGES.find((s) => s.slug === stage)?.filter ?? stage;
}
