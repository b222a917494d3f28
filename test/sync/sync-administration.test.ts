import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../src/shared/errors';
import type { FilterGroups } from '../../src/main/afas/types';
import { confirmMatch } from '../../src/main/store/controller-actions';
import { listMatches } from '../../src/main/store/controller-reads';
import { countLines, queryLines } from '../../src/main/store/lines';
import { listAccounts, listCreditors, listJournals } from '../../src/main/store/master-data';
import { staleMatches } from '../../src/main/store/stale-matches';
import { listSyncRuns } from '../../src/main/store/sync-runs';
import type { SyncProgress } from '../../src/main/sync/progress';
import { syncAdministration, type SyncOptions } from '../../src/main/sync/sync-administration';
import { CONFIG, UNIT, changedDates, row, seedAfas } from './fixtures';
import { snapshot, stagedLines, tmpDb } from './helpers';
import type { MemoryAfas } from './memory-afas';

const LINES = 'Profit_Transactions_Allocated';
const JAN = { year: 2025, month: 1 };
const MAR = { year: 2025, month: 3 };
const LATER = () => new Date('2025-06-15T10:00:00Z'); // Jan..Mar are closed periods

/** The month a line request filtered on (from its EntryDate >= condition). */
const monthOf = (f: FilterGroups | undefined) => f?.[0]?.find((c) => c.fieldId === 'EntryDate' && c.operator === 2)?.value.slice(0, 7) ?? null;
const isSliceRequest = (f: FilterGroups | undefined) => f?.[0]?.some((c) => c.fieldId === 'AccountNo') === true;

let t: ReturnType<typeof tmpDb>;
let afas: MemoryAfas;
beforeEach(() => {
  t = tmpDb();
  afas = seedAfas();
});
afterEach(() => t.cleanup());

const sync = (extra: Partial<SyncOptions> = {}) =>
  syncAdministration({ db: t.db, client: afas, config: CONFIG, from: JAN, to: MAR, now: LATER, take: 4, ...extra });

/** Replaces AFAS's lines, bumping ChangedEntrydate like AFAS does (deletions included via `deleted`). */
function changeAfas(mutate: (rows: ReturnType<MemoryAfas['rows']>) => void, deletedDates: string[] = [], modified = '2025-06-01T09:00:00Z') {
  const rows = afas.rows(LINES).map((r) => ({ ...r }));
  mutate(rows);
  afas.set(LINES, rows);
  afas.set('Profit_Fin_ChangedEntrydate', changedDates(rows, deletedDates.map((d) => ({ EntryDate: `${d}T00:00:00Z`, Modified: modified }))));
}

describe('syncAdministration', () => {
  it('finds the merchant creditors with one single-row probe per account of the purchase journal, not by reading its lines', async () => {
    const result = await sync();
    expect(result.accounts).toContain('40123');
    const probes = afas.log.filter((r) => r.connector === LINES && r.filters?.[0]?.some((c) => c.fieldId === 'JournalId'));
    const purchaseAccounts = new Set(afas.rows(LINES).filter((r) => r.UnitId === UNIT && r.JournalId === CONFIG.moss!.purchaseJournal).map((r) => String(r.AccountNo)));
    expect(probes.length).toBe(purchaseAccounts.size + 1); // the last probe finds nothing after the last account
    expect(probes.every((p) => p.take === 1 && p.skip === 0)).toBe(true);
  });

  it('stores every line of the profile accounts and discovered merchant creditors of this unit, with master data', async () => {
    const result = await sync();
    expect(result.status).toBe('done');
    expect(result.slicesFetched).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(new Set(result.accounts)).toEqual(new Set(['1100', '2000', '40000', '1000', '40123']));
    // 3 months × (3 top-ups × 4 lines + 3 supplier lines + 3 merchant/balance lines); no expense lines, no unit 2
    expect(countLines(t.db)).toBe(3 * (12 + 3 + 3));
    expect(countLines(t.db, 2)).toBe(0);
    const cit = queryLines(t.db, { unitId: UNIT, accounts: ['2000'], fromDate: '2025-02-01', toDate: '2025-02-28' });
    expect(cit).toHaveLength(6);
    expect(cit.reduce((s, l) => s + l.amount, 0)).toBe(0);
    expect(queryLines(t.db, { unitId: UNIT, accounts: ['40000'] })[0]).toMatchObject({ credit: 1234, debit: 0, amount: -1234, entryDate: '2025-01-01' });
    expect(listJournals(t.db, UNIT).map((j) => j.journalId)).toEqual(['MB', 'MI']);
    expect(listAccounts(t.db, UNIT)).toHaveLength(3);
    expect(listCreditors(t.db, UNIT).map((c) => c.name)).toEqual(['Moss Default Supplier', 'Albert Heijn']);
    // every line request filtered by this unit and asked for a stable order
    for (const r of afas.log.filter((l) => l.connector === LINES)) {
      expect(r.filters!.every((g) => g.some((c) => c.fieldId === 'UnitId' && c.value === '1'))).toBe(true);
    }
    expect(listSyncRuns(t.db, UNIT)[0]).toMatchObject({ status: 'done', slicesFetched: 3, rowsApplied: 54, errorCode: null });
  });

  it('re-run refetches only slices AFAS changed: added, corrected and deleted lines', async () => {
    await sync();
    const before = snapshot(t.db);
    afas.log.length = 0;
    const unchanged = await sync();
    expect(unchanged.slicesFetched).toEqual([]);
    expect(unchanged.slicesUnchanged).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(afas.requests(LINES, (r) => isSliceRequest(r.filters))).toBe(0);
    expect(snapshot(t.db)).toEqual(before);

    changeAfas(
      (rows) => {
        rows.push(row({ journal: 'BNK', entryNo: 900, seqNo: 1, account: '2000', date: '2025-01-20', debit: 77, modified: '2025-06-01T09:00:00Z' }));
        const corrected = rows.find((r) => r.JournalId === 'MB' && r.EntryNo === 9 && r.SeqNo === 2)!; // March CIT line
        corrected.AmtCredit = 108.5;
        corrected.Modified = '2025-06-01T09:00:00Z';
        const gone = rows.findIndex((r) => r.JournalId === 'BNK' && r.EntryNo === 10 && r.SeqNo === 1); // 2 March
        rows.splice(gone, 1);
      },
      ['2025-03-02'],
    );
    afas.log.length = 0;
    const result = await sync();
    expect(result.slicesFetched).toEqual(['2025-01', '2025-03']);
    expect(result.slicesUnchanged).toEqual(['2025-02']);
    expect(afas.requests(LINES, (r) => monthOf(r.filters) === '2025-02' && isSliceRequest(r.filters))).toBe(0);
    const after = snapshot(t.db);
    expect(after['1/BNK/900/1']).toEqual([7700, 0]);
    expect(after['1/MB/9/2']).toEqual([0, 10850]);
    expect(after['1/BNK/10/1']).toBeUndefined();
    expect(Object.keys(after)).toHaveLength(Object.keys(before).length);
  });

  it('a line moved into a refetched month replaces its old copy in a month that was not refetched', async () => {
    await sync();
    const feb = afas.rows(LINES).find((r) => String(r.EntryDate).startsWith('2025-02'))!;
    const key = `${String(feb.UnitId)}/${String(feb.JournalId)}/${String(feb.EntryNo)}/${String(feb.SeqNo)}`;
    const count = snapshot(t.db);
    changeAfas((rows) => {
      const moved = rows.find((r) => r.JournalId === feb.JournalId && r.EntryNo === feb.EntryNo && r.SeqNo === feb.SeqNo)!;
      moved.EntryDate = '2025-01-31T00:00:00Z';
      moved.Modified = '2025-06-01T09:00:00Z';
    });
    const result = await sync();
    // AFAS lists the new date only: February is left as it was, yet holds the line no more.
    expect(result.slicesFetched).toEqual(['2025-01']);
    const lines = queryLines(t.db, { unitId: UNIT, accounts: [String(feb.AccountNo)] }).filter((l) => l.key === key);
    expect(lines.map((l) => l.entryDate)).toEqual(['2025-01-31']);
    expect(Object.keys(snapshot(t.db))).toHaveLength(Object.keys(count).length);
    expect(stagedLines(t.db)).toBe(0);
  });

  it('always refetches the open period', async () => {
    const midMarch = () => new Date('2025-03-15T10:00:00Z');
    await sync({ now: midMarch });
    const again = await sync({ now: midMarch });
    expect(again.slicesFetched).toEqual(['2025-03']);
  });

  it('refetches everything when AFAS cannot list changed entry dates', async () => {
    await sync();
    afas.data.delete('Profit_Fin_ChangedEntrydate');
    const original = afas.getRows.bind(afas);
    afas.getRows = (c, o) => {
      if (c === 'Profit_Fin_ChangedEntrydate') throw new AppFailure('afas-401', { nl: 'x', en: 'x' });
      return original(c, o);
    };
    expect((await sync()).slicesFetched).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('cancel mid-sync leaves the previous state, then resumes without refetching finished slices', async () => {
    await sync();
    const before = snapshot(t.db);
    changeAfas((rows) => {
      for (const r of rows) {
        if (r.AccountNo === '1000') {
          r.AmtCredit = Number(r.AmtCredit) + 1;
          r.Modified = '2025-06-01T09:00:00Z';
        }
      }
    });
    const controller = new AbortController();
    afas.beforePage = (req) => {
      if (isSliceRequest(req.filters) && monthOf(req.filters) === '2025-03') controller.abort();
    };
    const progress: SyncProgress[] = [];
    const cancelled = await sync({ signal: controller.signal, onProgress: (p) => progress.push(p) });
    expect(cancelled.status).toBe('cancelled');
    expect(snapshot(t.db)).toEqual(before);
    expect(listSyncRuns(t.db, UNIT)[0]).toMatchObject({ status: 'cancelled', errorCode: 'cancelled' });
    expect(progress.some((p) => p.phase === 'lines' && p.slicesDone === 2 && p.slicesTotal === 3)).toBe(true);
    expect(stagedLines(t.db)).toBe(36);

    afas.beforePage = undefined;
    afas.log.length = 0;
    const resumed = await sync();
    expect(resumed).toMatchObject({ status: 'done', resumed: true, slicesFetched: ['2025-03'] });
    expect(afas.requests(LINES, (r) => monthOf(r.filters) !== '2025-03')).toBe(0);
    expect(afas.requests('Profit_Creditor')).toBe(0);
    const after = snapshot(t.db);
    expect(after['1/BNK/1/2']).toEqual([0, 10200]);
    expect(after['1/BNK/7/2']).toEqual([0, 10400]); // February, staged before the cancel
    expect(after['1/BNK/9/2']).toEqual([0, 10200]); // March, fetched by the resumed run
    expect(stagedLines(t.db)).toBe(0);
  });

  it('a resumed run refetches a staged slice that AFAS changed during the interruption', async () => {
    const controller = new AbortController();
    afas.beforePage = (req) => {
      if (isSliceRequest(req.filters) && monthOf(req.filters) === '2025-02') controller.abort();
    };
    expect((await sync({ signal: controller.signal })).status).toBe('cancelled');
    expect(countLines(t.db)).toBe(0); // first sync never swapped: nothing half-written
    afas.beforePage = undefined;
    changeAfas((rows) => {
      const r = rows.find((x) => x.JournalId === 'MB' && x.EntryNo === 1 && x.SeqNo === 1)!;
      r.AmtDebit = 999;
      r.Modified = '2025-06-01T09:00:00Z';
    });
    const resumed = await sync();
    expect(resumed.resumed).toBe(true);
    expect(resumed.slicesFetched).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(snapshot(t.db)['1/MB/1/1']).toEqual([99900, 0]);
  });

  it('a failure mid-sync keeps the previous state and records the error code', async () => {
    await sync();
    const before = snapshot(t.db);
    changeAfas((rows) => rows.splice(0, 4), ['2025-01-01']);
    afas.beforePage = (req) => {
      if (isSliceRequest(req.filters) && monthOf(req.filters) === '2025-01' && req.skip > 0) {
        throw new AppFailure('afas-500', { nl: 'fout', en: 'error' });
      }
    };
    await expect(sync()).rejects.toThrow(AppFailure);
    expect(snapshot(t.db)).toEqual(before);
    expect(listSyncRuns(t.db, UNIT)[0]).toMatchObject({ status: 'failed', errorCode: 'afas-500' });
    afas.beforePage = undefined;
    const retried = await sync();
    expect(retried.resumed).toBe(true);
    expect(snapshot(t.db)['1/MB/1/1']).toBeUndefined();
  });

  it('never deletes the controller\'s matches: a vanished or changed line makes the match stale', async () => {
    await sync();
    const m = confirmMatch(t.db, { unitId: UNIT, account: '2000', lines: ['1/MB/1/2', '1/BNK/1/1'], by: 'anna' });
    const m2 = confirmMatch(t.db, { unitId: UNIT, account: '2000', lines: ['1/MB/2/2', '1/BNK/2/1'], by: 'anna' });
    expect(staleMatches(t.db, UNIT)).toEqual([]);
    changeAfas(
      (rows) => {
        rows.find((r) => r.JournalId === 'BNK' && r.EntryNo === 1 && r.SeqNo === 1)!.AmtDebit = 101.5;
        rows.find((r) => r.JournalId === 'BNK' && r.EntryNo === 1 && r.SeqNo === 1)!.Modified = '2025-06-01T09:00:00Z';
        rows.splice(rows.findIndex((r) => r.JournalId === 'MB' && r.EntryNo === 2 && r.SeqNo === 2), 1);
      },
      ['2025-01-02'],
    );
    await sync();
    expect(listMatches(t.db, UNIT).map((x) => x.id).sort()).toEqual([m.id, m2.id].sort());
    const stale = staleMatches(t.db, UNIT);
    expect(stale.map((s) => s.match.id).sort()).toEqual([m.id, m2.id].sort());
    expect(stale.find((s) => s.match.id === m.id)!.lines).toEqual([{ key: '1/BNK/1/1', snapshot: 10100, current: 10150 }]);
    expect(stale.find((s) => s.match.id === m2.id)!.lines).toEqual([{ key: '1/MB/2/2', snapshot: -10200, current: null }]);
    expect(stale.find((s) => s.match.id === m2.id)!.staleReason.en).toContain('no longer exists');
  });

  it('reports progress with totals, throughput and an estimate from the previous run', async () => {
    await sync();
    const events: SyncProgress[] = [];
    await sync({ now: () => new Date('2025-03-20T10:00:00Z'), onProgress: (p) => events.push(p) });
    const lines = events.filter((p) => p.phase === 'lines');
    expect(lines.at(-1)).toMatchObject({ slicesDone: 1, slicesTotal: 1, rowsFetched: 18, estimatedTotal: 18 });
    expect(events.at(-1)!.phase).toBe('done');
    for (const p of events) expect(p.rowsPerSecond).toBeGreaterThanOrEqual(0);
  });
});
