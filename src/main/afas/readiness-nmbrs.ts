// The Nmbrs checklist (seed 002: Nmbrs sends its journal entries to the payroll journal mapped per
// company): the journal exists, it has lines in the months to reconcile (else the mapping or the
// export is missing), and the liability and bank ledger accounts exist.
import type { Bilingual, NmbrsProfile, Period } from '../../shared/domain';
import { periodLabel } from '../../shared/domain';
import { accountCheck, check, JOURNALS_NL, NONE, unknown, type ReadinessCheck, type ReadinessReader } from './readiness';

/** The months whose lines are reconciled (the sync's range). */
export interface ReadinessMonths {
  from: Period;
  to: Period;
}

const dayStart = (p: Period) => `${p.year}-${String(p.month).padStart(2, '0')}-01T00:00:00`;
const after = (p: Period): Period => (p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 });

export async function nmbrsReadiness(reader: ReadinessReader, unitId: number, nmbrs: NmbrsProfile, months: ReadinessMonths): Promise<ReadinessCheck[]> {
  const checks: ReadinessCheck[] = [];
  const j = nmbrs.journal;
  const journals = await reader.fetch('Profit_Journals', ['UnitId', 'JournalId'], [[
    { fieldId: 'UnitId', operator: 1, value: String(unitId) },
    { fieldId: 'JournalId', operator: 1, value: j },
  ]]);
  const journalLabel: Bilingual = { nl: `Loonjournaal-dagboek ${j} bestaat`, en: `Payroll journal ${j} exists` };
  const row = Array.isArray(journals) ? journals.find((r) => String(r.JournalId) === j) : undefined;
  if (!Array.isArray(journals)) checks.push(unknown('nmbrs:journal', journalLabel, journals));
  else if (!row) {
    checks.push(check('nmbrs:journal', false, journalLabel, {
      nl: `Dagboek ${j} bestaat niet in administratie ${unitId}. Kies het dagboek dat bij de Nmbrs-koppeling (Instellingen > Integratie > AFAS Profit > Administraties) als dagboekcode is ingevuld, of maak het aan in ${JOURNALS_NL}.`,
      en: `Journal ${j} does not exist in administration ${unitId}. Choose the journal entered as journal code in the Nmbrs mapping (Instellingen > Integratie > AFAS Profit > Administraties), or create it in ${JOURNALS_NL}.`,
    }));
  } else if (row.Blocked === true) {
    checks.push(check('nmbrs:journal', false, journalLabel, { nl: `Dagboek ${j} is geblokkeerd. Haal de blokkade weg in ${JOURNALS_NL}.`, en: `Journal ${j} is blocked. Unblock it in ${JOURNALS_NL}.` }));
  } else checks.push(check('nmbrs:journal', true, journalLabel, NONE));

  // Lines in the months to reconcile: without them the run export or the company mapping is missing.
  const range = months.from.year === months.to.year && months.from.month === months.to.month ? periodLabel(months.to) : `${periodLabel(months.from)} … ${periodLabel(months.to)}`;
  const linesLabel: Bilingual = { nl: `Dagboek ${j} heeft loonjournaalposten in ${range}`, en: `Journal ${j} has payroll entries in ${range}` };
  const lines = await reader.fetch(
    'Profit_Transactions_Allocated',
    ['EntryDate'],
    [[
      { fieldId: 'UnitId', operator: 1, value: String(unitId) },
      { fieldId: 'JournalId', operator: 1, value: j },
      { fieldId: 'EntryDate', operator: 2, value: dayStart(months.from) },
      { fieldId: 'EntryDate', operator: 5, value: dayStart(after(months.to)) },
    ]],
    1,
  );
  if (!Array.isArray(lines)) checks.push(unknown('nmbrs:journal-lines', linesLabel, lines));
  else {
    checks.push(check('nmbrs:journal-lines', lines.length > 0, linesLabel, {
      nl: `Dagboek ${j} heeft geen regels in ${range}. Verstuur de journaalposten van de loonruns vanuit Nmbrs (dashlet Journaalposten Export), of kies het dagboek dat Nmbrs gebruikt.`,
      en: `Journal ${j} has no lines in ${range}. Send the payroll runs' journal entries from Nmbrs (Journaalposten Export dashlet), or choose the journal Nmbrs uses.`,
    }));
  }

  const wanted: [string, string, Bilingual][] = [
    ['nmbrs:account:net-wages', nmbrs.netWagesAccount, { nl: 'Te betalen nettolonen', en: 'Net wages payable' }],
    ['nmbrs:account:payroll-tax', nmbrs.payrollTaxAccount, { nl: 'Af te dragen loonheffing', en: 'Payroll taxes payable' }],
    ...(nmbrs.pensionAccount ? [['nmbrs:account:pension', nmbrs.pensionAccount, { nl: 'Af te dragen pensioenpremies', en: 'Pension premiums payable' }] as [string, string, Bilingual]] : []),
    ...nmbrs.bankAccounts.map((b): [string, string, Bilingual] => [`nmbrs:account:bank:${b}`, b, { nl: 'Bankrekening (grootboek)', en: 'Bank ledger account' }]),
  ];
  const accounts = await reader.fetch('Profit_Accounts', ['Account'], [...new Set(wanted.map((w) => w[1]))].map((a) => [{ fieldId: 'Account', operator: 1 as const, value: a }]));
  for (const [id, account, what] of wanted) checks.push(accountCheck(id, account, what, accounts));
  return checks;
}
