// The controller's decisions: confirm a match, unmatch, note, sign off (undo of the last one: undo.ts).
// Each writes its change, an actions row (what undo needs) and an audit entry in ONE transaction.
import { randomUUID } from 'node:crypto';
import type { LineKey } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { CorrectionEntry, ItemCategory, MatchEvidence, StoredMatch, StoredNote, StoredSignOff } from '../../shared/reconcile';
import { samePerson } from '../../shared/person';
import { ITEM_CATEGORIES } from '../../shared/reconcile';
import { recordAction } from './action-log';
import { appendAudit } from './audit';
import { activeMatchesOf, getMatch, getSignOff } from './controller-reads';
import type { Db } from './database';
import { linesByKey } from './lines';

export interface Who {
  by: string;
  /** ISO timestamp; defaults to now. */
  at?: string;
}

const now = (w: Who) => w.at ?? new Date().toISOString();

export function fail(code: string, nl: string, en: string): never {
  throw new AppFailure(code, { nl, en });
}

export interface ConfirmMatchInput extends Who {
  unitId: number;
  account: string;
  lines: LineKey[];
  method?: string;
  reason?: string | null;
  evidence?: MatchEvidence;
  id?: string;
  /** Required with a difference: what kind of reconciling item the difference is. */
  category?: ItemCategory | null;
  correction?: CorrectionEntry | null;
}

/** Confirms a match over lines that exist now; their amounts are snapshotted (a change makes it stale). */
export function confirmMatch(db: Db, input: ConfirmMatchInput): StoredMatch {
  return db.transaction((): StoredMatch => {
    const m = insertMatch(db, input);
    recordAction(db, m.at, input.by, 'confirmMatch', input.unitId, { matchId: m.id });
    return m;
  })();
}

/** Writes one confirmed match and its audit entry (the caller records the undoable action). */
export function insertMatch(db: Db, input: ConfirmMatchInput, audit = true): StoredMatch {
  {
    const at = now(input);
    const keys = [...new Set(input.lines)];
    if (keys.length < 1) fail('match-empty', 'Kies ten minste één regel.', 'Choose at least one line.');
    const found = linesByKey(db, keys);
    const missing = keys.filter((k) => !found.has(k));
    if (missing.length > 0) fail('match-line-missing', `Regel ${missing[0]} bestaat niet (meer).`, `Line ${missing[0]} does not exist (any more).`);
    for (const l of found.values()) {
      if (l.unitId !== input.unitId || l.accountNo !== input.account) {
        fail('match-wrong-account', `Regel ${l.key} staat niet op rekening ${input.account}.`, `Line ${l.key} is not on account ${input.account}.`);
      }
    }
    if (activeMatchesOf(db, keys).length > 0) fail('match-line-taken', 'Een van de regels is al afgeletterd.', 'One of the lines is already matched.');
    const difference = [...found.values()].reduce((s, l) => s + l.amount, 0);
    const reason = input.reason?.trim() || null;
    if (difference !== 0 && !reason) {
      fail('match-difference-needs-reason', 'De regels tellen niet op tot nul: geef een reden.', 'The lines do not add up to zero: give a reason.');
    }
    // A difference is a reconciling item: it needs a category, on every path (app, CLI, tests).
    const category = difference !== 0 ? (input.category ?? null) : null;
    if (difference !== 0 && (category === null || !ITEM_CATEGORIES.includes(category))) {
      fail('match-difference-needs-category', 'Een verschil heeft een categorie nodig (bijv. kosten te boeken).', 'A difference needs a category (e.g. fee to book).');
    }
    const correction = category !== null ? (input.correction ?? null) : null;
    const id = input.id ?? randomUUID();
    const evidence = input.evidence ?? { amount: difference === 0, date: false, reference: false };
    const method = input.method ?? 'manual';
    db.prepare(
      'INSERT INTO matches (id, unit_id, account, method, difference, reason, evidence, created_by, created_at, category, correction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, input.unitId, input.account, method, difference, reason, JSON.stringify(evidence), input.by, at, category, correction ? JSON.stringify(correction) : null);
    const addLine = db.prepare('INSERT INTO match_lines (match_id, line_key, amount) VALUES (?, ?, ?)');
    const lines = keys.sort().map((k) => ({ key: k, amount: found.get(k)!.amount }));
    for (const l of lines) addLine.run(id, l.key, l.amount);
    if (audit) {
      appendAudit(db, {
        at, by: input.by, action: 'match.confirm', unitId: input.unitId, account: input.account,
        detail: JSON.stringify({ matchId: id, method, lines, difference, ...(category ? { category, correction } : {}) }), reason,
      });
    }
    return { id, unitId: input.unitId, account: input.account, lines, method, difference, reason, evidence, by: input.by, at, ...(category ? { category, correction } : {}) };
  }
}

export function unmatch(db: Db, input: Who & { matchId: string; reason?: string | null }): void {
  db.transaction(() => {
    const at = now(input);
    const m = getMatch(db, input.matchId);
    if (!m || m.removed) fail('match-not-found', 'Deze aflettering bestaat niet (meer).', 'This match does not exist (any more).');
    db.prepare('UPDATE matches SET removed_by = ?, removed_at = ? WHERE id = ?').run(input.by, at, m.id);
    recordAction(db, at, input.by, 'unmatch', m.unitId, { matchId: m.id });
    appendAudit(db, {
      at, by: input.by, action: 'match.unmatch', unitId: m.unitId, account: m.account,
      detail: JSON.stringify({ matchId: m.id, method: m.method, lines: m.lines, difference: m.difference }), reason: input.reason?.trim() || null,
    });
  })();
}

export interface NoteRow {
  text: string;
  created_by: string;
  created_at: string;
}

/** Sets (or, with empty text, clears) the note on a line. The previous text is kept for undo. */
export function addNote(db: Db, input: Who & { unitId: number; lineKey: LineKey; text: string }): StoredNote | null {
  return db.transaction((): StoredNote | null => {
    const at = now(input);
    const previous = db
      .prepare<[number, string], NoteRow>('SELECT text, created_by, created_at FROM notes WHERE unit_id = ? AND line_key = ?')
      .get(input.unitId, input.lineKey) ?? null;
    const text = input.text.trim();
    writeNote(db, input.unitId, input.lineKey, text ? { text, created_by: input.by, created_at: at } : null);
    recordAction(db, at, input.by, 'addNote', input.unitId, { lineKey: input.lineKey, previous });
    const line = linesByKey(db, [input.lineKey]).get(input.lineKey);
    appendAudit(db, {
      at, by: input.by, action: text ? 'note.set' : 'note.clear', unitId: input.unitId, account: line?.accountNo ?? null,
      detail: JSON.stringify({ lineKey: input.lineKey, text, previous: previous?.text ?? null, ...(line ? { amount: line.amount } : {}) }), reason: null,
    });
    return text ? { unitId: input.unitId, lineKey: input.lineKey, text, by: input.by, at } : null;
  })();
}

export function writeNote(db: Db, unitId: number, key: string, note: NoteRow | null): void {
  if (note === null) {
    db.prepare('DELETE FROM notes WHERE unit_id = ? AND line_key = ?').run(unitId, key);
    return;
  }
  db.prepare(
    `INSERT INTO notes (unit_id, line_key, text, created_by, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (unit_id, line_key) DO UPDATE SET text = excluded.text, created_by = excluded.created_by, created_at = excluded.created_at`,
  ).run(unitId, key, note.text, note.created_by, note.created_at);
}

export interface SignOffInput extends Who {
  unitId: number;
  account: string;
  /** YYYY-MM */
  period: string;
  role: 'preparer' | 'reviewer';
  snapshot: { closing: number; openItems: number };
}

export function signOff(db: Db, input: SignOffInput): StoredSignOff {
  return db.transaction((): StoredSignOff => {
    const at = now(input);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.period)) fail('signoff-period', 'Ongeldige periode.', 'Invalid period.');
    refuseSamePerson(db, input);
    // Review follows preparation: a reviewer signs what a preparer signed.
    if (input.role === 'reviewer' && !getSignOff(db, input.unitId, input.account, input.period, 'preparer')) {
      fail('signoff-review-before-prepare', `Rekening ${input.account} is voor ${input.period} nog niet opgesteld; de beoordelaar tekent af na de opsteller.`, `Account ${input.account} has not been prepared for ${input.period}; the reviewer signs off after the preparer.`);
    }
    const previous = getSignOff(db, input.unitId, input.account, input.period, input.role);
    const next: StoredSignOff = { unitId: input.unitId, account: input.account, period: input.period, role: input.role, by: input.by, at, snapshot: input.snapshot };
    writeSignOff(db, input, next);
    recordAction(db, at, input.by, 'signOff', input.unitId, { key: signOffKey(input), previous });
    appendAudit(db, {
      at, by: input.by, action: `signoff.${input.role}`, unitId: input.unitId, account: input.account,
      detail: JSON.stringify({ period: input.period, snapshot: input.snapshot }), reason: null,
    });
    return next;
  })();
}

export { samePerson };

/**
 * Segregation of duties (four eyes, as FloQast and BlackLine enforce): preparer and reviewer of one
 * account and period are two people. Here, so every path (app, CLI, a future import) obeys it.
 */
function refuseSamePerson(db: Db, input: SignOffInput): void {
  const other = input.role === 'reviewer' ? 'preparer' : 'reviewer';
  const theirs = getSignOff(db, input.unitId, input.account, input.period, other);
  if (!theirs || !samePerson(theirs.by, input.by)) return;
  const [nlDid, enDid] = other === 'preparer' ? ['opgesteld', 'prepared'] : ['beoordeeld', 'reviewed'];
  throw new AppFailure(
    'signoff-same-person',
    {
      nl: `${theirs.by} heeft rekening ${input.account} voor ${input.period} al ${nlDid}; dezelfde persoon kan niet ook ${input.role === 'reviewer' ? 'beoordelen' : 'opstellen'}.`,
      en: `${theirs.by} already ${enDid} account ${input.account} for ${input.period}; the same person cannot also ${input.role === 'reviewer' ? 'review' : 'prepare'} it.`,
    },
    {
      nl: `Laat een andere persoon als ${input.role === 'reviewer' ? 'beoordelaar' : 'opsteller'} aftekenen (functiescheiding).`,
      en: `Have another person sign off as ${input.role} (segregation of duties).`,
    },
  );
}

export type SignOffKey = Pick<StoredSignOff, 'unitId' | 'account' | 'period' | 'role'>;
const signOffKey = (s: SignOffKey): SignOffKey => ({ unitId: s.unitId, account: s.account, period: s.period, role: s.role });

export function writeSignOff(db: Db, key: SignOffKey, s: StoredSignOff | null): void {
  db.prepare('DELETE FROM sign_offs WHERE unit_id = ? AND account = ? AND period = ? AND role = ?').run(key.unitId, key.account, key.period, key.role);
  if (s) {
    db.prepare(
      'INSERT INTO sign_offs (unit_id, account, period, role, signed_by, signed_at, closing, open_items) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(s.unitId, s.account, s.period, s.role, s.by, s.at, s.snapshot.closing, s.snapshot.openItems);
  }
}
