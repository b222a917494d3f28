// The Declaree checklist (seed 001: Declaree exports approved reports to the journal chosen in its
// AFAS connection, on the creditor number entered as each user's code): the journal exists and has
// reports in the months to reconcile, payments in transit and the bank ledger accounts exist, and
// configured employee creditors exist as creditors (one check naming those that do not).
import type { AdministrationConfig, Bilingual } from '../../shared/domain';
import { counted } from '../../shared/plural';
import { declareeBankAccounts } from '../reconcile/profiles/declaree';
import { accountCheck, check, NONE, unknown, type ReadinessCheck, type ReadinessReader } from './readiness';
import { journalChecks, type ReadinessMonths } from './readiness-journal';

/** Creditors asked for per request (an OR group each). */
const CHUNK = 50;

export async function declareeReadiness(reader: ReadinessReader, unitId: number, config: AdministrationConfig, months: ReadinessMonths): Promise<ReadinessCheck[]> {
  const d = config.declaree!;
  const checks = await journalChecks(reader, unitId, d.journal, months, {
    id: 'declaree',
    what: { nl: 'Declaree-dagboek', en: 'Declaree journal' },
    entries: { nl: 'declaraties', en: 'expense reports' },
    mapping: {
      nl: 'Kies het dagboek dat in Declaree bij Beheer > Verbindingen > AFAS als Dagboek is ingevuld',
      en: 'Choose the journal entered as Dagboek in Declaree under Beheer > Verbindingen > AFAS',
    },
    send: {
      nl: 'Exporteer de goedgekeurde rapporten vanuit Declaree (Rapporten > Exporteren > AFAS Online), of kies het dagboek dat Declaree gebruikt.',
      en: 'Export the approved reports from Declaree (Rapporten > Exporteren > AFAS Online), or choose the journal Declaree uses.',
    },
  });

  const wanted: [string, string, Bilingual][] = [
    ['declaree:account:in-transit', d.paymentsInTransitAccount, { nl: 'Betalingen onderweg', en: 'Payments in transit' }],
    ...declareeBankAccounts(config).map((b): [string, string, Bilingual] => [`declaree:account:bank:${b}`, b, { nl: 'Bankrekening (grootboek)', en: 'Bank ledger account' }]),
  ];
  const accounts = await reader.fetch('Profit_Accounts', ['Account'], [...new Set(wanted.map((w) => w[1]))].map((a) => [{ fieldId: 'Account', operator: 1 as const, value: a }]));
  for (const [id, account, what] of wanted) checks.push(accountCheck(id, account, what, accounts));

  const configured = d.employeeCreditors ?? [];
  if (configured.length > 0) {
    const many = configured.length !== 1;
    const label: Bilingual = {
      nl: `${counted(configured.length, 'medewerkercrediteur', 'medewerkercrediteuren')} ${many ? 'bestaan' : 'bestaat'} als crediteur`,
      en: `${counted(configured.length, 'employee creditor', 'employee creditors', 'en')} ${many ? 'exist as creditors' : 'exists as a creditor'}`,
    };
    const found = new Set<string>();
    let failed: Bilingual | null = null;
    for (let i = 0; i < configured.length && failed === null; i += CHUNK) {
      const rows = await reader.fetch('Profit_Creditor', ['CreditorId'], configured.slice(i, i + CHUNK).map((c) => [{ fieldId: 'CreditorId', operator: 1 as const, value: c }]));
      if (Array.isArray(rows)) for (const r of rows) found.add(String(r.CreditorId));
      else failed = rows;
    }
    const missing = configured.filter((c) => !found.has(c));
    if (failed) checks.push(unknown('declaree:creditors', label, failed));
    else {
      const names = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ` … (+${missing.length - 10})` : '');
      checks.push(check('declaree:creditors', missing.length === 0, label, missing.length === 0 ? NONE : {
        nl: `Geen crediteur in AFAS: ${names}. Vul in Declaree bij elke gebruiker als code het AFAS-crediteurnummer in, of haal het nummer uit de lijst in Kruispost.`,
        en: `Not a creditor in AFAS: ${names}. Enter each Declaree user's AFAS creditor number as their code, or remove the number from the list in Kruispost.`,
      }));
    }
  }
  return checks;
}
