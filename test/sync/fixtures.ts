// A small Moss administration in AFAS row shape, and helpers to change it the way AFAS would.
import type { AdministrationConfig } from '../../src/shared/domain';
import type { AfasRow } from '../../src/main/afas/types';
import { MemoryAfas } from './memory-afas';

export const UNIT = 1;
export const CONFIG: AdministrationConfig = {
  unitId: UNIT,
  profile: 'moss',
  moss: {
    balanceAccount: '1100',
    cashInTransitAccount: '2000',
    defaultSupplier: '40000',
    purchaseJournal: 'MI',
    bankJournal: 'MB',
    bankAccounts: ['1000'],
  },
};

export interface LineSpec {
  unit?: number;
  journal: string;
  entryNo: number;
  seqNo: number;
  account: string;
  date: string;
  debit?: number;
  credit?: number;
  modified?: string;
  invoice?: string;
}

export function row(s: LineSpec): AfasRow {
  return {
    UnitId: s.unit ?? UNIT,
    EntryNo: s.entryNo,
    SeqNo: s.seqNo,
    Year: Number(s.date.slice(0, 4)),
    Period: Number(s.date.slice(5, 7)),
    JournalId: s.journal,
    AccountNo: s.account,
    Omschrijving: `line ${s.entryNo}/${s.seqNo}`,
    AmtDebit: s.debit ?? 0,
    AmtCredit: s.credit ?? 0,
    EntryDate: `${s.date}T00:00:00Z`,
    InvoiceId: s.invoice ?? null,
    VoucherDate: `${s.date}T00:00:00Z`,
    VoucherNo: String(s.entryNo),
    VatCode: null,
    VatAmt: null,
    Description: 'Moss',
    Created: s.modified ?? '2025-01-01T00:00:00Z',
    Modified: s.modified ?? '2025-01-01T00:00:00Z',
    Type: null,
  };
}

/** Moss lines over Jan..Mar 2025 on the profile's accounts, an expense line, and a merchant creditor. */
export function seedAfas(afas = new MemoryAfas()): MemoryAfas {
  const lines: AfasRow[] = [];
  let entry = 1;
  for (const month of ['01', '02', '03']) {
    for (let day = 1; day <= 3; day++) {
      const date = `2025-${month}-0${day}`;
      const e = entry++;
      // top-up: Moss entry (balance/CIT) and bank entry (CIT/bank)
      lines.push(row({ journal: 'MB', entryNo: e, seqNo: 1, account: '1100', date, debit: 100 + day }));
      lines.push(row({ journal: 'MB', entryNo: e, seqNo: 2, account: '2000', date, credit: 100 + day }));
      lines.push(row({ journal: 'BNK', entryNo: e, seqNo: 1, account: '2000', date, debit: 100 + day }));
      lines.push(row({ journal: 'BNK', entryNo: e, seqNo: 2, account: '1000', date, credit: 100 + day }));
      // card purchase on the default supplier: expense line (not synced) + supplier
      lines.push(row({ journal: 'MI', entryNo: e, seqNo: 1, account: '4500', date, debit: 12.34 }));
      lines.push(row({ journal: 'MI', entryNo: e, seqNo: 2, account: '40000', date, credit: 12.34 }));
    }
    // a merchant creditor purchase and its payment
    const e = entry++;
    lines.push(row({ journal: 'MI', entryNo: e, seqNo: 1, account: '4600', date: `2025-${month}-10`, debit: 50 }));
    lines.push(row({ journal: 'MI', entryNo: e, seqNo: 2, account: '40123', date: `2025-${month}-10`, credit: 50 }));
    lines.push(row({ journal: 'MB', entryNo: e, seqNo: 1, account: '40123', date: `2025-${month}-10`, debit: 50 }));
    lines.push(row({ journal: 'MB', entryNo: e, seqNo: 2, account: '1100', date: `2025-${month}-10`, credit: 50 }));
  }
  // another administration's line on the same account number: must never be synced into unit 1
  lines.push(row({ unit: 2, journal: 'MB', entryNo: 1, seqNo: 1, account: '1100', date: '2025-01-05', debit: 999 }));
  afas.set('Profit_Transactions_Allocated', lines);
  afas.set('Profit_Administrations', [{ AdminId: 1, AdminNm: 'Voorbeeld BV', AdminCd: 'VB' }, { AdminId: 2, AdminNm: 'Ander BV', AdminCd: 'AB' }]);
  afas.set('Profit_Journals', [
    { UnitId: 1, JournalId: 'MI', Description: 'Moss inkoop', JournalType: 'Inkoop', Blocked: false },
    { UnitId: 1, JournalId: 'MB', Description: 'Moss bank', JournalType: 'Financieel', Blocked: false },
    { UnitId: 2, JournalId: 'MB', Description: 'Other', JournalType: 'Financieel', Blocked: false },
  ]);
  afas.set('Profit_Accounts', [
    { Account: '1000', Description: 'Bank', Type: 'Balans', Blocked: false },
    { Account: '1100', Description: 'Moss Balance', Type: 'Balans', Blocked: false },
    { Account: '2000', Description: 'Kruisposten', Type: 'Balans', Blocked: false },
  ]);
  afas.set('Profit_Creditor', [
    { CreditorId: '40000', CreditorName: 'Moss Default Supplier', IBAN: null },
    { CreditorId: '40123', CreditorName: 'Albert Heijn', IBAN: 'NL00BANK0123456789' },
  ]);
  afas.set('Profit_Fin_ChangedEntrydate', changedDates(lines));
  return afas;
}

/** What Profit_Fin_ChangedEntrydate would say: per entry date the newest Modified. */
export function changedDates(lines: AfasRow[], extra: AfasRow[] = []): AfasRow[] {
  const byDate = new Map<string, string>();
  for (const l of [...lines, ...extra]) {
    const d = String(l.EntryDate);
    const m = String(l.Modified);
    if (!byDate.has(d) || m > byDate.get(d)!) byDate.set(d, m);
  }
  return [...byDate].map(([EntryDate, Modified]) => ({ EntryDate, Modified }));
}
