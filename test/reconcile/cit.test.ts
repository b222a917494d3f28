import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileAdministration } from '../../src/main/reconcile';
import { BANK, Books, CIT, CONFIG, FEED, input, MOSSBANK, PROFILE } from './fixtures';

const cit = (r: ReturnType<typeof reconcileAdministration>) => r.accounts.find((a) => a.account === CIT)!;

describe('cash in transit (kruisposten)', () => {
  it('auto-matches a bank payment 0..5 days before the Moss entry, exact amount', () => {
    const b = new Books();
    const t = b.topUp('2025-03-12', '2025-03-10', 1_000_000);
    const auto = autoMatch(input(b.lines));
    expect(auto).toHaveLength(1);
    expect(auto[0]!.method).toBe('cit-exact');
    expect(auto[0]!.lines.map((l) => l.key).sort()).toEqual([t.bank.key, t.moss.cit.key].sort());
    const r = reconcileAdministration(input(b.lines, { storedMatches: auto }));
    expect(cit(r).closing).toBe(0);
    expect(cit(r).status).toBe('clears');
  });

  it('does not match a bank payment after the Moss entry or beyond the window; the window is configurable', () => {
    const b = new Books();
    b.topUp('2025-03-10', '2025-03-11', 50_000); // bank after Moss
    b.topUp('2025-03-20', '2025-03-14', 70_000); // 6 days before
    expect(autoMatch(input(b.lines))).toEqual([]);
    const wide = { ...CONFIG, moss: { ...PROFILE, citWindowDays: 7 } };
    const auto = autoMatch(input(b.lines, { config: wide }));
    expect(auto.map((m) => m.lines[0]!.amount).map(Math.abs)).toEqual([70_000]);
  });

  it('matches across the period boundary but keeps the line open at period end', () => {
    const b = new Books();
    const t = b.topUp('2025-04-02', '2025-03-30', 250_000);
    const auto = autoMatch(input(b.lines));
    expect(auto).toHaveLength(1);
    const r = reconcileAdministration(input(b.lines, { storedMatches: auto, today: '2025-04-10' }));
    const c = cit(r);
    expect(c.closing).toBe(250_000);
    expect(c.clears).toBe(false);
    expect(c.openItems.map((o) => o.line.key)).toEqual([t.bank.key]);
    expect(r.matches.filter((m) => m.status === 'confirmed')).toHaveLength(1);
    expect(r.flags.some((f) => f.code === 'missing-counterpart')).toBe(false);
    // And in April the pair is cleared.
    const april = reconcileAdministration(input(b.lines, { storedMatches: auto, period: { year: 2025, month: 4 } }));
    expect(cit(april).closing).toBe(0);
    expect(cit(april).openItems).toEqual([]);
  });

  it('two equal bank payments for one Moss entry: ambiguous, suggested only', () => {
    const b = new Books();
    b.mossTopUp('2025-03-12', 100_000);
    b.bankPayment('2025-03-10', 100_000);
    b.bankPayment('2025-03-11', 100_000);
    expect(autoMatch(input(b.lines))).toEqual([]);
    const r = reconcileAdministration(input(b.lines));
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]!.status).toBe('suggested');
  });

  it('conflicting references block the automatic match, shared ones show as evidence', () => {
    const b = new Books();
    b.mossTopUp('2025-03-12', 30_000, 'Top-up ref 88812345');
    b.bankPayment('2025-03-11', 30_000, 'Moss ref 77700001');
    b.mossTopUp('2025-03-15', 40_000, 'Top-up ref 55512345');
    b.bankPayment('2025-03-14', 40_000, 'Moss ref 55512345');
    const auto = autoMatch(input(b.lines));
    expect(auto).toHaveLength(1);
    expect(auto[0]!.evidence).toEqual({ amount: true, date: true, reference: true });
    expect(Math.abs(auto[0]!.lines[0]!.amount)).toBe(40_000);
  });

  it('IBAN and BIC in a SEPA structured bank text are the counterparty, not a reference: no conflict', () => {
    const b = new Books();
    b.mossTopUp('2025-03-12', 30_000, 'Moss top-up TU-1-0042');
    const abn = b.bankPayment('2025-03-11', 30_000, '/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/MOSS FINANCIAL SERVICES B.V./REMI/Opwaardering wallet/EREF/NOTPROVIDED');
    b.mossTopUp('2025-03-20', 45_000, 'Moss top-up TU-1-0043');
    const ing = b.bankPayment('2025-03-19', 45_000, '/EREF/NOTPROVIDED//CNTP/NL91ABNA0417164300/ABNANL2A/MOSS FINANCIAL SERVICES B.V./AMSTERDAM///REMI/USTD//Wallet/');
    const auto = autoMatch(input(b.lines));
    expect(auto.map((m) => m.lines.map((l) => l.key)).flat()).toEqual(expect.arrayContaining([abn.key, ing.key]));
    expect(auto).toHaveLength(2);
  });

  it('a Moss reference in REMI or EREF is evidence; a different one there still conflicts', () => {
    const b = new Books();
    b.mossTopUp('2025-03-12', 30_000, 'Moss top-up TU-1-0042');
    b.bankPayment('2025-03-11', 30_000, '/EREF/TU-1-0042//CNTP/NL91ABNA0417164300/ABNANL2A/MOSS FINANCIAL SERVICES B.V./AMSTERDAM///REMI/USTD//Wallet/');
    b.mossTopUp('2025-03-20', 45_000, 'Moss top-up TU-1-0043');
    b.bankPayment('2025-03-19', 45_000, '/EREF/NOTPROVIDED//BENM//NAME/MOSS FINANCIAL SERVICES B.V./REMI/TU-1-0099/ISDT/2025-03-19');
    const auto = autoMatch(input(b.lines));
    expect(auto).toHaveLength(1);
    expect(auto[0]!.evidence.reference).toBe(true);
    expect(Math.abs(auto[0]!.lines[0]!.amount)).toBe(30_000);
  });

  it('1:N — one Moss entry paid in two bank transfers — by a unique subset sum', () => {
    const b = new Books();
    const m = b.mossTopUp('2025-03-12', 100_000);
    const p1 = b.bankPayment('2025-03-09', 60_000);
    const p2 = b.bankPayment('2025-03-10', 40_000);
    b.bankPayment('2025-03-10', 5_000); // noise that fits no sum
    const auto = autoMatch(input(b.lines));
    expect(auto).toHaveLength(1);
    expect(auto[0]!.method).toBe('cit-subset');
    expect(auto[0]!.lines.map((l) => l.key).sort()).toEqual([m.cit.key, p1.key, p2.key].sort());
    expect(auto[0]!.lines.reduce((s, l) => s + l.amount, 0)).toBe(0);
    expect(autoMatch(input(b.lines, { storedMatches: auto }))).toEqual([]);
  });

  it('N:1 — two Moss entries paid at once', () => {
    const b = new Books();
    b.mossTopUp('2025-03-12', 100_000);
    b.mossTopUp('2025-03-13', 50_000);
    b.bankPayment('2025-03-11', 150_000);
    const auto = autoMatch(input(b.lines));
    expect(auto.map((m) => [m.method, m.lines.length])).toEqual([['cit-subset', 3]]);
  });

  it('an ambiguous split (two solutions) is only suggested, with a split-or-merged flag', () => {
    const b = new Books();
    b.mossTopUp('2025-03-12', 100_000);
    b.bankPayment('2025-03-09', 60_000);
    b.bankPayment('2025-03-10', 40_000);
    b.bankPayment('2025-03-11', 40_000);
    expect(autoMatch(input(b.lines))).toEqual([]);
    const r = reconcileAdministration(input(b.lines));
    const f = r.flags.filter((x) => x.code === 'split-or-merged');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('warning');
    expect(f[0]!.message.en).toContain('other combinations are possible');
    expect(r.matches.filter((m) => m.method === 'cit-subset')[0]!.status).toBe('suggested');
  });

  it('too many candidates in the window: no search, no automatic match', () => {
    const b = new Books();
    b.mossTopUp('2025-03-20', 1_700);
    for (let i = 0; i < 17; i++) b.bankPayment('2025-03-18', 100); // any 17 of... none alone; too many to search
    expect(autoMatch(input(b.lines)).filter((m) => m.method === 'cit-subset')).toEqual([]);
  });

  it('a fee difference is a suggestion with the difference and an amount-mismatch flag, never automatic', () => {
    const b = new Books();
    b.mossTopUp('2025-03-12', 100_000);
    const bank = b.bankPayment('2025-03-11', 100_250);
    b.mossTopUp('2025-03-20', 100_000);
    b.bankPayment('2025-03-19', 110_000); // 10% off: no suggestion
    expect(autoMatch(input(b.lines))).toEqual([]);
    const r = reconcileAdministration(input(b.lines));
    const m = r.matches.filter((x) => x.method === 'amount-difference');
    expect(m).toHaveLength(1);
    expect(m[0]!.difference).toBe(250);
    expect(m[0]!.lines).toContain(bank.key);
    const f = r.flags.find((x) => x.code === 'amount-mismatch')!;
    expect(f.message.nl).toContain('€ 2,50');
    expect(f.message.en).toContain('€2.50');
  });

  it('flags a bank payment without Moss entry older than the window, and a line from an unexpected journal', () => {
    const b = new Books();
    const lonely = b.bankPayment('2025-03-20', 12_345);
    b.bankPayment('2025-04-08', 999); // recent: not yet missing
    const memo = b.line({ account: CIT, journal: 'MEM', date: '2025-03-25', amount: -500, description: 'correctie' });
    const r = reconcileAdministration(input(b.lines));
    const miss = r.flags.filter((f) => f.code === 'missing-counterpart');
    expect(miss.map((f) => f.lines)).toEqual([[lonely.key]]);
    expect(miss[0]!.message.en).toContain('bank payment');
    const unexpected = r.flags.filter((f) => f.code === 'unexpected-journal');
    expect(unexpected).toHaveLength(1);
    expect(unexpected[0]!.lines).toEqual([memo.key]);
    expect(unexpected[0]!.message.nl).toContain('dagboek MEM');
    const open = cit(r).openItems.find((o) => o.line.key === memo.key)!;
    expect(open.flags).toEqual(['unexpected-journal']);
    expect(FEED).not.toBe(MOSSBANK);
    expect(BANK).toBe(PROFILE.bankAccounts[0]);
  });
});
