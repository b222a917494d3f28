// The active stored matches of a unit, kept between decisions. Reading 200,000 of them back takes
// seconds, and a controller's decision changes one or a few: so this connection logs the ids its
// own writes touch (temp triggers: per connection, never in the file) and only those are read
// again. A commit by any other connection (the statement writer's bulk matches, a sync's stage
// thread, a CLI on the same workspace) moves PRAGMA data_version, and then all is read again.
import type { StoredMatch } from '../../shared/reconcile';
import { getMatch, listMatches } from './controller-reads';
import type { Db } from './database';
import { readMatchesAside } from './matches-aside';

const LOG = `
CREATE TEMP TABLE IF NOT EXISTS touched_matches (id TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS touched_match_added AFTER INSERT ON main.matches BEGIN INSERT INTO touched_matches VALUES (new.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_match_changed AFTER UPDATE ON main.matches BEGIN INSERT INTO touched_matches VALUES (new.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_match_deleted AFTER DELETE ON main.matches BEGIN INSERT INTO touched_matches VALUES (old.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_match_line_added AFTER INSERT ON main.match_lines BEGIN INSERT INTO touched_matches VALUES (new.match_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_match_line_deleted AFTER DELETE ON main.match_lines BEGIN INSERT INTO touched_matches VALUES (old.match_id); END;`;

/** Above this many touched matches (a bulk write on this connection) a full read is cheaper. */
const FEW = 500;
/** Units kept (as the engine keeps pictures of two administrations). */
const KEEP = 2;

/** listMatches' order: oldest first, then by id (ASCII texts, so JS order is SQLite's). */
function before(a: StoredMatch, b: StoredMatch): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

export class KeptMatches {
  private kept = new Map<number, StoredMatch[]>();
  private versionKept = -1;
  private readonly touchedIds: () => string[];
  private readonly forget: () => void;

  constructor(private readonly db: Db) {
    db.exec(LOG);
    const touched = db.prepare<[], string>('SELECT DISTINCT id FROM touched_matches').pluck();
    const clear = db.prepare('DELETE FROM touched_matches');
    this.touchedIds = () => touched.all();
    this.forget = () => clear.run();
  }

  /**
   * Reads the unit's matches on another thread when they are not kept, so that reading them and
   * whatever this thread does meanwhile (the engine reading the lines) overlap. Kept under the
   * data_version seen before the read: if another connection commits meanwhile, list() reads all
   * again; this connection's writes meanwhile are logged as touched and read again, as after any
   * decision. Resolves true when it kept what it read; never rejects (list() then reads itself).
   */
  async preload(unitId: number): Promise<boolean> {
    if (this.db.inTransaction) return false;
    const version = this.version();
    if (version === this.versionKept && this.kept.has(unitId)) return false;
    const reading = readMatchesAside(this.db, unitId);
    if (!reading) return false;
    const list = await reading.catch(() => null);
    if (list === null || this.db.inTransaction) return false;
    if (version !== this.versionKept) {
      this.versionKept = version;
      this.kept.clear();
    }
    this.keep(unitId, list);
    return true;
  }

  private version(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private keep(unitId: number, list: StoredMatch[]): void {
    this.kept.set(unitId, list);
    if (this.kept.size > KEEP) this.kept.delete(this.kept.keys().next().value!);
  }

  /** Exactly what listMatches(db, unitId) would read now. */
  list(unitId: number): readonly StoredMatch[] {
    // Inside a transaction the store may yet roll back: what it shows now is not kept.
    if (this.db.inTransaction) return listMatches(this.db, unitId);
    const version = this.version();
    const touched = this.touchedIds();
    if (touched.length > 0) this.forget();
    if (version !== this.versionKept || touched.length > FEW) {
      this.versionKept = version;
      this.kept.clear();
    } else if (touched.length > 0 && this.kept.size > 0) {
      // Each touched match as it is now, if still active (an unmatched one is left out).
      const active = touched.map((id) => getMatch(this.db, id)).filter((m): m is StoredMatch & { removed: boolean } => m !== null && !m.removed && m.lines.length > 0).map(({ removed: _, ...m }) => m);
      for (const [unit, list] of this.kept) this.kept.set(unit, updated(list, new Set(touched), active.filter((m) => m.unitId === unit)));
    }
    let list = this.kept.get(unitId);
    if (!list) {
      list = listMatches(this.db, unitId);
      this.keep(unitId, list);
    }
    return list;
  }
}

/** A new list without the touched ids, with their current versions put in place. */
function updated(list: readonly StoredMatch[], touched: ReadonlySet<string>, current: readonly StoredMatch[]): StoredMatch[] {
  const out = list.filter((m) => !touched.has(m.id));
  for (const m of current) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(out[mid]!, m)) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, m);
  }
  return out;
}
