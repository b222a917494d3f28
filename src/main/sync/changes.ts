// Change detection through Profit_Fin_ChangedEntrydate (EntryDate, Modified): which entry dates
// changed since a mark. The connector has no UnitId, so a change in any unit marks the month dirty
// (a harmless extra fetch). The mark is AFAS's own Modified (its clock, not ours).
import type { AfasClient } from '../afas/types';

export const CHANGED_CONNECTOR = 'Profit_Fin_ChangedEntrydate';

export interface Changes {
  /** Per month YYYY-MM: the newest Modified of a change on a date in that month. */
  byMonth: Map<string, string>;
  /** Newest Modified seen (the mark to record for what is fetched now); null when AFAS lists none. */
  mark: string | null;
}

const noZ = (s: string) => s.replace(/Z$/, '');

/** Changes with Modified >= since (all when since is null, then only the newest row is read). */
export async function readChanges(client: AfasClient, since: string | null, signal?: AbortSignal): Promise<Changes & { requests: number }> {
  const byMonth = new Map<string, string>();
  let mark: string | null = since;
  let requests = 0;
  if (since === null) {
    // Nothing known yet: every slice is fetched anyway; only the current mark is needed.
    for await (const page of client.getRows(CHANGED_CONNECTOR, { orderBy: ['-Modified'], take: 1, signal })) {
      requests += 1;
      const m = page[0]?.Modified;
      if (typeof m === 'string') mark = noZ(m);
      break;
    }
    return { byMonth, mark, requests };
  }
  const filters = [[{ fieldId: 'Modified', operator: 2 as const, value: noZ(since) }]];
  for await (const page of client.getRows(CHANGED_CONNECTOR, { orderBy: ['EntryDate', 'Modified'], filters, take: 1000, signal })) {
    requests += 1;
    for (const row of page) {
      if (typeof row.EntryDate !== 'string' || typeof row.Modified !== 'string') continue;
      const month = row.EntryDate.slice(0, 7);
      const modified = noZ(row.Modified);
      const prev = byMonth.get(month);
      if (prev === undefined || modified > prev) byMonth.set(month, modified);
      if (mark === null || modified > mark) mark = modified;
    }
  }
  return { byMonth, mark, requests };
}

/**
 * A slice fetched at `fetchedMark` is dirty when a change after that mark touched its month.
 * Strictly after: the mark is the newest change AFAS had listed when the slice was planned, so a
 * change stamped with that very Modified was already seen. (Residual risk: a change committed in
 * the same clock tick as the mark but after it was read; AFAS stamps with seconds or finer.)
 */
export function changedSince(changes: Changes, month: string, fetchedMark: string | null): boolean {
  if (fetchedMark === null) return true;
  const m = changes.byMonth.get(month);
  return m !== undefined && m > fetchedMark;
}
