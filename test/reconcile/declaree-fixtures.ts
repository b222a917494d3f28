// Expense-claim lines in the shape Declaree books them (seed 001) and AFAS pays them, for the
// Declaree scenario and property tests: a report entry in the Declaree journal crediting the
// employee's creditor (InvoiceId = report number), direct transfers from the bank feed, payment
// orders (Dr creditor / Cr payments in transit) and the bank's one debit per order.
import type { AdministrationConfig, DeclareeProfile, MutationLine } from '../../src/shared/domain';
import { Books } from './fixtures';

export const DEC = 'DEC';
export const PIT = '1960';
export const DBANK = '1100';
export const ING = 'ING';
export const ORDER = 'BTO';
export const TRAVEL = '4500';
export const E1 = '800001';
export const E2 = '800002';
export const E3 = '800003';

export const DECLAREE: DeclareeProfile = { journal: DEC, paymentsInTransitAccount: PIT, bankAccounts: [DBANK] };
export const DECLAREE_CONFIG: AdministrationConfig = { unitId: 1, name: 'Demo BV', declaree: DECLAREE };

const sepa = (name: string, remi: string, eref = 'NOTPROVIDED') => `/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/${name}/REMI/${remi}/EREF/${eref}`;

export class Claims extends Books {
  /** An approved report: Dr expense / Cr the employee's creditor, InvoiceId = the report number. */
  report(creditor: string, date: string, amount: number, number: string, journal = DEC): MutationLine {
    const e = this.entry(journal);
    const description = `Declaratie ${number}`;
    this.line({ account: TRAVEL, journal, date, amount, entryNo: e, invoiceId: number, description });
    return this.line({ account: creditor, journal, date, amount: -amount, entryNo: e, invoiceId: number, description });
  }

  /** A direct transfer from the bank feed onto the creditor; `remi` often names the report. */
  transfer(creditor: string, date: string, amount: number, remi: string, name = 'J. JANSEN'): MutationLine {
    const e = this.entry(ING);
    const d = sepa(name, remi, `EXP-${e}`);
    const l = this.line({ account: creditor, journal: ING, date, amount, entryNo: e, description: d });
    this.line({ account: DBANK, journal: ING, date, amount: -amount, entryNo: e, description: d });
    return l;
  }

  /** A returned transfer (/RTRN/): a credit back on the creditor. */
  returned(creditor: string, date: string, amount: number, remi: string, code = 'AC04'): MutationLine {
    const e = this.entry(ING);
    const d = `/RTRN/${code}/${sepa('J. JANSEN', remi).slice(1)}`;
    const l = this.line({ account: creditor, journal: ING, date, amount: -amount, entryNo: e, description: d });
    this.line({ account: DBANK, journal: ING, date, amount, entryNo: e, description: d });
    return l;
  }

  /** A payment order: per item Dr creditor (InvoiceId = report) / Cr payments in transit; one entry. */
  order(date: string, items: { creditor: string; amount: number; number: string }[]) {
    const e = this.entry(ORDER);
    const lines = items.map((i) => ({
      creditor: this.line({ account: i.creditor, journal: ORDER, date, amount: i.amount, entryNo: e, invoiceId: i.number, description: `Betaalopdracht ${e}` }),
      transit: this.line({ account: PIT, journal: ORDER, date, amount: -i.amount, entryNo: e, invoiceId: i.number, description: `Betaalopdracht ${e}` }),
    }));
    return { entryNo: e, lines, total: items.reduce((s, i) => s + i.amount, 0) };
  }

  /** The bank's one debit for a whole payment order (a SEPA batch). */
  orderDebit(date: string, amount: number, pref: string, count: number): MutationLine {
    const e = this.entry(ING);
    const d = `/PREF/${pref}/NRTX/${count}/TRTP/SEPA BATCH OVERBOEKING/REMI/Declaraties`;
    const l = this.line({ account: PIT, journal: ING, date, amount, entryNo: e, description: d });
    this.line({ account: DBANK, journal: ING, date, amount: -amount, entryNo: e, description: d });
    return l;
  }

  memorial(account: string, date: string, amount: number): MutationLine {
    const e = this.entry('MEM');
    const l = this.line({ account, journal: 'MEM', date, amount, entryNo: e, description: 'Correctie' });
    this.line({ account: '4999', journal: 'MEM', date, amount: -amount, entryNo: e, description: 'Correctie' });
    return l;
  }
}
