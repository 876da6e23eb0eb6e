/**
 * Where the 「怎么发」 of a subsidy links to, and the words of that link: one decision for the wizard's
 * results (src/islands/wizard/Results.tsx) and the subsidy sections of the stage pages
 * (src/components/policy/SubsidySection.astro). Pure: no data import.
 *
 *   paymentLink({ id: 'senior-grant', delivery: { form: 'aid-card' } })
 *     → { href: '/payment/#pay-senior-grant', text: '钱什么时候到、打到哪张卡' }
 *   paymentLink({ id: 'student-loan', delivery: { form: 'bank-loan' } })
 *     → { href: '/loan/', text: '助学贷款以后：怎么还' }
 *   paymentLink({ id: '530521-x', delivery: { form: 'waived-at-enrolment' }, region: { … } })
 *     → { href: '/payment/#card-waived', text: '怎么发、找谁问' }   (a region's own subsidy: by form)
 *
 * The /payment/ page has a section `pay-ID` for every national subsidy (content/payments.yaml must
 * list each one; src/data/payments.ts refuses the file otherwise) and `card-ID` for each card or form.
 */

/** How a subsidy is paid (`DeliveryForm` in src/schema/index.ts). */
export type DeliveryForm =
  | 'waived-at-enrolment' | 'in-kind' | 'meals' | 'aid-card' | 'bank-loan' | 'one-off' | 'school-service' | 'compensation' | 'varies';

export interface PaymentLink {
  /** Root-relative address with an anchor. */
  href: string;
  /** The link's words. */
  text: string;
}

export const PAYMENT_PAGE = '/payment/';
export const LOAN_PAGE = '/loan/';

/** A region's own subsidy has no section of its own on /payment/: the section of its form (else the cards). */
const FORM_SECTION: Partial<Record<DeliveryForm, string>> = {
  'waived-at-enrolment': 'card-waived',
  'in-kind': 'card-in-kind',
  meals: 'card-meals',
};

/** The link for a subsidy or a result (`region` set = a region's own subsidy). */
export function paymentLink(s: { id: string; delivery: { form: DeliveryForm }; region?: unknown }): PaymentLink {
  const form = s.delivery.form;
  if (form === 'bank-loan') return { href: LOAN_PAGE, text: '助学贷款以后：怎么还' };
  const anchor = s.region ? FORM_SECTION[form] || 'cards' : `pay-${s.id}`;
  return { href: `${PAYMENT_PAGE}#${anchor}`, text: paidToACard(form) ? '钱什么时候到、打到哪张卡' : '怎么发、找谁问' };
}

/**
 * Whether a subsidy paid this way lands on some card (so a page says 「打到哪张卡」 even when no national
 * rule names the card): money paid out (aid-card, one-off); not waivers, meals, books, loans, school
 * services, compensation paid to the loan or the tuition, or a form each place decides (varies).
 */
export function paidToACard(form: DeliveryForm): boolean {
  return form === 'aid-card' || form === 'one-off';
}
