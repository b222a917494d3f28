// Spend Cloud invoices in the shape its export books them (seed 004, export logic 024/027/997
// method 1): the invoice debits the transitory account with the deferred amount, then one release
// entry per cost period credits it, each dated in its period and carrying the invoice's VoucherNo.
import type { AdministrationConfig, MutationLine, SpendCloudProfile } from '../../src/shared/domain';
import { Books } from './fixtures';

export const TRANS = '24302';
export const CREDITOR = '24000';
export const COSTS = '4600';
export const INK = 'INK';

export const SPENDCLOUD: SpendCloudProfile = { journal: INK, transitoryAccounts: [TRANS] };
export const SPENDCLOUD_CONFIG: AdministrationConfig = { unitId: 1, name: 'Demo BV', spendcloud: SPENDCLOUD };

/** The first day of the month `i` months after YYYY-MM of `date` (releases are dated on the 1st). */
export function monthStart(date: string, i: number): string {
  const n = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + i;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-01`;
}

export class Invoices extends Books {
  private vouchers = 0;

  /** A line of the voucher: its VoucherNo is the invoice's, not the entry's. */
  vline(voucherNo: string, o: Parameters<Books['line']>[0]): MutationLine {
    const l = this.line(o);
    l.voucherNo = voucherNo;
    return l;
  }

  /** The invoice's booking: the deferred amount on the transitory account (Cr the creditor). */
  booking(date: string, cents: number, voucherNo = `${++this.vouchers + 25_000}`, journal = INK): { voucherNo: string; line: MutationLine } {
    const e = this.entry(journal);
    const line = this.vline(voucherNo, { account: TRANS, journal, date, amount: cents, entryNo: e, invoiceId: `F${voucherNo}`, description: `Factuur ${voucherNo} licentie` });
    this.vline(voucherNo, { account: CREDITOR, journal, date, amount: -cents, entryNo: e, invoiceId: `F${voucherNo}`, description: `Factuur ${voucherNo} licentie` });
    return { voucherNo, line };
  }

  /** One release: Dr costs / Cr transitory, in its own entry. */
  release(voucherNo: string, date: string, cents: number, journal = INK): MutationLine {
    const e = this.entry(journal);
    const line = this.vline(voucherNo, { account: TRANS, journal, date, amount: -cents, entryNo: e, description: `Vrijval ${voucherNo}` });
    this.vline(voucherNo, { account: COSTS, journal, date, amount: cents, entryNo: e, description: `Vrijval ${voucherNo}` });
    return line;
  }

  /**
   * An invoice of `total` spread over `months` periods from its booking month: equal parts, the
   * last taking the rounding (so it nets to zero), unless `parts` says otherwise.
   */
  invoice(date: string, total: number, months: number, o: { parts?: number[]; voucherNo?: string } = {}) {
    const b = this.booking(date, total, o.voucherNo);
    const part = Math.trunc(total / months);
    const parts = o.parts ?? Array.from({ length: months }, (_, i) => (i === months - 1 ? total - part * (months - 1) : part));
    const releases = parts.map((c, i) => this.release(b.voucherNo, monthStart(date, i), c));
    return { voucherNo: b.voucherNo, booking: b.line, releases };
  }
}
