// The demo's expense claims against their known truth, month by month: the Declaree rule set over
// the rows the fake AFAS serves gives exactly the truth's figures, open lines (and which are not
// yet due), the flags the planted problems raise, and matches every executed payment order N:1.
import { describe, expect, it } from 'vitest';
import { toMutationLine } from '../../src/main/afas/mutation-row';
import { generateDemoDataset } from '../../src/main/demo/dataset/index';
import { reconcileWithAutoMatch } from '../../src/main/reconcile';
import { parsePeriodId } from '../../src/shared/domain';

const d = generateDemoDataset();
const unit = d.truth.units[0]!;
const config = { unitId: 1, declaree: d.administrations[0]!.declaree! };
const lines = (d.environment.connectors.Profit_Transactions_Allocated?.rows ?? []).filter((r) => r.UnitId === 1).map(toMutationLine);
const own = (p: string) => new Set(unit.periods[p]!.accounts.filter((a) => a.profile === 'declaree').map((a) => a.account));

describe('demo Declaree truth', () => {
  it('plants the problems profiles.md lists, on about 15 employees paid both ways', () => {
    const june = unit.periods['2025-06']!;
    const creditors = june.accounts.filter((a) => a.role === 'employeeCreditor');
    expect(creditors.length).toBeGreaterThanOrEqual(14);
    const reasons = new Set(Object.values(unit.periods).flatMap((p) => p.openLines.map((l) => l.reason)));
    for (const r of ['report-exported-twice', 'report-wrong-creditor', 'report-unpaid', 'reimbursement-returned', 'payment-without-report', 'paid-twice', 'declaree-other-journal', 'order-not-executed', 'not-yet-due']) expect(reasons, r).toContain(r);
    const journals = new Set(lines.filter((l) => creditors.some((c) => c.account === l.accountNo) && l.amount > 0).map((l) => l.journalId));
    expect([...journals].sort()).toEqual(['BNK', 'BTO']);
  });

  for (const period of Object.keys(unit.periods)) {
    it(`reconciles ${period} exactly as the truth says`, () => {
      const t = unit.periods[period]!;
      const accounts = own(period);
      const { result } = reconcileWithAutoMatch({ config, period: parsePeriodId(period)!, lines, storedMatches: [], notes: [], signOffs: [], walletBalance: null, today: '2025-07-20' });
      const figures = (a: { account: string; role: string; closing: number; expected: number; difference: number; clears: boolean; opening: number; debit: number; credit: number }) =>
        ({ account: a.account, role: a.role, opening: a.opening, debit: a.debit, credit: a.credit, closing: a.closing, expected: a.expected, difference: a.difference, clears: a.clears });
      expect(result.accounts.map(figures).sort((a, b) => a.account.localeCompare(b.account))).toEqual(t.accounts.filter((a) => accounts.has(a.account)).map(figures).sort((a, b) => a.account.localeCompare(b.account)));
      const open = result.accounts.flatMap((a) => a.openItems.map((o) => `${o.line.key}|${o.ageDays}|${o.reason ?? ''}`)).sort();
      const want = t.openLines.filter((l) => accounts.has(l.account)).map((l) => `${l.key}|${l.ageDays}|${l.reason === 'not-yet-due' ? 'not-yet-due' : ''}`).sort();
      expect(open).toEqual(want);
      const flags = t.flags.filter((f) => accounts.has(f.account));
      for (const f of flags) {
        const hits = result.flags.filter((g) => g.code === f.code && g.account === f.account);
        expect(hits.length, `${f.code} on ${f.account}`).toBeGreaterThan(0);
        const allowed = flags.filter((g) => g.code === f.code && g.account === f.account).flatMap((g) => g.lines);
        expect(hits.flatMap((h) => h.lines).filter((k) => !allowed.includes(k)), `${f.code} on ${f.account}`).toEqual([]);
        for (const k of f.lines) expect(hits.some((h) => h.lines.includes(k)), `${f.code} names ${k}`).toBe(true);
      }
      expect(result.flags.filter((f) => f.code === 'duplicate').length).toBe(flags.filter((f) => f.code === 'duplicate').length);
      const confirmed = result.matches.filter((m) => m.status === 'confirmed' || m.status === 'suggested');
      for (const m of t.matches.filter((x) => accounts.has(x.account))) expect(confirmed.some((g) => [...g.lines].sort().join() === [...m.lines].sort().join()), 'payment order matched').toBe(true);
    });
  }
});
