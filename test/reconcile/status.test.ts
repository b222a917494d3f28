import { describe, expect, it } from 'vitest';
import { reconcileAdministration, signOffState, validateManualMatch } from '../../src/main/reconcile';
import { isAppFailure } from '../../src/shared/errors';
import type { StoredSignOff } from '../../src/shared/reconcile';
import { BAL, Books, CIT, input, stored, SUP } from './fixtures';

function failure(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (isAppFailure(e)) return e.appError;
    throw e;
  }
  throw new Error('expected an AppFailure');
}

describe('stored matches', () => {
  it('a match turns stale when a line amount changes or a line vanishes, and its lines reopen', () => {
    const b = new Books();
    const t = b.topUp('2025-03-12', '2025-03-11', 10_000);
    const m = stored('m1', CIT, [t.bank, t.moss.cit]);
    t.bank.amount = 10_100;
    t.bank.debit = 10_100;
    const r = reconcileAdministration(input(b.lines, { storedMatches: [m] }));
    const g = r.matches.find((x) => x.id === 'm1')!;
    expect(g.status).toBe('stale');
    expect(g.staleReason!.nl).toContain('€ 100,00 naar € 101,00');
    expect(g.staleReason!.en).toContain('€100.00 to €101.00');
    expect(r.flags.some((f) => f.code === 'stale-match' && f.lines.includes(t.bank.key))).toBe(true);
    expect(r.accounts.find((a) => a.account === CIT)!.openItems).toHaveLength(2);

    const gone = reconcileAdministration(input(b.lines.filter((l) => l !== t.bank), { storedMatches: [m] }));
    expect(gone.matches.find((x) => x.id === 'm1')!.staleReason!.en).toContain('no longer exists in AFAS');
  });

  it('a line claimed by two stored matches stays in the older one only', () => {
    const b = new Books();
    const t = b.topUp('2025-03-12', '2025-03-11', 10_000);
    const older = stored('a', CIT, [t.bank, t.moss.cit], { at: '2025-04-01T09:00:00Z' });
    const newer = stored('b', CIT, [t.bank, t.moss.cit], { at: '2025-04-02T09:00:00Z' });
    const r = reconcileAdministration(input(b.lines, { storedMatches: [newer, older] }));
    expect(r.matches.map((m) => [m.id, m.status])).toEqual([
      ['a', 'confirmed'],
      ['b', 'stale'],
    ]);
  });

  it('a confirmed manual match with a stated difference keeps its difference', () => {
    const b = new Books();
    b.mossTopUp('2025-03-12', 100_000);
    b.bankPayment('2025-03-11', 100_250);
    const cit = b.lines.filter((l) => l.accountNo === CIT);
    const draft = validateManualMatch(cit, 250, 'Bankkosten ING');
    expect(draft).toMatchObject({ account: CIT, difference: 250, reason: 'Bankkosten ING' });
    const r = reconcileAdministration(input(b.lines, { storedMatches: [stored('m', CIT, cit, { difference: draft.difference, reason: draft.reason })] }));
    const g = r.matches.find((m) => m.id === 'm')!;
    expect(g.status).toBe('confirmed');
    expect(g.difference).toBe(250);
    expect(r.accounts.find((a) => a.account === CIT)!.openItems).toEqual([]);
  });
});

describe('validateManualMatch', () => {
  const b = new Books();
  const t = b.topUp('2025-03-12', '2025-03-11', 10_000);
  const fee = b.bankPayment('2025-03-11', 35);
  const balLine = b.mossTopUp('2025-03-13', 500).balance;

  it('accepts lines that add up to zero', () => {
    expect(validateManualMatch([t.bank, t.moss.cit]).difference).toBe(0);
  });
  it('refuses a non-zero sum without a stated difference, naming the sum', () => {
    const e = failure(() => validateManualMatch([t.bank, t.moss.cit, fee]));
    expect(e.code).toBe('match-not-zero');
    expect(e.message.nl).toContain('€ 0,35');
    expect(e.message.en).toContain('€0.35');
    expect(e.action?.en).toContain('reason');
  });
  it('refuses a wrong stated difference, and a right one without reason', () => {
    expect(failure(() => validateManualMatch([t.bank, t.moss.cit, fee], 30, 'fee')).code).toBe('match-not-zero');
    expect(failure(() => validateManualMatch([t.bank, t.moss.cit, fee], 35, '  ')).code).toBe('match-difference-needs-reason');
    expect(validateManualMatch([t.bank, t.moss.cit, fee], 35, 'fee').difference).toBe(35);
  });
  it('refuses mixed accounts, a single line and a repeated line', () => {
    expect(failure(() => validateManualMatch([t.bank, balLine])).code).toBe('match-mixed-accounts');
    expect(failure(() => validateManualMatch([t.bank])).code).toBe('match-too-few-lines');
    expect(failure(() => validateManualMatch([t.bank, t.bank])).code).toBe('match-duplicate-line');
  });
});

describe('sign-off', () => {
  const so = (role: 'preparer' | 'reviewer', closing: number, openItems: number, at = '2025-04-03T10:00:00Z'): StoredSignOff => ({
    unitId: 1,
    account: CIT,
    period: '2025-03',
    role,
    by: role === 'preparer' ? 'anna' : 'bert',
    at,
    snapshot: { closing, openItems },
  });

  it('shows preparer and reviewer while nothing changed, suspends with the numbers when it did', () => {
    const ok = signOffState([so('preparer', 0, 0), so('reviewer', 0, 0)], CIT, '2025-03', { closing: 0, openItems: 0 });
    expect(ok).toMatchObject({ preparer: { by: 'anna' }, reviewer: { by: 'bert' }, suspended: false, suspendedReason: null });
    const changed = signOffState([so('preparer', 0, 0)], CIT, '2025-03', { closing: 1500, openItems: 1 });
    expect(changed.suspended).toBe(true);
    expect(changed.suspendedReason!.nl).toContain('€ 15,00');
    expect(changed.suspendedReason!.en).toContain('1 items are open, there were 0');
    expect(signOffState([so('preparer', 0, 0)], CIT, '2025-02', { closing: 5, openItems: 1 }).preparer).toBeNull();
  });

  it('keeps the clearing status next to the sign-off: signed off stays "clears", a change suspends without hiding "does not clear"', () => {
    const b = new Books();
    b.topUp('2025-03-12', '2025-03-11', 10_000);
    const r0 = reconcileAdministration(input(b.lines));
    expect(r0.accounts.find((a) => a.account === CIT)!.status).toBe('clears'); // balance 0, 2 unmatched lines
    const r1 = reconcileAdministration(input(b.lines, { signOffs: [so('preparer', 0, 2)] }));
    const signed = r1.accounts.find((a) => a.account === CIT)!;
    expect(signed.status).toBe('clears');
    expect(signed.signOff.preparer?.by).toBe('anna');
    b.bankPayment('2025-03-28', 700);
    const r2 = reconcileAdministration(input(b.lines, { signOffs: [so('preparer', 0, 2)] }));
    const acc = r2.accounts.find((a) => a.account === CIT)!;
    expect(acc.status).toBe('does-not-clear');
    expect(acc.signOff.suspended).toBe(true);
    expect(acc.signOff.suspendedReason!.en).toContain('€7.00');
    expect(r2.accounts.find((a) => a.account === SUP)!.status).toBe('clears');
    // No wallet entered: nothing to compare with, so neither "clears" nor "does not clear".
    const bal = r2.accounts.find((a) => a.account === BAL)!;
    expect(bal.status).toBe('awaiting-balance');
    expect(bal.unexplained).toBeNull();
  });

  it('a month never fetched is "not fetched": no flags, nothing clears, nothing unexplained', () => {
    const r = reconcileAdministration(input([], { fetched: false }));
    expect(r.fetched).toBe(false);
    expect(r.flags).toEqual([]);
    for (const a of r.accounts) {
      expect(a.status).toBe('not-fetched');
      expect(a.clears).toBe(false);
      expect(a.unexplained).toBeNull();
    }
    // The same empty month, fetched: it clears (and Moss Balance waits for the wallet).
    const fetched = reconcileAdministration(input([]));
    expect(fetched.accounts.find((a) => a.account === CIT)!.status).toBe('clears');
  });
});
