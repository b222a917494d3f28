// The Nmbrs checklist (seed 002: Nmbrs sends its journal entries to the payroll journal mapped per
// company): the journal exists, it has lines in the months to reconcile (else the mapping or the
// export is missing), and the liability and bank ledger accounts exist.
import type { Bilingual, NmbrsProfile } from '../../shared/domain';
import { accountCheck, type ReadinessCheck, type ReadinessReader } from './readiness';
import { journalChecks, type ReadinessMonths } from './readiness-journal';

export type { ReadinessMonths } from './readiness-journal';

export async function nmbrsReadiness(reader: ReadinessReader, unitId: number, nmbrs: NmbrsProfile, months: ReadinessMonths): Promise<ReadinessCheck[]> {
  const checks = await journalChecks(reader, unitId, nmbrs.journal, months, {
    id: 'nmbrs',
    what: { nl: 'Loonjournaal-dagboek', en: 'Payroll journal' },
    entries: { nl: 'loonjournaalposten', en: 'payroll entries' },
    mapping: {
      nl: 'Kies het dagboek dat bij de Nmbrs-koppeling (Instellingen > Integratie > AFAS Profit > Administraties) als dagboekcode is ingevuld',
      en: 'Choose the journal entered as journal code in the Nmbrs mapping (Instellingen > Integratie > AFAS Profit > Administraties)',
    },
    send: {
      nl: 'Verstuur de journaalposten van de loonruns vanuit Nmbrs (dashlet Journaalposten Export), of kies het dagboek dat Nmbrs gebruikt.',
      en: "Send the payroll runs' journal entries from Nmbrs (Journaalposten Export dashlet), or choose the journal Nmbrs uses.",
    },
  });

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
