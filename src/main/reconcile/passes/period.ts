// Many-to-one per AFAS period: all document-side lines of one tax period (Year/Period) against
// ONE settlement dated 1..maxDaysAfter days after the period's last day (Belastingdienst: one
// payment per return, due by the end of the next month). Exact and mutually unique: automatic.
// Within the rounding tolerance: a suggestion that shows the difference, never automatic.
// Copies of an entry posted twice are not part of the period's liability: they are set aside.
import type { PeriodPass } from '../rules';
import { byDayThenKey, type Item, type Pool, type Proposal, refs } from '../pool';
import { periodDays } from '../dates';
import { linePeriod, periodKey } from '../tax-periods';
import { compareReferences, descriptionKey } from '../text';

interface Group {
  items: Item[];
  total: number;
  /** Day number of the period's last day. */
  last: number;
  exact: Item[];
}

export function runPeriodPass(pass: PeriodPass, pool: Pool, out: Proposal[]): void {
  const byPeriod = new Map<string, Group>();
  // Items come in (day, entry, seq) order, so the first of identical lines has the lowest entry.
  const firstEntry = new Map<string, number>();
  for (const it of pool.left) {
    if (it.taken) continue;
    const l = it.line;
    const twinKey = `${l.journalId}|${it.day}|${l.amount}|${l.invoiceId?.trim().toUpperCase() ?? ''}|${descriptionKey(l)}`;
    const seen = firstEntry.get(twinKey);
    if (seen !== undefined && seen !== l.entryNo) {
      it.taken = true; // a copy: open, flagged as a duplicate, not part of the liability
      continue;
    }
    firstEntry.set(twinKey, l.entryNo);
    const p = linePeriod(l);
    const k = periodKey(p);
    const g = byPeriod.get(k) ?? byPeriod.set(k, { items: [], total: 0, last: periodDays(p).last, exact: [] }).get(k)!;
    g.items.push(it);
    g.total += l.amount;
  }
  const groups = [...byPeriod.values()];
  const live = groups.filter((g) => g.total !== 0).sort((a, b) => a.last - b.last);
  if (live.length === 0) return;

  const right = pool.right.filter((r) => !r.taken);
  const inWindow = (g: Group, r: Item) => r.day > g.last && r.day <= g.last + pass.maxDaysAfter && Math.sign(r.line.amount) === -Math.sign(g.total);
  const claims = new Map<Item, number>();
  for (const g of live) {
    for (const r of right) {
      if (r.line.amount !== -g.total || !inWindow(g, r)) continue;
      g.exact.push(r);
      claims.set(r, (claims.get(r) ?? 0) + 1);
    }
  }
  const done = new Set<Group>();
  for (const g of live) {
    const r = g.exact[0];
    if (g.exact.length === 1 && claims.get(r!) === 1) {
      push(pass.method, out, g, r!, 0, 'period', true);
      done.add(g);
    }
  }
  for (const g of live) {
    if (done.has(g)) continue;
    const r = g.exact.find((x) => !x.taken);
    if (r) {
      push(pass.method, out, g, r, 0, 'period', false);
      done.add(g);
    }
  }
  // Rounding: the nearest free settlement within the tolerance, earliest first on a tie.
  for (const g of live) {
    if (done.has(g)) continue;
    let best: Item | null = null;
    let bestDiff = Infinity;
    for (const r of right) {
      if (r.taken || !inWindow(g, r)) continue;
      const diff = Math.abs(r.line.amount + g.total);
      if (diff === 0 || diff > pass.toleranceCents || diff >= bestDiff) continue;
      best = r;
      bestDiff = diff;
    }
    if (best) push(pass.differenceMethod, out, g, best, g.total + best.line.amount, 'difference', false);
  }
}

function push(method: string, out: Proposal[], g: Group, r: Item, difference: number, kind: 'period' | 'difference', auto: boolean): void {
  const items = [...g.items].sort(byDayThenKey);
  for (const it of items) it.taken = true;
  r.taken = true;
  const left = new Set<string>();
  for (const it of items) for (const t of refs(it)) left.add(t);
  out.push({
    items: [...items, r],
    method,
    kind,
    difference,
    evidence: { amount: difference === 0, date: true, reference: compareReferences(left, refs(r)) === 'match' },
    auto,
  });
}
