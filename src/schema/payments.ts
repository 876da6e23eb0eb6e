/**
 * content/payments.yaml: when and where the money arrives (/payment/, and the 「怎么发」 link of every
 * wizard result and subsidy section). Read and validated by src/data/payments.ts.
 *
 * Shape:
 *   lastVerified: 2026-12-01
 *   channels:     the cards and forms (学生资助卡, 中职资助卡, 社保卡, 银行卡, 直接免除, 供餐, 发书, 贷款)
 *   subsidies:    one entry per national subsidy: which channels, and when if a source says
 *   arrival:      how to see the money arrived without giving anyone a code
 *   notArrived:   「钱没到怎么办」, in order: 班主任 → 学校资助老师 → 县学生资助管理中心 → 当地教育局
 *   unknown:      what the site does not know, said as such (e.g. no national month of payment)
 */
import { z } from 'zod';
import { IsoDate } from './index.ts';
import { Id, SourcedText } from './sourced.ts';

/** One card or form the money or benefit comes in. */
export const PaymentChannel = z.strictObject({
  /** Identifier and page anchor (`/payment/#card-ID`), e.g. `aid-card`. */
  id: Id,
  /** Its name as families hear it, e.g. 「学生资助卡」「社保卡（要开通金融功能）」. */
  name: z.string().min(1),
  /** What it is, one plain sentence (a definition, no figure). */
  what: z.string().min(1),
  /** How it is activated or switched on (omitted for forms that need nothing, e.g. 直接免除). */
  activate: SourcedText.optional(),
  /** What to do when the card is lost. */
  lost: SourcedText.optional(),
  /** Other facts about it (free of charge, the school may not keep it, …). */
  facts: z.array(SourcedText).default([]),
  /**
   * Money is paid onto it: a card the family has and brings when asked (学生资助卡, 中职资助卡, 社保卡,
   * 银行卡), not a form such as 直接免除 or 供餐. A document with the same id (content/documents.yaml
   * `aid-card`) is named, for each subsidy, by that subsidy's cards here (src/rules/faq.ts `{docs:…}`).
   */
  card: z.boolean().default(false),
  /** Its name in a list of several cards (「社保卡」); `name` when absent. */
  short: z.string().min(1).optional(),
  /** Another channel whose `activate` and `lost` apply to this one too (中职资助卡 → 学生资助卡). */
  like: Id.optional(),
  /** What the site does not know about this channel, said plainly (shown as 「本站不知道」). */
  unknown: z.array(z.string().min(1)).default([]),
});
export type PaymentChannel = z.infer<typeof PaymentChannel>;

/** Where one subsidy's money goes. The subsidy's own `delivery.text` says how it is paid; this adds the cards. */
export const SubsidyPayment = z.strictObject({
  /** Subsidy id (a file name in content/subsidies/). */
  subsidy: Id,
  /** Channel ids, most common first; [] when no national rule says which card (the page says so). */
  channels: z.array(Id),
  /** Source of the channel list. */
  source: z.string().min(1),
  confidence: z.enum(['high', 'medium', 'unconfirmed']),
  /** When it usually arrives, only if a source says (else the page says there is no national month). */
  when: SourcedText.optional(),
});
export type SubsidyPayment = z.infer<typeof SubsidyPayment>;

/** One step of 「钱没到怎么办」. */
export const NotArrivedStep = SourcedText.extend({
  /** Whom to ask at this step, e.g. 「班主任」「县（市、区）学生资助管理中心」. */
  who: z.string().min(1),
});
export type NotArrivedStep = z.infer<typeof NotArrivedStep>;

export const Payments = z.strictObject({
  /** Day someone last checked this file against its sources. */
  lastVerified: IsoDate,
  channels: z.array(PaymentChannel).min(1),
  subsidies: z.array(SubsidyPayment).min(1),
  /** How to see the money arrived (no code given to anyone). */
  arrival: z.array(SourcedText).min(1),
  /** 「钱没到怎么办」 in order (at least 班主任 → 学校 → 县 → 教育局). */
  notArrived: z.array(NotArrivedStep).min(4),
  /** Things the site does not know (e.g. 「全国没有统一的到账月份」), shown as such. */
  unknown: z.array(z.string().min(1)).default([]),
});
export type Payments = z.infer<typeof Payments>;
