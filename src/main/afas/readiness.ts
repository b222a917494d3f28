// The Moss preparation checklist (Moss "Connect Guide 1. Preparation") as data, checked against the
// AFAS environment: the GetConnectors Kruispost needs in the App Connector, then the master data
// Moss asks the customer to create (journals, ledger accounts, default supplier). Other profiles'
// checklists (readiness-nmbrs.ts) build on baseReadiness.
import type { Bilingual, MossProfile } from '../../shared/domain';
import { isAppFailure } from '../../shared/errors';
import type { AfasClient, AfasRow, FilterGroups } from './types';

export interface ReadinessCheck {
  id: string;
  ok: boolean;
  label: Bilingual;
  fix: Bilingual;
  /** false: Kruispost works without it, with less (e.g. no incremental sync). */
  required: boolean;
}

export interface RequiredConnector {
  id: string;
  required: boolean;
  /** What in Kruispost needs it. */
  feature: Bilingual;
}

/** The GetConnectors Kruispost reads; standard AFAS connectors (Moss recommends the standard ones too). */
export const REQUIRED_GET_CONNECTORS: RequiredConnector[] = [
  { id: 'Profit_Transactions_Allocated', required: true, feature: { nl: 'financiële mutaties ophalen om af te letteren', en: 'fetching the financial mutations to reconcile' } },
  { id: 'Profit_Journals', required: true, feature: { nl: 'de Moss-dagboeken (inkoop en bank) controleren', en: 'checking the Moss journals (purchase and bank)' } },
  { id: 'Profit_Accounts', required: true, feature: { nl: 'de Moss Balance- en kruispostenrekening controleren en rekeningen kiezen', en: 'checking the Moss Balance and cash-in-transit accounts and choosing accounts' } },
  { id: 'Profit_Creditor', required: true, feature: { nl: 'de Moss Default Supplier en leveranciers herkennen', en: 'recognising the Moss Default Supplier and merchant suppliers' } },
  { id: 'Profit_Administrations', required: true, feature: { nl: 'de administraties tonen om uit te kiezen', en: 'listing the administrations to choose from' } },
  { id: 'Profit_Fin_ChangedEntrydate', required: false, feature: { nl: 'alleen gewijzigde boekdatums opnieuw ophalen (sneller bijwerken)', en: 'fetching only changed entry dates again (faster updates)' } },
  { id: 'Profit_Period_balance', required: false, feature: { nl: 'saldi per periode vergelijken met AFAS', en: 'comparing period balances with AFAS' } },
];

/** What AFAS's JournalType (Dagboeksoort) may say for each role; unverified, so configurable. */
export interface JournalTypeRules {
  purchase: string[];
  bank: string[];
}

export const DEFAULT_JOURNAL_TYPES: JournalTypeRules = {
  purchase: ['Inkoop', 'Purchase', 'Purchases'],
  bank: ['Financieel', 'Financial', 'Bank', 'Kas', 'Giro'],
};

const APP_CONNECTOR_NL = 'Algemeen > Beheer > App connector';
export const JOURNALS_NL = 'Financieel > Grootboek > Dagboeken';
const ACCOUNTS_NL = 'Financieel > Grootboek > Grootboekrekeningen';
const CREDITORS_NL = 'Financieel > Crediteuren > Crediteur';

export const NONE: Bilingual = { nl: '', en: '' };

/** Reads a connector for a check; a connector not in the App Connector, or an error, is the answer's reason. */
export interface ReadinessReader {
  has(connectorId: string): boolean;
  /** Every matching row, or the first `limit` (a sample is enough for "has lines"). */
  fetch(connectorId: string, orderBy: string[], filters: FilterGroups, limit?: number): Promise<AfasRow[] | Bilingual>;
}

/** The App Connector's GetConnectors and the administration: what every profile needs. */
export async function baseReadiness(client: AfasClient, unitId: number, signal?: AbortSignal): Promise<{ reader: ReadinessReader; checks: ReadinessCheck[] }> {
  const meta = await client.metaInfo(signal); // 401/403 here: the caller shows that failure itself
  const available = new Set(meta.getConnectors.map((c) => c.id.toLowerCase()));
  const has = (id: string) => available.has(id.toLowerCase());
  const checks: ReadinessCheck[] = REQUIRED_GET_CONNECTORS.map((c) => connectorCheck(c, has(c.id)));

  const fetch = async (connectorId: string, orderBy: string[], filters: FilterGroups, limit?: number): Promise<AfasRow[] | Bilingual> => {
    if (!has(connectorId)) {
      return { nl: `Niet te controleren: voeg eerst GetConnector ${connectorId} toe aan de App Connector.`, en: `Cannot check: first add GetConnector ${connectorId} to the App Connector.` };
    }
    try {
      const rows: AfasRow[] = [];
      for await (const page of client.getRows(connectorId, { orderBy, filters, take: Math.min(500, limit ?? 500), ...(signal ? { signal } : {}) })) {
        rows.push(...page);
        if (limit !== undefined && rows.length >= limit) break;
      }
      return rows;
    } catch (e) {
      if (!isAppFailure(e)) throw e;
      const err = e.appError;
      return { nl: `${err.message.nl} ${err.action?.nl ?? ''}`.trim(), en: `${err.message.en} ${err.action?.en ?? ''}`.trim() };
    }
  };

  // Administration
  const admins = await fetch('Profit_Administrations', ['AdminId'], [[{ fieldId: 'AdminId', operator: 1, value: String(unitId) }]]);
  checks.push(
    Array.isArray(admins)
      ? check(`administration:${unitId}`, admins.some((r) => Number(r.AdminId) === unitId), {
          nl: `Administratie ${unitId} is bereikbaar`,
          en: `Administration ${unitId} is reachable`,
        }, {
          nl: `Administratie ${unitId} is niet zichtbaar voor de koppelgebruiker. Controleer het administratienummer (Algemeen > Administratie > Openen, kolom "Adm.") en geef de gebruikersgroep van de App Connector toegang tot deze administratie.`,
          en: `Administration ${unitId} is not visible to the connection user. Check the administration number (Algemeen > Administratie > Openen, column "Adm.") and give the App Connector's user group access to it.`,
        })
      : unknown(`administration:${unitId}`, { nl: `Administratie ${unitId} is bereikbaar`, en: `Administration ${unitId} is reachable` }, admins),
  );
  return { reader: { has, fetch }, checks };
}

/** The Moss checklist: purchase and bank journal, Moss Balance, cash in transit, bank accounts, default supplier. */
export async function mossReadiness(reader: ReadinessReader, unitId: number, moss: MossProfile, rules: JournalTypeRules = DEFAULT_JOURNAL_TYPES): Promise<ReadinessCheck[]> {
  const { fetch } = reader;
  const checks: ReadinessCheck[] = [];
  // Journals: purchase (Inkoop) and bank (Financieel, counter account Moss Balance)
  const journals = await fetch('Profit_Journals', ['UnitId', 'JournalId'], [moss.purchaseJournal, moss.bankJournal].map((j) => [
    { fieldId: 'UnitId', operator: 1 as const, value: String(unitId) },
    { fieldId: 'JournalId', operator: 1 as const, value: j },
  ]));
  checks.push(journalCheck('journal:purchase', moss.purchaseJournal, 'Inkoop', rules.purchase, journals, unitId));
  checks.push(journalCheck('journal:bank', moss.bankJournal, 'Financieel', rules.bank, journals, unitId));

  // Ledger accounts
  const accountIds = [moss.balanceAccount, moss.cashInTransitAccount, ...moss.bankAccounts];
  const accounts = await fetch('Profit_Accounts', ['Account'], [...new Set(accountIds)].map((a) => [{ fieldId: 'Account', operator: 1 as const, value: a }]));
  checks.push(accountCheck('account:balance', moss.balanceAccount, { nl: 'Moss Balance-rekening', en: 'Moss Balance account' }, accounts));
  checks.push(accountCheck('account:cash-in-transit', moss.cashInTransitAccount, { nl: 'Kruispostenrekening (Cash in Transit)', en: 'Cash-in-transit account (kruisposten)' }, accounts));
  for (const bank of moss.bankAccounts) checks.push(accountCheck(`account:bank:${bank}`, bank, { nl: 'Bankrekening (grootboek)', en: 'Bank ledger account' }, accounts));

  // Moss Default Supplier
  const creditors = await fetch('Profit_Creditor', ['CreditorId'], [[{ fieldId: 'CreditorId', operator: 1, value: moss.defaultSupplier }]]);
  const supplierLabel = { nl: `Moss Default Supplier ${moss.defaultSupplier} bestaat als crediteur`, en: `Moss Default Supplier ${moss.defaultSupplier} exists as creditor` };
  checks.push(
    Array.isArray(creditors)
      ? check('creditor:default', creditors.some((r) => String(r.CreditorId) === moss.defaultSupplier), supplierLabel, {
          nl: `Maak de Moss Default Supplier aan: ${CREDITORS_NL} > Nieuw > type Organisatie, naam en adres, en vink aan het eind "Is crediteur" aan. Of kies in Kruispost het juiste crediteurnummer.`,
          en: `Create the Moss Default Supplier: ${CREDITORS_NL} > Nieuw > type Organisatie, name and address, and tick "Is crediteur" at the end. Or choose the right creditor number in Kruispost.`,
        })
      : unknown('creditor:default', supplierLabel, creditors),
  );
  return checks;
}

export async function runReadiness(
  client: AfasClient,
  unitId: number,
  moss: MossProfile,
  options: { journalTypes?: JournalTypeRules; signal?: AbortSignal } = {},
): Promise<ReadinessCheck[]> {
  const base = await baseReadiness(client, unitId, options.signal);
  return [...base.checks, ...(await mossReadiness(base.reader, unitId, moss, options.journalTypes))];
}

export function check(id: string, ok: boolean, label: Bilingual, fix: Bilingual, required = true): ReadinessCheck {
  return { id, ok, label, fix: ok ? NONE : fix, required };
}

export function unknown(id: string, label: Bilingual, why: Bilingual): ReadinessCheck {
  return { id, ok: false, label, fix: why, required: true };
}

function connectorCheck(c: RequiredConnector, present: boolean): ReadinessCheck {
  return check(
    `connector:${c.id}`,
    present,
    { nl: `GetConnector ${c.id} (voor ${c.feature.nl})`, en: `GetConnector ${c.id} (for ${c.feature.en})` },
    {
      nl: `Voeg ${c.id} toe aan de App Connector: ${APP_CONNECTOR_NL} > open de connector > tabblad GetConnectoren > Nieuw > kies ${c.id} > Voltooien.${c.required ? '' : ' Niet verplicht: zonder werkt Kruispost ook, maar zonder ' + c.feature.nl + '.'}`,
      en: `Add ${c.id} to the App Connector: ${APP_CONNECTOR_NL} > open the connector > GetConnectoren tab > Nieuw > choose ${c.id} > Voltooien.${c.required ? '' : ' Optional: Kruispost works without it, but without ' + c.feature.en + '.'}`,
    },
    c.required,
  );
}

function journalCheck(id: string, journalId: string, typeNl: 'Inkoop' | 'Financieel', accepted: string[], journals: AfasRow[] | Bilingual, unitId: number): ReadinessCheck {
  const typeEn = typeNl === 'Inkoop' ? 'purchase (Inkoop)' : 'financial (Financieel)';
  const label: Bilingual = { nl: `Dagboek ${journalId} van het type ${typeNl}`, en: `Journal ${journalId} of type ${typeEn}` };
  if (!Array.isArray(journals)) return unknown(id, label, journals);
  const row = journals.find((r) => String(r.JournalId) === journalId && (r.UnitId === undefined || r.UnitId === null || Number(r.UnitId) === unitId));
  const create: Bilingual =
    typeNl === 'Inkoop'
      ? {
          nl: `Maak het Moss-inkoopdagboek aan: ${JOURNALS_NL} > Nieuw > code en naam, dagboektype "Inkoop", en vink alle voorkeuren aan. Of kies in Kruispost het juiste dagboek.`,
          en: `Create the Moss purchase journal: ${JOURNALS_NL} > Nieuw > code and name, journal type "Inkoop", and tick all preferences. Or choose the right journal in Kruispost.`,
        }
      : {
          nl: `Maak het Moss-bankdagboek aan: ${JOURNALS_NL} > Nieuw > code en naam, dagboektype "Financieel" met de Moss Balance-rekening als tegenrekening. Of kies in Kruispost het juiste dagboek.`,
          en: `Create the Moss bank journal: ${JOURNALS_NL} > Nieuw > code and name, journal type "Financieel" with the Moss Balance account as counter account. Or choose the right journal in Kruispost.`,
        };
  if (!row) return check(id, false, label, create);
  if (row.Blocked === true) {
    return check(id, false, label, { nl: `Dagboek ${journalId} is geblokkeerd. Haal de blokkade weg in ${JOURNALS_NL}.`, en: `Journal ${journalId} is blocked. Unblock it in ${JOURNALS_NL}.` });
  }
  const type = typeof row.JournalType === 'string' ? row.JournalType.trim() : row.JournalType == null ? '' : String(row.JournalType);
  if (type === '') {
    // AFAS did not report the type: it cannot be verified here, so do not block on it.
    return { id, ok: true, label: { nl: `${label.nl} (type niet door AFAS gemeld)`, en: `${label.en} (type not reported by AFAS)` }, fix: NONE, required: true };
  }
  const ok = accepted.some((a) => a.trim().toLowerCase() === type.toLowerCase());
  return check(id, ok, label, {
    nl: `Dagboek ${journalId} heeft type "${type}", verwacht ${accepted.map((a) => `"${a}"`).join(' of ')}. Kies in Kruispost het juiste dagboek, of voeg "${type}" toe aan de toegestane dagboektypes als dit in uw omgeving hetzelfde betekent.`,
    en: `Journal ${journalId} has type "${type}", expected ${accepted.map((a) => `"${a}"`).join(' or ')}. Choose the right journal in Kruispost, or add "${type}" to the accepted journal types if it means the same in your environment.`,
  });
}

export function accountCheck(id: string, account: string, what: Bilingual, accounts: AfasRow[] | Bilingual): ReadinessCheck {
  const label: Bilingual = { nl: `${what.nl} ${account} bestaat`, en: `${what.en} ${account} exists` };
  if (!Array.isArray(accounts)) return unknown(id, label, accounts);
  const row = accounts.find((r) => String(r.Account) === account);
  if (!row) {
    return check(id, false, label, {
      nl: `Maak grootboekrekening ${account} aan in ${ACCOUNTS_NL} > Nieuw (code, naam en het juiste rekeningtype), of kies in Kruispost de juiste rekening.`,
      en: `Create ledger account ${account} in ${ACCOUNTS_NL} > Nieuw (code, name and the right account type), or choose the right account in Kruispost.`,
    });
  }
  if (row.Blocked === true) return check(id, false, label, { nl: `Rekening ${account} is geblokkeerd. Haal de blokkade weg in ${ACCOUNTS_NL}.`, en: `Account ${account} is blocked. Unblock it in ${ACCOUNTS_NL}.` });
  return check(id, true, label, NONE);
}
