// Replays the controller's stored matches on the current lines: a match stays confirmed while
// every line still exists, on the same account, with the amount it had when matched; otherwise it
// becomes stale and its lines are open again.
//
// Built for a million lines and hundreds of thousands of matches: lines are found through one
// map of the stored keys (not of every line), state is kept in typed arrays by match and line
// index, and a MatchGroup object is only made for the matches the caller shows.
import type { Bilingual, MutationLine } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import type { MatchGroup, StoredMatch } from '../../shared/reconcile';
import { StringIndex } from './stringIndex';
import { tick } from './tick';

export interface StoredEvaluation {
  /** The unit's stored matches, in input order; k below indexes this. */
  matches: readonly StoredMatch[];
  /** Why match k is stale, or null when it is confirmed. */
  staleReason: (Bilingual | null)[];
  /** First and last entry day of match k's existing lines (first > last when none exist). */
  first: Int32Array;
  last: Int32Array;
  /**
   * Confirmed match of each unit line (by its key, as the key identifies the line), or -1; null
   * when no match is confirmed.
   */
  confirmedOfLine: Int32Array | null;
  /** The given match indices in replay order (oldest first, then by id). */
  inReplayOrder(ks: number[]): number[];
  /** The MatchGroup of match k (made once). */
  group(k: number): MatchGroup;
}

const NONE = -1;

function replayOrder(a: StoredMatch, b: StoredMatch): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `lines` are the unit's lines; `dayOf(i)` the entry day number of line i. */
export function evaluateStoredMatches(
  stored: readonly StoredMatch[],
  lines: readonly MutationLine[],
  dayOf: (lineIndex: number) => number,
  unitId: number,
): StoredEvaluation {
  const matches = stored.every((m) => m.unitId === unitId) ? stored : stored.filter((m) => m.unitId === unitId);
  const count = matches.length;

  // Distinct stored keys → key id; slots = (match, position) → key id.
  const offset = new Int32Array(count + 1);
  let slots = 0;
  for (let k = 0; k < count; k++) {
    offset[k] = slots;
    slots += matches[k]!.lines.length;
  }
  offset[count] = slots;
  const slotKey = new Int32Array(slots);
  const keyId = new StringIndex(slots);
  const claims = new Int32Array(slots);
  let conflict = false;
  for (let k = 0, s = 0; k < count; k++) {
    tick();
    const refs = matches[k]!.lines;
    for (let p = 0; p < refs.length; p++) {
      const id = keyId.add(refs[p]!.key);
      if (++claims[id]! > 1) conflict = true;
      slotKey[s++] = id;
    }
  }

  // The line of each stored key (the last one, should a key occur twice) and each line's key id.
  const keys = keyId.size;
  const keyLine = new Int32Array(keys).fill(NONE);
  const lineKeyId = new Int32Array(count > 0 ? lines.length : 0).fill(NONE);
  if (keys > 0) {
    for (let i = 0; i < lines.length; i++) {
      tick();
      const id = keyId.find(lines[i]!.key);
      if (id === -1) continue;
      keyLine[id] = i;
      lineKeyId[i] = id;
    }
  }

  // Replay. The order only matters when two matches claim one line (the earlier keeps it).
  const staleReason: (Bilingual | null)[] = new Array<Bilingual | null>(count).fill(null);
  const first = new Int32Array(count);
  const last = new Int32Array(count);
  const keyConfirmed = new Int32Array(keys).fill(NONE);
  let hasConfirmed = false;
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  const sortedOrder = conflict ? [...order].sort((a, b) => replayOrder(matches[a]!, matches[b]!)) : order;
  for (const k of sortedOrder) {
    tick();
    const m = matches[k]!;
    // Reasons in Dutch and English, interleaved (no closure per match: this loop runs per match).
    let why: string[] | null = null;
    let sum = 0;
    let lo = 0x7fffffff;
    let hi = -0x80000000;
    for (let s = offset[k]!, p = 0; s < offset[k + 1]!; s++, p++) {
      const ref = m.lines[p]!;
      const id = slotKey[s]!;
      const li = keyLine[id]!;
      if (li === NONE) {
        (why ??= []).push(`regel ${ref.key} (${formatEuro(ref.amount, 'nl')}) bestaat niet meer in AFAS`, `line ${ref.key} (${formatEuro(ref.amount, 'en')}) no longer exists in AFAS`);
        continue;
      }
      const line = lines[li]!;
      const d = dayOf(li);
      if (d < lo) lo = d;
      if (d > hi) hi = d;
      sum += line.amount;
      if (line.amount !== ref.amount) {
        (why ??= []).push(
          `bedrag van regel ${ref.key} is gewijzigd van ${formatEuro(ref.amount, 'nl')} naar ${formatEuro(line.amount, 'nl')}`,
          `amount of line ${ref.key} changed from ${formatEuro(ref.amount, 'en')} to ${formatEuro(line.amount, 'en')}`,
        );
      }
      if (line.accountNo !== m.account) {
        (why ??= []).push(`regel ${ref.key} staat nu op rekening ${line.accountNo} in plaats van ${m.account}`, `line ${ref.key} is now on account ${line.accountNo} instead of ${m.account}`);
      }
      const other = keyConfirmed[id]!;
      // The other match by who made it and when, not by its internal id.
      if (other !== NONE) {
        const o = matches[other]!;
        (why ??= []).push(`regel ${ref.key} is al afgeletterd door ${o.by === 'auto' ? 'Kruispost (automatisch)' : o.by}`, `line ${ref.key} is already matched by ${o.by === 'auto' ? 'Kruispost (automatic)' : o.by}`);
      }
    }
    if (why === null && sum !== m.difference) {
      (why ??= []).push(
        `de regels tellen op tot ${formatEuro(sum, 'nl')}, niet tot het vastgelegde verschil ${formatEuro(m.difference, 'nl')}`,
        `the lines add up to ${formatEuro(sum, 'en')}, not to the recorded difference ${formatEuro(m.difference, 'en')}`,
      );
    }
    first[k] = lo;
    last[k] = hi;
    if (why !== null) {
      staleReason[k] = staleText(why);
      continue;
    }
    hasConfirmed = true;
    for (let s = offset[k]!; s < offset[k + 1]!; s++) keyConfirmed[slotKey[s]!] = k;
  }

  const groups: (MatchGroup | undefined)[] = [];
  return {
    matches,
    staleReason,
    first,
    last,
    confirmedOfLine: hasConfirmed ? lineConfirmed(lineKeyId, keyConfirmed) : null,
    // 100,000 auto matches sort for a second: the comparator ticks, so progress and cancel go on.
    inReplayOrder: (ks) =>
      ks.sort((a, b) => {
        tick();
        return replayOrder(matches[a]!, matches[b]!) || a - b;
      }),
    group: (k) => (groups[k] ??= toGroup(matches[k]!, staleReason[k]!)),
  };
}

function lineConfirmed(lineKeyId: Int32Array, keyConfirmed: Int32Array): Int32Array {
  const out = new Int32Array(lineKeyId.length);
  for (let i = 0; i < out.length; i++) {
    const id = lineKeyId[i]!;
    out[i] = id === NONE ? NONE : keyConfirmed[id]!;
  }
  return out;
}

function toGroup(m: StoredMatch, staleReason: Bilingual | null): MatchGroup {
  return {
    id: m.id,
    unitId: m.unitId,
    account: m.account,
    lines: m.lines.map((l) => l.key),
    status: staleReason ? 'stale' : 'confirmed',
    method: m.method,
    difference: m.difference,
    reason: m.reason,
    evidence: m.evidence,
    confirmedBy: m.by,
    confirmedAt: m.at,
    ...(staleReason ? { staleReason } : {}),
    ...(m.category ? { category: m.category, correction: m.correction ?? null } : {}),
  };
}

function staleText(why: readonly string[]): Bilingual {
  const nl = why.filter((_, i) => i % 2 === 0);
  const en = why.filter((_, i) => i % 2 === 1);
  return {
    nl: `Aflettering vervallen: ${nl.join('; ')}. De regels staan weer open; letter ze opnieuw af.`,
    en: `Match no longer valid: ${en.join('; ')}. The lines are open again; match them anew.`,
  };
}
