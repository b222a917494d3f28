// Master data per administration (unit): accounts, journals, creditors. Written only by the sync swap.
import type { Db } from './database';

export interface Administration {
  unitId: number;
  name: string | null;
  code: string | null;
}
export interface LedgerAccount {
  unitId: number;
  accountNo: string;
  description: string | null;
  type: string | null;
  blocked: boolean | null;
}
export interface Journal {
  unitId: number;
  journalId: string;
  description: string | null;
  journalType: string | null;
  blocked: boolean | null;
}
export interface Creditor {
  unitId: number;
  creditorId: string;
  name: string | null;
  iban: string | null;
}

const bool = (v: number | null): boolean | null => (v === null ? null : v !== 0);

export function listAdministrations(db: Db): Administration[] {
  return db
    .prepare<[], { unit_id: number; name: string | null; code: string | null }>('SELECT unit_id, name, code FROM administrations ORDER BY unit_id')
    .all()
    .map((r) => ({ unitId: r.unit_id, name: r.name, code: r.code }));
}

export function listAccounts(db: Db, unitId: number): LedgerAccount[] {
  return db
    .prepare<[number], { account_no: string; description: string | null; type: string | null; blocked: number | null }>(
      'SELECT account_no, description, type, blocked FROM ledger_accounts WHERE unit_id = ? ORDER BY account_no',
    )
    .all(unitId)
    .map((r) => ({ unitId, accountNo: r.account_no, description: r.description, type: r.type, blocked: bool(r.blocked) }));
}

export function listJournals(db: Db, unitId: number): Journal[] {
  return db
    .prepare<[number], { journal_id: string; description: string | null; journal_type: string | null; blocked: number | null }>(
      'SELECT journal_id, description, journal_type, blocked FROM journals WHERE unit_id = ? ORDER BY journal_id',
    )
    .all(unitId)
    .map((r) => ({ unitId, journalId: r.journal_id, description: r.description, journalType: r.journal_type, blocked: bool(r.blocked) }));
}

export function listCreditors(db: Db, unitId: number): Creditor[] {
  return db
    .prepare<[number], { creditor_id: string; name: string | null; iban: string | null }>(
      'SELECT creditor_id, name, iban FROM creditors WHERE unit_id = ? ORDER BY creditor_id',
    )
    .all(unitId)
    .map((r) => ({ unitId, creditorId: r.creditor_id, name: r.name, iban: r.iban }));
}

/** Name of an account or creditor, for the engine's AccountResult.name. */
export function accountName(db: Db, unitId: number, accountNo: string): string | null {
  const a = db
    .prepare<[number, string], { d: string | null }>('SELECT description AS d FROM ledger_accounts WHERE unit_id = ? AND account_no = ?')
    .get(unitId, accountNo);
  if (a) return a.d;
  const c = db.prepare<[number, string], { d: string | null }>('SELECT name AS d FROM creditors WHERE unit_id = ? AND creditor_id = ?').get(unitId, accountNo);
  return c?.d ?? null;
}
