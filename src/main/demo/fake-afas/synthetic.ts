// Field lists of the GetConnectors Kruispost reads (ids and types as in AFAS's OpenAPI spec) and
// a fast, deterministic generator of Profit_Transactions_Allocated rows for tests and benchmarks.
import type { FakeDataType, FakeField } from './types';

const f = (id: string, dataType: FakeDataType, label: string, extra: Partial<FakeField> = {}): FakeField => ({ id, dataType, label, ...extra });

export const PROFIT_TRANSACTIONS_FIELDS: FakeField[] = [
  f('UnitId', 'int', 'Administration'),
  f('EntryNo', 'int', 'Journal entry number'),
  f('SeqNo', 'int', 'Journal entry sequence number'),
  f('Year', 'int', 'Year'),
  f('Period', 'int', 'Periodenummer'),
  f('JournalId', 'string', 'Journal code', { length: 10 }),
  f('AccountNo', 'string', 'Account number', { length: 16 }),
  f('Omschrijving', 'string', 'Description'),
  f('AmtDebit', 'decimal', 'Amount debit', { decimals: 2 }),
  f('AmtCredit', 'decimal', 'Amount credit', { decimals: 2 }),
  f('EntryDate', 'date', 'Date entry'),
  f('InvoiceId', 'string', 'Invoice number'),
  f('VoucherDate', 'date', 'Voucher date'),
  f('VoucherNo', 'string', 'Entry number'),
  f('VatCode', 'string', 'VAT code'),
  f('VatAmt', 'decimal', 'VAT amount', { decimals: 2 }),
  f('Description', 'string', 'Description entry'),
  f('Created', 'date', 'Date created'),
  f('Modified', 'date', 'Date changed'),
  f('Type', 'string', 'Type rekening'),
  f('Collect_On', 'string', 'Type verzamelrekening'),
  f('DimAx1', 'string', 'Exception axis code 1'),
  f('DimAx2', 'string', 'Exception axis code 2'),
  f('DimAx3', 'string', 'Exception axis code 3'),
  f('DimAx4', 'string', 'Exception axis code 4'),
  f('DimAx5', 'string', 'Exception axis code 5'),
];

export const PROFIT_JOURNALS_FIELDS: FakeField[] = [
  f('UnitId', 'int', 'Administration'),
  f('JournalId', 'string', 'Journal code'),
  f('Description', 'string', 'Description'),
  f('JournalType', 'string', 'Dagboeksoort code'),
  f('Blocked', 'boolean', 'Blocked'),
];

export const PROFIT_ACCOUNTS_FIELDS: FakeField[] = [
  f('Account', 'string', 'Account number'),
  f('Description', 'string', 'Description'),
  f('Type', 'string', 'Type rekeningcode'),
  f('Sort', 'string', 'Soort rekening code'),
  f('Blocked', 'boolean', 'Blocked'),
  f('CollectAccount', 'boolean', 'Summary account'),
  f('CollectAccountType', 'string', 'Type verzamelrekening code'),
  f('Feature', 'string', 'Kenmerk rekening code'),
  f('CollectOn', 'string', 'Collect on'),
  f('VatAllowed', 'boolean', 'Allow VAT'),
  f('VatCode', 'string', 'Preferred VAT code'),
  f('Budget', 'string', 'Budgetteren code'),
  f('ToProject', 'string', 'Doorboeken projecten code'),
  f('DimAx1', 'string', 'Verbijzonderingsas 1 code'),
  f('DimAx2', 'string', 'Verbijzonderingsas 2 code'),
  f('DimAx3', 'string', 'Verbijzonderingsas 3 code'),
  f('DimAx4', 'string', 'Verbijzonderingsas 4 code'),
  f('DimAx5', 'string', 'Verbijzonderingsas 5 code'),
];

export const PROFIT_CREDITOR_FIELDS: FakeField[] = [
  f('CreditorId', 'string', 'Creditor number'),
  f('CreditorName', 'string', 'Creditor name'),
  f('BcCo', 'string', 'Org nr.'),
  f('SearchName', 'string', 'Search name'),
  f('Adressline1', 'string', 'Address line 1 (street - house number)'),
  f('Adressline3', 'string', 'Address line 3 (postcode - city)'),
  f('Adressline4', 'string', 'Address line 4 (country)'),
  f('TelNr', 'string', 'Work phone no.'),
  f('Email', 'string', 'Work e-mail'),
  f('IBAN', 'string', 'IBAN number'),
  f('Btw-nummer', 'string', 'VAT identification number'),
  f('ChOfCommNr', 'string', 'COC number'),
  f('PaymentCondition', 'string', 'Betalingsvoorwaarde'),
  f('CreditLimit', 'decimal', 'Credit limit', { decimals: 2 }),
  f('TempBlocked', 'boolean', 'Block temporarily'),
  f('VatDuty', 'string', 'VAT duty'),
  f('AutoPayment', 'boolean', 'Automatic payment'),
  f('Blocked', 'boolean', 'Block completely, no longer visible'),
  f('CreateDate', 'date', 'Created on'),
  f('ModifiedDate', 'date', 'Changed on'),
];

export const PROFIT_ADMINISTRATIONS_FIELDS: FakeField[] = [
  f('AdminId', 'int', 'Administration', { fieldId: 'U002', length: 3 }),
  f('AdminNm', 'string', 'Administration name', { fieldId: 'U001', length: 80 }),
  f('AdminCd', 'string', 'Administration', { fieldId: 'UnCo', length: 10 }),
];

export const PROFIT_FIN_CHANGED_ENTRYDATE_FIELDS: FakeField[] = [
  f('EntryDate', 'date', 'Entry date'),
  f('Modified', 'date', 'Date changed'),
];

export const PROFIT_PERIOD_BALANCE_FIELDS: FakeField[] = [
  f('UnitId', 'int', 'Administration'),
  f('Year', 'int', 'Financial year'),
  f('Period', 'int', 'Period'),
  f('AccountNr', 'string', 'Account number'),
  f('AccountDesc', 'string', 'Description'),
  f('Credit', 'decimal', 'Credit', { decimals: 2 }),
  f('Debit', 'decimal', 'Debit', { decimals: 2 }),
  f('Balance', 'decimal', 'Balance', { decimals: 2 }),
  f('Budget', 'decimal', 'Bedrag budget', { decimals: 2 }),
];

export interface SyntheticOptions {
  unitId: number;
  seed: number;
  /** First month, 'YYYY-MM'. */
  from: string;
  accounts: string[];
  /** Months the entries are spread over (default 12). */
  months?: number;
  /** First EntryNo (default 1). */
  firstEntryNo?: number;
}

/** mulberry32: tiny, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number): string => (n < 10 ? '0' : '') + n;
const JOURNALS = ['10', '20', '50', '60', '90'];

/**
 * `count` rows of balanced two-line entries (debit on one account, credit on another; the last
 * entry has one line when count is odd), spread over `months` months from `from`. Empty fields
 * are null, as Profit sends them. Same arguments, same rows.
 */
export function syntheticMutations(count: number, options: SyntheticOptions): Record<string, unknown>[] {
  const random = rng(options.seed);
  const months = options.months ?? 12;
  const [fromYear, fromMonth] = options.from.split('-').map(Number) as [number, number];
  const accounts = options.accounts.length > 0 ? options.accounts : ['1000'];
  const entries = Math.ceil(count / 2);
  const rows = new Array<Record<string, unknown>>(count);
  let entryNo = options.firstEntryNo ?? 1;
  let r = 0;
  for (let e = 0; e < entries; e++, entryNo++) {
    const m = fromMonth - 1 + Math.floor((e * months) / entries);
    const year = fromYear + Math.floor(m / 12);
    const period = (m % 12) + 1;
    const day = 1 + Math.floor(random() * 28);
    const date = `${year}-${pad(period)}-${pad(day)}T00:00:00Z`;
    const created = `${year}-${pad(period)}-${pad(day)}T${pad(8 + Math.floor(random() * 10))}:${pad(Math.floor(random() * 60))}:00Z`;
    const amount = Math.round(1 + random() * 250_000) / 100;
    const journal = JOURNALS[Math.floor(random() * JOURNALS.length)] as string;
    const invoice = random() < 0.5 ? null : `F${year}${String(entryNo).padStart(6, '0')}`;
    const vat = random() < 0.7 ? null : random() < 0.5 ? '1' : '2';
    const dim = random() < 0.3 ? `KP${100 + Math.floor(random() * 20)}` : null;
    const description = `Boeking ${entryNo}`;
    const a1 = accounts[Math.floor(random() * accounts.length)] as string;
    const a2 = accounts[Math.floor(random() * accounts.length)] as string;
    for (let seq = 1; seq <= 2 && r < count; seq++, r++) {
      const debit = seq === 1;
      rows[r] = {
        UnitId: options.unitId,
        EntryNo: entryNo,
        SeqNo: seq,
        Year: year,
        Period: period,
        JournalId: journal,
        AccountNo: debit ? a1 : a2,
        Omschrijving: description,
        AmtDebit: debit ? amount : 0,
        AmtCredit: debit ? 0 : amount,
        EntryDate: date,
        InvoiceId: invoice,
        VoucherDate: invoice === null ? null : date,
        VoucherNo: String(entryNo),
        VatCode: vat,
        VatAmt: vat === null ? null : Math.round((amount * 2100) / 121) / 100,
        Description: description,
        Created: created,
        Modified: created,
        Type: 'Grootboekrekening',
        Collect_On: null,
        DimAx1: dim,
        DimAx2: null,
        DimAx3: null,
        DimAx4: null,
        DimAx5: null,
      };
    }
  }
  return rows;
}
