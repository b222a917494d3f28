// Payroll lines in the shape Nmbrs books them (seed 002) and the bank feed pays them, for the
// Nmbrs scenario and property tests: one entry per run in the payroll journal, salary batches,
// transfers, returns and Belastingdienst payments from the bank feed.
import type { AdministrationConfig, MutationLine, NmbrsProfile } from '../../src/shared/domain';
import { Books } from './fixtures';

export const NET = '1610';
export const TAX = '1620';
export const PENSION = '1630';
export const WAGES = '4000';
export const PAYBANK = '1100';
export const LON = 'LON';
export const ING = 'ING';

export const NMBRS: NmbrsProfile = { journal: LON, netWagesAccount: NET, payrollTaxAccount: TAX, pensionAccount: PENSION, bankAccounts: [PAYBANK] };
export const PAYROLL_CONFIG: AdministrationConfig = { unitId: 1, name: 'Demo BV', nmbrs: NMBRS };

const BELASTINGDIENST = '/TRTP/SEPA OVERBOEKING/IBAN/NL86INGB0002445588/BIC/INGBNL2A/NAME/BELASTINGDIENST/REMI/';

export class Payroll extends Books {
  /** One run entry: a net-wage credit per employee (or one for all), tax and pension credits. */
  run(date: string, nets: number[], o: { tax?: number; pension?: number; entryNo?: number; names?: string[] } = {}) {
    const e = o.entryNo ?? this.entry(LON);
    const description = `Nmbrs loonjournaal ${date.slice(5, 7)}-${date.slice(0, 4)}`;
    const net = nets.map((n, i) => this.line({ account: NET, journal: LON, date, amount: -n, entryNo: e, description: `${description} ${o.names?.[i] ?? `werknemer ${1001 + i}`}` }));
    const tax = o.tax ? this.line({ account: TAX, journal: LON, date, amount: -o.tax, entryNo: e, description }) : null;
    const pension = o.pension ? this.line({ account: PENSION, journal: LON, date, amount: -o.pension, entryNo: e, description }) : null;
    const gross = nets.reduce((s, n) => s + n, 0) + (o.tax ?? 0) + (o.pension ?? 0);
    this.line({ account: WAGES, journal: LON, date, amount: gross, entryNo: e, description });
    return { entryNo: e, net, tax, pension, total: nets.reduce((s, n) => s + n, 0) };
  }

  /** A bank-feed line on the account against the bank ledger. */
  bank(account: string, date: string, amount: number, description: string) {
    const e = this.entry(ING);
    const l = this.line({ account, journal: ING, date, amount, entryNo: e, description });
    this.line({ account: PAYBANK, journal: ING, date, amount: -amount, entryNo: e, description });
    return l;
  }

  batch(date: string, amount: number, pref = `SAL-${date}`, count = 3) {
    return this.bank(NET, date, amount, `/PREF/${pref}/NRTX/${count}/TRTP/SEPA BATCH/REMI/Nettolonen`);
  }

  transfer(date: string, amount: number, who = 'J. JANSEN', eref = `SAL-${date}`) {
    return this.bank(NET, date, amount, `/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/${who}/REMI/Salaris/EREF/${eref}`);
  }

  returned(date: string, amount: number, who = 'J. JANSEN', code = 'AC04') {
    return this.bank(NET, date, -amount, `/RTRN/${code}/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/${who}/REMI/Salaris/EREF/SAL-RET`);
  }

  taxPayment(date: string, amount: number, kenmerk = '1234567890123456', account = TAX) {
    return this.bank(account, date, amount, `${BELASTINGDIENST}${kenmerk}/EREF/NOTPROVIDED`);
  }

  memorial(account: string, date: string, amount: number): MutationLine {
    const e = this.entry('MEM');
    const l = this.line({ account, journal: 'MEM', date, amount, entryNo: e, description: 'Correctie' });
    this.line({ account: '4999', journal: 'MEM', date, amount: -amount, entryNo: e, description: 'Correctie' });
    return l;
  }
}
