// The Spend Cloud checklist (seed 004: the export logic 024/027/997 books invoices in the purchase
// journal and spreads costs through a transitory account or AFAS's deferrals module): the journal
// exists, it has invoices in the months to reconcile, and the transitory accounts exist.
import type { Bilingual, Period, SpendCloudProfile } from '../../shared/domain';
import { periodLabel } from '../../shared/domain';
import { accountCheck, check, JOURNALS_NL, NONE, unknown, type ReadinessCheck, type ReadinessReader } from './readiness';
import type { ReadinessMonths } from './readiness-nmbrs';

const dayStart = (p: Period) => `${p.year}-${String(p.month).padStart(2, '0')}-01T00:00:00`;
const after = (p: Period): Period => (p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 });

export async function spendCloudReadiness(reader: ReadinessReader, unitId: number, sc: SpendCloudProfile, months: ReadinessMonths): Promise<ReadinessCheck[]> {
  const checks: ReadinessCheck[] = [];
  const j = sc.journal;
  const journals = await reader.fetch('Profit_Journals', ['UnitId', 'JournalId'], [[
    { fieldId: 'UnitId', operator: 1, value: String(unitId) },
    { fieldId: 'JournalId', operator: 1, value: j },
  ]]);
  const journalLabel: Bilingual = { nl: `Inkoopdagboek ${j} van Spend Cloud bestaat`, en: `Spend Cloud purchase journal ${j} exists` };
  const row = Array.isArray(journals) ? journals.find((r) => String(r.JournalId) === j) : undefined;
  if (!Array.isArray(journals)) checks.push(unknown('spendcloud:journal', journalLabel, journals));
  else if (!row) {
    checks.push(check('spendcloud:journal', false, journalLabel, {
      nl: `Dagboek ${j} bestaat niet in administratie ${unitId}. Kies het dagboek dat in Spend Cloud bij de AFAS-export (Applicatiebeheer > Factuurverwerking > Exportmapping) is ingesteld, of maak het aan in ${JOURNALS_NL}.`,
      en: `Journal ${j} does not exist in administration ${unitId}. Choose the journal set in Spend Cloud's AFAS export (Application Management > Invoice Processing > Custom Export Mapping), or create it in ${JOURNALS_NL}.`,
    }));
  } else if (row.Blocked === true) {
    checks.push(check('spendcloud:journal', false, journalLabel, { nl: `Dagboek ${j} is geblokkeerd. Haal de blokkade weg in ${JOURNALS_NL}.`, en: `Journal ${j} is blocked. Unblock it in ${JOURNALS_NL}.` }));
  } else checks.push(check('spendcloud:journal', true, journalLabel, NONE));

  const range = months.from.year === months.to.year && months.from.month === months.to.month ? periodLabel(months.to) : `${periodLabel(months.from)} … ${periodLabel(months.to)}`;
  const linesLabel: Bilingual = { nl: `Dagboek ${j} heeft boekingen op de transitoriarekening in ${range}`, en: `Journal ${j} has entries on the transitory account in ${range}` };
  const lines = await reader.fetch(
    'Profit_Transactions_Allocated',
    ['EntryDate'],
    sc.transitoryAccounts.map((account) => [
      { fieldId: 'UnitId', operator: 1 as const, value: String(unitId) },
      { fieldId: 'JournalId', operator: 1 as const, value: j },
      { fieldId: 'AccountNo', operator: 1 as const, value: account },
      { fieldId: 'EntryDate', operator: 2 as const, value: dayStart(months.from) },
      { fieldId: 'EntryDate', operator: 5 as const, value: dayStart(after(months.to)) },
    ]),
    1,
  );
  if (!Array.isArray(lines)) checks.push(unknown('spendcloud:journal-lines', linesLabel, lines));
  else {
    checks.push(check('spendcloud:journal-lines', lines.length > 0, linesLabel, {
      nl: `Dagboek ${j} heeft geen regels op ${sc.transitoryAccounts.join(', ')} in ${range}. Controleer in Spend Cloud de exportlogica (024, 027 of 997 met periodeverdeling) en de transitoriarekening, of kies het dagboek en de rekening die Spend Cloud gebruikt.`,
      en: `Journal ${j} has no lines on ${sc.transitoryAccounts.join(', ')} in ${range}. Check Spend Cloud's export logic (024, 027 or 997 with period distribution) and its transitory account, or choose the journal and account Spend Cloud uses.`,
    }, false));
  }

  const accounts = await reader.fetch('Profit_Accounts', ['Account'], [...new Set(sc.transitoryAccounts)].map((a) => [{ fieldId: 'Account', operator: 1 as const, value: a }]));
  for (const a of sc.transitoryAccounts) checks.push(accountCheck(`spendcloud:account:transitory:${a}`, a, { nl: 'Transitoriarekening', en: 'Transitory account' }, accounts));
  return checks;
}
