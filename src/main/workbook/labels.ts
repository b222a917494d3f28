// Every word the workbook shows, in Dutch and English. Sheet names stay short: Excel allows 31
// characters and the per-account sheets add the administration and account to them.
import type { AccountRole, AccountStatus, FlagCode, MatchStatus, OpenItemReason } from '../../shared/reconcile';
import type { Lang } from '../../shared/domain';

type Text = Record<Lang, string>;

export const SHEET = {
  summary: { nl: 'Leadsheet', en: 'Summary' },
  accounts: { nl: 'Verloop per rekening', en: 'Rollforward per account' },
  items: { nl: 'Aansluitposten', en: 'Reconciling items' },
  rollforward: { nl: 'Verloop Moss Balance', en: 'Rollforward Moss Balance' },
  openItems: { nl: 'Open', en: 'Open' },
  employees: { nl: 'medewerkers', en: 'employees' },
  schedule: { nl: 'Schema', en: 'Schedule' },
  matches: { nl: 'Afletteringen', en: 'Matched groups' },
  flags: { nl: 'Signaleringen', en: 'Flags' },
  audit: { nl: 'Audittrail', en: 'Audit trail' },
  sync: { nl: 'Synchronisatie', en: 'Sync info' },
} satisfies Record<string, Text>;

/** The leadsheet's title block. */
export const TITLE = {
  title: { nl: 'Aansluiting tussenrekeningen', en: 'Clearing account reconciliation' },
  company: { nl: 'Bedrijf', en: 'Company' },
  administration: { nl: 'Administratie', en: 'Administration' },
  environment: { nl: 'AFAS-omgeving', en: 'AFAS environment' },
  period: { nl: 'Periode', en: 'Period' },
  prepared: { nl: 'Opgesteld door', en: 'Prepared by' },
  reviewed: { nl: 'Beoordeeld door', en: 'Reviewed by' },
  generated: { nl: 'Gemaakt op', en: 'Generated at' },
  version: { nl: 'Versie Kruispost', en: 'Kruispost version' },
  nobody: { nl: 'nog niet afgetekend', en: 'not signed off yet' },
  ofAccounts: { nl: '{n} van {total} rekeningen', en: '{n} of {total} accounts' },
  cleared: { nl: 'Rekeningen die aansluiten zonder open posten staan alleen hier: er is niets om toe te lichten.', en: 'Accounts that clear with nothing open appear only here: there is nothing to explain.' },
} satisfies Record<string, Text>;

export const SUMMARY_HEADERS: Text[] = [
  { nl: 'Adm.', en: 'Adm.' },
  { nl: 'Rekening', en: 'Account' },
  { nl: 'Rol', en: 'Role' },
  { nl: 'Naam', en: 'Name' },
  { nl: 'Saldo AFAS', en: 'AFAS balance' },
  { nl: 'Verwacht', en: 'Expected' },
  { nl: 'Verschil', en: 'Difference' },
  { nl: 'Gecategoriseerde posten', en: 'Categorised items' },
  { nl: 'Onverklaard verschil', en: 'Unexplained difference' },
  { nl: 'Status', en: 'Status' },
  { nl: 'Open posten', en: 'Open items' },
  { nl: 'Aftekening', en: 'Sign-off' },
];

export const ACCOUNT_ROLLFORWARD_HEADERS: Text[] = [
  { nl: 'Adm.', en: 'Adm.' },
  { nl: 'Rekening', en: 'Account' },
  { nl: 'Naam', en: 'Name' },
  { nl: 'Beginsaldo', en: 'Opening balance' },
  { nl: 'Debet', en: 'Debits' },
  { nl: 'Credit', en: 'Credits' },
  { nl: 'Eindsaldo', en: 'Closing balance' },
  { nl: 'Verwacht', en: 'Expected' },
  { nl: 'Gecategoriseerde posten', en: 'Categorised items' },
  { nl: 'Onverklaard verschil', en: 'Unexplained difference' },
];

export const ITEM_HEADERS: Text[] = [
  { nl: 'Adm.', en: 'Adm.' },
  { nl: 'Rekening', en: 'Account' },
  { nl: 'Categorie', en: 'Category' },
  { nl: 'Soort', en: 'Kind' },
  { nl: 'Boeking(en)', en: 'Entry lines' },
  { nl: 'Boekdatum', en: 'Entry date' },
  { nl: 'Omschrijving', en: 'Description' },
  { nl: 'Bedrag', en: 'Amount' },
  { nl: 'Reden', en: 'Reason' },
  { nl: 'Voorgestelde correctieboeking', en: 'Proposed correction entry' },
  { nl: 'Door', en: 'By' },
  { nl: 'Op', en: 'At' },
];

export const ITEM_KIND = {
  'open-item': { nl: 'Open post', en: 'Open item' },
  'match-difference': { nl: 'Verschil in aflettering', en: 'Difference in a match' },
  voucher: { nl: 'Boekstuk niet vrijgevallen', en: 'Voucher not released' },
} satisfies Record<string, Text>;

export const SUBTOTAL: Text = { nl: 'Subtotaal', en: 'Subtotal' };
export const NOT_ENTERED: Text = { nl: 'niet ingevoerd', en: 'not entered' };

export const SIGNOFF_TEXT = {
  prepared: { nl: 'Opgesteld: {by}, {at}', en: 'Prepared: {by}, {at}' },
  reviewed: { nl: 'Beoordeeld: {by}, {at}', en: 'Reviewed: {by}, {at}' },
  rejected: { nl: 'Afgewezen door {by}, {at}: {comment}', en: 'Rejected by {by}, {at}: {comment}' },
  suspended: { nl: 'Opgeschort: het saldo of de open posten zijn gewijzigd na aftekenen', en: 'Suspended: the balance or the open items changed after sign-off' },
  none: { nl: 'Nog niet afgetekend', en: 'Not signed off yet' },
} satisfies Record<string, Text>;

export const ENV_TYPE = {
  production: { nl: 'productie', en: 'production' },
  test: { nl: 'test', en: 'test' },
  accept: { nl: 'acceptatie', en: 'acceptance' },
} satisfies Record<string, Text>;

export const AUTO_BY: Text = { nl: 'Kruispost (automatisch)', en: 'Kruispost (automatic)' };

/** The transitory schedule: one row per voucher, a column per period, live totals. */
export const SCHEDULE = {
  voucher: { nl: 'Boekstuk', en: 'Voucher' },
  invoice: { nl: 'Factuur', en: 'Invoice' },
  description: { nl: 'Omschrijving', en: 'Description' },
  bookedOn: { nl: 'Geboekt op', en: 'Booked on' },
  booked: { nl: 'Geboekt (t/m periode)', en: 'Booked (through period)' },
  releasedThrough: { nl: 'Vrijgevallen t/m {p}', en: 'Released through {p}' },
  balance: { nl: 'Saldo einde {p}', en: 'Balance end of {p}' },
  toRelease: { nl: 'Nog vrij te vallen na {p}', en: 'Still to release after {p}' },
  remainder: { nl: 'Rest (niet vrijgevallen)', en: 'Remainder (not released)' },
  status: { nl: 'Status', en: 'Status' },
  total: { nl: 'Totaal', en: 'Total' },
  expected: { nl: 'Verwacht saldo (minus nog vrij te vallen)', en: 'Expected balance (minus still to release)' },
  afas: { nl: 'Saldo AFAS', en: 'AFAS balance' },
  check: { nl: 'Controle (saldo schema − AFAS)', en: 'Check (schedule balance − AFAS)' },
} satisfies Record<string, Text>;

export const VOUCHER_STATUS: Record<'releasing' | 'released' | 'not-fully-released' | 'release-without-booking', Text> = {
  releasing: { nl: 'Valt nog vrij', en: 'Still releasing' },
  released: { nl: 'Volledig vrijgevallen', en: 'Fully released' },
  'not-fully-released': { nl: 'Niet volledig vrijgevallen', en: 'Not fully released' },
  'release-without-booking': { nl: 'Vrijval zonder boeking', en: 'Release without booking' },
};

export const ROLLFORWARD_ROWS = {
  item: { nl: 'Post', en: 'Item' },
  opening: { nl: 'Beginsaldo', en: 'Opening balance' },
  topUps: { nl: 'Opwaarderingen', en: 'Top-ups' },
  spend: { nl: 'Uitgaven', en: 'Spend' },
  refunds: { nl: 'Terugbetalingen', en: 'Refunds' },
  other: { nl: 'Overig', en: 'Other' },
  closing: { nl: 'Eindsaldo (berekend)', en: 'Closing balance (computed)' },
  closingAfas: { nl: 'Eindsaldo AFAS', en: 'Closing balance AFAS' },
  check: { nl: 'Controle (berekend − AFAS)', en: 'Check (computed − AFAS)' },
  wallet: { nl: 'Saldo Moss-wallet', en: 'Moss wallet balance' },
  difference: { nl: 'Verschil (AFAS − wallet)', en: 'Difference (AFAS − wallet)' },
  causes: { nl: 'Mogelijke oorzaken', en: 'Likely causes' },
  noWallet: { nl: 'Wallet-saldo niet ingevoerd', en: 'Wallet balance not entered' },
} satisfies Record<string, Text>;

export const OPEN_ITEM_HEADERS: Text[] = [
  { nl: 'Boeking', en: 'Entry line' },
  { nl: 'Boekdatum', en: 'Entry date' },
  { nl: 'Dagboek', en: 'Journal' },
  { nl: 'Omschrijving', en: 'Description' },
  { nl: 'Referentie (factuur/boekstuk)', en: 'Reference (invoice/voucher)' },
  { nl: 'Bedrag', en: 'Amount' },
  { nl: 'Leeftijd (dagen)', en: 'Age (days)' },
  { nl: 'Leeftijdsklasse', en: 'Age bucket' },
  { nl: 'Categorie', en: 'Category' },
  { nl: 'Signaleringen', en: 'Flags' },
  { nl: 'Notitie', en: 'Note' },
  { nl: 'Reden open', en: 'Why open' },
];

/** The shared open-items sheet's first columns (employee creditors), before OPEN_ITEM_HEADERS. */
export const CREDITOR_HEADERS: Text[] = [
  { nl: 'Crediteur', en: 'Creditor' },
  { nl: 'Naam', en: 'Name' },
];

/** Why an item is open: expected ('not-yet-due', in `expected`), or a voucher that does not net to zero. */
export const OPEN_REASON: Record<OpenItemReason, Text> = {
  'not-yet-due': { nl: 'Nog niet verschuldigd (verwacht)', en: 'Not yet due (expected)' },
  'not-fully-released': { nl: 'Boekstuk niet volledig vrijgevallen', en: 'Voucher not fully released' },
  'release-without-booking': { nl: 'Vrijval zonder boeking', en: 'Release without booking' },
};

/** Below an open-items total, for accounts that expect the period's own items to be open. */
export const EXPECTED_ROWS = {
  expected: { nl: 'Waarvan nog niet verschuldigd (verwacht)', en: 'Of which not yet due (expected)' },
  reconciling: { nl: 'Aansluitposten', en: 'Reconciling items' },
} satisfies Record<string, Text>;

export const MATCH_HEADERS: Text[] = [
  { nl: 'Adm.', en: 'Adm.' },
  { nl: 'Rekening', en: 'Account' },
  { nl: 'Status', en: 'Status' },
  { nl: 'Methode', en: 'Method' },
  { nl: 'Boeking', en: 'Entry line' },
  { nl: 'Boekdatum', en: 'Entry date' },
  { nl: 'Omschrijving', en: 'Description' },
  { nl: 'Bedrag', en: 'Amount' },
  { nl: 'Verschil (groep)', en: 'Difference (group)' },
  { nl: 'Categorie', en: 'Category' },
  { nl: 'Reden', en: 'Reason' },
  { nl: 'Afgeletterd door', en: 'Matched by' },
  { nl: 'Afgeletterd op', en: 'Matched at' },
];

export const FLAG_HEADERS: Text[] = [
  { nl: 'Adm.', en: 'Adm.' },
  { nl: 'Rekening', en: 'Account' },
  { nl: 'Ernst', en: 'Severity' },
  { nl: 'Soort', en: 'Kind' },
  { nl: 'Melding', en: 'Message' },
  { nl: 'Boekingen', en: 'Entry lines' },
];

export const AUDIT_HEADERS: Text[] = [
  { nl: 'Nr', en: 'No' },
  { nl: 'Tijdstip', en: 'At' },
  { nl: 'Door', en: 'By' },
  { nl: 'Wat er gebeurde', en: 'What happened' },
  { nl: 'Adm.', en: 'Adm.' },
  { nl: 'Rekening', en: 'Account' },
  { nl: 'Reden', en: 'Reason' },
];

/** Below the audit entries: the hash chain's head, so a reviewer can compare it with the app's. */
export const AUDIT_CHAIN = {
  head: { nl: 'Kop van de hashketen (SHA-256, hele audittrail)', en: 'Hash chain head (SHA-256, whole audit trail)' },
  intact: { nl: 'keten intact, {n} regels', en: 'chain intact, {n} entries' },
  broken: { nl: 'KETEN VERBROKEN bij regel {id}', en: 'CHAIN BROKEN at entry {id}' },
  empty: { nl: 'nog geen regels', en: 'no entries yet' },
} satisfies Record<string, Text>;

export const SYNC_ROWS = {
  key: { nl: 'Gegeven', en: 'Item' },
  value: { nl: 'Waarde', en: 'Value' },
  environment: { nl: 'Omgeving', en: 'Environment' },
  administration: { nl: 'Administratie', en: 'Administration' },
  syncedAt: { nl: 'Laatst gesynchroniseerd', en: 'Synced at' },
  neverSynced: { nl: 'Nog niet gesynchroniseerd', en: 'Not synced yet' },
  rowCount: { nl: 'Aantal rijen', en: 'Row count' },
  appVersion: { nl: 'Versie Kruispost', en: 'Kruispost version' },
  generatedAt: { nl: 'Werkmap gemaakt op', en: 'Workbook generated at' },
} satisfies Record<string, Text>;

export const TOTAL: Text = { nl: 'Totaal', en: 'Total' };

export const ROLE: Record<AccountRole, Text> = {
  mossBalance: { nl: 'Moss Balance', en: 'Moss Balance' },
  cashInTransit: { nl: 'Kruisposten', en: 'Cash in transit' },
  defaultSupplier: { nl: 'Moss standaardcrediteur', en: 'Moss default supplier' },
  creditor: { nl: 'Crediteur', en: 'Creditor' },
  netWages: { nl: 'Te betalen nettolonen', en: 'Net wages payable' },
  payrollTax: { nl: 'Af te dragen loonheffing', en: 'Payroll taxes payable' },
  pension: { nl: 'Af te dragen pensioenpremies', en: 'Pension premiums payable' },
  employeeCreditor: { nl: 'Medewerkercrediteur (declaraties)', en: 'Employee creditor (expense claims)' },
  paymentsInTransit: { nl: 'Betalingen onderweg', en: 'Payments in transit' },
  transitory: { nl: 'Transitoria (nog vrij te vallen)', en: 'Transitory (deferrals)' },
};

export const ACCOUNT_STATUS: Record<AccountStatus, Text> = {
  clears: { nl: 'Sluit aan', en: 'Clears' },
  'does-not-clear': { nl: 'Sluit niet aan', en: 'Does not clear' },
  'not-fetched': { nl: 'Niet opgehaald', en: 'Not fetched' },
  'awaiting-balance': { nl: 'Extern saldo (wallet) niet ingevoerd', en: 'External balance (wallet) not entered' },
};

export const MATCH_STATUS: Record<MatchStatus, Text> = {
  suggested: { nl: 'Voorgesteld', en: 'Suggested' },
  confirmed: { nl: 'Afgeletterd', en: 'Matched' },
  stale: { nl: 'Vervallen (regel gewijzigd)', en: 'No longer valid (line changed)' },
};

export const SEVERITY: Record<'info' | 'warning' | 'error', Text> = {
  info: { nl: 'Info', en: 'Info' },
  warning: { nl: 'Waarschuwing', en: 'Warning' },
  error: { nl: 'Fout', en: 'Error' },
};

export const FLAG: Record<FlagCode, Text> = {
  'open-too-long': { nl: 'Te lang open', en: 'Open too long' },
  'amount-mismatch': { nl: 'Bedrag wijkt af', en: 'Amount mismatch' },
  duplicate: { nl: 'Dubbel', en: 'Duplicate' },
  'split-or-merged': { nl: 'Gesplitst of samengevoegd', en: 'Split or merged' },
  'unexpected-journal': { nl: 'Onverwacht dagboek', en: 'Unexpected journal' },
  'stale-match': { nl: 'Verouderde aflettering', en: 'Stale match' },
  'does-not-clear': { nl: 'Sluit niet aan', en: 'Does not clear' },
  'wallet-difference': { nl: 'Verschil met wallet', en: 'Wallet difference' },
  'missing-counterpart': { nl: 'Tegenboeking ontbreekt', en: 'Missing counterpart' },
  'returned-payment': { nl: 'Teruggestorte betaling', en: 'Returned payment' },
  'payment-without-credits': { nl: 'Betaling zonder periodeposten', en: 'Payment without period credits' },
  'not-fully-released': { nl: 'Niet volledig vrijgevallen', en: 'Not fully released' },
  'release-twice': { nl: 'Vrijval dubbel geboekt', en: 'Release booked twice' },
  'release-before-booking': { nl: 'Vrijval vóór boeking', en: 'Release before booking' },
  'release-without-booking': { nl: 'Vrijval zonder boeking', en: 'Release without booking' },
  'rounding-remainder': { nl: 'Afrondingsverschil', en: 'Rounding remainder' },
};

/** A label that falls back to the raw code when the engine adds a value this file does not know. */
export function label<K extends string>(map: Record<K, Text>, key: K, lang: Lang): string {
  return map[key]?.[lang] ?? key;
}
