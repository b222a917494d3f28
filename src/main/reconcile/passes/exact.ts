// One-to-one pass on exact opposite amounts (and, for the invoice pass, equal invoice ids).
// A pair is automatic only when each line is the other's ONLY candidate (mutually unique): such
// a pair is an isolated component of the candidate graph, so removing it cannot change any other
// line's candidates — which is what makes autoMatch idempotent. Everything else is suggested.
import type { ExactPass } from '../rules';
import { LEFT, type Item, type Pool, type Proposal, lowerBound, refs, words } from '../pool';
import { compareReferences, overlap } from '../text';

interface Bucket {
  l: Item[];
  r: Item[];
}

function bucketKey(pass: ExactPass, item: Item): string | number | null {
  const leftAmount = item.side === LEFT ? item.line.amount : -item.line.amount;
  if (pass.key === 'amount') return leftAmount;
  const inv = item.line.invoiceId?.trim().toUpperCase();
  return inv ? `${inv}\u0000${leftAmount}` : null;
}

export function runExactPass(pass: ExactPass, pool: Pool, out: Proposal[]): void {
  const buckets = new Map<string | number, Bucket>();
  for (const side of [pool.left, pool.right]) {
    for (const item of side) {
      if (pool.taken.has(item)) continue;
      const k = bucketKey(pass, item);
      if (k === null) continue;
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = { l: [], r: [] }));
      (item.side === LEFT ? b.l : b.r).push(item);
    }
  }
  for (const b of buckets.values()) {
    if (b.l.length === 0 || b.r.length === 0) continue;
    matchBucket(pass, b, pool, out);
  }
}

function evidenceOf(pass: ExactPass, l: Item, r: Item): { reference: boolean; autoOk: boolean; score: number } {
  if (pass.autoEvidence === 'invoice') return { reference: true, autoOk: true, score: 1 };
  if (pass.autoEvidence === 'similar') {
    const sim = overlap(words(l), words(r));
    const ok = sim >= (pass.minSimilarity ?? 0.5);
    return { reference: ok, autoOk: ok, score: sim };
  }
  const cmp = compareReferences(refs(l), refs(r));
  return { reference: cmp === 'match', autoOk: cmp !== 'conflict', score: cmp === 'match' ? 1 : cmp === 'none' ? 0.5 : 0 };
}

function matchBucket(pass: ExactPass, b: Bucket, pool: Pool, out: Proposal[]): void {
  const { l, r } = b;
  const w = pass.window;
  // Candidate window of each left line in r (indices [lo, hi)), and each right line's degree.
  const lo = new Int32Array(l.length);
  const hi = new Int32Array(l.length);
  const degR = new Int32Array(r.length);
  if (!w) {
    hi.fill(r.length);
    degR.fill(l.length);
  } else {
    for (let i = 0; i < l.length; i++) {
      const d = l[i]!.day;
      lo[i] = lowerBound(r, d - w.max);
      hi[i] = lowerBound(r, d - w.min + 1);
      for (let j = lo[i]!; j < hi[i]!; j++) degR[j]!++;
      // Dense buckets: the loop above is bounded by the window, not the bucket.
    }
  }
  const used = new Uint8Array(r.length);
  const usedL = new Uint8Array(l.length);
  for (let i = 0; i < l.length; i++) {
    if (hi[i]! - lo[i]! !== 1) continue;
    const j = lo[i]!;
    if (degR[j] !== 1) continue;
    const ev = evidenceOf(pass, l[i]!, r[j]!);
    used[j] = 1;
    usedL[i] = 1;
    push(pass, out, pool, l[i]!, r[j]!, ev.reference, ev.autoOk);
  }
  // The rest: best free candidate per left line in date order (a suggestion, not a decision).
  for (let i = 0; i < l.length; i++) {
    if (usedL[i] || hi[i]! - lo[i]! === 0) continue;
    const li = l[i]!;
    let best = -1;
    let bestScore = -1;
    let bestGap = Infinity;
    let bestRef = false;
    for (let j = lo[i]!; j < hi[i]!; j++) {
      if (used[j]) continue;
      const ev = evidenceOf(pass, li, r[j]!);
      const gap = Math.abs(li.day - r[j]!.day);
      if (ev.score > bestScore || (ev.score === bestScore && gap < bestGap)) {
        best = j;
        bestScore = ev.score;
        bestGap = gap;
        bestRef = ev.reference;
      }
    }
    if (best < 0) continue;
    used[best] = 1;
    push(pass, out, pool, li, r[best]!, bestRef, false);
  }
}

function push(pass: ExactPass, out: Proposal[], pool: Pool, l: Item, r: Item, reference: boolean, auto: boolean): void {
  pool.taken.add(l);
  pool.taken.add(r);
  out.push({
    items: [l, r],
    method: pass.method,
    kind: 'exact',
    difference: 0,
    evidence: { amount: true, date: pass.window !== null ? true : Math.abs(l.day - r.day) <= 31, reference },
    auto,
  });
}
