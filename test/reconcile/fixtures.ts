// Small line fixtures in the shape Moss books them (seed 003), for scenario and property tests.
import type { AdministrationConfig, MossProfile, MutationLine } from '../../src/shared/domain';
import type { StoredMatch } from '../../src/shared/reconcile';
import type { ReconcileInput } from '../../src/main/reconcile';

export const BAL = '1090'; // Moss Balance
export const CIT = '1950'; // Kruisposten
export const SUP = '70000'; // Moss Default Supplier (creditor number)
export const BANK = '1100'; // external bank ledger
export const EXP = '4500'; // an expense account
export const PURCH = 'INK'; // Moss purchase journal
export const MOSSBANK = 'MOSS'; // Moss bank journal
export const FEED = 'ING'; // company bank-feed journal

export const PROFILE: MossProfile = {
  balanceAccount: BAL,
  cashInTransitAccount: CIT,
  defaultSupplier: SUP,
  purchaseJournal: PURCH,
  bankJournal: MOSSBANK,
  bankAccounts: [BANK],
};

export const CONFIG: AdministrationConfig = { unitId: 1, name: 'Demo BV', profile: 'moss', moss: PROFILE };

export class Books {
  lines: MutationLine[] = [];
  private entries = new Map<string, number>();
  private seq = 0;

  /** A new entry number in a journal. */
  entry(journal: string): number {
    const n = (this.entries.get(journal) ?? 0) + 1;
    this.entries.set(journal, n);
    return n;
  }

  line(o: { account: string; journal: string; date: string; amount: number; entryNo?: number; invoiceId?: string | null; description?: string | null }): MutationLine {
    const entryNo = o.entryNo ?? this.entry(o.journal);
    const seqNo = ++this.seq;
    const l: MutationLine = {
      key: `1/${o.journal}/${entryNo}/${seqNo}`,
      unitId: 1,
      journalId: o.journal,
      entryNo,
      seqNo,
      year: Number(o.date.slice(0, 4)),
      period: Number(o.date.slice(5, 7)),
      accountNo: o.account,
      accountType: null,
      entryDate: o.date,
      voucherDate: o.date,
      voucherNo: String(entryNo),
      invoiceId: o.invoiceId ?? null,
      description: o.description ?? null,
      lineDescription: null,
      debit: o.amount > 0 ? o.amount : 0,
      credit: o.amount < 0 ? -o.amount : 0,
      amount: o.amount,
      modified: null,
    };
    this.lines.push(l);
    return l;
  }

  /** Card transaction of `cents` (positive = spend, negative = refund): purchase + payment entry. */
  card(date: string, cents: number, o: { supplier?: string; invoice?: string | null; description?: string; payDate?: string; skipPayment?: boolean; skipPurchase?: boolean } = {}) {
    const sup = o.supplier ?? SUP;
    const description = o.description ?? 'Card payment Adobe';
    const inv = o.invoice === undefined ? `TX${date.replace(/-/g, '')}${cents}` : o.invoice;
    const out: { purchase?: MutationLine; payment?: MutationLine; balance?: MutationLine } = {};
    if (!o.skipPurchase) {
      const e = this.entry(PURCH);
      this.line({ account: EXP, journal: PURCH, date, amount: cents, entryNo: e, invoiceId: inv, description });
      out.purchase = this.line({ account: sup, journal: PURCH, date, amount: -cents, entryNo: e, invoiceId: inv, description });
    }
    if (!o.skipPayment) {
      const e = this.entry(MOSSBANK);
      const d = o.payDate ?? date;
      out.payment = this.line({ account: sup, journal: MOSSBANK, date: d, amount: cents, entryNo: e, invoiceId: inv, description });
      out.balance = this.line({ account: BAL, journal: MOSSBANK, date: d, amount: -cents, entryNo: e, invoiceId: inv, description });
    }
    return out;
  }

  /** Moss export of a top-up: Dr Moss Balance / Cr Cash in Transit. */
  mossTopUp(date: string, cents: number, description = 'Moss top-up') {
    const e = this.entry(MOSSBANK);
    const balance = this.line({ account: BAL, journal: MOSSBANK, date, amount: cents, entryNo: e, description });
    const cit = this.line({ account: CIT, journal: MOSSBANK, date, amount: -cents, entryNo: e, description });
    return { balance, cit };
  }

  /** Bank-feed payment to Moss: Dr Cash in Transit / Cr external bank. */
  bankPayment(date: string, cents: number, description = 'Overboeking Moss Financials') {
    const e = this.entry(FEED);
    const cit = this.line({ account: CIT, journal: FEED, date, amount: cents, entryNo: e, description });
    this.line({ account: BANK, journal: FEED, date, amount: -cents, entryNo: e, description });
    return cit;
  }

  topUp(mossDate: string, bankDate: string, cents: number) {
    return { bank: this.bankPayment(bankDate, cents), moss: this.mossTopUp(mossDate, cents) };
  }
}

export function input(lines: MutationLine[], o: Partial<ReconcileInput> = {}): ReconcileInput {
  return {
    config: CONFIG,
    period: { year: 2025, month: 3 },
    lines,
    storedMatches: [],
    notes: [],
    signOffs: [],
    walletBalance: null,
    today: '2025-04-10',
    ...o,
  };
}

export function stored(id: string, account: string, lines: MutationLine[], extra: Partial<StoredMatch> = {}): StoredMatch {
  return {
    id,
    unitId: 1,
    account,
    lines: lines.map((l) => ({ key: l.key, amount: l.amount })),
    method: 'manual',
    difference: lines.reduce((s, l) => s + l.amount, 0),
    reason: null,
    evidence: { amount: true, date: true, reference: false },
    by: 'anna',
    at: '2025-04-01T10:00:00Z',
    ...extra,
  };
}
