// The controller's work: each action writes its audit entry in the same transaction; the audit
// trail refuses UPDATE and DELETE; undo reverses the newest action.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../src/shared/errors';
import { listAudit } from '../../src/main/store/audit';
import { addNote, confirmMatch, signOff, unmatch } from '../../src/main/store/controller-actions';
import { undoLast } from '../../src/main/store/undo';
import { getMatch, listMatches, listNotes, listSignOffs } from '../../src/main/store/controller-reads';
import type { Db } from '../../src/main/store/database';
import { LINE_COLUMNS } from '../../src/main/store/lines';
import { tmpDb } from '../sync/helpers';

let t: ReturnType<typeof tmpDb>;
let db: Db;

function insertLine(journal: string, entryNo: number, seqNo: number, account: string, debit: number, credit: number) {
  db.prepare(`INSERT INTO mutation_lines (${LINE_COLUMNS.join(', ')}) VALUES (${LINE_COLUMNS.map(() => '?').join(', ')})`).run(
    1, journal, entryNo, seqNo, 2025, 1, account, null, '2025-01-10', null, null, null, null, null, debit, credit, null, '{}',
  );
}

beforeEach(() => {
  t = tmpDb();
  db = t.db;
  insertLine('MB', 1, 2, '2000', 0, 10000);
  insertLine('BNK', 1, 1, '2000', 10000, 0);
  insertLine('MB', 2, 2, '2000', 0, 5000);
  insertLine('BNK', 2, 1, '2000', 4990, 0);
});
afterEach(() => t.cleanup());

describe('audit trail', () => {
  it('is append-only: UPDATE and DELETE are refused by the database', () => {
    addNote(db, { unitId: 1, lineKey: '1/MB/1/2', text: 'wacht op bank', by: 'anna' });
    expect(() => db.prepare("UPDATE audit_log SET by = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(listAudit(db)).toHaveLength(1);
    expect(listAudit(db)[0]).toMatchObject({ by: 'anna', action: 'note.set', unitId: 1 });
  });

  it('refuses INSERT OR REPLACE, REPLACE and upserts over an existing entry (REPLACE deletes without DELETE triggers)', () => {
    addNote(db, { unitId: 1, lineKey: '1/MB/1/2', text: 'wacht op bank', by: 'anna' });
    expect(db.pragma('recursive_triggers', { simple: true })).toBe(0); // the default: the trigger must not rely on it
    const cols = 'id, at, by, action, unit_id, account, detail, reason';
    for (const sql of [
      `INSERT OR REPLACE INTO audit_log (${cols}) VALUES (1, '2025-01-01', 'mallory', 'note.set', 1, null, '{}', null)`,
      `REPLACE INTO audit_log (${cols}) VALUES (1, '2025-01-01', 'mallory', 'note.set', 1, null, '{}', null)`,
      `INSERT INTO audit_log (${cols}) VALUES (1, '2025-01-01', 'mallory', 'note.set', 1, null, '{}', null) ON CONFLICT (id) DO UPDATE SET by = excluded.by`,
    ]) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/append-only/);
    }
    // Even one that links correctly to the chain's head.
    const head = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
    expect(() =>
      db.prepare(`INSERT OR REPLACE INTO audit_log (${cols}, prev_hash, hash) VALUES (1, 'x', 'mallory', 'a', 1, null, '{}', null, ?, ?)`).run(head, 'a'.repeat(64)),
    ).toThrow(/append-only/);
    expect(listAudit(db)).toHaveLength(1);
    expect(listAudit(db)[0]).toMatchObject({ id: 1, by: 'anna', action: 'note.set' });
  });

  it('a refused action writes neither its change nor an audit entry', () => {
    expect(() => confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/2/2', '1/BNK/2/1'], by: 'anna' })).toThrow(AppFailure);
    expect(listMatches(db, 1)).toEqual([]);
    expect(listAudit(db)).toEqual([]);
  });
});

describe('controller actions', () => {
  it('confirmMatch snapshots amounts, refuses a line twice, needs a reason for a difference', () => {
    const m = confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/1/2', '1/BNK/1/1'], by: 'anna', at: '2025-02-01T10:00:00Z' });
    expect(m.difference).toBe(0);
    expect(listMatches(db, 1)).toEqual([m]);
    expect(m.lines).toEqual([{ key: '1/BNK/1/1', amount: 10000 }, { key: '1/MB/1/2', amount: -10000 }]);
    expect(() => confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/1/2'], by: 'bob', reason: 'x' })).toThrow(/already matched/);
    expect(() => confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/9/9'], by: 'bob' })).toThrow(/does not exist/);
    expect(() => confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/2/2', '1/BNK/2/1'], by: 'anna', reason: 'bankkosten' })).toThrow(/needs a category/);
    const withFee = confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/2/2', '1/BNK/2/1'], by: 'anna', reason: 'bankkosten', category: 'to-book' });
    expect(withFee).toMatchObject({ difference: -10, reason: 'bankkosten' });
    expect(listAudit(db).map((a) => a.action)).toEqual(['match.confirm', 'match.confirm']);
  });

  it('unmatch keeps the match for history and audit; undo restores it', () => {
    const m = confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/1/2', '1/BNK/1/1'], by: 'anna' });
    unmatch(db, { matchId: m.id, by: 'bob', reason: 'verkeerde regel' });
    expect(listMatches(db, 1)).toEqual([]);
    expect(getMatch(db, m.id)?.removed).toBe(true);
    expect(listAudit(db)[0]).toMatchObject({ action: 'match.unmatch', by: 'bob', reason: 'verkeerde regel', account: '2000' });
    expect(undoLast(db, { by: 'bob', unitId: 1 })).toMatchObject({ kind: 'unmatch' });
    expect(listMatches(db, 1).map((x) => x.id)).toEqual([m.id]);
    expect(undoLast(db, { by: 'bob', unitId: 1 })).toMatchObject({ kind: 'confirmMatch' });
    expect(listMatches(db, 1)).toEqual([]);
    expect(undoLast(db, { by: 'bob', unitId: 1 })).toBeNull();
    expect(listAudit(db).map((a) => a.action)).toEqual(['undo', 'undo', 'match.unmatch', 'match.confirm']);
  });

  it('undo of a note restores the previous text; undo of a sign-off restores the previous one', () => {
    addNote(db, { unitId: 1, lineKey: '1/BNK/2/1', text: 'eerste', by: 'anna' });
    addNote(db, { unitId: 1, lineKey: '1/BNK/2/1', text: 'tweede', by: 'bob' });
    expect(listNotes(db, 1)).toMatchObject([{ text: 'tweede', by: 'bob' }]);
    undoLast(db, { by: 'bob' });
    expect(listNotes(db, 1)).toMatchObject([{ text: 'eerste', by: 'anna' }]);
    undoLast(db, { by: 'bob' });
    expect(listNotes(db, 1)).toEqual([]);

    signOff(db, { unitId: 1, account: '2000', period: '2025-01', role: 'preparer', by: 'anna', snapshot: { closing: 0, openItems: 2 } });
    signOff(db, { unitId: 1, account: '2000', period: '2025-01', role: 'preparer', by: 'bob', snapshot: { closing: 0, openItems: 0 } });
    undoLast(db, { by: 'bob' });
    expect(listSignOffs(db, 1, '2025-01')).toMatchObject([{ by: 'anna', snapshot: { closing: 0, openItems: 2 } }]);
    undoLast(db, { by: 'bob' });
    expect(listSignOffs(db, 1)).toEqual([]);
    expect(listAudit(db).filter((a) => a.action === 'undo')).toHaveLength(4);
  });

  it('undo refuses to restore a match whose line has been matched again', () => {
    const m = confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/1/2', '1/BNK/1/1'], by: 'anna' });
    unmatch(db, { matchId: m.id, by: 'anna' });
    confirmMatch(db, { unitId: 1, account: '2000', lines: ['1/MB/1/2', '1/BNK/2/1'], by: 'anna', reason: 'test', category: 'investigating' });
    db.prepare('UPDATE actions SET undone_at = ? WHERE id = (SELECT max(id) FROM actions)').run('2025-01-01');
    expect(() => undoLast(db, { by: 'anna' })).toThrow(/matched again/);
    expect(listMatches(db, 1)).toHaveLength(1);
  });
});

describe('segregation of duties', () => {
  const so = (role: 'preparer' | 'reviewer', by: string, period = '2025-01', account = '2000') =>
    signOff(db, { unitId: 1, account, period, role, by, snapshot: { closing: 0, openItems: 0 } });

  it('refuses a reviewer sign-off by the preparer of that account and period (names compared loosely)', () => {
    so('preparer', 'Anna de Vries');
    for (const same of ['Anna de Vries', ' anna de vries ', 'ANNA  DE VRIES']) {
      let err: unknown;
      try {
        so('reviewer', same);
      } catch (e) {
        err = e;
      }
      expect(err, same).toBeInstanceOf(AppFailure);
      const appError = (err as AppFailure).appError;
      expect(appError.code).toBe('signoff-same-person');
      expect(appError.message.nl).toMatch(/Anna de Vries.*opgesteld/);
      expect(appError.message.en).toMatch(/Anna de Vries.*prepared/);
      expect(appError.action?.en).toMatch(/another person/);
    }
    expect(listSignOffs(db, 1, '2025-01').map((s) => s.role)).toEqual(['preparer']);
    expect(listAudit(db).map((a) => a.action)).toEqual(['signoff.preparer']);
    // Another person may review; the same person may review another account or period.
    so('reviewer', 'Bram Jansen');
    so('preparer', 'Bram Jansen', '2025-02');
    so('reviewer', 'Anna de Vries', '2025-02');
    so('preparer', 'Bram Jansen', '2025-01', '3000');
    so('reviewer', 'Anna de Vries', '2025-01', '3000');
  });

  it('a reviewer signs off only what a preparer signed', () => {
    expect(() => so('reviewer', 'bram')).toThrow(/has not been prepared/);
    expect(listSignOffs(db, 1)).toEqual([]);
  });

  it('refuses the reverse too: the reviewer cannot become the preparer', () => {
    so('preparer', 'anna');
    so('reviewer', 'bram');
    expect(() => so('preparer', 'Bram')).toThrow(/bram/i);
    expect(listSignOffs(db, 1, '2025-01')).toMatchObject([{ role: 'preparer', by: 'anna' }, { role: 'reviewer', by: 'bram' }]);
  });
});

describe('schema', () => {
  it('every table of the store is STRICT', () => {
    const tables = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").all();
    expect(tables.length).toBeGreaterThan(10);
    for (const tb of tables) expect({ name: tb.name, strict: tb.strict }).toEqual({ name: tb.name, strict: 1 });
  });
});
