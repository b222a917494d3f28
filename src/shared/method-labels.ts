// How a match was made, in words: the engine's method codes (MatchGroup.method) for the screen and
// the workbook alike. Who made it is separate: 'auto' reads as "automatisch".
import type { Lang } from './domain';

const METHOD: Record<string, { nl: string; en: string }> = {
  invoice: { nl: 'factuurnummer', en: 'invoice number' },
  'amount-date-text': { nl: 'bedrag, datum en omschrijving', en: 'amount, date and description' },
  'cit-exact': { nl: 'bedrag + datum', en: 'amount + date' },
  'cit-subset': { nl: 'opwaardering in delen betaald', en: 'top-up paid in parts' },
  'amount-difference': { nl: 'bedrag met klein verschil', en: 'amount with a small difference' },
  manual: { nl: 'handmatig', en: 'by hand' },
  'payroll-batch': { nl: 'loonrun tegen salarisbatch', en: 'payroll run against salary batch' },
  'payroll-exact': { nl: 'nettoloon en betaling: zelfde bedrag', en: 'net wage and payment: same amount' },
  'payroll-split': { nl: 'nettoloon in delen betaald', en: 'net wage paid in parts' },
  'period-total': { nl: 'periode tegen één afdracht', en: 'period against one payment' },
  'period-difference': { nl: 'periode tegen afdracht met klein verschil', en: 'period against a payment with a small difference' },
  'report-number': { nl: 'declaratienummer in de betaling', en: 'report number in the payment' },
  'report-amount': { nl: 'declaratie en vergoeding: zelfde bedrag', en: 'report and reimbursement: same amount' },
  'report-combined': { nl: 'declaraties samen in één betaling', en: 'reports paid together in one payment' },
  'payment-order': { nl: 'betaalopdracht tegen bankafschrijving', en: 'payment order against bank debit' },
  'payment-order-exact': { nl: 'betaalopdracht en bank: zelfde bedrag', en: 'payment order and bank: same amount' },
};

/** The method in words; an unknown code is shown as it is rather than hidden. */
export function methodLabel(method: string, lang: Lang): string {
  return METHOD[method]?.[lang] ?? method;
}

/** Who confirmed a match, in words: the engine's own matches are "automatisch". */
export function confirmedByLabel(by: string | null | undefined, lang: Lang): string {
  if (!by) return '';
  return by === 'auto' ? (lang === 'nl' ? 'automatisch' : 'automatic') : by;
}

export const METHOD_CODES = Object.keys(METHOD);
