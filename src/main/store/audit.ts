// The append-only audit trail (triggers refuse UPDATE, DELETE and REPLACE). Callers append inside
// the same transaction as the change they record. Entries form a hash chain: each stores the hash
// of the previous entry and its own, hash = sha256(previous hash + "\n" + content), so a rewritten,
// removed or reordered entry shows in auditChain(); the workbook prints the head.
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../shared/reconcile';
import type { Db } from './database';

/** An entry before the trail numbers it. */
export type AuditInput = Omit<AuditEntry, 'id'>;

/** The hash before the first entry. */
const GENESIS = '';

function entryHash(prev: string, e: AuditInput): string {
  const content = JSON.stringify([e.at, e.by, e.action, e.unitId, e.account, e.detail, e.reason]);
  return createHash('sha256').update(`${prev}\n${content}`).digest('hex');
}

/** The hash the next entry links to. */
export function auditHead(db: Db): string {
  const last = db.prepare<[], { hash: string | null }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  // No hash on the newest entry: it was written before the chain existed; chain those on the fly.
  return last === undefined ? GENESIS : (last.hash ?? auditChain(db).head ?? GENESIS);
}

export const INSERT_AUDIT = 'INSERT INTO audit_log (at, by, action, unit_id, account, detail, reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** INSERT_AUDIT's values for `e` after the entry whose hash is `prev`; `hash` is the next one's prev. */
export function linkedAudit(prev: string, e: AuditInput): { values: unknown[]; hash: string } {
  const hash = entryHash(prev, e);
  return { values: [e.at, e.by, e.action, e.unitId, e.account, e.detail, e.reason, prev, hash], hash };
}

export function appendAudit(db: Db, e: AuditInput): number {
  const info = db.prepare(INSERT_AUDIT).run(...linkedAudit(auditHead(db), e).values);
  return Number(info.lastInsertRowid);
}

export interface AuditChainState {
  /** Every entry links to the one before and its hash matches its content. */
  intact: boolean;
  entries: number;
  /** Hash of the newest entry (what the workbook prints); null for an empty trail. */
  head: string | null;
  /** Id of the first entry whose link or hash does not match. */
  brokenAt: number | null;
}

/** A bulk entry's detail lists thousands of matches: a long job's tick weighs it by its size. */
const weight = (detail: string) => 1 + (detail.length >> 10);

/** Recomputes the whole chain from the start (`tick` for a job that must stay cancellable). */
export function auditChain(db: Db, tick: (weight?: number) => void = () => undefined): AuditChainState {
  let prev = GENESIS;
  let entries = 0;
  let brokenAt: number | null = null;
  const rows = db
    .prepare<[], AuditRow & { prev_hash: string | null; hash: string | null }>(
      'SELECT id, at, by, action, unit_id, account, detail, reason, prev_hash, hash FROM audit_log ORDER BY id',
    )
    .iterate();
  for (const r of rows) {
    tick(weight(r.detail));
    entries++;
    const hash = entryHash(prev, { at: r.at, by: r.by, action: r.action, unitId: r.unit_id, account: r.account, detail: r.detail, reason: r.reason });
    // Entries from before the chain (NULL) are chained here; every stored link must match.
    if (brokenAt === null && r.hash !== null && (r.prev_hash !== prev || r.hash !== hash)) brokenAt = r.id;
    prev = r.hash ?? hash;
  }
  return { intact: brokenAt === null, entries, head: entries === 0 ? null : prev, brokenAt };
}

interface AuditRow {
  id: number;
  at: string;
  by: string;
  action: string;
  unit_id: number | null;
  account: string | null;
  detail: string;
  reason: string | null;
}

/** Newest first; filtered by unit (and account) when given. */
export function listAudit(db: Db, opts: { unitId?: number; account?: string; limit?: number } = {}, tick: (weight?: number) => void = () => undefined): AuditEntry[] {
  const out: AuditEntry[] = [];
  const rows = db
    .prepare<[number | null, number | null, string | null, string | null, number], AuditRow>(
      `SELECT id, at, by, action, unit_id, account, detail, reason FROM audit_log
       WHERE (? IS NULL OR unit_id = ?) AND (? IS NULL OR account = ?) ORDER BY id DESC LIMIT ?`,
    )
    .iterate(opts.unitId ?? null, opts.unitId ?? null, opts.account ?? null, opts.account ?? null, opts.limit ?? -1);
  for (const r of rows) {
    tick(weight(r.detail));
    out.push({ id: r.id, at: r.at, by: r.by, action: r.action, unitId: r.unit_id, account: r.account, detail: r.detail, reason: r.reason });
  }
  return out;
}
