/**
 * Posters, cards and letters (资助政策宣传月): the shapes both the build (ready posters) and the
 * browser (the poster builder island) use, and the builder's URL-hash state. Pure TypeScript: no data
 * import, no zod, safe in browser code. The content itself comes from ./content.ts at build time.
 *
 * Builder hash (public: counties send pre-filled builder links):
 *   /posters/make/#school=某某县第一中学&phone=0000-1234567&office=县学生资助管理中心&stage=senior&format=a4
 *   school, phone, office  free text (optional; at most SCHOOL_MAX / PHONE_MAX / OFFICE_MAX characters)
 *   stage                  a PosterSlug (default general)
 *   format                 a4 | a3 | cards | letter (default a4)
 */
import { quoteLinkValue } from '../../lib/link-value.ts';

/** What a poster is about: one stage, 义务教育 as a whole, or everything (general). */
export type { PosterSlug } from '../../rules/stages.ts';
import type { PosterSlug } from '../../rules/stages.ts';

/** Ready-made posters at /posters/SLUG/. */
export const READY_POSTERS = ['general', 'preschool', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad'] as const satisfies readonly PosterSlug[];
/** Ready-made letters to parents at /posters/letter/SLUG/. */
export const READY_LETTERS = ['preschool', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad'] as const satisfies readonly PosterSlug[];
/** Choices in the builder, in the order shown. */
export const BUILDER_SLUGS = ['general', 'preschool', 'primary', 'junior', 'compulsory', 'senior', 'vocational', 'undergrad', 'postgrad'] as const satisfies readonly PosterSlug[];

export type Format = 'a4' | 'a3' | 'cards' | 'letter';
export const FORMATS: readonly { id: Format; label: string }[] = [
  { id: 'a4', label: 'A4 海报' },
  { id: 'a3', label: 'A3 海报' },
  { id: 'cards', label: 'A6 小卡片（一张 A4 纸印 4 张，裁开用）' },
  { id: 'letter', label: '致家长的一封信（A4）' },
];

/** One subsidy on a poster. */
export interface PosterRow {
  id: string;
  /** Official name. */
  name: string;
  status: 'automatic' | 'apply' | 'conditional' | 'ineligible';
  /** Glossary term for the status (自动享受 / 可以申请 / 可能可以): the engine's status for a child of these stages (src/rules/views.ts profileStatus). */
  statusTerm: string;
  /** Amount lines in force (one per group, labelled when there are several); `by` = 「四川省公布」 for a figure a region published. */
  amounts: { label?: string; text: string; by?: string }[];
  /** One short figure for cards (e.g. 「625–1500 元/年」). */
  short: string;
  /** 以当地公布为准 applies. */
  local: boolean;
  /** Where to apply (「不用申请」 for automatic ones), from the data. */
  where: string;
  /** When to apply, for the ones a family applies for: the window in force in words (src/rules/timing.ts applyWhen), e.g. 「秋季开学后的 9 月，春季学期 3 月可以补报」; absent for what comes without applying (src/rules/views.ts SubsidyView.applies). */
  when?: string;
  /** Who qualifies under the rules in force (plain summary from the data). */
  who: string;
}

/** A stage box on the general poster. */
export interface StageGroup {
  slug: PosterSlug;
  name: string;
  /** Names of the subsidies in force. */
  names: string[];
}

export interface PosterContent {
  slug: PosterSlug;
  /** Stage name for the headline: 普通高中, 义务教育（小学、初中）… ('' for general). */
  stageName: string;
  /** Site path the QR code opens: '/check/#stage=senior' or '/check/' (general, 义务教育). */
  targetPath: string;
  /** Subsidies in force on `date` (empty for general). */
  rows: PosterRow[];
  /** general only: every stage with its subsidies. */
  groups: StageGroup[];
  /** The day the amounts are for (YYYY-MM-DD). */
  date: string;
  /** The data's 核对日期 (YYYY-MM-DD). */
  dataAsOf: string;
  /** 家庭经济困难学生认定, explained (glossary), when some subsidy here has to be applied for. */
  recognition?: { term: string; plain: string };
  /** The region whose figures these are (a default-region build); absent = national. */
  region?: { code: string; label: string };
  /** Contacts the region published (most specific first); used when the school typed no hotline. */
  contacts?: PosterContact[];
}

/** A 资助中心 a region published (src/schema/region.ts `Contact`, the parts a sheet prints). */
export interface PosterContact {
  name: string;
  phone?: string;
  address?: string;
  url?: string;
}

/**
 * The contact block of a sheet, as [label, text] pairs; [] = print nothing (no empty label).
 * What the school typed comes first; with no hotline typed, the first contact the region published
 * stands in (its phone, else its address, else its website), never an invented one.
 *   contactItems({ phone: '', office: '学校资助办' }, [{ name: '某县学生资助管理中心', phone: '0000-1111111' }])
 *     → [['咨询电话', '0000-1111111（某县学生资助管理中心）'], ['办理地点', '学校资助办']]
 */
export function contactItems(typed: { phone?: string; office?: string }, contacts: readonly PosterContact[] = []): [string, string][] {
  const items: [string, string][] = [];
  const phone = typed.phone?.trim();
  const office = typed.office?.trim();
  const c = contacts[0];
  if (phone) items.push(['咨询电话', phone]);
  else if (c?.phone) items.push(['咨询电话', `${c.phone}（${c.name}）`]);
  else if (c?.address) items.push(['咨询地点', `${c.name}，${c.address}`]);
  else if (c?.url) items.push(['咨询网站', `${c.name}：${c.url}`]);
  if (office) items.push(['办理地点', office]);
  return items;
}

export interface BuilderState {
  school: string;
  phone: string;
  office: string;
  stage: PosterSlug;
  format: Format;
}

export const SCHOOL_MAX = 60;
export const PHONE_MAX = 40;
export const OFFICE_MAX = 60;

export const DEFAULT_STATE: BuilderState = { school: '', phone: '', office: '', stage: 'general', format: 'a4' };

const clean = (s: string | null | undefined) => (s ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Reads the builder state from a location hash ('#school=…&stage=senior'). Unknown keys are ignored;
 * a bad stage or format falls back to the default and says so; over-long text is cut and says so.
 */
export function parseBuilderHash(hash: string): { state: BuilderState; errors: string[] } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const errors: string[] = [];
  const text = (key: string, max: number, what: string) => {
    const v = clean(p.get(key));
    if ([...v].length > max) {
      errors.push(`链接里的${what}太长，只保留了前 ${max} 个字。`);
      return [...v].slice(0, max).join('');
    }
    return v;
  };
  const state: BuilderState = {
    school: text('school', SCHOOL_MAX, '学校名称'),
    phone: text('phone', PHONE_MAX, '咨询电话'),
    office: text('office', OFFICE_MAX, '办理地点'),
    stage: DEFAULT_STATE.stage,
    format: DEFAULT_STATE.format,
  };
  const stage = clean(p.get('stage'));
  if (stage) {
    if ((BUILDER_SLUGS as readonly string[]).includes(stage)) state.stage = stage as PosterSlug;
    else errors.push(`链接里的学段${quoteLinkValue(stage)}不认识，先用「所有学段」。`);
  }
  const format = clean(p.get('format'));
  if (format) {
    if (FORMATS.some((f) => f.id === format)) state.format = format as Format;
    else errors.push(`链接里的版式${quoteLinkValue(format)}不认识，先用「A4 海报」。`);
  }
  return { state, errors };
}

/** The hash (without '#') for a builder state; empty text fields are left out. */
export function formatBuilderHash(s: BuilderState): string {
  const p = new URLSearchParams();
  if (s.school.trim()) p.set('school', s.school.trim());
  if (s.phone.trim()) p.set('phone', s.phone.trim());
  if (s.office.trim()) p.set('office', s.office.trim());
  p.set('stage', s.stage);
  p.set('format', s.format);
  return p.toString().replace(/\+/g, '%20');
}

/** A size step for text that has to fit: 0 (short) … 3 (very long), by length in characters. */
export function lengthStep(text: string, steps: readonly [number, number, number]): 0 | 1 | 2 | 3 {
  const n = [...text].length;
  return n <= steps[0] ? 0 : n <= steps[1] ? 1 : n <= steps[2] ? 2 : 3;
}
