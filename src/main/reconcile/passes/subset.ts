// One-to-many / many-to-one pass: an open line on one side equals the sum of several open lines
// on the other side in its date window (a top-up paid in two transfers, or two top-ups paid at
// once). Automatic only when the search found exactly one solution, was not cut off, and none of
// its lines appears in any other solution found in this pass.
import type { SubsetPass } from '../rules';
import { LEFT, type Item, type Pool, type Proposal, lowerBound } from '../pool';
import { boundedSubsetSum } from '../subsetSum';

interface Found {
  anchor: Item;
  members: Item[];
  unique: boolean;
}

export function runSubsetPass(pass: SubsetPass, pool: Pool, out: Proposal[]): void {
  const left = pool.left.filter((i) => !i.taken);
  const right = pool.right.filter((i) => !i.taken);
  const found: Found[] = [];
  // 1:N (a left anchor, right members) and N:1 (a right anchor, left members).
  for (const [anchors, others] of [
    [left, right],
    [right, left],
  ] as const) {
    for (const anchor of anchors) {
      const target = -anchor.line.amount;
      // Window of the other side relative to the anchor: offset = left.day − right.day ∈ [min,max].
      const from = anchor.side === LEFT ? anchor.day - pass.window.max : anchor.day + pass.window.min;
      const to = anchor.side === LEFT ? anchor.day - pass.window.min : anchor.day + pass.window.max;
      const cands: Item[] = [];
      let tooMany = false;
      for (let j = lowerBound(others, from); j < others.length && others[j]!.day <= to; j++) {
        const a = others[j]!.line.amount;
        if (a === 0 || Math.sign(a) !== Math.sign(target) || Math.abs(a) >= Math.abs(target)) continue;
        cands.push(others[j]!);
        if (cands.length > pass.maxCandidates) {
          tooMany = true;
          break;
        }
      }
      if (tooMany) {
        pool.capped = true;
        continue;
      }
      if (cands.length < 2) continue;
      const res = boundedSubsetSum(
        cands.map((c) => c.line.amount),
        target,
        pass.maxSize,
        pass.iterationCap,
      );
      if (res.capped) pool.capped = true;
      const unique = res.solutions.length === 1 && !res.capped;
      for (const s of res.solutions) found.push({ anchor, members: s.map((k) => cands[k]!), unique });
    }
  }
  if (found.length === 0) return;
  const uses = new Map<Item, number>();
  for (const f of found) for (const it of [f.anchor, ...f.members]) uses.set(it, (uses.get(it) ?? 0) + 1);
  const autos = found.filter((f) => f.unique && [f.anchor, ...f.members].every((it) => uses.get(it) === 1));
  const autoSet = new Set(autos);
  const rest = found.filter((f) => !autoSet.has(f));
  for (const [list, auto] of [
    [autos, true],
    [rest, false],
  ] as const) {
    for (const f of list) {
      const items = [f.anchor, ...f.members];
      if (items.some((it) => it.taken)) continue;
      for (const it of items) it.taken = true;
      const days = items.map((i) => i.day);
      out.push({
        items,
        method: pass.method,
        kind: 'subset',
        difference: 0,
        evidence: { amount: true, date: Math.max(...days) - Math.min(...days) <= pass.window.max, reference: false },
        auto,
      });
    }
  }
}
