// The controller's decisions: confirm a match, unmatch, note, sign off, and undo of the last one.
// Each writes its change, an actions row (what undo needs) and an audit entry in ONE transaction.
import { randomUUID } from 'node:crypto';
import type { LineKey } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { MatchEvidence, StoredMatch, StoredNote, StoredSignOff } from '../../shared/reconcile';
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

function recordAction(db: Db, at: string, by: string, kind: string, unitId: number | null, payload: unknown): number {
  const info = db
    .prepare('INSERT INTO actions (at, by, kind, unit_id, payload) VALUES (?, ?, ?, ?, ?)')
    .run(at, by, kind, unitId, JSON.stringify(payload));
  return Number(info.lastInsertRowid);
}

function fail(code: string, nl: string, en: string): never {
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
}

/** Confirms a match over lines that exist now; their amounts are snapshotted (a change makes it stale). */
export function confirmMatch(db: Db, input: ConfirmMatchInput): StoredMatch {
  return db.transaction((): StoredMatch => {
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
    const id = input.id ?? randomUUID();
    const evidence = input.evidence ?? { amount: difference === 0, date: false, reference: false };
    const method = input.method ?? 'manual';
    db.prepare(
      'INSERT INTO matches (id, unit_id, account, method, difference, reason, evidence, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, input.unitId, input.account, method, difference, reason, JSON.stringify(evidence), input.by, at);
    const addLine = db.prepare('INSERT INTO match_lines (match_id, line_key, amount) VALUES (?, ?, ?)');
    const lines = keys.sort().map((k) => ({ key: k, amount: found.get(k)!.amount }));
    for (const l of lines) addLine.run(id, l.key, l.amount);
    recordAction(db, at, input.by, 'confirmMatch', input.unitId, { matchId: id });
    appendAudit(db, {
      at, by: input.by, action: 'match.confirm', unitId: input.unitId, account: input.account,
      detail: JSON.stringify({ matchId: id, method, lines, difference }), reason,
    });
    return { id, unitId: input.unitId, account: input.account, lines, method, difference, reason, evidence, by: input.by, at };
  })();
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
      detail: JSON.stringify({ matchId: m.id, lines: m.lines }), reason: input.reason?.trim() || null,
    });
  })();
}

interface NoteRow {
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
    appendAudit(db, {
      at, by: input.by, action: text ? 'note.set' : 'note.clear', unitId: input.unitId, account: null,
      detail: JSON.stringify({ lineKey: input.lineKey, text, previous: previous?.text ?? null }), reason: null,
    });
    return text ? { unitId: input.unitId, lineKey: input.lineKey, text, by: input.by, at } : null;
  })();
}

function writeNote(db: Db, unitId: number, key: string, note: NoteRow | null): void {
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

/** "Anna  de Vries " and "anna de vries" are one person. */
const samePerson = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

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

type SignOffKey = Pick<StoredSignOff, 'unitId' | 'account' | 'period' | 'role'>;
const signOffKey = (s: SignOffKey): SignOffKey => ({ unitId: s.unitId, account: s.account, period: s.period, role: s.role });

function writeSignOff(db: Db, key: SignOffKey, s: StoredSignOff | null): void {
  db.prepare('DELETE FROM sign_offs WHERE unit_id = ? AND account = ? AND period = ? AND role = ?').run(key.unitId, key.account, key.period, key.role);
  if (s) {
    db.prepare(
      'INSERT INTO sign_offs (unit_id, account, period, role, signed_by, signed_at, closing, open_items) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(s.unitId, s.account, s.period, s.role, s.by, s.at, s.snapshot.closing, s.snapshot.openItems);
  }
}

export interface UndoResult {
  actionId: number;
  kind: string;
}

/** Reverses the newest action not yet undone (of the unit, when given). Null when there is none. */
export function undoLast(db: Db, input: Who & { unitId?: number }): UndoResult | null {
  return db.transaction((): UndoResult | null => {
    const at = now(input);
    const a = db
      .prepare<[number | null, number | null], { id: number; kind: string; unit_id: number | null; payload: string }>(
        `SELECT id, kind, unit_id, payload FROM actions WHERE undone_at IS NULL AND (? IS NULL OR unit_id = ?) ORDER BY id DESC LIMIT 1`,
      )
      .get(input.unitId ?? null, input.unitId ?? null);
    if (!a) return null;
    const payload = JSON.parse(a.payload) as Record<string, unknown>;
    let account: string | null = null;
    switch (a.kind) {
      case 'confirmMatch': {
        const id = payload.matchId as string;
        account = getMatch(db, id)?.account ?? null;
        db.prepare('UPDATE matches SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL').run(input.by, at, id);
        break;
      }
      case 'unmatch': {
        const m = getMatch(db, payload.matchId as string);
        if (!m) break;
        account = m.account;
        if (activeMatchesOf(db, m.lines.map((l) => l.key)).length > 0) {
          fail('undo-line-taken', 'Ongedaan maken kan niet: een regel is intussen opnieuw afgeletterd.', 'Cannot undo: a line has been matched again since.');
        }
        db.prepare('UPDATE matches SET removed_by = NULL, removed_at = NULL WHERE id = ?').run(m.id);
        break;
      }
      case 'addNote':
        writeNote(db, a.unit_id!, payload.lineKey as string, (payload.previous as NoteRow | null) ?? null);
        break;
      case 'signOff': {
        const key = payload.key as SignOffKey;
        account = key.account;
        writeSignOff(db, key, (payload.previous as StoredSignOff | null) ?? null);
        break;
      }
      default:
        fail('undo-unknown', 'Deze actie kan niet ongedaan worden gemaakt.', 'This action cannot be undone.');
    }
    db.prepare('UPDATE actions SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, input.by, a.id);
    appendAudit(db, { at, by: input.by, action: 'undo', unitId: a.unit_id, account, detail: JSON.stringify({ actionId: a.id, kind: a.kind, payload }), reason: null });
    return { actionId: a.id, kind: a.kind };
  })();
}
