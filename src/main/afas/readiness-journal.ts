// The journal a connected system posts in: it exists, is not blocked, and has lines in the months
// to reconcile (else the system's export or its mapping is missing). Shared by the Nmbrs and
// Declaree checklists; the texts say which system and where its mapping is set.
import type { Bilingual, Period } from '../../shared/domain';
import { periodLabel } from '../../shared/domain';
import { check, JOURNALS_NL, NONE, unknown, type ReadinessCheck, type ReadinessReader } from './readiness';

/** The months whose lines are reconciled (the sync's range). */
export interface ReadinessMonths {
  from: Period;
  to: Period;
}

export interface JournalTexts {
  /** Check id prefix, e.g. 'nmbrs'. */
  id: string;
  /** "Loonjournaal-dagboek" / "Payroll journal". */
  what: Bilingual;
  /** "loonjournaalposten" / "payroll entries". */
  entries: Bilingual;
  /** Where the journal is chosen in the system (the fix for a missing journal). */
  mapping: Bilingual;
  /** How to get lines in (the fix for a journal without lines). */
  send: Bilingual;
}

const dayStart = (p: Period) => `${p.year}-${String(p.month).padStart(2, '0')}-01T00:00:00`;
const after = (p: Period): Period => (p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 });

export async function journalChecks(reader: ReadinessReader, unitId: number, j: string, months: ReadinessMonths, t: JournalTexts): Promise<ReadinessCheck[]> {
  const checks: ReadinessCheck[] = [];
  const journals = await reader.fetch('Profit_Journals', ['UnitId', 'JournalId'], [[
    { fieldId: 'UnitId', operator: 1, value: String(unitId) },
    { fieldId: 'JournalId', operator: 1, value: j },
  ]]);
  const journalLabel: Bilingual = { nl: `${t.what.nl} ${j} bestaat`, en: `${t.what.en} ${j} exists` };
  const row = Array.isArray(journals) ? journals.find((r) => String(r.JournalId) === j) : undefined;
  if (!Array.isArray(journals)) checks.push(unknown(`${t.id}:journal`, journalLabel, journals));
  else if (!row) {
    checks.push(check(`${t.id}:journal`, false, journalLabel, {
      nl: `Dagboek ${j} bestaat niet in administratie ${unitId}. ${t.mapping.nl}, of maak het aan in ${JOURNALS_NL}.`,
      en: `Journal ${j} does not exist in administration ${unitId}. ${t.mapping.en}, or create it in ${JOURNALS_NL}.`,
    }));
  } else if (row.Blocked === true) {
    checks.push(check(`${t.id}:journal`, false, journalLabel, { nl: `Dagboek ${j} is geblokkeerd. Haal de blokkade weg in ${JOURNALS_NL}.`, en: `Journal ${j} is blocked. Unblock it in ${JOURNALS_NL}.` }));
  } else checks.push(check(`${t.id}:journal`, true, journalLabel, NONE));

  const range = months.from.year === months.to.year && months.from.month === months.to.month ? periodLabel(months.to) : `${periodLabel(months.from)} … ${periodLabel(months.to)}`;
  const linesLabel: Bilingual = { nl: `Dagboek ${j} heeft ${t.entries.nl} in ${range}`, en: `Journal ${j} has ${t.entries.en} in ${range}` };
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
  if (!Array.isArray(lines)) checks.push(unknown(`${t.id}:journal-lines`, linesLabel, lines));
  else {
    checks.push(check(`${t.id}:journal-lines`, lines.length > 0, linesLabel, {
      nl: `Dagboek ${j} heeft geen regels in ${range}. ${t.send.nl}`,
      en: `Journal ${j} has no lines in ${range}. ${t.send.en}`,
    }));
  }
  return checks;
}
