// The sync fetches a transitory account's lines after the period (profiles.md): through the last
// release, at most 36 months ahead, only the lookahead accounts there, and incrementally — an
// unchanged month after the period is not fetched again, a changed one is, and a month an earlier
// sync stored whole keeps all its accounts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AfasRow, FilterGroups } from '../../src/main/afas/types';
import type { AdministrationConfig } from '../../src/shared/domain';
import { queryLines } from '../../src/main/store/lines';
import { planLookahead } from '../../src/main/sync/lookahead';
import { syncAdministration } from '../../src/main/sync/sync-administration';
import { CONFIG, changedDates, row, seedAfas } from './fixtures';
import { tmpDb } from './helpers';
import type { MemoryAfas } from './memory-afas';

const LINES = 'Profit_Transactions_Allocated';
const TRANS = '24302';
const BOTH: AdministrationConfig = { ...CONFIG, spendcloud: { journal: 'INK', transitoryAccounts: [TRANS] } };
const JAN = { year: 2025, month: 1 };
const MAR = { year: 2025, month: 3 };
const NOW = () => new Date('2025-04-15T10:00:00Z'); // April is the open month

const monthOf = (f: FilterGroups | undefined) => f?.[0]?.find((c) => c.fieldId === 'EntryDate' && c.operator === 2)?.value.slice(0, 7) ?? null;
const accountsOf = (f: FilterGroups | undefined) => (f ?? []).map((g) => g.find((c) => c.fieldId === 'AccountNo')?.value);
const ym = (i: number) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** An invoice booked in January, released monthly for `months` months (the 1st of each), and one far beyond the window. */
function invoices(afas: MemoryAfas, months: number) {
  const rows: AfasRow[] = [row({ journal: 'INK', entryNo: 900, seqNo: 1, account: TRANS, date: '2025-01-10', debit: months * 100 })];
  for (let i = 0; i < months; i++) rows.push(row({ journal: 'INK', entryNo: 901 + i, seqNo: 1, account: TRANS, date: `${ym(i)}-01`, credit: 100 }));
  rows.push(row({ journal: 'INK', entryNo: 999, seqNo: 1, account: TRANS, date: '2028-06-01', credit: 5 })); // > 36 months after March 2025
  afas.set(LINES, [...afas.rows(LINES), ...rows]);
  afas.set('Profit_Fin_ChangedEntrydate', changedDates(afas.rows(LINES)));
}

let t: ReturnType<typeof tmpDb>;
let afas: MemoryAfas;
beforeEach(() => {
  t = tmpDb();
  afas = seedAfas();
});
afterEach(() => t.cleanup());

const sync = (to = MAR) => syncAdministration({ db: t.db, client: afas, config: BOTH, from: JAN, to, now: NOW, take: 50 });
const sliceRequests = () => afas.log.filter((r) => r.connector === LINES && accountsOf(r.filters).length > 0 && r.filters?.[0]?.some((c) => c.fieldId === 'JournalId') !== true);

describe('sync: lines after the period for the transitory accounts', () => {
  it('fetches the months after the period through the last release, only the transitory account there', async () => {
    invoices(afas, 12);
    const r = await sync();
    expect(r.lookahead).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    const ahead = sliceRequests().filter((q) => monthOf(q.filters)! > '2025-03');
    expect(new Set(ahead.map((q) => monthOf(q.filters)))).toEqual(new Set(r.lookahead));
    expect(ahead.every((q) => accountsOf(q.filters).join() === TRANS)).toBe(true);
    const stored = queryLines(t.db, { unitId: 1, accounts: [TRANS] });
    expect(stored.map((l) => l.entryDate).filter((d) => d > '2025-03-31')).toHaveLength(9);
    expect(stored.some((l) => l.entryDate >= '2028-01-01')).toBe(false); // beyond 36 months
    // No other account's lines after the period.
    expect(queryLines(t.db, { unitId: 1, accounts: ['1100', '2000'] }).every((l) => l.entryDate <= '2025-03-31')).toBe(true);
  });

  it('a second sync fetches only the open month and the months AFAS says changed', async () => {
    invoices(afas, 12);
    await sync();
    afas.log.length = 0;
    const rows = afas.rows(LINES).map((x) => ({ ...x }));
    const july = rows.find((x) => x.AccountNo === TRANS && String(x.EntryDate).startsWith('2025-07'))!;
    july.AmtCredit = 150;
    july.Modified = '2025-04-14T08:00:00Z';
    afas.set(LINES, rows);
    afas.set('Profit_Fin_ChangedEntrydate', changedDates(rows));
    const r = await sync();
    const fetchedAhead = r.slicesFetched.filter((m) => m > '2025-03');
    expect(fetchedAhead).toEqual(['2025-04', '2025-07']);
    expect(r.slicesUnchanged).toEqual(expect.arrayContaining(['2025-05', '2025-06', '2025-08', '2025-12']));
    expect(queryLines(t.db, { unitId: 1, accounts: [TRANS] }).find((l) => l.entryDate === '2025-07-01')!.amount).toBe(-15_000);
  });

  it('keeps a month stored whole by an earlier sync whole, and drops a release deleted in AFAS', async () => {
    invoices(afas, 6);
    await sync({ year: 2025, month: 5 }); // May stored with every account
    const may = queryLines(t.db, { unitId: 1, accounts: ['1100', '2000', TRANS] }).filter((l) => l.entryDate.startsWith('2025-05'));
    // Delete June's release in AFAS; then reconcile March.
    const rows = afas.rows(LINES).filter((x) => !(x.AccountNo === TRANS && String(x.EntryDate).startsWith('2025-06')));
    afas.set(LINES, rows);
    afas.set('Profit_Fin_ChangedEntrydate', changedDates(rows, [{ EntryDate: '2025-06-01T00:00:00Z', Modified: '2025-04-14T09:00:00Z' }]));
    const r = await sync();
    expect(r.lookahead).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(queryLines(t.db, { unitId: 1, accounts: [TRANS] }).some((l) => l.entryDate.startsWith('2025-06'))).toBe(false);
    expect(queryLines(t.db, { unitId: 1, accounts: ['1100', '2000', TRANS] }).filter((l) => l.entryDate.startsWith('2025-05')).length).toBe(may.length);
  });

  it('without a lookahead account nothing after the period is read', async () => {
    invoices(afas, 12);
    const r = await syncAdministration({ db: t.db, client: afas, config: CONFIG, from: JAN, to: MAR, now: NOW, take: 50 });
    expect(r.lookahead).toEqual([]);
    expect(afas.log.some((q) => q.connector === LINES && (monthOf(q.filters) ?? '') > '2025-03')).toBe(false);
  });
});

describe('planLookahead', () => {
  it('reads through the last month with lines or a month stored before, capped at 36 months', () => {
    const base = { to: MAR, ahead: [TRANS], runAccounts: ['1100', TRANS], openMonth: '2025-04', changes: { byMonth: new Map(), mark: 'm' } };
    expect(planLookahead({ ...base, states: new Map(), lastWithLines: null }).months).toEqual([]);
    expect(planLookahead({ ...base, states: new Map(), lastWithLines: '2025-05' }).dirty).toEqual([{ month: '2025-04', accounts: [TRANS] }, { month: '2025-05', accounts: [TRANS] }]);
    const state = (month: string, accounts: string[]) => [month, { unitId: 1, month, accountsHash: JSON.stringify(accounts), changesMark: 'm', rows: 1, maxModified: null, syncedAt: 'x' }] as const;
    const p = planLookahead({ ...base, states: new Map([state('2025-06', [TRANS]), state('2025-05', ['1100', TRANS])]), lastWithLines: '2025-04' });
    expect(p.months).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(p.dirty).toEqual([{ month: '2025-04', accounts: [TRANS] }]); // May and June unchanged; April open
    const changed = planLookahead({ ...base, states: new Map([state('2025-05', ['1100', TRANS])]), lastWithLines: '2025-05', changes: { byMonth: new Map([['2025-05', 'n']]), mark: 'n' } });
    expect(changed.dirty).toEqual([{ month: '2025-04', accounts: [TRANS] }, { month: '2025-05', accounts: null }]);
    expect(planLookahead({ ...base, states: new Map([state('2028-04', [TRANS])]), lastWithLines: null }).months).toEqual([]);
  });
});
