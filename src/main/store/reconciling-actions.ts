// The controller's explanations and the reviewer's answer: a category (with reason and proposed
// correction) on an open item's line, accepting many suggestions as one undoable step, rejecting a
// sign-off with a comment, and the tolerance per account. Each writes its change, the action undo
// needs and an audit entry in one transaction, like controller-actions.ts.
import type { LineKey } from '../../shared/domain';
import type { CorrectionEntry, ItemCategory, StoredMatch, StoredSignOff } from '../../shared/reconcile';
import { ITEM_CATEGORIES } from '../../shared/reconcile';
import { recordAction } from './action-log';
import { appendAudit } from './audit';
import { fail, insertMatch, samePerson, writeSignOff, type ConfirmMatchInput, type SignOffKey, type Who } from './controller-actions';
import { getSignOff } from './controller-reads';
import type { Db } from './database';
import { linesByKey } from './lines';

const now = (w: Who) => w.at ?? new Date().toISOString();

interface CategoryRow {
  category: ItemCategory;
  reason: string;
  correction: string | null;
  created_by: string;
  created_at: string;
}

export interface CategoriseInput extends Who {
  unitId: number;
  lineKey: LineKey;
  /** Null clears the category. */
  category: ItemCategory | null;
  reason: string;
  correction?: CorrectionEntry | null;
}

/** Sets (or clears) the category of an open item's line; the previous one is kept for undo. */
export function categoriseLine(db: Db, input: CategoriseInput): void {
  db.transaction(() => {
    const at = now(input);
    const line = linesByKey(db, [input.lineKey]).get(input.lineKey);
    if (!line || line.unitId !== input.unitId) fail('item-line-missing', `Regel ${input.lineKey} bestaat niet (meer).`, `Line ${input.lineKey} does not exist (any more).`);
    const reason = input.reason.trim();
    if (input.category !== null) {
      if (!ITEM_CATEGORIES.includes(input.category)) fail('item-category-unknown', 'Onbekende categorie.', 'Unknown category.');
      if (!reason) fail('item-needs-reason', 'Een categorie heeft een reden nodig.', 'A category needs a reason.');
    }
    const previous = readCategory(db, input.unitId, input.lineKey);
    const next: CategoryRow | null =
      input.category === null
        ? null
        : { category: input.category, reason, correction: input.correction ? JSON.stringify(input.correction) : null, created_by: input.by, created_at: at };
    writeCategory(db, input.unitId, input.lineKey, next);
    recordAction(db, at, input.by, 'categorise', input.unitId, { lineKey: input.lineKey, previous });
    appendAudit(db, {
      at, by: input.by, action: next ? 'item.categorise' : 'item.uncategorise', unitId: input.unitId, account: line.accountNo,
      detail: JSON.stringify({ lineKey: input.lineKey, amount: line.amount, category: input.category, correction: input.correction ?? null, previous: previous?.category ?? null }),
      reason: reason || null,
    });
  })();
}

function readCategory(db: Db, unitId: number, lineKey: LineKey): CategoryRow | null {
  return (
    db
      .prepare<[number, string], CategoryRow>('SELECT category, reason, correction, created_by, created_at FROM line_categories WHERE unit_id = ? AND line_key = ?')
      .get(unitId, lineKey) ?? null
  );
}

function writeCategory(db: Db, unitId: number, lineKey: LineKey, row: CategoryRow | null): void {
  db.prepare('DELETE FROM line_categories WHERE unit_id = ? AND line_key = ?').run(unitId, lineKey);
  if (row) {
    db.prepare('INSERT INTO line_categories (unit_id, line_key, category, reason, correction, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      unitId, lineKey, row.category, row.reason, row.correction, row.created_by, row.created_at,
    );
  }
}

/** Confirms many suggestions in one step: one audit entry listing them, one action undo reverses whole. */
export function acceptMany(db: Db, input: Who & { unitId: number; account: string; matches: Omit<ConfirmMatchInput, 'by' | 'at' | 'unitId' | 'account'>[] }): StoredMatch[] {
  return db.transaction((): StoredMatch[] => {
    const at = now(input);
    if (input.matches.length === 0) return [];
    const written = input.matches.map((m) => insertMatch(db, { ...m, unitId: input.unitId, account: input.account, by: input.by, at }, false));
    recordAction(db, at, input.by, 'acceptMany', input.unitId, { matchIds: written.map((m) => m.id), account: input.account });
    appendAudit(db, {
      at, by: input.by, action: 'match.accept-all', unitId: input.unitId, account: input.account,
      detail: JSON.stringify({ count: written.length, matches: written.map((m) => ({ matchId: m.id, method: m.method, lines: m.lines })) }),
      reason: null,
    });
    return written;
  })();
}

export interface RejectInput extends Who {
  unitId: number;
  account: string;
  /** YYYY-MM */
  period: string;
  comment: string;
}

/**
 * The reviewer sends the account back: the preparer's (and any reviewer's) sign-off is withdrawn,
 * so the account is open again, and the comment says what to do. Refused without a preparer, for
 * the preparer themself, and without a comment.
 */
export function rejectSignOff(db: Db, input: RejectInput): void {
  db.transaction(() => {
    const at = now(input);
    const comment = input.comment.trim();
    if (!comment) fail('signoff-reject-needs-comment', 'Zeg bij het afwijzen wat er moet gebeuren.', 'Say what needs to be done when rejecting.');
    const key = { unitId: input.unitId, account: input.account, period: input.period };
    const preparer = getSignOff(db, input.unitId, input.account, input.period, 'preparer');
    if (!preparer) fail('signoff-reject-nothing', `Rekening ${input.account} is voor ${input.period} nog niet opgesteld: er is niets af te wijzen.`, `Account ${input.account} has not been prepared for ${input.period}: there is nothing to reject.`);
    if (samePerson(preparer.by, input.by)) {
      fail('signoff-same-person', `${preparer.by} heeft rekening ${input.account} opgesteld en kan die niet zelf afwijzen.`, `${preparer.by} prepared account ${input.account} and cannot reject it themself.`);
    }
    const reviewer = getSignOff(db, input.unitId, input.account, input.period, 'reviewer');
    writeSignOff(db, { ...key, role: 'preparer' }, null);
    writeSignOff(db, { ...key, role: 'reviewer' }, null);
    const id = Number(
      db.prepare('INSERT INTO sign_off_rejections (unit_id, account, period, rejected_by, rejected_at, comment) VALUES (?, ?, ?, ?, ?, ?)').run(
        input.unitId, input.account, input.period, input.by, at, comment,
      ).lastInsertRowid,
    );
    recordAction(db, at, input.by, 'rejectSignOff', input.unitId, { rejectionId: id, preparer, reviewer });
    appendAudit(db, {
      at, by: input.by, action: 'signoff.reject', unitId: input.unitId, account: input.account,
      detail: JSON.stringify({ period: input.period, preparer: preparer.by }), reason: comment,
    });
  })();
}

export interface ToleranceInput extends Who {
  unitId: number;
  account: string;
  cents: number;
  permille: number;
}

/** The account's tolerance: a difference above it needs a second confirmation. Audited. */
export function setTolerance(db: Db, input: ToleranceInput): void {
  db.transaction(() => {
    const at = now(input);
    if (!Number.isSafeInteger(input.cents) || input.cents < 0 || !Number.isInteger(input.permille) || input.permille < 0 || input.permille > 1000) {
      fail('tolerance-invalid', 'Een tolerantie is een bedrag van nul of meer en een percentage tussen 0 en 100.', 'A tolerance is an amount of zero or more and a percentage between 0 and 100.');
    }
    db.prepare(
      `INSERT INTO account_tolerances (unit_id, account, cents, permille, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (unit_id, account) DO UPDATE SET cents = excluded.cents, permille = excluded.permille, set_by = excluded.set_by, set_at = excluded.set_at`,
    ).run(input.unitId, input.account, input.cents, input.permille, input.by, at);
    appendAudit(db, {
      at, by: input.by, action: 'tolerance.set', unitId: input.unitId, account: input.account,
      detail: JSON.stringify({ cents: input.cents, permille: input.permille }), reason: null,
    });
  })();
}

/** Undo of the kinds above (called by undo.ts inside its transaction); returns the account touched. */
export function undoReconciling(db: Db, kind: string, unitId: number, payload: Record<string, unknown>, by: string, at: string): string | null {
  switch (kind) {
    case 'categorise': {
      const key = payload.lineKey as string;
      writeCategory(db, unitId, key, (payload.previous as CategoryRow | null) ?? null);
      return linesByKey(db, [key]).get(key)?.accountNo ?? null;
    }
    case 'acceptMany': {
      const ids = payload.matchIds as string[];
      const remove = db.prepare('UPDATE matches SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL');
      for (const id of ids) remove.run(by, at, id);
      return (payload.account as string | undefined) ?? null;
    }
    case 'rejectSignOff': {
      const preparer = payload.preparer as StoredSignOff;
      const reviewer = (payload.reviewer as StoredSignOff | null) ?? null;
      const key: Omit<SignOffKey, 'role'> = { unitId: preparer.unitId, account: preparer.account, period: preparer.period };
      writeSignOff(db, { ...key, role: 'preparer' }, preparer);
      if (reviewer) writeSignOff(db, { ...key, role: 'reviewer' }, reviewer);
      db.prepare('UPDATE sign_off_rejections SET withdrawn_at = ? WHERE id = ?').run(at, payload.rejectionId as number);
      return preparer.account;
    }
    default:
      return fail('undo-unknown', 'Deze actie kan niet ongedaan worden gemaakt.', 'This action cannot be undone.');
  }
}
