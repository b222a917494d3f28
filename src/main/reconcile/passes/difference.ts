// Near amounts (bank fee, rounding): pair an open left line with the open right line in its
// window whose amount differs least, within tolerance. Always a suggestion showing the difference.
import type { DifferencePass } from '../rules';
import { type Pool, type Proposal, lowerBound, refs } from '../pool';
import { compareReferences } from '../text';

const MAX_SCAN = 500;

export function runDifferencePass(pass: DifferencePass, pool: Pool, out: Proposal[]): void {
  const right = pool.right.filter((i) => !i.taken);
  for (const l of pool.left) {
    if (l.taken || l.line.amount === 0) continue;
    const want = -l.line.amount;
    const tol = Math.max(pass.toleranceCents, Math.floor((Math.abs(want) * pass.tolerancePermille) / 1000));
    let best = -1;
    let bestRef = false;
    let bestDiff = Infinity;
    let bestGap = Infinity;
    let scanned = 0;
    for (let j = lowerBound(right, l.day - pass.window.max); j < right.length && right[j]!.day <= l.day - pass.window.min; j++) {
      if (++scanned > MAX_SCAN) break;
      const r = right[j]!;
      if (r.taken || Math.sign(r.line.amount) !== Math.sign(want)) continue;
      const diff = Math.abs(r.line.amount - want);
      if (diff === 0 || diff > tol) continue;
      const gap = Math.abs(l.day - r.day);
      // A shared reference (both carry TU-1-0031) wins over a nearer amount or date.
      const ref = compareReferences(refs(l), refs(r)) === 'match';
      if ((ref && !bestRef) || (ref === bestRef && (diff < bestDiff || (diff === bestDiff && gap < bestGap)))) {
        best = j;
        bestRef = ref;
        bestDiff = diff;
        bestGap = gap;
      }
    }
    if (best < 0) continue;
    const r = right[best]!;
    l.taken = true;
    r.taken = true;
    out.push({
      items: [l, r],
      method: pass.method,
      kind: 'difference',
      difference: l.line.amount + r.line.amount,
      evidence: { amount: false, date: true, reference: bestRef },
      auto: false,
    });
  }
}
