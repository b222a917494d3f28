// Invariants every rule set's auto-match keeps, checked by the profiles' property tests.
import { expect } from 'vitest';
import { autoMatch, type ReconcileInput } from '../../src/main/reconcile';
import type { StoredMatch } from '../../src/shared/reconcile';

/**
 * A second auto-match finds nothing new; no line is in two groups; every group sums to zero and
 * lies on its own account. Returns the first auto-match's groups.
 */
export function expectAutoMatchInvariants(inp: ReconcileInput): StoredMatch[] {
  const first = autoMatch(inp);
  expect(autoMatch({ ...inp, storedMatches: first })).toEqual([]);
  const seen = new Set<string>();
  const byKey = new Map(inp.lines.map((l) => [l.key, l]));
  for (const m of first) {
    expect(m.lines.reduce((s, l) => s + l.amount, 0)).toBe(0);
    for (const l of m.lines) {
      expect(seen.has(l.key)).toBe(false);
      seen.add(l.key);
      expect(byKey.get(l.key)!.accountNo).toBe(m.account);
    }
  }
  return first;
}
