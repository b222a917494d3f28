// The same Moss entry exported twice: the twins are interchangeable, so the first (by entry number)
// is matched with the one counterpart, the other stays open with one duplicate flag naming both.
import { describe, expect, it } from 'vitest';
import { autoMatch, reconcileAdministration } from '../../src/main/reconcile';
import type { MutationLine } from '../../src/shared/domain';
import { BAL, Books, CIT, input, MOSSBANK, PURCH, SUP } from './fixtures';

const entry = (l: MutationLine) => `${l.journalId} ${l.entryNo}`;

/** A copy of every line of `lines`' entry, booked as a new entry of the same journal. */
function exportAgain(b: Books, lines: MutationLine[]): MutationLine[] {
  const e = b.entry(lines[0]!.journalId);
  return lines.map((l) => b.line({ account: l.accountNo, journal: l.journalId, date: l.entryDate, amount: l.amount, entryNo: e, invoiceId: l.invoiceId, description: l.description }));
}

function settle(b: Books) {
  const auto = autoMatch(input(b.lines));
  const r = reconcileAdministration(input(b.lines, { storedMatches: auto }));
  expect(autoMatch(input(b.lines, { storedMatches: auto }))).toEqual([]); // idempotent
  return { auto, r, open: (account: string) => r.accounts.find((a) => a.account === account)!.openItems.map((o) => o.line.key) };
}

describe('exported twice', () => {
  it('a payment exported twice against one purchase: the first payment is matched, the copy stays open, one flag', () => {
    const b = new Books();
    const t = b.card('2025-03-10', 4_250, { invoice: 'MS2025000123', description: 'Moss MS2025000123 Adobe' });
    const [copy] = exportAgain(b, [t.payment!, t.balance!]);
    const { auto, r, open } = settle(b);
    expect(auto).toHaveLength(1);
    expect(auto[0]!.by).toBe('auto');
    expect(auto[0]!.lines.map((l) => l.key).sort()).toEqual([t.purchase!.key, t.payment!.key].sort());
    expect(open(SUP)).toEqual([copy!.key]);
    const dup = r.flags.filter((f) => f.code === 'duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.account).toBe(SUP);
    expect(dup[0]!.lines.sort()).toEqual([t.payment!.key, copy!.key].sort());
    for (const lang of ['nl', 'en'] as const) {
      expect(dup[0]!.message[lang]).toContain(entry(t.payment!));
      expect(dup[0]!.message[lang]).toContain(entry(copy!));
    }
    expect(dup[0]!.message.nl).toContain('tegen');
    expect(dup[0]!.message.en).toMatch(/reverse/i);
    expect(r.accounts.find((a) => a.account === SUP)!.openItems[0]!.flags).toContain('duplicate');
  });

  it('a purchase exported twice against one payment', () => {
    const b = new Books();
    const t = b.card('2025-03-10', 9_900, { invoice: 'MS2025000124', description: 'Moss MS2025000124 Bol.com' });
    const purchaseLines = b.lines.filter((l) => l.journalId === PURCH && l.entryNo === t.purchase!.entryNo);
    const copies = exportAgain(b, purchaseLines);
    const copy = copies.find((l) => l.accountNo === SUP)!;
    const { auto, r, open } = settle(b);
    expect(auto).toHaveLength(1);
    expect(auto[0]!.lines.map((l) => l.key).sort()).toEqual([t.purchase!.key, t.payment!.key].sort());
    expect(open(SUP)).toEqual([copy.key]);
    const dup = r.flags.filter((f) => f.code === 'duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.lines.sort()).toEqual([t.purchase!.key, copy.key].sort());
    expect(dup[0]!.message.en).toContain(entry(copy));
  });

  it('a top-up entry exported twice against one bank payment', () => {
    const b = new Books();
    const bank = b.bankPayment('2025-03-10', 1_500_000, '/EREF/TU-1-0007//CNTP/NL91ABNA0417164300/ABNANL2A/MOSS FINANCIAL SERVICES B.V./AMSTERDAM///REMI/USTD//TU-1-0007/');
    const moss = b.mossTopUp('2025-03-12', 1_500_000, 'Moss top-up TU-1-0007');
    const [copyBalance, copyCit] = exportAgain(b, [moss.balance, moss.cit]);
    const { auto, r, open } = settle(b);
    expect(auto).toHaveLength(1);
    expect(auto[0]!.lines.map((l) => l.key).sort()).toEqual([bank.key, moss.cit.key].sort());
    expect(open(CIT)).toEqual([copyCit!.key]);
    const dup = r.flags.filter((f) => f.code === 'duplicate');
    expect(dup).toHaveLength(1); // not one on Moss Balance as well
    expect(dup[0]!.account).toBe(CIT);
    expect(dup[0]!.lines.sort()).toEqual([moss.cit.key, copyCit!.key].sort());
    expect(dup[0]!.message.en).toContain(`${MOSSBANK} ${copyBalance!.entryNo}`);
  });

  it('two different entries of the same amount are not twins: still only suggested', () => {
    const b = new Books();
    b.bankPayment('2025-03-10', 100_000);
    b.mossTopUp('2025-03-12', 100_000, 'Moss top-up TU-1-0001');
    b.mossTopUp('2025-03-12', 100_000, 'Moss top-up TU-1-0002');
    expect(autoMatch(input(b.lines))).toEqual([]);
  });

  it('a whole card transaction exported twice stays for the controller, with one duplicate flag', () => {
    const b = new Books();
    const t = b.card('2025-03-10', 4_250, { invoice: 'MS2025000125', description: 'Moss MS2025000125 Adobe' });
    const purchaseLines = b.lines.filter((l) => l.journalId === PURCH && l.entryNo === t.purchase!.entryNo);
    exportAgain(b, purchaseLines);
    exportAgain(b, [t.payment!, t.balance!]);
    const { auto, r, open } = settle(b);
    expect(auto).toEqual([]);
    expect(open(SUP)).toHaveLength(4);
    const dup = r.flags.filter((f) => f.code === 'duplicate');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.account).toBe(SUP);
    expect(dup[0]!.lines).toHaveLength(4);
    expect(r.flags.some((f) => f.code === 'duplicate' && f.account === BAL)).toBe(false);
  });
});
