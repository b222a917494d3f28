// The audit trail is a hash chain: each entry stores the hash of the previous one and of its own
// content, so a rewritten, removed or reordered entry shows; the workbook prints the chain head.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMonthEnd } from '../../src/main/app/month-end';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { appendAudit, auditChain, type AuditInput } from '../../src/main/store/audit';
import { openDatabase, type Db } from '../../src/main/store/database';
import { MIGRATIONS } from '../../src/main/store/migrations';
import { unzipText } from '../workbook/readers';

let dir: string;
let db: Db;
const entry = (n: number): AuditInput => ({ at: `2025-01-0${n}T10:00:00Z`, by: 'anna', action: 'note.set', unitId: 1, account: null, detail: JSON.stringify({ n }), reason: null });
const rows = () => db.prepare<[], { id: number; prev_hash: string | null; hash: string | null }>('SELECT id, prev_hash, hash FROM audit_log ORDER BY id').all();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kp-chain-'));
  db = openDatabase(join(dir, 'kruispost.sqlite'));
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('audit hash chain', () => {
  it('links each entry to the previous one: hash = sha256(previous hash + content)', () => {
    for (const n of [1, 2, 3]) appendAudit(db, entry(n));
    const r = rows();
    expect(r[0]!.prev_hash).toBe('');
    expect(r[1]!.prev_hash).toBe(r[0]!.hash);
    expect(r[2]!.prev_hash).toBe(r[1]!.hash);
    const e = entry(2);
    const content = JSON.stringify([e.at, e.by, e.action, e.unitId, e.account, e.detail, e.reason]);
    expect(r[1]!.hash).toBe(createHash('sha256').update(`${r[0]!.hash}\n${content}`).digest('hex'));
    expect(auditChain(db)).toEqual({ intact: true, entries: 3, head: r[2]!.hash, brokenAt: null });
  });

  it('the database refuses an entry that does not link to the head', () => {
    appendAudit(db, entry(1));
    const insert = db.prepare("INSERT INTO audit_log (at, by, action, unit_id, account, detail, reason, prev_hash, hash) VALUES ('x', 'mallory', 'a', 1, null, '{}', null, ?, ?)");
    expect(() => insert.run('not-the-head', 'f'.repeat(64))).toThrow(/chain/);
    expect(() => insert.run(rows()[0]!.hash, null)).toThrow(/chain/);
    expect(rows()).toHaveLength(1);
  });

  it('shows where an entry was rewritten behind the triggers (a raw edit of the file)', () => {
    for (const n of [1, 2, 3]) appendAudit(db, entry(n));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET by = 'mallory' WHERE id = 2").run();
    expect(auditChain(db)).toMatchObject({ intact: false, brokenAt: 2 });
  });

  it('covers entries written before the chain existed: the first chained entry links to their digest', () => {
    db.close();
    const file = join(dir, 'old.sqlite');
    const old = openDatabase(file, MIGRATIONS.filter((m) => m.version <= 8));
    old.prepare("INSERT INTO audit_log (at, by, action, unit_id, account, detail, reason) VALUES ('2024-12-01', 'anna', 'note.set', 1, null, '{}', null)").run();
    old.close();
    db = openDatabase(file);
    expect(auditChain(db)).toMatchObject({ intact: true, entries: 1 });
    const legacyHead = auditChain(db).head;
    appendAudit(db, entry(1));
    expect(rows()[1]!.prev_hash).toBe(legacyHead);
    expect(auditChain(db)).toMatchObject({ intact: true, entries: 2, head: rows()[1]!.hash });
  });

  it("prints the chain head in the workbook's audit sheet", async () => {
    const me = createMonthEnd({ db, secrets: memorySecretStore(), dataDir: dir, clock: () => new Date('2025-07-03T09:00:00Z') });
    try {
      me.saveAdministration({ unitId: 1, profile: 'moss', moss: { balanceAccount: '11050', cashInTransitAccount: '20990', defaultSupplier: '700123', purchaseJournal: 'MOSI', bankJournal: 'MOSB', bankAccounts: ['11000'] } });
      me.setWalletBalance(1, { year: 2025, month: 6 }, 12_345, 'anna');
      const head = auditChain(db).head!;
      expect(head).toMatch(/^[0-9a-f]{64}$/);
      const { path } = await me.exportWorkbook(1, { year: 2025, month: 6 }, join(dir, 'out.xlsx'), 'en');
      const parts = await unzipText(path);
      const sheets = [...parts.entries()].filter(([name]) => name.startsWith('xl/worksheets/'));
      const audit = sheets.find(([, xml]) => xml.includes('Entered the wallet balance'));
      expect(audit?.[1]).toContain(head);
      expect(audit?.[1]).toMatch(/Hash chain head/);
    } finally {
      await me.close();
    }
  });
});
