// One-to-one pass on exact opposite amounts (and, for the invoice pass, equal invoice ids).
// A pair is automatic only when each line is the other's ONLY candidate (mutually unique): such
// a pair is an isolated component of the candidate graph, so removing it cannot change any other
// line's candidates — which is what makes autoMatch idempotent. Everything else is suggested.
// One exception: the same entry exported twice (twins, identical in journal, date, amount,
// invoice id and text) against one counterpart. The twins are interchangeable, so pairing the
// first of them is as certain as a unique pair; the other stays open (flagged as a duplicate).
import type { ExactPass } from '../rules';
import { LEFT, type Item, type Pool, type Proposal, lowerBound, refs, words } from '../pool';
import { StringIndex } from '../stringIndex';
import { compareReferences, descriptionKey, overlap } from '../text';
import { tick } from '../tick';

interface Bucket {
  l: Item[];
  r: Item[];
}

const leftAmount = (item: Item) => (item.side === LEFT ? item.line.amount : -item.line.amount);

/**
 * Groups by the pass key (left-side amount, or invoice id) with a single item stored directly:
 * most groups are one purchase + one payment, and a million small arrays would cost more than
 * the matching itself.
 */
export function runExactPass(pass: ExactPass, pool: Pool, out: Proposal[]): void {
  // Groups in first-seen order of their key (invoice ids through a StringIndex, whose ids follow
  // that order). Most groups are a pair: the first two items are kept in flat arrays, and only
  // groups of three or more get an array of their own.
  const first: Item[] = [];
  const second: (Item | null)[] = [];
  const more = new Map<number, Item[]>();
  const byAmount = pass.key === 'amount' ? new Map<number, number>() : null;
  const byInvoice = pass.key === 'amount' ? null : new StringIndex(pool.left.length + pool.right.length);
  for (const side of [pool.left, pool.right]) {
    for (const item of side) {
      tick();
      if (item.taken) continue;
      let id: number;
      if (byAmount) {
        const k = leftAmount(item);
        const found = byAmount.get(k);
        if (found === undefined) byAmount.set(k, (id = first.length));
        else id = found;
      } else {
        const k = item.line.invoiceId?.trim();
        if (k === undefined || k === '') continue;
        id = byInvoice!.add(k);
      }
      if (id === first.length) {
        first.push(item);
        second.push(null);
      } else if (second[id] === null) second[id] = item;
      else {
        const g = more.get(id);
        if (g) g.push(item);
        else more.set(id, [first[id]!, second[id]!, item]);
      }
    }
  }
  for (let id = 0; id < first.length; id++) {
    tick();
    const one = first[id]!;
    const two = second[id]!;
    if (two === null) continue;
    const big = more.get(id);
    if (big === undefined && one.side !== two.side) {
      const l = one.side === LEFT ? one : two;
      const r = one.side === LEFT ? two : one;
      if (l.line.amount !== -r.line.amount) continue;
      const off = l.day - r.day;
      if (pass.window && (off < pass.window.min || off > pass.window.max)) continue;
      const ev = evidenceOf(pass, l, r);
      push(pass, out, l, r, ev.reference, ev.autoOk);
      continue;
    }
    const g = big ?? [one, two];
    if (pass.key === 'amount') {
      const b: Bucket = { l: [], r: [] };
      for (const it of g) (it.side === LEFT ? b.l : b.r).push(it);
      if (b.l.length > 0 && b.r.length > 0) matchBucket(pass, b, out);
      continue;
    }
    // Invoice groups: split by amount (items are day-sorted within each side already).
    const split = new Map<number, Bucket>();
    for (const it of g) {
      tick();
      const a = leftAmount(it);
      let b = split.get(a);
      if (!b) split.set(a, (b = { l: [], r: [] }));
      (it.side === LEFT ? b.l : b.r).push(it);
    }
    for (const b of split.values()) if (b.l.length > 0 && b.r.length > 0) matchBucket(pass, b, out);
  }
}

interface Evidence {
  reference: boolean;
  autoOk: boolean;
  score: number;
}
const BY_INVOICE: Evidence = { reference: true, autoOk: true, score: 1 };

function evidenceOf(pass: ExactPass, l: Item, r: Item): Evidence {
  if (pass.autoEvidence === 'invoice') return BY_INVOICE;
  if (pass.autoEvidence === 'similar') {
    const sim = overlap(words(l), words(r));
    const ok = sim >= (pass.minSimilarity ?? 0.5);
    return { reference: ok, autoOk: ok, score: sim };
  }
  const cmp = compareReferences(refs(l), refs(r));
  return { reference: cmp === 'match', autoOk: cmp !== 'conflict' || pass.autoEvidence === 'unique', score: cmp === 'match' ? 1 : cmp === 'none' ? 0.5 : 0 };
}

function matchBucket(pass: ExactPass, b: Bucket, out: Proposal[]): void {
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
  if (l.length + r.length > 2) pairTwins(pass, l, r, lo, hi, degR, usedL, used, out);
  for (let i = 0; i < l.length; i++) {
    tick();
    if (usedL[i] || hi[i]! - lo[i]! !== 1) continue;
    if (used[lo[i]!]) continue;
    const j = lo[i]!;
    if (degR[j] !== 1) continue;
    const ev = evidenceOf(pass, l[i]!, r[j]!);
    used[j] = 1;
    usedL[i] = 1;
    push(pass, out, l[i]!, r[j]!, ev.reference, ev.autoOk);
  }
  // The rest: best free candidate per left line in date order (a suggestion, not a decision).
  for (let i = 0; i < l.length; i++) {
    tick();
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
    push(pass, out, li, r[best]!, bestRef, false);
  }
}

/** Same journal, day, amount, invoice id and text: an entry Moss exported twice. */
function twinKey(it: Item): string {
  return `${it.line.journalId}|${it.day}|${it.line.amount}|${it.line.invoiceId?.trim().toUpperCase() ?? ''}|${descriptionKey(it.line)}`;
}

/** Runs of twins (2+) in `items`, each ordered by entry number. */
function twinGroups(items: readonly Item[]): number[][] {
  if (items.length < 2) return [];
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < items.length; i++) {
    const k = twinKey(items[i]!);
    const g = byKey.get(k);
    if (g) g.push(i);
    else byKey.set(k, [i]);
  }
  const out: number[][] = [];
  for (const g of byKey.values()) {
    if (g.length < 2) continue;
    g.sort((a, b) => items[a]!.line.entryNo - items[b]!.line.entryNo || items[a]!.line.seqNo - items[b]!.line.seqNo);
    out.push(g);
  }
  return out;
}

/**
 * Twins on one side whose only candidate is one line on the other side, which has no other
 * candidate: the first twin is paired with it (automatic when the text does not conflict), the
 * others are set aside (taken, no proposal), so no later pass pairs a copy with something else.
 */
function pairTwins(pass: ExactPass, l: Item[], r: Item[], lo: Int32Array, hi: Int32Array, degR: Int32Array, usedL: Uint8Array, used: Uint8Array, out: Proposal[]): void {
  // Left twins against one right line: each twin's window holds exactly that line, and the line
  // has no candidate but the twins.
  for (const g of twinGroups(l)) {
    const j = lo[g[0]!]!;
    if (!g.every((i) => hi[i]! - lo[i]! === 1 && lo[i] === j) || degR[j] !== g.length || used[j]) continue;
    if (twinGroups(r).some((t) => t.includes(j))) continue; // twins on both sides: the controller's call
    const ev = evidenceOf(pass, l[g[0]!]!, r[j]!);
    used[j] = 1;
    for (const i of g) usedL[i] = 1;
    push(pass, out, l[g[0]!]!, r[j]!, ev.reference, ev.autoOk);
    for (const i of g.slice(1)) l[i]!.taken = true;
  }
  // Right twins against one left line.
  for (const g of twinGroups(r)) {
    if (g.some((j) => used[j] || degR[j] !== 1)) continue;
    const owners = new Set<number>();
    for (let i = 0; i < l.length; i++) if (g.some((j) => j >= lo[i]! && j < hi[i]!)) owners.add(i);
    if (owners.size !== 1) continue;
    const i = [...owners][0]!;
    if (usedL[i] || hi[i]! - lo[i]! !== g.length || twinGroups(l).some((t) => t.includes(i))) continue;
    const ev = evidenceOf(pass, l[i]!, r[g[0]!]!);
    usedL[i] = 1;
    for (const j of g) used[j] = 1;
    push(pass, out, l[i]!, r[g[0]!]!, ev.reference, ev.autoOk);
    for (const j of g.slice(1)) r[j]!.taken = true;
  }
}

function push(pass: ExactPass, out: Proposal[], l: Item, r: Item, reference: boolean, auto: boolean): void {
  l.taken = true;
  r.taken = true;
  out.push({
    items: [l, r],
    method: pass.method,
    kind: 'exact',
    difference: 0,
    evidence: { amount: true, date: pass.window !== null ? true : Math.abs(l.day - r.day) <= 31, reference },
    auto,
  });
}
