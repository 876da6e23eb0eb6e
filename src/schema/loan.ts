/**
 * content/loan.yaml: 助学贷款以后 (/loan/): yearly repayment, the one-off relief years, deferral, 续贷,
 * where to ask. In-school interest, the grace period and the term are the student-loan subsidy's own
 * notes (content/subsidies/student-loan.yaml) and are shown from there, not repeated here.
 * Read and validated by src/data/loan.ts.
 */
import { z } from 'zod';
import { Confidence, IsoDate } from './index.ts';
import { SourcedText } from './sourced.ts';

/** One year's one-off relief (免当年利息、本金可申请延期 1 年), or a year for which none was found. */
export const ReliefYear = z
  .strictObject({
    /** Calendar year the relief is for. */
    year: z.number().int().min(2000).max(2100),
    /** yes = a notice for this year was found; not-found = none was found (never say it continued). */
    status: z.enum(['yes', 'not-found']),
    /** Source id of the notice (required when status is yes). */
    source: z.string().min(1).optional(),
    confidence: Confidence,
    /** What differs this year or what is known, one sentence (optional). */
    text: z.string().min(1).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'yes' && !r.source) ctx.addIssue({ code: 'custom', path: ['source'], message: 'status 为 yes 时要写 source（通知的来源 id）' });
    if (r.status === 'not-found' && r.source) ctx.addIssue({ code: 'custom', path: ['source'], message: 'status 为 not-found 时不写 source' });
  });
export type ReliefYear = z.infer<typeof ReliefYear>;

export const LoanAfter = z
  .strictObject({
    /** Day someone last checked this file against its sources. */
    lastVerified: IsoDate,
    /** How the yearly repayment works (system, way to pay, when). */
    repay: z.array(SourcedText).min(1),
    /** What the one-off relief is, the same every year it was granted. */
    relief: SourcedText,
    /** The years, ascending: each with a notice found, and the latest year without one. */
    reliefYears: z.array(ReliefYear).min(1),
    /** Deferral of principal: how a graduate applies (what is known). */
    deferral: z.array(SourcedText).min(1),
    /** 续贷: borrowing again each school year. */
    renew: z.array(SourcedText).min(1),
    /** Where to ask. */
    ask: z.array(SourcedText).min(1),
    /** Things the site does not know, shown as such. */
    unknown: z.array(z.string().min(1)).default([]),
  })
  .superRefine((l, ctx) => {
    l.reliefYears.forEach((y, i) => {
      if (i > 0 && y.year <= l.reliefYears[i - 1]!.year) ctx.addIssue({ code: 'custom', path: ['reliefYears', i, 'year'], message: 'reliefYears 要按年份从早到晚排列，不能重复' });
    });
  });
export type LoanAfter = z.infer<typeof LoanAfter>;
