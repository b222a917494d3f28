// The data folder holds the ledger, the controller's work and the support log: only its owner may
// read them (folder 0700, files 0600). SQLite gives its WAL and SHM the database file's mode.
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';

/** Files Kruispost itself writes into its data folder (database, WAL/SHM, migration backups, log). */
const OWN_FILE = /^kruispost\.(sqlite|log)(\b|$)/;

function tighten(path: string, mode: number): void {
  try {
    if ((statSync(path).mode & 0o777 & ~mode) !== 0) chmodSync(path, mode);
  } catch {
    // Not ours to change (another owner, Windows ACLs): the folder stays as it is.
  }
}

/**
 * Creates the folder 0700. An existing one is tightened only when it holds nothing but Kruispost's
 * own files, so `--data-dir ~/Documents` never changes the mode of someone's shared folder.
 */
export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    tighten(dir, 0o700); // the umask may have left more
    return;
  }
  if (readdirSync(dir).every((name) => OWN_FILE.test(name))) tighten(dir, 0o700);
}

/** Creates the file 0600 if missing; an existing one is tightened to 0600. */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600, flag: 'a' });
  tighten(file, 0o600);
}
