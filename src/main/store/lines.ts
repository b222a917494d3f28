// Mutation lines: the engine's input, read per unit + accounts + entry-date range.
import { lineKey, type MutationLine } from '../../shared/domain';
import type { Db } from './database';

export interface LineRow {
  unit_id: number;
  journal_id: string;
  entry_no: number;
  seq_no: number;
  year: number;
  period: number;
  account_no: string;
  account_type: string | null;
  entry_date: string;
  voucher_date: string | null;
  voucher_no: string | null;
  invoice_id: string | null;
  description: string | null;
  line_description: string | null;
  debit: number;
  credit: number;
  modified: string | null;
}

/** Column order shared by inserts into staging_lines and mutation_lines. */
export const LINE_COLUMNS = [
  'unit_id', 'journal_id', 'entry_no', 'seq_no', 'year', 'period', 'account_no', 'account_type', 'entry_date',
  'voucher_date', 'voucher_no', 'invoice_id', 'description', 'line_description', 'debit', 'credit', 'modified', 'extra',
] as const;

export function lineFromRow(r: LineRow): MutationLine {
  return {
    key: lineKey(r.unit_id, r.journal_id, r.entry_no, r.seq_no),
    unitId: r.unit_id,
    journalId: r.journal_id,
    entryNo: r.entry_no,
    seqNo: r.seq_no,
    year: r.year,
    period: r.period,
    accountNo: r.account_no,
    accountType: r.account_type,
    entryDate: r.entry_date,
    voucherDate: r.voucher_date,
    voucherNo: r.voucher_no,
    invoiceId: r.invoice_id,
    description: r.description,
    lineDescription: r.line_description,
    debit: r.debit,
    credit: r.credit,
    amount: r.debit - r.credit,
    modified: r.modified,
  };
}

/** Positional values for LINE_COLUMNS; `extra` from lineExtra() (or extraFields() inside batch JSON). */
export function lineValues(l: MutationLine, extra: unknown): unknown[] {
  return [
    l.unitId, l.journalId, l.entryNo, l.seqNo, l.year, l.period, l.accountNo, l.accountType, l.entryDate,
    l.voucherDate, l.voucherNo, l.invoiceId, l.description, l.lineDescription, l.debit, l.credit, l.modified, extra,
  ];
}

/**
 * A line is visible unless the sync run that wrote it is not done yet (staged; see migration 8).
 * The subquery is uncorrelated: SQLite evaluates it once per statement.
 */
export const VISIBLE = "(run_id IS NULL OR run_id NOT IN (SELECT id FROM sync_runs WHERE status <> 'done'))";

const SELECT = `SELECT unit_id, journal_id, entry_no, seq_no, year, period, account_no, account_type, entry_date,
  voucher_date, voucher_no, invoice_id, description, line_description, debit, credit, modified FROM mutation_lines`;

export interface LineQuery {
  unitId: number;
  accounts: readonly string[];
  /** Inclusive YYYY-MM-DD bounds; omitted = open-ended. */
  fromDate?: string;
  toDate?: string;
  /** Called for every row read (a long read can be cancelled from it; it throws). */
  tick?: () => void;
}

/**
 * Lines of the given accounts, ordered by entry date then line key parts. Read as raw rows and
 * built with repeated texts shared: few-valued ones (journals, accounts, dates, merchant names)
 * through a small dictionary, an entry's own (description, voucher, invoice, changed-at) with
 * the line before it, which is the same entry's whenever it has several lines here.
 */
export function queryLines(db: Db, q: LineQuery): MutationLine[] {
  if (q.accounts.length === 0) return [];
  const accounts = JSON.stringify(q.accounts);
  const where = `unit_id = ? AND account_no IN (SELECT value FROM json_each(?)) AND entry_date >= ? AND entry_date <= ? AND ${VISIBLE}`;
  const range = db.prepare<[number, string, string, string], { lo: string | null; hi: string | null }>(`SELECT min(entry_date) AS lo, max(entry_date) AS hi FROM mutation_lines WHERE ${where}`)
    .get(q.unitId, accounts, q.fromDate ?? '0000-00-00', q.toDate ?? '9999-99-99');
  if (!range?.lo || !range.hi) return [];
  // A week at a time, in the same order: each statement sorts a week, not the whole year, so a
  // cancel or a heartbeat never waits behind one long sort.
  const week = db.prepare<[number, string, string, string], unknown[]>(`${SELECT} WHERE ${where} ORDER BY entry_date, journal_id, entry_no, seq_no`).raw(true);
  const hi = range.hi;
  function* weeks(): Generator<unknown[]> {
    for (let from = range!.lo!; from <= hi; from = addDays(from, 7)) {
      const to = addDays(from, 6);
      yield* week.iterate(q.unitId, accounts, from, to < hi ? to : hi);
    }
  }
  const rows = weeks();
  const out: MutationLine[] = [];
  const few = new Map<string, string>();
  const shared = (v: unknown): string | null => {
    if (v === null) return null;
    const t = v as string;
    const had = few.get(t);
    if (had !== undefined) return had;
    if (few.size < 20_000) few.set(t, t);
    return t;
  };
  let prev: MutationLine | null = null;
  const same = (v: unknown, before: string | null | undefined): string | null => (v === null ? null : v === before ? (before as string) : (v as string));
  const tick = q.tick;
  for (const r of rows) {
    tick?.();
    const unitId = r[0] as number;
    const journalId = shared(r[1])!;
    const entryNo = r[2] as number;
    const seqNo = r[3] as number;
    const debit = r[14] as number;
    const credit = r[15] as number;
    const line: MutationLine = {
      key: lineKey(unitId, journalId, entryNo, seqNo),
      unitId, journalId, entryNo, seqNo,
      year: r[4] as number,
      period: r[5] as number,
      accountNo: shared(r[6])!,
      accountType: shared(r[7]),
      entryDate: shared(r[8])!,
      voucherDate: shared(r[9]),
      voucherNo: same(r[10], prev?.voucherNo),
      invoiceId: same(r[11], prev?.invoiceId),
      description: same(r[12], prev?.description),
      lineDescription: shared(r[13]),
      debit, credit, amount: debit - credit,
      modified: same(r[16], prev?.modified),
    };
    out.push(line);
    prev = line;
  }
  return out;
}

/** Lines by key (stale-match checks, notes); keys that no longer exist are absent. */
export function linesByKey(db: Db, keys: readonly string[]): Map<string, MutationLine> {
  const out = new Map<string, MutationLine>();
  const stmt = db.prepare<[number, string, number, number], LineRow>(
    `${SELECT} WHERE unit_id = ? AND journal_id = ? AND entry_no = ? AND seq_no = ? AND ${VISIBLE}`,
  );
  for (const key of keys) {
    const parts = parseLineKey(key);
    if (!parts) continue;
    const row = stmt.get(parts.unitId, parts.journalId, parts.entryNo, parts.seqNo);
    if (row) out.set(key, lineFromRow(row));
  }
  return out;
}

/** Inverse of lineKey(); journal ids may in theory hold '/', so split from both ends. */
export function parseLineKey(key: string): { unitId: number; journalId: string; entryNo: number; seqNo: number } | null {
  const parts = key.split('/');
  if (parts.length < 4) return null;
  const unitId = Number(parts[0]);
  const seqNo = Number(parts[parts.length - 1]);
  const entryNo = Number(parts[parts.length - 2]);
  const journalId = parts.slice(1, -2).join('/');
  if (!Number.isInteger(unitId) || !Number.isInteger(entryNo) || !Number.isInteger(seqNo)) return null;
  return { unitId, journalId, entryNo, seqNo };
}

export function countLines(db: Db, unitId?: number): number {
  const row =
    unitId === undefined
      ? db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM mutation_lines WHERE ${VISIBLE}`).get()
      : db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM mutation_lines WHERE unit_id = ? AND ${VISIBLE}`).get(unitId);
  return row?.n ?? 0;
}

/** YYYY-MM-DD plus n days (UTC calendar arithmetic: dates only). */
function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
