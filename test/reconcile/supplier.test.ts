import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileAdministration } from '../../src/main/reconcile';
import { Books, input, MOSSBANK, SUP } from './fixtures';

const account = (r: ReturnType<typeof reconcileAdministration>, a: string) => r.accounts.find((x) => x.account === a)!;

describe('default supplier and merchant creditors', () => {
  it('pairs purchase and payment by invoice id and clears the supplier once confirmed', () => {
    const b = new Books();
    b.card('2025-03-03', 1999);
    b.card('2025-03-04', 4500);
    const auto = autoMatch(input(b.lines));
    expect(auto).toHaveLength(2);
    expect(auto.every((m) => m.method === 'invoice' && m.by === 'auto' && m.account === SUP && m.difference === 0)).toBe(true);
    const before = reconcileAdministration(input(b.lines));
    expect(before.matches.filter((m) => m.account === SUP).map((m) => m.status)).toEqual(['suggested', 'suggested']);
    const after = reconcileAdministration(input(b.lines, { storedMatches: auto }));
    const sup = account(after, SUP);
    expect(sup.closing).toBe(0);
    expect(sup.clears).toBe(true);
    expect(sup.status).toBe('clears');
    expect(sup.openItems).toHaveLength(0);
    expect(after.matchCounts).toEqual({ suggested: 0, confirmed: 2, stale: 0 });
    expect(autoMatch(input(b.lines, { storedMatches: auto }))).toEqual([]);
  });

  it('matches a refund (reversed signs) like a purchase', () => {
    const b = new Books();
    const r = b.card('2025-03-10', -2500, { description: 'Refund Adobe' });
    expect(r.purchase!.amount).toBe(2500);
    const auto = autoMatch(input(b.lines));
    expect(auto).toHaveLength(1);
    expect(auto[0]!.lines.map((l) => l.amount).sort()).toEqual([-2500, 2500]);
  });

  it('without invoice ids uses amount + date window + similar description', () => {
    const b = new Books();
    b.card('2025-03-03', 1234, { invoice: null, description: 'Slack Technologies subscription', payDate: '2025-03-05' });
    b.card('2025-03-12', 777, { invoice: null, description: 'Uber trip', payDate: '2025-03-12' });
    // Same amount as the Uber trip but a different merchant 3 days later: not similar, still paired.
    const auto = autoMatch(input(b.lines));
    expect(auto.map((m) => m.method).sort()).toEqual(['amount-date-text', 'amount-date-text']);
    expect(auto.every((m) => m.evidence.reference)).toBe(true);
  });

  it('only suggests when descriptions differ, and outside the window not at all', () => {
    const b = new Books();
    const p = b.card('2025-03-03', 1234, { invoice: null, description: 'Slack subscription', skipPayment: true });
    b.line({ account: SUP, journal: MOSSBANK, date: '2025-03-04', amount: 1234, description: 'Something else entirely' });
    b.card('2025-03-03', 999, { invoice: null, description: 'Zoom', skipPayment: true });
    b.line({ account: SUP, journal: MOSSBANK, date: '2025-03-20', amount: 999, description: 'Zoom' });
    expect(autoMatch(input(b.lines))).toEqual([]);
    const r = reconcileAdministration(input(b.lines));
    const sugg = r.matches.filter((m) => m.account === SUP);
    expect(sugg).toHaveLength(1);
    expect(sugg[0]!.lines).toContain(p.purchase!.key);
    expect(sugg[0]!.evidence).toEqual({ amount: true, date: true, reference: false });
  });

  it('flags the same invoice id exported twice and does not auto-match it', () => {
    const b = new Books();
    b.card('2025-03-05', 5000, { invoice: 'INV-1' });
    b.card('2025-03-06', 5000, { invoice: 'INV-1', skipPayment: true });
    const auto = autoMatch(input(b.lines));
    expect(auto).toEqual([]);
    const r = reconcileAdministration(input(b.lines));
    const dup = r.flags.filter((f) => f.code === 'duplicate' && f.account === SUP);
    expect(dup).toHaveLength(1);
    expect(dup[0]!.message.nl).toContain('INV-1');
    expect(dup[0]!.message.en).toContain('2×');
    expect(dup[0]!.lines).toHaveLength(2);
  });

  it('discovers merchant creditors from the data (not from the account type) and checks them too', () => {
    const b = new Books();
    b.card('2025-03-05', 3000, { supplier: '70123' });
    b.card('2025-03-06', 2000, { supplier: '70456', skipPayment: true });
    b.line({ account: '70456', journal: MOSSBANK, date: '2025-03-07', amount: 1500, invoiceId: 'X' });
    const r = reconcileAdministration(input(b.lines));
    const creditors = r.accounts.filter((a) => a.role === 'creditor').map((a) => a.account);
    expect(creditors).toEqual(['70123', '70456']);
    const c = account(r, '70456');
    expect(c.closing).toBe(-500);
    expect(c.clears).toBe(false);
    expect(r.flags.some((f) => f.code === 'does-not-clear' && f.account === '70456' && f.message.en.includes('-€5.00'))).toBe(true);
  });

  it('flags a purchase without payment older than the grace days, not a recent one', () => {
    const b = new Books();
    const old = b.card('2025-03-02', 4200, { skipPayment: true });
    const recent = b.card('2025-04-08', 100, { skipPayment: true });
    const r = reconcileAdministration(input(b.lines, { period: { year: 2025, month: 4 }, today: '2025-04-10' }));
    const f = r.flags.filter((x) => x.code === 'missing-counterpart' && x.account === SUP);
    expect(f).toHaveLength(1);
    expect(f[0]!.lines).toEqual([old.purchase!.key]);
    expect(f[0]!.lines).not.toContain(recent.purchase!.key);
    expect(f[0]!.message.nl).toContain('zonder betaling');
  });
});
