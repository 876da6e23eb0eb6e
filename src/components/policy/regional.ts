/**
 * Wording for figures a region published (a default-region build, ZZ_REGION): who set the figure and
 * the national one beside it. Pure TypeScript, no data import, no zod: stage pages, posters and the
 * poster builder island all use it.
 *
 *   regionalFigure({ basis: 'average', unit: 'per-year', value: 2300, tiers: [1300, 2300, 3300] })
 *                                                   → '分三档 1300、2300、3300 元/年'
 *   regionalFigure({ basis: 'fixed', unit: 'per-year', value: 1250 })  → '1250 元/年'
 *   publishedBy('四川省')                           → '四川省公布'
 *   regionalSentence('四川省', tiered, national)    → '四川省公布：分三档 1300、2300、3300 元/年，全国是 2300 元/年（平均标准）'
 *   tierSpan(tiered)                                → '1300–3300 元/年'   ('' without tiers)
 *   contactDetails({ phone: '0875-123 4567', … })   → [{ label: '电话', text: '0875-123 4567', href: 'tel:08751234567' }, …]
 */
import { formatAmount, formatNumber, type AmountLike } from '../../lib/format.ts';
import { formatTiers } from '../../rules/regions.ts';
import type { Contact } from '../../schema/region.ts';

/** An amount line that may carry the tiers a region published. */
export type TieredAmount = AmountLike & { tiers?: number[] };

/**
 * The figure as the region published it: its tiers in words when it has tiers (the tiers are what a
 * family gets), otherwise the amount worded as everywhere on the site.
 */
export function regionalFigure(a: TieredAmount): string {
  const tiers = formatTiers({ tiers: a.tiers, unit: a.unit });
  return tiers ? tiers.replace('：', ' ') : formatAmount(a);
}

/** 「四川省公布」: who set a figure. */
export function publishedBy(regionLabel: string): string {
  return `${regionLabel}公布`;
}

/**
 * One phrase for running text: the regional figure with who set it, then the national figure when
 * there is one: '四川省公布：分三档 1300、2300、3300 元/年，全国是 2300 元/年（平均标准）'.
 */
export function regionalSentence(regionLabel: string, regional: TieredAmount, national?: AmountLike): string {
  const own = `${publishedBy(regionLabel)}：${regionalFigure(regional)}`;
  return national ? `${own}，全国是 ${formatAmount(national)}` : own;
}

/** Lowest to highest tier, for a small card: '1300–3300 元/年'; '' without tiers. */
export function tierSpan(a: TieredAmount): string {
  if (!a.tiers?.length) return '';
  const max = Math.max(...a.tiers);
  return `${formatNumber(Math.min(...a.tiers))}–${formatAmount({ basis: 'fixed', unit: a.unit, value: max })}`;
}

/** One line of a published contact's details: 「电话」「办公时间」「地址」「网站」 and what to show, linked where it can be. */
export interface ContactDetail {
  label: string;
  text: string;
  /** tel: link for the phone, the website's address. */
  href?: string;
  rel?: 'noopener';
}

/**
 * The details a contact published, in the order the site shows them (电话, 办公时间, 地址, 网站), only
 * those it has: the phone as a tel: link (digits and + only), the website as a link.
 * RegionContacts and /regions/CODE/ render each as <dt>label</dt><dd>…</dd>.
 */
export function contactDetails(c: Pick<Contact, 'phone' | 'hours' | 'address' | 'url'>): ContactDetail[] {
  const out: ContactDetail[] = [];
  if (c.phone) out.push({ label: '电话', text: c.phone, href: `tel:${c.phone.replace(/[^0-9+]/g, '')}` });
  if (c.hours) out.push({ label: '办公时间', text: c.hours });
  if (c.address) out.push({ label: '地址', text: c.address });
  if (c.url) out.push({ label: '网站', text: c.url, href: c.url, rel: 'noopener' });
  return out;
}
