import { describe, expect, it } from 'vitest';
import { generateDemoDataset } from '../../src/main/demo/dataset/index';
import { centsToDecimal, toCents } from '../../src/shared/money';

describe('demo dataset', () => {
  const d = generateDemoDataset();
  const rows = d.environment.connectors.Profit_Transactions_Allocated?.rows ?? [];

  it('is deterministic and fast', () => {
    const t0 = performance.now();
    const again = generateDemoDataset();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(again.environment.connectors.Profit_Transactions_Allocated?.rows).toEqual(rows);
    expect(again.truth).toEqual(d.truth);
    expect(generateDemoDataset(7).truth).not.toEqual(d.truth);
  });

  it('has thousands of balanced entries with unique line keys', () => {
    expect(rows.length).toBeGreaterThan(10_000);
    const keys = new Set(rows.map((r) => `${String(r.UnitId)}/${String(r.JournalId)}/${String(r.EntryNo)}/${String(r.SeqNo)}`));
    expect(keys.size).toBe(rows.length);
    const perEntry = new Map<string, number>();
    for (const r of rows) {
      const k = `${String(r.UnitId)}/${String(r.JournalId)}/${String(r.EntryNo)}`;
      const amt = toCents((r.AmtDebit as number | null) ?? 0) - toCents((r.AmtCredit as number | null) ?? 0);
      perEntry.set(k, (perEntry.get(k) ?? 0) + amt);
    }
    expect([...perEntry.values()].every((v) => v === 0)).toBe(true);
    // AFAS shapes: dates with a trailing Z, nulls for empty fields, extra customer fields.
    expect(rows[0]?.EntryDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(rows.some((r) => r.AmtCredit === null)).toBe(true);
    expect(rows.some((r) => r.InvoiceId === null)).toBe(true);
    expect(Object.keys(rows[0] ?? {})).toContain('U5A1C9E0F4B7D4E2A8C3B6F1D0E9A7C25');
  });

  it('truth closings are the sums of the rows', () => {
    const unit = d.truth.units[0];
    const june = unit?.periods['2025-06'];
    for (const a of june?.accounts ?? []) {
      const sum = rows
        .filter((r) => r.UnitId === 1 && r.AccountNo === a.account && String(r.EntryDate).slice(0, 10) <= '2025-06-30')
        .reduce((s, r) => s + toCents((r.AmtDebit as number | null) ?? 0) - toCents((r.AmtCredit as number | null) ?? 0), 0);
      expect(centsToDecimal(sum)).toBe(centsToDecimal(a.closing));
    }
  });

  it('plants every problem in administration 1 and none in 2', () => {
    const june = d.truth.units[0]?.periods['2025-06'];
    const reasons = new Set(june?.openLines.map((l) => l.reason));
    for (const r of ['bank-without-moss', 'moss-without-bank', 'fee-difference', 'payment-not-exported', 'unexpected-journal', 'exported-twice']) expect(reasons).toContain(r);
    const codes = new Set(june?.flags.map((f) => f.code));
    expect(june?.matches[0]?.lines).toHaveLength(3);
    for (const c of ['missing-counterpart', 'open-too-long', 'amount-mismatch', 'duplicate', 'unexpected-journal', 'wallet-difference']) expect(codes).toContain(c);
    const cit = june?.accounts.find((a) => a.role === 'cashInTransit');
    expect(cit?.clears).toBe(false);
    expect(june?.accounts.find((a) => a.role === 'mossBalance')?.difference).not.toBe(0);
    const clean = d.truth.units[1]?.periods['2025-06'];
    expect(clean?.accounts.every((a) => a.clears)).toBe(true);
    expect(clean?.openLines).toEqual([]);
  });

  it('has a bank line of each SEPA structured form (ING, ABN AMRO, Rabobank)', () => {
    const texts = rows.filter((r) => r.UnitId === 1 && r.JournalId === 'BNK' && String(r.EntryDate) >= '2025-06').map((r) => String(r.Omschrijving));
    expect(texts.some((t) => t.startsWith('/EREF/') && t.includes('//CNTP/') && t.includes('/REMI/USTD//'))).toBe(true);
    expect(texts.some((t) => t.startsWith('/TRTP/SEPA OVERBOEKING/IBAN/') && t.includes('/EREF/NOTPROVIDED'))).toBe(true);
    expect(texts.some((t) => t.includes('//BENM//NAME/') && t.includes('/ISDT/'))).toBe(true);
  });

  it('plants a payment, a purchase and a top-up exported twice: each copy open, one duplicate flag each naming both', () => {
    const june = d.truth.units[0]!.periods['2025-06']!;
    const copies = june.openLines.filter((l) => l.reason === 'duplicate-export');
    expect(copies).toHaveLength(3);
    for (const c of copies) {
      const flags = june.flags.filter((f) => f.code === 'duplicate' && f.lines.includes(c.key));
      expect(flags).toHaveLength(1);
      expect(flags[0]!.lines).toHaveLength(2);
      const kept = flags[0]!.lines.find((k) => k !== c.key)!;
      expect(june.openLines.some((l) => l.key === kept)).toBe(false); // the first one clears
    }
  });
});
