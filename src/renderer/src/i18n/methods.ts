// How a match was made, in words: the engine's method codes (MatchGroup.method) for the controller.
import type { Lang } from '../../../shared/domain';

const METHOD: Record<string, { nl: string; en: string }> = {
  invoice: { nl: 'Zelfde factuurnummer', en: 'Same invoice number' },
  'amount-date-text': { nl: 'Bedrag, datum en omschrijving', en: 'Amount, date and description' },
  'cit-exact': { nl: 'Bank en Moss: zelfde bedrag', en: 'Bank and Moss: same amount' },
  'cit-subset': { nl: 'Opwaardering in delen betaald', en: 'Top-up paid in parts' },
  'amount-difference': { nl: 'Bedrag met klein verschil', en: 'Amount with a small difference' },
  manual: { nl: 'Handmatig afgeletterd', en: 'Matched by hand' },
  'payroll-batch': { nl: 'Loonrun tegen salarisbatch', en: 'Payroll run against salary batch' },
  'payroll-exact': { nl: 'Nettoloon en betaling: zelfde bedrag', en: 'Net wage and payment: same amount' },
  'payroll-split': { nl: 'Nettoloon in delen betaald', en: 'Net wage paid in parts' },
  'period-total': { nl: 'Periode tegen één afdracht', en: 'Period against one payment' },
  'period-difference': { nl: 'Periode tegen afdracht met klein verschil', en: 'Period against a payment with a small difference' },
  'report-number': { nl: 'Declaratienummer in de betaling', en: 'Report number in the payment' },
  'report-amount': { nl: 'Declaratie en vergoeding: zelfde bedrag', en: 'Report and reimbursement: same amount' },
  'report-combined': { nl: 'Declaraties samen in één betaling', en: 'Reports paid together in one payment' },
  'payment-order': { nl: 'Betaalopdracht tegen bankafschrijving', en: 'Payment order against bank debit' },
  'payment-order-exact': { nl: 'Betaalopdracht en bank: zelfde bedrag', en: 'Payment order and bank: same amount' },
};

/** The method in words; an unknown code is shown as it is rather than hidden. */
export function methodLabel(method: string, lang: Lang): string {
  return METHOD[method]?.[lang] ?? method;
}

export const METHOD_CODES = Object.keys(METHOD);
