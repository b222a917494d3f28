// The sync end to end over real HTTP: the real AFAS client (undici) against the fake AFAS server
// on 127.0.0.1, changed between runs through the fake's live environment, with a fault mid-sync.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classicTokenAuth } from '../../src/main/afas/classic-token';
import { createAfasClient } from '../../src/main/afas/client';
import type { AfasClient } from '../../src/main/afas/types';
import { startFakeAfas } from '../../src/main/demo/fake-afas/server';
import {
  PROFIT_ACCOUNTS_FIELDS,
  PROFIT_ADMINISTRATIONS_FIELDS,
  PROFIT_CREDITOR_FIELDS,
  PROFIT_FIN_CHANGED_ENTRYDATE_FIELDS,
  PROFIT_JOURNALS_FIELDS,
  PROFIT_TRANSACTIONS_FIELDS,
} from '../../src/main/demo/fake-afas/synthetic';
import type { FakeAfas, FakeEnvironment } from '../../src/main/demo/fake-afas/types';
import { AppFailure } from '../../src/shared/errors';
import { listSyncRuns } from '../../src/main/store/sync-runs';
import { syncAdministration } from '../../src/main/sync/sync-administration';
import { CONFIG, UNIT, changedDates, row, seedAfas } from './fixtures';
import { snapshot, tmpDb } from './helpers';

const TOKEN = `<token><version>1</version><data>${'CD'.repeat(32)}</data></token>`;
const FIELDS = {
  Profit_Transactions_Allocated: PROFIT_TRANSACTIONS_FIELDS,
  Profit_Journals: PROFIT_JOURNALS_FIELDS,
  Profit_Accounts: PROFIT_ACCOUNTS_FIELDS,
  Profit_Creditor: PROFIT_CREDITOR_FIELDS,
  Profit_Administrations: PROFIT_ADMINISTRATIONS_FIELDS,
  Profit_Fin_ChangedEntrydate: PROFIT_FIN_CHANGED_ENTRYDATE_FIELDS,
};

function environment(): FakeEnvironment {
  const seeded = seedAfas();
  const connectors: FakeEnvironment['connectors'] = {};
  for (const [id, fields] of Object.entries(FIELDS)) connectors[id] = { fields, rows: seeded.rows(id) };
  return { envId: 'O12345AA', connectors };
}

let t: ReturnType<typeof tmpDb>;
let fake: FakeAfas;
let client: AfasClient;
beforeEach(async () => {
  t = tmpDb();
  fake = await startFakeAfas({ environment: environment(), tokens: [TOKEN] });
  client = createAfasClient({ baseUrl: fake.baseUrl, auth: classicTokenAuth(TOKEN), retries: 0, timeoutMs: 5000 });
});
afterEach(async () => {
  await client.close();
  await fake.close();
  t.cleanup();
});

const sync = () =>
  syncAdministration({ db: t.db, client, config: CONFIG, from: { year: 2025, month: 1 }, to: { year: 2025, month: 3 }, now: () => new Date('2025-06-15T10:00:00Z'), take: 5 });

describe('sync through the real client and the fake AFAS', () => {
  it('syncs, then picks up an added, a corrected and a deleted line; a fault mid-sync leaves the previous state', async () => {
    const first = await sync();
    expect(first.slicesFetched).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(Object.keys(snapshot(t.db))).toHaveLength(54);
    const lineRequests = fake.requests.filter((r) => r.path.endsWith('/Profit_Transactions_Allocated'));
    for (const r of lineRequests) {
      // Pages in the lines' stable order; creditor discovery probes one row at a time by account.
      expect(r.query.orderbyfieldids).toBe(r.query.take === '1' ? 'AccountNo' : 'UnitId,JournalId,EntryNo,SeqNo');
      expect(r.status).toBe(200);
    }

    const tx = fake.environment.connectors.Profit_Transactions_Allocated!;
    const modified = '2025-06-01T09:00:00Z';
    tx.rows.push(row({ journal: 'BNK', entryNo: 900, seqNo: 1, account: '2000', date: '2025-03-20', debit: 77, modified }));
    const corrected = tx.rows.find((r) => r.JournalId === 'MB' && r.EntryNo === 9 && r.SeqNo === 2)!;
    corrected.AmtCredit = 108.5;
    corrected.Modified = modified;
    tx.rows.splice(tx.rows.findIndex((r) => r.JournalId === 'BNK' && r.EntryNo === 10 && r.SeqNo === 1), 1);
    fake.environment.connectors.Profit_Fin_ChangedEntrydate!.rows = changedDates(tx.rows, [{ EntryDate: '2025-03-02T00:00:00Z', Modified: modified }]);
    fake.invalidate();

    const before = snapshot(t.db);
    fake.faults.add({ kind: '500', match: { path: /Profit_Transactions_Allocated/ }, message: 'Command timeout expired.' });
    await expect(sync()).rejects.toBeInstanceOf(AppFailure);
    expect(snapshot(t.db)).toEqual(before);
    expect(listSyncRuns(t.db, UNIT)[0]!.status).toBe('failed');

    const second = await sync();
    expect(second.slicesFetched).toEqual(['2025-03']);
    const after = snapshot(t.db);
    expect(after['1/BNK/900/1']).toEqual([7700, 0]);
    expect(after['1/MB/9/2']).toEqual([0, 10850]);
    expect(after['1/BNK/10/1']).toBeUndefined();
  });
});

describe('retries in the sync run', () => {
  it('records the retries per connector and status in the run, also in a run that failed', async () => {
    await client.close();
    client = createAfasClient({ baseUrl: fake.baseUrl, auth: classicTokenAuth(TOKEN), retries: 4, backoffBaseMs: 1, backoffMaxMs: 5, timeoutMs: 5000 });
    const unexpected = { kind: '500', message: 'An unexpected error has occurred.', errorNumber: -2147180999 } as const;
    fake.faults.add({ ...unexpected, match: { path: /Profit_Transactions_Allocated$/, nth: 2 } });
    fake.faults.add({ kind: '503', retryAfter: 0, match: { path: /Profit_Journals$/ } });
    fake.faults.add({ kind: 'reset', match: { path: /Profit_Transactions_Allocated$/, nth: 4 } });
    const first = await sync();
    expect(first.retries).toEqual({ Profit_Transactions_Allocated: { '500': 1, network: 1 }, Profit_Journals: { '503': 1 } });
    expect(listSyncRuns(t.db, UNIT)[0]!.retries).toEqual(first.retries);

    // A run that fails keeps the retries it spent in its record.
    const tx = fake.environment.connectors.Profit_Transactions_Allocated!;
    tx.rows.push(row({ journal: 'BNK', entryNo: 901, seqNo: 1, account: '2000', date: '2025-03-21', debit: 5, modified: '2025-06-02T09:00:00Z' }));
    fake.environment.connectors.Profit_Fin_ChangedEntrydate!.rows = changedDates(tx.rows, [{ EntryDate: '2025-03-21T00:00:00Z', Modified: '2025-06-02T09:00:00Z' }]);
    fake.invalidate();
    fake.faults.add({ ...unexpected, match: { path: /Profit_Transactions_Allocated$/ }, times: Infinity });
    await expect(sync()).rejects.toBeInstanceOf(AppFailure);
    fake.faults.clear();
    const failed = listSyncRuns(t.db, UNIT)[0]!;
    expect(failed.status).toBe('failed');
    expect(failed.retries).toEqual({ Profit_Transactions_Allocated: { '500': 4 } });
    const again = await sync();
    expect(again.retries).toEqual({});
    expect(listSyncRuns(t.db, UNIT).map((r) => r.retries)).toEqual([{}, { Profit_Transactions_Allocated: { '500': 4 } }, first.retries]);
  });
});
