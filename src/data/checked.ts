/**
 * The day the site's content was last checked against its sources, as the home page says it
 * (「最近核对：…」): the newest `lastVerified` over every content file that carries one — the subsidies,
 * content/loan.yaml, content/payments.yaml, the school kit (content/schools/*.yaml) and the message
 * checker's signs. A card or page that cites one file gives that file's own date, which is never later
 * than this one (test/unit/checked.test.ts).
 *
 *   siteCheckedOn → '2026-12-02'
 */
import { dataset } from './index.ts';
import { loanAfter } from './loan.ts';
import { payments } from './payments.ts';
import { faq, gongshiRules, messages } from './schools.ts';
import { messageSigns } from './message-signs.ts';

/** Every file's check date, YYYY-MM-DD, newest last. */
export const checkDates: string[] = [
  ...dataset.subsidies.map((s) => s.lastVerified),
  loanAfter.lastVerified,
  payments.lastVerified,
  faq.lastVerified,
  gongshiRules.lastVerified,
  messages.lastVerified,
  messageSigns.lastVerified,
].sort();

export const siteCheckedOn: string = checkDates.at(-1)!;
