// The orchestrator over a real SQLite file and the fake AFAS (the bundled demo, real HTTP):
// sync → result → the controller's decisions → a re-sync that changes a matched line.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureDemo, startDemoServer, type DemoServer } from '../../src/main/app/demo-server';
import { tokenAccount } from '../../src/main/afas/credentials';
import { createMonthEnd, type MonthEndService } from '../../src/main/app/month-end';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { listAudit } from '../../src/main/store/audit';
import { listMatches } from '../../src/main/store/controller-reads';
import { openDatabase, type Db } from '../../src/main/store/database';
import { centsToDecimal } from '../../src/shared/money';
import type { SecretStore } from '../../src/main/secrets/types';

const JUNE = { year: 2025, month: 6 };
let dir: string;
let db: Db;
let secrets: SecretStore;
let me: MonthEndService;
let demo: DemoServer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kruispost-app-'));
  db = openDatabase(join(dir, 'kruispost.sqlite'));
  secrets = memorySecretStore();
  me = createMonthEnd({ db, secrets, dataDir: dir, clock: () => new Date('2025-07-03T09:00:00Z') });
});

afterAll(async () => {
  await me.close();
  await demo?.fake.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function sync(): Promise<void> {
  me.startSync(JUNE);
  expect(me.syncStatus()?.state).toBe('running');
  const end = await me.waitForSync();
  expect(end?.error ?? null).toBeNull();
  expect(end?.state).toBe('done');
}

describe('month-end orchestrator', () => {
  it('sets up the demo workspace: environment, token in the SecretStore (not in SQLite), administrations', async () => {
    demo = await startDemoServer();
    await configureDemo(me, demo);
    const ws = me.workspace();
    expect(ws.demo).toBe(true);
    expect(ws.environment?.number).toBe('12345');
    expect(ws.environment?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ProfitRestServices$/);
    expect(ws.token.stored).toBe(true);
    expect(ws.administrations.map((a) => a.unitId)).toEqual([1, 2]);
    const token = await secrets.get(tokenAccount({ number: '12345', baseUrl: ws.environment!.baseUrl! }));
    expect(token).toMatch(/^<token><version>1<\/version><data>[0-9A-F]{64}<\/data><\/token>$/);
    const settings = db.prepare<[], { value: string }>('SELECT value FROM settings').all().map((r) => r.value).join('\n');
    expect(settings).not.toContain(token!.slice(30, 60));
    const conn = await me.testConnection();
    expect(conn.administrations.map((a) => a.unitId)).toEqual([1, 2]);
  });

  it('syncs in the background and reconciles to the demo truth', async () => {
    await sync();
    const truth = demo.dataset.truth.units[0]!.periods['2025-06']!;
    const r = me.result(1, JUNE);
    for (const t of truth.accounts) {
      const a = r.accounts.find((x) => x.account === t.account)!;
      expect([a.opening, a.debit, a.credit, a.closing].map(centsToDecimal)).toEqual([t.opening, t.debit, t.credit, t.closing].map(centsToDecimal));
    }
    expect(r.accounts.flatMap((a) => a.openItems.map((o) => o.line.key)).sort()).toEqual(truth.openLines.map((o) => o.key).sort());
    expect(r.matchCounts.confirmed).toBeGreaterThan(100);
    expect(listMatches(db, 1).length).toBeGreaterThanOrEqual(r.matchCounts.confirmed);
    expect(me.workspace().lastSync?.status).toBe('done');
    // Wallet balance: Moss Balance is compared with what Moss reports.
    const w = me.setWalletBalance(1, JUNE, truth.wallet, 'anna');
    const mb = w.accounts.find((a) => a.role === 'mossBalance')!;
    expect(mb.expected).toBe(truth.wallet);
    expect(mb.difference).toBe(truth.accounts.find((a) => a.role === 'mossBalance')!.difference);
  });

  it('confirms a match with a stated difference, undoes it, notes a line and signs off (audited)', async () => {
    const truth = demo.dataset.truth.units[0]!.periods['2025-06']!;
    const fee = truth.openLines.filter((o) => o.reason === 'fee-difference').map((o) => o.key);
    expect(fee).toHaveLength(2);
    const openBefore = me.result(1, JUNE).accounts.find((a) => a.account === '20990')!.openItems.length;
    expect(() => me.confirmMatch(1, '20990', fee, 0, null, 'anna')).toThrow();
    expect(() => me.confirmMatch(1, '20990', fee, 35, 'Bankkosten 0,35', 'anna')).toThrow(/category/);
    const matched = me.confirmMatch(1, '20990', fee, 35, 'Bankkosten 0,35', 'anna', { category: 'to-book', counterAccount: '4610' });
    expect(matched.accounts.find((a) => a.account === '20990')!.openItems.length).toBe(openBefore - 2);
    expect(me.undo('anna')).toEqual({ undone: 'confirmMatch' });
    expect(me.result(1, JUNE).accounts.find((a) => a.account === '20990')!.openItems.length).toBe(openBefore);

    const lonely = truth.openLines.find((o) => o.reason === 'bank-without-moss')!.key;
    me.addNote(1, lonely, 'Navragen bij Moss: storting zonder top-up', 'anna');
    const noted = me.result(1, JUNE).accounts.find((a) => a.account === '20990')!.openItems.find((o) => o.line.key === lonely)!;
    expect(noted.note).toBe('Navragen bij Moss: storting zonder top-up');
    const lines = me.accountLines(1, '20990', JUNE);
    expect(lines.lines.find((l) => l.key === lonely)?.note).toBe('Navragen bij Moss: storting zonder top-up');
    expect(lines.lines.some((l) => l.matchStatus === 'confirmed')).toBe(true);

    // It does not clear: the preparer signs off once every open item has a category.
    expect(() => me.signOff(1, '20990', JUNE, 'preparer', 'anna')).toThrow(/no category yet/);
    for (const o of me.result(1, JUNE).accounts.find((a) => a.account === '20990')!.openItems) {
      me.categoriseItem(1, JUNE, o.line.key, 'investigating', 'Navragen bij Moss', null, 'anna');
    }
    const signed = me.signOff(1, '20990', JUNE, 'preparer', 'anna');
    const cit = signed.accounts.find((a) => a.account === '20990')!;
    expect(cit.signOff.preparer?.by).toBe('anna');
    // The sign-off stands next to the clearing status, never instead of it.
    expect(cit.status).toBe('does-not-clear');
    expect(cit.unexplained).toBe(0);
    const audit = listAudit(db, { unitId: 1 }).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['match.confirm', 'undo', 'note.set', 'item.categorise', 'signoff.preparer', 'wallet.set']));
  });

  it('a re-sync that changes a matched line suspends the sign-off and marks the match stale', async () => {
    const { dataset, fake } = demo;
    const matchesBefore = listMatches(db, 1);
    // A regular June top-up's bank payment, auto-matched after the first sync.
    const target = dataset.lines.find((l) => l.unitId === 1 && l.journalId === 'BNK' && l.account === '20990' && l.date >= '2025-06-01' && !l.problem && l.group?.startsWith('cit:TU-'))!;
    const match = matchesBefore.find((m) => m.lines.some((l) => l.key === target.key));
    expect(match).toBeDefined();
    const rows = fake.environment.connectors.Profit_Transactions_Allocated!.rows;
    const row = rows.find((r) => r.UnitId === 1 && r.JournalId === 'BNK' && r.EntryNo === target.entryNo && r.SeqNo === target.seqNo)!;
    row.AmtDebit = Number(centsToDecimal(target.debit + 100));
    row.Modified = '2025-07-02T12:00:00Z';
    fake.environment.connectors.Profit_Fin_ChangedEntrydate!.rows.push({ EntryDate: `${target.date}T00:00:00Z`, Modified: '2025-07-02T12:00:00Z' });

    await sync();
    const r = me.result(1, JUNE);
    const stale = r.matches.find((m) => m.id === match!.id)!;
    expect(stale.status).toBe('stale');
    expect(stale.staleReason?.en).toContain(target.key);
    expect(r.flags.some((f) => f.code === 'stale-match')).toBe(true);
    const cit = r.accounts.find((a) => a.account === '20990')!;
    expect(cit.signOff.suspended).toBe(true);
    expect(cit.status).toBe('does-not-clear');
    // Auto-matching is idempotent: nothing new on a re-sync, the stale match kept.
    expect(listMatches(db, 1).length).toBe(matchesBefore.length);
  });

  it('exports the workbook', async () => {
    const path = join(dir, 'out', 'Kruispost-1-2025-06.xlsx');
    const written = await me.exportWorkbook(1, JUNE, path, 'nl');
    expect(existsSync(written.path)).toBe(true);
  });
});

describe('sync failures and cancel', () => {
  it('keeps an AFAS failure as a bilingual AppError and cancels a running sync', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'kruispost-app2-'));
    const db2 = openDatabase(join(dir2, 'kruispost.sqlite'));
    const me2 = createMonthEnd({ db: db2, secrets: memorySecretStore(), dataDir: dir2 });
    const cleanups: (() => Promise<void>)[] = [];
    try {
      const demo2 = await startDemoServer();
      cleanups.push(() => demo2.fake.close());
      await configureDemo(me2, demo2);
      const fake = demo2.fake;
      fake.faults.add({ kind: '401', match: { path: /Profit_Administrations$/ }, times: Infinity });
      me2.startSync(JUNE);
      const failed = await me2.waitForSync();
      expect(failed?.state).toBe('failed');
      expect(failed?.error?.code).toBe('afas.unauthorized');
      expect(failed?.error?.message.nl).toContain('401');
      expect(failed?.error?.action?.en).toBeTruthy();
      fake.faults.clear();

      fake.faults.add({ kind: 'slow', delayMs: 400, times: Infinity });
      me2.startSync(JUNE);
      expect(() => me2.startSync(JUNE)).toThrow(/already running/);
      await new Promise((r) => setTimeout(r, 300));
      me2.cancelSync();
      const cancelled = await me2.waitForSync();
      expect(cancelled?.state).toBe('cancelled');
      fake.faults.clear();
    } finally {
      await me2.close();
      for (const c of cleanups) await c();
      db2.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});
