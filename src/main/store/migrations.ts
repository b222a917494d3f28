// The schema, one numbered step at a time. Append only: never edit a step that has shipped.
import type { Migration } from './migrate';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up: `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`,
  },
  {
    version: 2,
    name: 'ledger',
    // Master data and mutation lines as AFAS has them, per administration (unit). Amounts in
    // integer cents; dates as YYYY-MM-DD text. The raw row is kept for audit and re-parsing.
    up: `
CREATE TABLE administrations (
  unit_id INTEGER PRIMARY KEY,
  name TEXT,
  code TEXT,
  synced_at TEXT NOT NULL
) STRICT;
CREATE TABLE ledger_accounts (
  unit_id INTEGER NOT NULL,
  account_no TEXT NOT NULL,
  description TEXT,
  type TEXT,
  blocked INTEGER,
  raw TEXT NOT NULL,
  PRIMARY KEY (unit_id, account_no)
) STRICT, WITHOUT ROWID;
CREATE TABLE journals (
  unit_id INTEGER NOT NULL,
  journal_id TEXT NOT NULL,
  description TEXT,
  journal_type TEXT,
  blocked INTEGER,
  raw TEXT NOT NULL,
  PRIMARY KEY (unit_id, journal_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE creditors (
  unit_id INTEGER NOT NULL,
  creditor_id TEXT NOT NULL,
  name TEXT,
  iban TEXT,
  raw TEXT NOT NULL,
  PRIMARY KEY (unit_id, creditor_id)
) STRICT, WITHOUT ROWID;
CREATE TABLE mutation_lines (
  unit_id INTEGER NOT NULL,
  journal_id TEXT NOT NULL,
  entry_no INTEGER NOT NULL,
  seq_no INTEGER NOT NULL,
  year INTEGER NOT NULL,
  period INTEGER NOT NULL,
  account_no TEXT NOT NULL,
  account_type TEXT,
  entry_date TEXT NOT NULL,
  voucher_date TEXT,
  voucher_no TEXT,
  invoice_id TEXT,
  description TEXT,
  line_description TEXT,
  debit INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  modified TEXT,
  raw TEXT NOT NULL,
  PRIMARY KEY (unit_id, journal_id, entry_no, seq_no)
) STRICT, WITHOUT ROWID;
-- The engine reads per unit + account + date range; unit + journal is the primary key's prefix.
CREATE INDEX mutation_lines_account_date ON mutation_lines (unit_id, account_no, entry_date);
`,
  },
  {
    version: 3,
    name: 'sync',
    // Runs, per-slice bookkeeping (slice = unit + entry-date month) and staging. Staged rows are
    // keyed by run so an interrupted run resumes without refetching finished slices; the swap into
    // mutation_lines happens in one transaction at the end.
    up: `
CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  unit_id INTEGER NOT NULL,
  started TEXT NOT NULL,
  finished TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  accounts TEXT NOT NULL,
  slices_total INTEGER NOT NULL DEFAULT 0,
  slices_fetched INTEGER NOT NULL DEFAULT 0,
  rows_fetched INTEGER NOT NULL DEFAULT 0,
  rows_applied INTEGER NOT NULL DEFAULT 0,
  changes_mark TEXT,
  error_code TEXT
) STRICT;
CREATE INDEX sync_runs_unit ON sync_runs (unit_id, id);
CREATE TABLE sync_run_slices (
  run_id INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
  month TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'staged')),
  rows INTEGER NOT NULL DEFAULT 0,
  max_modified TEXT,
  PRIMARY KEY (run_id, month)
) STRICT, WITHOUT ROWID;
-- What the store holds per slice after a successful swap: decides what a re-run refetches.
CREATE TABLE sync_slices (
  unit_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  accounts_hash TEXT NOT NULL,
  changes_mark TEXT,
  rows INTEGER NOT NULL,
  max_modified TEXT,
  synced_at TEXT NOT NULL,
  run_id INTEGER NOT NULL,
  PRIMARY KEY (unit_id, month)
) STRICT, WITHOUT ROWID;
CREATE TABLE staging_lines (
  run_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  unit_id INTEGER NOT NULL,
  journal_id TEXT NOT NULL,
  entry_no INTEGER NOT NULL,
  seq_no INTEGER NOT NULL,
  year INTEGER NOT NULL,
  period INTEGER NOT NULL,
  account_no TEXT NOT NULL,
  account_type TEXT,
  entry_date TEXT NOT NULL,
  voucher_date TEXT,
  voucher_no TEXT,
  invoice_id TEXT,
  description TEXT,
  line_description TEXT,
  debit INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  modified TEXT,
  raw TEXT NOT NULL,
  PRIMARY KEY (run_id, month, unit_id, journal_id, entry_no, seq_no)
) STRICT, WITHOUT ROWID;
CREATE TABLE staging_master (
  run_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('administration', 'account', 'journal', 'creditor')),
  id TEXT NOT NULL,
  raw TEXT NOT NULL,
  PRIMARY KEY (run_id, kind, id)
) STRICT, WITHOUT ROWID;
`,
  },
  {
    version: 4,
    name: 'controller-work',
    // The controller's decisions, keyed by line keys (never by rowid) so no sync can delete them.
    // Matches are soft-removed (unmatch) so undo can restore them. The audit trail is append-only.
    up: `
CREATE TABLE matches (
  id TEXT PRIMARY KEY,
  unit_id INTEGER NOT NULL,
  account TEXT NOT NULL,
  method TEXT NOT NULL,
  difference INTEGER NOT NULL,
  reason TEXT,
  evidence TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  removed_by TEXT,
  removed_at TEXT
) STRICT;
CREATE INDEX matches_unit_account ON matches (unit_id, account) WHERE removed_at IS NULL;
CREATE TABLE match_lines (
  match_id TEXT NOT NULL REFERENCES matches (id),
  line_key TEXT NOT NULL,
  amount INTEGER NOT NULL,
  PRIMARY KEY (match_id, line_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX match_lines_key ON match_lines (line_key);
CREATE TABLE notes (
  unit_id INTEGER NOT NULL,
  line_key TEXT NOT NULL,
  text TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, line_key)
) STRICT, WITHOUT ROWID;
CREATE TABLE sign_offs (
  unit_id INTEGER NOT NULL,
  account TEXT NOT NULL,
  period TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('preparer', 'reviewer')),
  signed_by TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  closing INTEGER NOT NULL,
  open_items INTEGER NOT NULL,
  PRIMARY KEY (unit_id, account, period, role)
) STRICT, WITHOUT ROWID;
-- Every controller action, with what undo needs to reverse it.
CREATE TABLE actions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  kind TEXT NOT NULL,
  unit_id INTEGER,
  payload TEXT NOT NULL,
  undone_at TEXT,
  undone_by TEXT
) STRICT;
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  by TEXT NOT NULL,
  action TEXT NOT NULL,
  unit_id INTEGER,
  account TEXT,
  detail TEXT NOT NULL,
  reason TEXT
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
  },
  {
    version: 5,
    name: 'staging-heap',
    // Staging is write-once, read-once: a plain heap with an index by (run, month) halves the cost
    // of staging a row against the keyed table of v3. Duplicate rows collapse when swapped in
    // (INSERT OR REPLACE on mutation_lines' key).
    up: `
DROP TABLE staging_lines;
CREATE TABLE staging_lines (
  run_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  unit_id INTEGER NOT NULL,
  journal_id TEXT NOT NULL,
  entry_no INTEGER NOT NULL,
  seq_no INTEGER NOT NULL,
  year INTEGER NOT NULL,
  period INTEGER NOT NULL,
  account_no TEXT NOT NULL,
  account_type TEXT,
  entry_date TEXT NOT NULL,
  voucher_date TEXT,
  voucher_no TEXT,
  invoice_id TEXT,
  description TEXT,
  line_description TEXT,
  debit INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  modified TEXT,
  raw TEXT NOT NULL
) STRICT;
CREATE INDEX staging_lines_slice ON staging_lines (run_id, month);
`,
  },
  {
    version: 6,
    name: 'mutation-lines-rowid',
    // Rows carry their raw JSON (~1 KB): too wide for a WITHOUT ROWID b-tree (SQLite advises
    // against rows over ~1/20 of a page). A rowid table with the line key as a UNIQUE index
    // writes about twice as fast and keeps the same key semantics (INSERT OR REPLACE).
    up: `
CREATE TABLE mutation_lines_new (
  unit_id INTEGER NOT NULL,
  journal_id TEXT NOT NULL,
  entry_no INTEGER NOT NULL,
  seq_no INTEGER NOT NULL,
  year INTEGER NOT NULL,
  period INTEGER NOT NULL,
  account_no TEXT NOT NULL,
  account_type TEXT,
  entry_date TEXT NOT NULL,
  voucher_date TEXT,
  voucher_no TEXT,
  invoice_id TEXT,
  description TEXT,
  line_description TEXT,
  debit INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  modified TEXT,
  raw TEXT NOT NULL,
  UNIQUE (unit_id, journal_id, entry_no, seq_no)
) STRICT;
INSERT INTO mutation_lines_new SELECT unit_id, journal_id, entry_no, seq_no, year, period, account_no, account_type, entry_date,
  voucher_date, voucher_no, invoice_id, description, line_description, debit, credit, modified, raw FROM mutation_lines;
DROP TABLE mutation_lines;
ALTER TABLE mutation_lines_new RENAME TO mutation_lines;
CREATE INDEX mutation_lines_account_date ON mutation_lines (unit_id, account_no, entry_date);
`,
  },
  {
    version: 7,
    name: 'line-extra',
    // A line stores only what its columns do not hold (see line-extra.ts), not its full raw JSON.
    // Rows written before keep their full raw row, which reads back the same way.
    up: `
ALTER TABLE mutation_lines RENAME COLUMN raw TO extra;
ALTER TABLE staging_lines RENAME COLUMN raw TO extra;
`,
  },
  {
    version: 8,
    name: 'lines-staged-in-place',
    // A sync writes each line once: straight into mutation_lines, tagged with its run. Lines of a
    // run that is not done are staged (invisible: lines.ts STAGED/VISIBLE); the swap deletes the
    // lines they replace and marks the run done, in one transaction. Before, every line was written
    // to staging_lines and copied again in the swap. Lines from before have no run (visible).
    // line_displaced: visible lines elsewhere (another month or account) that share a key with a
    // staged line; the swap deletes them, as the INSERT OR REPLACE of the copy did.
    up: `
CREATE TABLE mutation_lines_new (
  unit_id INTEGER NOT NULL,
  journal_id TEXT NOT NULL,
  entry_no INTEGER NOT NULL,
  seq_no INTEGER NOT NULL,
  year INTEGER NOT NULL,
  period INTEGER NOT NULL,
  account_no TEXT NOT NULL,
  account_type TEXT,
  entry_date TEXT NOT NULL,
  voucher_date TEXT,
  voucher_no TEXT,
  invoice_id TEXT,
  description TEXT,
  line_description TEXT,
  debit INTEGER NOT NULL,
  credit INTEGER NOT NULL,
  modified TEXT,
  extra TEXT NOT NULL,
  run_id INTEGER,
  UNIQUE (unit_id, journal_id, entry_no, seq_no, run_id)
) STRICT;
INSERT INTO mutation_lines_new (
  unit_id, journal_id, entry_no, seq_no, year, period, account_no, account_type, entry_date, voucher_date,
  voucher_no, invoice_id, description, line_description, debit, credit, modified, extra, run_id)
  SELECT unit_id, journal_id, entry_no, seq_no, year, period, account_no, account_type, entry_date, voucher_date,
  voucher_no, invoice_id, description, line_description, debit, credit, modified, extra, NULL FROM mutation_lines;
DROP TABLE mutation_lines;
ALTER TABLE mutation_lines_new RENAME TO mutation_lines;
CREATE INDEX mutation_lines_account_date ON mutation_lines (unit_id, account_no, entry_date, run_id);
CREATE TABLE line_displaced (
  run_id INTEGER NOT NULL,
  month TEXT NOT NULL,
  line INTEGER NOT NULL,
  PRIMARY KEY (run_id, month, line)
) STRICT, WITHOUT ROWID;
-- Lines staged by an unfinished run move along, so it still resumes after the upgrade.
INSERT OR REPLACE INTO mutation_lines (
  unit_id, journal_id, entry_no, seq_no, year, period, account_no, account_type, entry_date, voucher_date,
  voucher_no, invoice_id, description, line_description, debit, credit, modified, extra, run_id)
  SELECT unit_id, journal_id, entry_no, seq_no, year, period, account_no, account_type, entry_date, voucher_date,
  voucher_no, invoice_id, description, line_description, debit, credit, modified, extra, run_id FROM staging_lines ORDER BY rowid;
INSERT OR IGNORE INTO line_displaced (run_id, month, line)
  SELECT n.run_id, substr(n.entry_date, 1, 7), o.rowid FROM mutation_lines n JOIN mutation_lines o
    ON o.unit_id = n.unit_id AND o.journal_id = n.journal_id AND o.entry_no = n.entry_no AND o.seq_no = n.seq_no AND o.run_id IS NULL
  WHERE n.run_id IS NOT NULL;
DROP TABLE staging_lines;
`,
  },
  {
    version: 9,
    name: 'sync-run-retries',
    // The AFAS client's retries per connector and status ({"Profit_Accounts":{"500":2}}), added
    // up over a run's attempts (a failed run that is resumed keeps its count).
    up: `ALTER TABLE sync_runs ADD COLUMN retries TEXT NOT NULL DEFAULT '{}';`,
  },
  {
    version: 10,
    name: 'audit-chain',
    // REPLACE over an existing id deletes the row without firing DELETE triggers (unless
    // recursive_triggers is on, which is per connection): refuse it before the conflict is resolved.
    // Each entry stores the previous entry's hash and its own (audit.ts); entries from before have
    // NULL there and are chained on the fly. An entry must link to the head.
    up: `
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
-- SQLite runs the newest trigger first: the REPLACE check answers before the chain check.
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
WHEN NEW.hash IS NULL OR length(NEW.hash) <> 64 OR NEW.prev_hash IS NULL
  OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), NEW.prev_hash)
BEGIN SELECT RAISE(ABORT, 'audit_log entry does not extend the hash chain'); END;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
  },
  {
    version: 11,
    name: 'reconciling-items',
    // The controller explains what does not clear: a match at a difference carries its category and
    // the proposed correction entry (JSON); an open item's line gets a category and reason (one per
    // line, replaced by a later one, the previous kept in actions for undo). A reviewer's rejection
    // of a sign-off is kept with its comment. Tolerances per account (default in the code).
    up: `
ALTER TABLE matches ADD COLUMN category TEXT;
ALTER TABLE matches ADD COLUMN correction TEXT;
CREATE TABLE line_categories (
  unit_id INTEGER NOT NULL,
  line_key TEXT NOT NULL,
  category TEXT NOT NULL,
  reason TEXT NOT NULL,
  correction TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, line_key)
) STRICT;
CREATE TABLE sign_off_rejections (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL,
  account TEXT NOT NULL,
  period TEXT NOT NULL,
  rejected_by TEXT NOT NULL,
  rejected_at TEXT NOT NULL,
  comment TEXT NOT NULL,
  withdrawn_at TEXT
) STRICT;
CREATE INDEX sign_off_rejections_account ON sign_off_rejections (unit_id, account, period);
CREATE TABLE account_tolerances (
  unit_id INTEGER NOT NULL,
  account TEXT NOT NULL,
  cents INTEGER NOT NULL,
  permille INTEGER NOT NULL,
  set_by TEXT NOT NULL,
  set_at TEXT NOT NULL,
  PRIMARY KEY (unit_id, account)
) STRICT;
`,
  },
  {
    version: 12,
    name: 'slice-accounts',
    // A slice fetched with fewer accounts than its run (the months after the period, where only the
    // transitory accounts are fetched: their releases still to come) names its own; NULL: the run's.
    up: `ALTER TABLE sync_run_slices ADD COLUMN accounts TEXT;`,
  },
];
