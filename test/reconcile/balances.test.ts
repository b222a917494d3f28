import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileAdministration } from '../../src/main/reconcile';
import { AGE_BUCKETS } from '../../src/shared/reconcile';
import { BAL, Books, CIT, input, MOSSBANK, SUP } from './fixtures';

describe('balances, aging and open items', () => {
  it('computes opening, period debit/credit, closing and a balance for every day', () => {
    const b = new Books();
    b.bankPayment('2025-02-20', 5_000); // opening
    b.bankPayment('2025-03-01', 1_000);
    b.mossTopUp('2025-03-15', 400);
    b.bankPayment('2025-04-01', 999_999); // after the period: ignored
    const r = reconcileAdministration(input(b.lines));
    const c = r.accounts.find((a) => a.account === CIT)!;
    expect([c.opening, c.debit, c.credit, c.closing, c.lineCount]).toEqual([5_000, 1_000, 400, 5_600, 2]);
    expect(c.dailyBalances).toHaveLength(31);
    expect(c.dailyBalances[0]).toEqual({ date: '2025-03-01', balance: 6_000 });
    expect(c.dailyBalances[13]).toEqual({ date: '2025-03-14', balance: 6_000 });
    expect(c.dailyBalances[14]).toEqual({ date: '2025-03-15', balance: 5_600 });
    expect(c.dailyBalances[30]).toEqual({ date: '2025-03-31', balance: 5_600 });
  });

  it('ages open items as of period end into the five buckets and flags those open too long', () => {
    const b = new Books();
    const dates = ['2025-03-20', '2025-02-10', '2025-01-20', '2024-12-15', '2024-08-01'];
    for (const [i, d] of dates.entries()) b.bankPayment(d, 100 * (i + 1));
    b.line({ account: CIT, journal: MOSSBANK, date: '2025-03-31', amount: 0 }); // zero: never an open item
    const r = reconcileAdministration(input(b.lines, { notes: [{ unitId: 1, lineKey: b.lines[0]!.key, text: 'nagevraagd bij bank', by: 'anna', at: '2025-04-02' }] }));
    const c = r.accounts.find((a) => a.account === CIT)!;
    expect(c.openItems.map((o) => o.bucket)).toEqual(['180+', '91-180', '61-90', '31-60', '0-30']);
    expect(c.agingTotals).toEqual({ '0-30': 100, '31-60': 200, '61-90': 300, '91-180': 400, '180+': 500 });
    expect(Object.keys(c.agingTotals)).toEqual([...AGE_BUCKETS]);
    expect(c.openItems.find((o) => o.line.entryDate === '2025-03-20')).toMatchObject({ ageDays: 11, note: 'nagevraagd bij bank' });
    const f = r.flags.find((x) => x.code === 'open-too-long')!;
    expect(f.lines).toHaveLength(4);
    expect(f.message.en).toContain('4 items on');
    expect(f.message.en).toContain('180+: €5.00');
    expect(c.openItems.find((o) => o.line.entryDate === '2024-08-01')!.flags).toContain('open-too-long');
  });
});

describe('Moss Balance tie-out', () => {
  function month() {
    const b = new Books();
    b.topUp('2025-02-25', '2025-02-24', 100_000); // opening 1000.00
    b.topUp('2025-03-05', '2025-03-04', 50_000);
    b.card('2025-03-10', 12_000, { description: 'Google Ads' });
    b.card('2025-03-11', -2_000, { description: 'Refund Google Ads' });
    b.card('2025-03-30', 3_000, { description: 'KLM ticket' });
    return b;
  }

  it('rolls forward opening + top-ups − spend + refunds + other = closing', () => {
    const b = month();
    b.line({ account: BAL, journal: 'MEM', date: '2025-03-15', amount: -100, description: 'correction' });
    const r = reconcileAdministration(input(b.lines, { walletBalance: 137_000 - 100 }));
    const rf = r.rollforward;
    expect(rf).toMatchObject({ opening: 100_000, topUps: 50_000, spend: 15_000, refunds: 2_000, other: -100, closing: 136_900, wallet: 136_900, difference: 0 });
    const bal = r.accounts.find((a) => a.account === BAL)!;
    expect(bal.closing).toBe(rf.closing);
    expect(bal.expected).toBe(136_900);
    expect(bal.clears).toBe(true);
    expect(bal.openItems).toEqual([]);
    expect(r.flags.filter((f) => f.code === 'wallet-difference')).toEqual([]);
    expect(r.flags.some((f) => f.code === 'unexpected-journal' && f.account === BAL)).toBe(true);
  });

  it('explains a wallet difference: duplicate export, late card transactions, top-ups in transit', () => {
    const b = month();
    b.card('2025-03-10', 12_000, { description: 'Google Ads', invoice: 'TX2025031012000-2' }); // exported twice
    b.bankPayment('2025-03-31', 20_000); // paid, Moss has not booked it yet
    const auto = autoMatch(input(b.lines));
    const r = reconcileAdministration(input(b.lines, { walletBalance: 137_000, storedMatches: auto }));
    expect(r.rollforward.difference).toBe(-12_000);
    const causes = r.rollforward.likelyCauses.map((c) => c.en).join('\n');
    expect(causes).toContain('1 line looks exported twice (-€120.00); that explains the difference exactly');
    expect(causes).toContain('1 card transaction in the last 3 days');
    expect(causes).toContain('1 top-up in transit');
    expect(causes).not.toMatch(/\((s|en)\)/);
    const f = r.flags.find((x) => x.code === 'wallet-difference')!;
    expect(f.severity).toBe('error');
    expect(f.message.nl).toContain('verschil € -120,00');
    expect(r.flags.filter((x) => x.code === 'duplicate' && x.account === BAL)).toHaveLength(1);
  });

  it('without a wallet balance the account is not tied out and says so', () => {
    const r = reconcileAdministration(input(month().lines));
    const bal = r.accounts.find((a) => a.account === BAL)!;
    expect(bal.clears).toBe(false);
    expect(bal.difference).toBe(0);
    expect(r.rollforward.difference).toBeNull();
    expect(r.flags.find((f) => f.code === 'wallet-difference')!.message.en).toContain('has not been entered');
  });

  it('supplier and cit clear after autoMatch in a normal month', () => {
    const b = month();
    const auto = autoMatch(input(b.lines));
    const r = reconcileAdministration(input(b.lines, { storedMatches: auto, walletBalance: 137_000 }));
    for (const a of [SUP, CIT, BAL]) expect(r.accounts.find((x) => x.account === a)!.status).toBe('clears');
    expect(r.flags).toEqual([]);
  });
});
