// Matches whose lines vanished from AFAS or changed amount since they were matched. A sync never
// deletes a match; it can only make one stale, and this says which and why.
import type { Bilingual } from '../../shared/domain';
import { centsToDecimal } from '../../shared/money';
import type { StoredMatch } from '../../shared/reconcile';
import { listMatches } from './controller-reads';
import type { Db } from './database';
import { linesByKey } from './lines';

export interface StaleLine {
  key: string;
  snapshot: number;
  /** Null when the line no longer exists. */
  current: number | null;
}

export interface StaleMatch {
  match: StoredMatch;
  lines: StaleLine[];
  staleReason: Bilingual;
}

export function staleMatches(db: Db, unitId: number): StaleMatch[] {
  const out: StaleMatch[] = [];
  for (const match of listMatches(db, unitId)) {
    const current = linesByKey(db, match.lines.map((l) => l.key));
    const changed: StaleLine[] = [];
    for (const l of match.lines) {
      const now = current.get(l.key);
      if (!now) changed.push({ key: l.key, snapshot: l.amount, current: null });
      else if (now.amount !== l.amount) changed.push({ key: l.key, snapshot: l.amount, current: now.amount });
    }
    if (changed.length > 0) out.push({ match, lines: changed, staleReason: describe(changed) });
  }
  return out;
}

function describe(lines: StaleLine[]): Bilingual {
  const nl = lines.map((l) =>
    l.current === null ? `regel ${l.key} bestaat niet meer in AFAS` : `bedrag van regel ${l.key} is ${centsToDecimal(l.current)} (was ${centsToDecimal(l.snapshot)})`,
  );
  const en = lines.map((l) =>
    l.current === null ? `line ${l.key} no longer exists in AFAS` : `amount of line ${l.key} is ${centsToDecimal(l.current)} (was ${centsToDecimal(l.snapshot)})`,
  );
  return { nl: nl.join('; '), en: en.join('; ') };
}
