// Many-to-one per entry: every open document-side line of one entry (a payroll run with a line
// per employee) against ONE settlement line of their total (the SEPA salary batch). An entry's
// total in its date window is specific evidence, so a pair is automatic when it is mutually
// unique; anything else is suggested. Identical entries (a run posted twice) are interchangeable:
// against their one settlement the first pairs and the copies stay open (flagged as duplicates).
import type { BatchPass } from '../rules';
import { byDayThenKey, type Item, type Pool, type Proposal, refs } from '../pool';
import { compareReferences, descriptionKey } from '../text';

interface Group {
  items: Item[];
  day: number;
  total: number;
  entryNo: number;
  signature: string;
  candidates: Item[];
}

export function runBatchPass(pass: BatchPass, pool: Pool, out: Proposal[]): void {
  const byEntry = new Map<string, Item[]>();
  for (const it of pool.left) {
    if (it.taken) continue;
    const k = `${it.line.journalId}/${it.line.entryNo}`;
    const g = byEntry.get(k);
    if (g) g.push(it);
    else byEntry.set(k, [it]);
  }
  const groups: Group[] = [];
  for (const items of byEntry.values()) {
    if (items.length < pass.minLines) continue;
    let total = 0;
    let day = Infinity;
    for (const it of items) {
      total += it.line.amount;
      if (it.day < day) day = it.day;
    }
    if (total === 0) continue;
    items.sort(byDayThenKey);
    const lines = items.map((it) => `${it.line.amount}:${descriptionKey(it.line)}`).sort();
    groups.push({ items, day, total, entryNo: items[0]!.line.entryNo, signature: `${items[0]!.line.journalId}|${day}|${total}|${lines.join('|')}`, candidates: [] });
  }
  if (groups.length === 0) return;

  const byAmount = new Map<number, Item[]>();
  for (const r of pool.right) {
    if (r.taken) continue;
    const list = byAmount.get(r.line.amount);
    if (list) list.push(r);
    else byAmount.set(r.line.amount, [r]);
  }
  const degree = new Map<Item, Group[]>();
  for (const g of groups) {
    for (const r of byAmount.get(-g.total) ?? []) {
      const off = g.day - r.day;
      if (off < pass.window.min || off > pass.window.max) continue;
      g.candidates.push(r);
      (degree.get(r) ?? degree.set(r, []).get(r)!).push(g);
    }
  }

  const done = new Set<Group>();
  // Twins against their one common settlement: the first pairs, the copies are set aside.
  const twins = new Map<string, Group[]>();
  for (const g of groups) if (g.candidates.length === 1) twins.set(g.signature, [...(twins.get(g.signature) ?? []), g]);
  for (const set of twins.values()) {
    if (set.length < 2) continue;
    const r = set[0]!.candidates[0]!;
    const owners = degree.get(r)!;
    if (!set.every((g) => g.candidates[0] === r) || owners.length !== set.length) continue;
    set.sort((a, b) => a.entryNo - b.entryNo);
    push(pass, out, set[0]!, r, true);
    for (const copy of set.slice(1)) {
      for (const it of copy.items) it.taken = true;
      done.add(copy);
    }
    done.add(set[0]!);
  }
  // Mutually unique pairs, then the best free candidate of the rest (closest date) as a suggestion.
  for (const g of groups) {
    if (done.has(g) || g.candidates.length !== 1) continue;
    const r = g.candidates[0]!;
    if (r.taken || degree.get(r)!.length !== 1) continue;
    push(pass, out, g, r, true);
    done.add(g);
  }
  for (const g of groups) {
    if (done.has(g)) continue;
    let best: Item | null = null;
    for (const r of g.candidates) if (!r.taken && (best === null || Math.abs(g.day - r.day) < Math.abs(g.day - best.day))) best = r;
    if (best) push(pass, out, g, best, false);
  }
}

function push(pass: BatchPass, out: Proposal[], g: Group, r: Item, auto: boolean): void {
  for (const it of g.items) it.taken = true;
  r.taken = true;
  const left = new Set<string>();
  for (const it of g.items) for (const t of refs(it)) left.add(t);
  out.push({
    items: [...g.items, r],
    method: pass.method,
    kind: 'batch',
    difference: 0,
    evidence: { amount: true, date: true, reference: compareReferences(left, refs(r)) === 'match' },
    auto,
  });
}
