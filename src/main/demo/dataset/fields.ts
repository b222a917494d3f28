// The GetConnector field lists the demo serves (ids as AFAS's OpenAPI description names them),
// plus two fields a customer's copied connector might carry, which the client must ignore.
import type { FakeField } from '../fake-afas/types';

const s = (id: string, label: string): FakeField => ({ id, dataType: 'string', label });
const i = (id: string, label: string): FakeField => ({ id, dataType: 'int', label });
const d = (id: string, label: string): FakeField => ({ id, dataType: 'decimal', label, decimals: 2 });
const dt = (id: string, label: string): FakeField => ({ id, dataType: 'date', label });
const b = (id: string, label: string): FakeField => ({ id, dataType: 'boolean', label });

export const TRANSACTION_FIELDS: FakeField[] = [
  i('UnitId', 'Administratie'),
  i('EntryNo', 'Boekstuknummer intern'),
  i('SeqNo', 'Volgnummer'),
  i('Year', 'Boekjaar'),
  i('Period', 'Periodenummer'),
  s('JournalId', 'Dagboek'),
  s('AccountNo', 'Rekeningnummer'),
  s('Omschrijving', 'Omschrijving'),
  d('AmtDebit', 'Bedrag debet'),
  d('AmtCredit', 'Bedrag credit'),
  dt('EntryDate', 'Datum boeking'),
  s('InvoiceId', 'Factuurnummer'),
  dt('VoucherDate', 'Datum boekstuk'),
  s('VoucherNo', 'Boekstuknummer'),
  s('VatCode', 'Btw-code'),
  d('VatAmt', 'Btw-bedrag'),
  s('Description', 'Omschrijving boeking'),
  s('Type', 'Type rekening'),
  s('Collect_On', 'Type verzamelrekening'),
  s('DimAx1', 'Kostenplaats'),
  s('DimAx2', 'Kostendrager'),
  s('DimAx3', 'Verbijzonderingsas 3'),
  s('DimAx4', 'Verbijzonderingsas 4'),
  s('DimAx5', 'Verbijzonderingsas 5'),
  dt('Created', 'Aangemaakt op'),
  dt('Modified', 'Gewijzigd op'),
  // Not in the standard connector: a customer's copy added them.
  s('U5A1C9E0F4B7D4E2A8C3B6F1D0E9A7C25', 'Kenmerk Moss'),
  b('Geblokkeerd_voor_betaling', 'Geblokkeerd voor betaling'),
];

export const ADMINISTRATION_FIELDS: FakeField[] = [i('AdminId', 'Administratie'), s('AdminNm', 'Naam administratie'), s('AdminCd', 'Code administratie')];

// Profit_Accounts and Profit_Creditor carry no UnitId in AFAS's description: one list for all units.
export const ACCOUNT_FIELDS: FakeField[] = [
  s('Account', 'Rekeningnummer'),
  s('Description', 'Omschrijving'),
  s('Type', 'Type rekeningcode'),
  s('Sort', 'Soort rekening code'),
  b('Blocked', 'Geblokkeerd'),
  b('CollectAccount', 'Verzamelrekening'),
];

export const JOURNAL_FIELDS: FakeField[] = [
  i('UnitId', 'Administratie'),
  s('JournalId', 'Dagboek'),
  s('Description', 'Omschrijving'),
  s('JournalType', 'Dagboeksoort code'),
  b('Blocked', 'Geblokkeerd'),
];

export const CREDITOR_FIELDS: FakeField[] = [
  s('CreditorId', 'Crediteurnummer'),
  s('CreditorName', 'Naam crediteur'),
  s('SearchName', 'Zoeknaam'),
  s('IBAN', 'IBAN-nummer'),
  b('Blocked', 'Volledig blokkeren'),
];

export const CHANGED_ENTRY_DATE_FIELDS: FakeField[] = [dt('EntryDate', 'Datum boeking'), dt('Modified', 'Gewijzigd op')];
