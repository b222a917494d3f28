// The demo AFAS environment '12345': two administrations, half a year (2025-01 … 2025-06) of Moss
// card spend and top-ups, of Nmbrs payroll, (administration 1) of Declaree expense claims and of
// Spend Cloud invoices spread over cost periods (their releases booked into 2026), with planted
// month-end problems, and the known truth to test against. Deterministic (seeded) and generated in
// well under a second; nothing of it is committed as data.
import type { AdministrationConfig, DeclareeProfile, MossProfile, NmbrsProfile, Period, SpendCloudProfile } from '../../../shared/domain';
import { periodId } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';
import type { FakeEnvironment } from '../fake-afas/types';
import { ACCOUNT_FIELDS, ADMINISTRATION_FIELDS, CHANGED_ENTRY_DATE_FIELDS, CREDITOR_FIELDS, JOURNAL_FIELDS, TRANSACTION_FIELDS } from './fields';
import { ACC, ACCOUNTS, CREDITORS, DEFAULT_SUPPLIER, DEMO_ENV_ID, DEMO_UNITS, JOURNALS } from './master';
import { bookEntries, type BookedLine } from './rows';
import { simulatePayroll } from './payroll';
import { DECLAREE_JOURNAL, simulateDeclaree } from './declaree';
import { declareeTruth, type DeclareeTruthPeriod } from './truth-declaree';
import { simulateUnit } from './scenario';
import { unitTruth, type DemoTruth, type TruthPeriod } from './truth';
import { payrollTruth, type PayrollTruthPeriod } from './truth-payroll';
import { simulateDeferrals } from './deferrals';
import { deferralTruth, type DeferralTruthPeriod } from './truth-deferrals';

export type { DemoTruth, TruthAccount, TruthFlag, TruthMatch, TruthOpenLine, TruthPeriod, TruthUnit, OpenReason } from './truth';
export type { PlantedProblem } from './entries';
export type { TruthVoucher } from './truth-deferrals';
export { DEMO_ENV_ID, DEMO_UNITS } from './master';

export const DEMO_SEED = 20250630;
export const DEMO_PERIODS: Period[] = [1, 2, 3, 4, 5, 6].map((month) => ({ year: 2025, month }));
export const DEMO_LAST_FULL_PERIOD: Period = { year: 2025, month: 6 };
export const DEMO_SYNC_FROM = '2025-01';

export interface DemoDataset {
  environment: FakeEnvironment;
  administrations: AdministrationConfig[];
  truth: DemoTruth;
  /** Every booked line with its purpose (for tests that want to change one). */
  lines: BookedLine[];
}

export function demoMossProfile(): MossProfile {
  return { balanceAccount: ACC.mossBalance, cashInTransitAccount: ACC.cashInTransit, defaultSupplier: DEFAULT_SUPPLIER, purchaseJournal: 'MOSI', bankJournal: 'MOSB', bankAccounts: [ACC.bank] };
}

/** A Moss-only administration in the old shape (the at-scale benchmark's). */
export function demoAdministrationConfig(unitId: number, name?: string): AdministrationConfig {
  return { unitId, ...(name ? { name } : {}), profile: 'moss', moss: demoMossProfile() };
}

/** The demo's payroll: Nmbrs posts in LON, the bank feed pays from the same ING account. */
export function demoNmbrsProfile(pension: boolean): NmbrsProfile {
  return { journal: 'LON', netWagesAccount: ACC.netWages, payrollTaxAccount: ACC.payrollTax, ...(pension ? { pensionAccount: ACC.pension } : {}), bankAccounts: [ACC.bank] };
}

/** The demo's expense claims: Declaree posts in DEC, payment orders go through payments in transit. */
export function demoDeclareeProfile(): DeclareeProfile {
  return { journal: DECLAREE_JOURNAL, paymentsInTransitAccount: ACC.paymentsInTransit, bankAccounts: [ACC.bank] };
}

/** Declaree's bank, memorial and order entries are numbered apart from the others' (own statements). */
const DECLAREE_ENTRY_BASES = { BNK: 380_000, MEM: 480_000, DEC: 800_000, BTO: 850_000 };

/** The demo's Spend Cloud: invoices and releases in INK, the transitory account 24302. */
export function demoSpendCloudProfile(): SpendCloudProfile {
  return { journal: 'INK', transitoryAccounts: [ACC.transitory] };
}

/** Spend Cloud's entries are numbered apart too (its memorial correction after the payroll's, before Declaree's). */
const DEFERRAL_ENTRY_BASES = { INK: 500_000, MEM: 470_000 };

/**
 * The payroll's bank and memorial entries are numbered apart from Moss's (their own statements),
 * so the Moss lines keep the keys they had before the demo had payroll.
 */
const PAYROLL_ENTRY_BASES = { BNK: 350_000, MEM: 450_000 };

const DEMO_MONTHS = DEMO_PERIODS.map(periodId);

export function generateDemoDataset(seed = DEMO_SEED): DemoDataset {
  const from = '2025-01-01';
  const to = '2025-06-30';
  const big = simulateUnit({ unitId: 1, seed, from, to, perDay: [10, 22], topUpBelow: 1_500_000, topUpRange: [900_000, 1_800_000], planted: true });
  const small = simulateUnit({ unitId: 2, seed: seed + 1, from, to, perDay: [0, 3], topUpBelow: 200_000, topUpRange: [150_000, 300_000], planted: false });
  // About 40 employees with a pension scheme from April (and the planted problems) in 1; six in 2.
  const payroll = [
    ...simulatePayroll({ unitId: 1, seed: seed + 11, employees: 40, months: DEMO_MONTHS, pensionFrom: '2025-04', planted: true }),
    ...simulatePayroll({ unitId: 2, seed: seed + 12, employees: 6, months: DEMO_MONTHS, pensionFrom: null, planted: false }),
  ];
  // About 15 employees claim expenses through Declaree in administration 1 (with the planted problems).
  const claims = simulateDeclaree({ unitId: 1, seed: seed + 21, months: DEMO_MONTHS, planted: true });
  // About four invoices a month with a cost period of 2–12 months (and the planted ones) in 1; one in 2.
  const deferred = [
    simulateDeferrals({ unitId: 1, seed: seed + 21, perMonth: 4, months: DEMO_MONTHS, planted: true }),
    simulateDeferrals({ unitId: 2, seed: seed + 22, perMonth: 1, months: DEMO_MONTHS, planted: false }),
  ];
  const moss = bookEntries([...big.entries, ...small.entries]);
  const paid = bookEntries(payroll, PAYROLL_ENTRY_BASES);
  const claimed = bookEntries(claims, DECLAREE_ENTRY_BASES);
  const spent = bookEntries(deferred.flatMap((d) => d.entries), DEFERRAL_ENTRY_BASES);
  const invoices = deferred.flatMap((d) => d.invoices);
  const lines = [...moss.lines, ...paid.lines, ...claimed.lines, ...spent.lines];
  const administrations = DEMO_UNITS.map(
    (u): AdministrationConfig => ({
      unitId: u.unitId,
      name: u.name,
      moss: demoMossProfile(),
      nmbrs: demoNmbrsProfile(u.unitId === 1),
      ...(u.unitId === 1 ? { declaree: demoDeclareeProfile() } : {}),
      spendcloud: demoSpendCloudProfile(),
    }),
  );
  const wallets = new Map([
    [1, big.wallet],
    [2, small.wallet],
  ]);
  const truth: DemoTruth = {
    envId: DEMO_ENV_ID,
    periods: DEMO_PERIODS.map(periodId),
    lastFullPeriod: DEMO_LAST_FULL_PERIOD,
    units: DEMO_UNITS.map((u, i) => {
      const config = administrations[i] as AdministrationConfig;
      // The Moss truth from the Moss lines alone (as before), the payroll's after it.
      const unit = unitTruth({ unitId: u.unitId, name: u.name, config }, moss.lines, wallets.get(u.unitId) ?? [], DEMO_PERIODS);
      const pay = payrollTruth(config.nmbrs!, paid.lines.filter((l) => l.unitId === u.unitId), DEMO_PERIODS);
      const dec = config.declaree ? declareeTruth(config.declaree, claimed.lines.filter((l) => l.unitId === u.unitId), DEMO_PERIODS) : null;
      const sc = deferralTruth(config.spendcloud!, invoices.filter((i) => i.unitId === u.unitId), spent.lines.filter((l) => l.unitId === u.unitId), DEMO_PERIODS);
      return { ...unit, periods: Object.fromEntries(Object.entries(unit.periods).map(([k, p]) => [k, withDeferrals(withPart(withPart(p, pay[k]!), dec?.[k]), sc[k]!)])) };
    }),
  };

  return { environment: demoEnvironment([...moss.rows, ...paid.rows, ...claimed.rows, ...spent.rows]), administrations, truth, lines };
}

/** A period's truth with another profile's part after it (payroll's, Declaree's). */
function withPart(moss: TruthPeriod, pay: PayrollTruthPeriod | DeclareeTruthPeriod | undefined): TruthPeriod {
  if (!pay) return moss;
  const byDateKey = (a: { date: string; key: string }, b: { date: string; key: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1);
  return {
    ...moss,
    accounts: [...moss.accounts, ...pay.accounts],
    openLines: [...moss.openLines, ...pay.openLines].sort(byDateKey),
    flags: [...moss.flags, ...pay.flags],
    matches: [...moss.matches, ...pay.matches],
  };
}

function withDeferrals(p: TruthPeriod, sc: DeferralTruthPeriod): TruthPeriod {
  const byDateKey = (a: { date: string; key: string }, b: { date: string; key: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1);
  return { ...p, accounts: [...p.accounts, ...sc.accounts], openLines: [...p.openLines, ...sc.openLines].sort(byDateKey), flags: [...p.flags, ...sc.flags], openVouchers: sc.openVouchers };
}

/** The demo environment's connectors around the given Profit_Transactions_Allocated rows. */
export function demoEnvironment(rows: Record<string, unknown>[]): FakeEnvironment {
  return {
    envId: DEMO_ENV_ID,
    appName: 'Kruispost demo',
    group: 'Kruispost',
    connectors: {
      Profit_Administrations: {
        description: 'Administraties',
        fields: ADMINISTRATION_FIELDS,
        rows: DEMO_UNITS.map((u) => ({ AdminId: u.unitId, AdminNm: u.name, AdminCd: u.code })),
      },
      Profit_Accounts: {
        description: 'Grootboekrekeningen',
        fields: ACCOUNT_FIELDS,
        rows: ACCOUNTS.map((a) => ({ Account: a.id, Description: a.description, Type: a.type, Sort: a.sort, Blocked: false, CollectAccount: a.id === ACC.creditorsControl })),
      },
      Profit_Journals: {
        description: 'Dagboeken',
        fields: JOURNAL_FIELDS,
        rows: DEMO_UNITS.flatMap((u) => JOURNALS.map((j) => ({ UnitId: u.unitId, JournalId: j.id, Description: j.description, JournalType: j.type, Blocked: false }))),
      },
      Profit_Creditor: {
        description: 'Crediteuren',
        fields: CREDITOR_FIELDS,
        rows: CREDITORS.map((c) => ({ CreditorId: c.id, CreditorName: c.name, SearchName: c.name.toUpperCase().slice(0, 10), IBAN: c.iban, Blocked: false })),
      },
      Profit_Transactions_Allocated: { description: 'Financiële mutaties (met toewijzing)', fields: TRANSACTION_FIELDS, rows },
      Profit_Fin_ChangedEntrydate: { description: 'Gewijzigde boekdatums', fields: CHANGED_ENTRY_DATE_FIELDS, rows: changedEntryDates(rows) },
    },
    updateConnectors: [{ id: 'FiEntries', description: 'Financiële mutaties' }],
  };
}

/** The wallet balance Moss reports at the end of the period (what the controller types in). */
export function demoWalletBalance(truth: DemoTruth, unitId: number, period: Period): Cents | null {
  return truth.units.find((u) => u.unitId === unitId)?.periods[periodId(period)]?.wallet ?? null;
}

/** Profit_Fin_ChangedEntrydate: per entry date the newest Modified (what incremental syncs read). */
export function changedEntryDates(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const newest = new Map<string, string>();
  for (const r of rows) {
    const d = String(r.EntryDate);
    const m = String(r.Modified);
    if ((newest.get(d) ?? '') < m) newest.set(d, m);
  }
  return [...newest].sort().map(([EntryDate, Modified]) => ({ EntryDate, Modified }));
}
