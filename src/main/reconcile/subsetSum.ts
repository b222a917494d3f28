// Bounded subset-sum after GnuCash's autoclear: find subsets (2..maxSize items) of candidates
// whose amounts sum exactly to target, stop as soon as a SECOND solution appears (ambiguous: no
// automatic match) or when the node budget runs out (capped: undecided).
import type { Cents } from '../../shared/money';

export interface SubsetResult {
  /** Up to two solutions, as indices into the candidate array. */
  solutions: number[][];
  capped: boolean;
}

/** Candidates must all have the sign of target and be smaller in absolute value. */
export function boundedSubsetSum(amounts: readonly Cents[], target: Cents, maxSize: number, iterationCap: number): SubsetResult {
  const goal = Math.abs(target);
  // Largest first so the running sum overshoots (and prunes) early.
  const order = amounts.map((a, i) => ({ a: Math.abs(a), i })).sort((x, y) => y.a - x.a || x.i - y.i);
  const abs = order.map((o) => o.a);
  // suffix[k] = sum of abs[k..]: prune branches that cannot reach the goal any more.
  const suffix = new Array<number>(abs.length + 1).fill(0);
  for (let k = abs.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + abs[k]!;
  const solutions: number[][] = [];
  const stack: number[] = [];
  let nodes = 0;
  let capped = false;

  const dfs = (start: number, sum: number): boolean => {
    for (let k = start; k < abs.length; k++) {
      if (++nodes > iterationCap) {
        capped = true;
        return true;
      }
      const next = sum + abs[k]!;
      if (next > goal) continue;
      if (sum + suffix[k]! < goal) return false; // even all remaining cannot reach
      stack.push(k);
      if (next === goal) {
        if (stack.length >= 2) {
          solutions.push(stack.map((s) => order[s]!.i).sort((x, y) => x - y));
          if (solutions.length >= 2) return true;
        }
      } else if (stack.length < maxSize && dfs(k + 1, next)) {
        return true;
      }
      stack.pop();
    }
    return false;
  };
  if (goal !== 0) dfs(0, 0);
  return { solutions, capped };
}
