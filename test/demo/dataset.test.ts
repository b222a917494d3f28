import { createHash } from 'node:crypto';
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
    // Only June's payroll tax is open, and expected to be: it is due in July.
    expect(clean?.openLines.filter((l) => l.reason !== 'not-yet-due')).toEqual([]);
    expect(clean?.openLines.map((l) => l.account)).toEqual(['1620']);
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

describe('demo payroll (Nmbrs)', () => {
  const d = generateDemoDataset();
  const rows = d.environment.connectors.Profit_Transactions_Allocated?.rows ?? [];
  const june = d.truth.units[0]!.periods['2025-06']!;

  it('administration 1 runs Moss and Nmbrs: six monthly runs of about 40 employees, a batch per run, tax paid the next month', () => {
    expect(d.administrations[0]).toMatchObject({ unitId: 1, moss: { cashInTransitAccount: '20990' }, nmbrs: { journal: 'LON', netWagesAccount: '1610', payrollTaxAccount: '1620', pensionAccount: '1630' } });
    expect(d.administrations[0]!.profile).toBeUndefined();
    const runs = new Set(rows.filter((r) => r.UnitId === 1 && r.JournalId === 'LON').map((r) => r.EntryNo));
    expect(runs.size).toBe(7); // six months, April's posted twice
    const juneNet = rows.filter((r) => r.UnitId === 1 && r.JournalId === 'LON' && r.AccountNo === '1610' && String(r.EntryDate).startsWith('2025-06'));
    expect(juneNet.length).toBeGreaterThanOrEqual(38);
    const batches = rows.filter((r) => r.UnitId === 1 && r.AccountNo === '1610' && String(r.Omschrijving).startsWith('/PREF/'));
    expect(batches).toHaveLength(5); // February's one-line run and March's transfers aside, one batch a month
    const tax = rows.filter((r) => r.UnitId === 1 && r.AccountNo === '1620' && r.JournalId === 'BNK');
    expect(tax.map((r) => String(r.EntryDate).slice(0, 7))).toEqual(['2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(tax.every((r) => /BELASTINGDIENST.*\/REMI\/STRD\/CUR\/\d{16}\//.test(String(r.Omschrijving)))).toBe(true);
  });

  it('plants every payroll problem profiles.md lists, with the flags the truth expects in June', () => {
    const reasons = new Set(june.openLines.map((l) => l.reason));
    for (const r of ['run-posted-twice', 'payment-without-run', 'returned-transfer', 'tax-rounding', 'payment-without-credits', 'payroll-other-journal', 'not-yet-due']) expect(reasons, r).toContain(r);
    const on = (code: string, account: string) => june.flags.filter((f) => f.code === code && f.account === account);
    expect(on('duplicate', '1610')[0]!.lines).toHaveLength(80);
    expect(on('missing-counterpart', '1610')[0]!.lines).toHaveLength(1);
    expect(on('returned-payment', '1610')[0]!.lines).toHaveLength(1);
    expect(on('amount-mismatch', '1620')[0]!.lines).toHaveLength(2);
    expect(on('unexpected-journal', '1620')[0]!.lines).toHaveLength(1);
    expect(on('payment-without-credits', '1630')[0]!.lines).toHaveLength(1);
    // Payroll tax and pension expect June's own credits, and do not clear only because of the rest.
    for (const account of ['1620', '1630']) {
      const a = june.accounts.find((x) => x.account === account)!;
      const due = june.openLines.filter((l) => l.account === account && l.reason === 'not-yet-due');
      expect(due.length).toBeGreaterThan(0);
      expect(a.expected).toBe(due.reduce((s, l) => s + l.amount, 0));
      expect(a.clears).toBe(false);
    }
    // The June batch pays the whole June run (N:1).
    const batch = june.matches.find((m) => m.kind === 'batch')!;
    expect(batch.account).toBe('1610');
    expect(batch.lines.length).toBeGreaterThan(38);
  });

  it('leaves the Moss truth exactly as it was before payroll was added (keys, figures, open lines, flags)', () => {
    // Fingerprint of the Moss-only demo truth before issue 14; the payroll's lines are numbered on
    // their own, so no Moss line key moved. Accounts as before (no profile), payroll ones left out.
    const moss = d.truth.units.map((u) => ({
      unitId: u.unitId,
      periods: Object.fromEntries(
        Object.entries(u.periods).map(([k, p]) => {
          const own = new Set(p.accounts.filter((a) => a.profile === 'moss').map((a) => a.account));
          return [k, {
            wallet: p.wallet,
            accounts: p.accounts.filter((a) => own.has(a.account)).map(({ role, account, opening, debit, credit, closing, expected, difference, clears }) => ({ role, account, opening, debit, credit, closing, expected, difference, clears })),
            openLines: p.openLines.filter((l) => own.has(l.account)),
            flags: p.flags.filter((f) => own.has(f.account)),
            matches: p.matches.filter((m) => own.has(m.account)),
          }];
        }),
      ),
    }));
    expect(createHash('sha256').update(JSON.stringify(moss)).digest('hex')).toBe('a489d9e1885f22057ae8383a85cc566ee4216594d636268975b6f9816c554a83');
  });
});

describe('demo invoices (Spend Cloud)', () => {
  const d = generateDemoDataset();
  const rows = d.environment.connectors.Profit_Transactions_Allocated?.rows ?? [];
  const trans = (unit: number) => rows.filter((r) => r.UnitId === unit && r.AccountNo === '24302');
  const cents = (r: Record<string, unknown>) => toCents((r.AmtDebit as number | null) ?? 0) - toCents((r.AmtCredit as number | null) ?? 0);

  it('books invoices of 2–12 cost periods in every demo month, released on each period’s last day into the next year, each release carrying the invoice’s voucher', () => {
    expect(d.administrations.every((a) => a.spendcloud?.transitoryAccounts[0] === '24302' && a.spendcloud.journal === 'INK')).toBe(true);
    const lines = trans(1);
    const byVoucher = new Map<string, Record<string, unknown>[]>();
    for (const r of lines) byVoucher.set(String(r.VoucherNo), [...(byVoucher.get(String(r.VoucherNo)) ?? []), r]);
    const bookings = lines.filter((r) => cents(r) > 0 && r.JournalId === 'INK');
    expect(new Set(bookings.map((r) => String(r.EntryDate).slice(0, 7)))).toEqual(new Set(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']));
    const lengths = [...byVoucher.values()].map((ls) => ls.filter((r) => cents(r) < 0).length).filter((n) => n > 0);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(10);
    expect(lines.some((r) => String(r.EntryDate) > '2025-12-31')).toBe(true); // releases still to come exist in AFAS
    // A release is dated on its period's last day, and an invoice's releases share its VoucherNo (not their entry numbers).
    const releases = lines.filter((r) => cents(r) < 0 && r.JournalId === 'INK');
    expect(releases.every((r) => { const x = String(r.EntryDate).slice(0, 10); return new Date(`${x}T00:00:00Z`).getUTCDate() === new Date(Date.UTC(Number(x.slice(0, 4)), Number(x.slice(5, 7)), 0)).getUTCDate(); })).toBe(true);
    expect(releases.filter((r) => String(r.VoucherNo) !== String(r.EntryNo)).length).toBe(releases.length);
    // Administration 2's invoices all net to zero.
    const two = new Map<string, number>();
    for (const r of trans(2)) two.set(String(r.VoucherNo), (two.get(String(r.VoucherNo)) ?? 0) + cents(r));
    expect([...two.values()].every((v) => v === 0)).toBe(true);
  });

  it('plants a release missing and one booked twice, a partial export, a rounding cent, an orphan release, an early release and a memorial line; the truth says what each leaves', () => {
    const june = d.truth.units[0]!.periods['2025-06']!;
    const byProblem = Object.fromEntries((june.openVouchers ?? []).map((v) => [v.problem, v.remainder]));
    expect(byProblem).toEqual({ 'release-missing': 30_000, 'release-twice': -38_500, 'never-released': 72_600, 'release-rounding': 1, 'release-without-booking': -12_500 });
    const a = june.accounts.find((x) => x.account === '24302')!;
    expect(a.profile).toBe('spendcloud');
    expect(a.difference).toBe(30_000 - 38_500 + 72_600 + 1 - 12_500);
    expect(a.clears).toBe(false);
    const codes = june.flags.filter((f) => f.account === '24302').map((f) => f.code).sort();
    expect(codes).toEqual(['does-not-clear', 'not-fully-released', 'not-fully-released', 'release-twice', 'release-without-booking', 'rounding-remainder', 'unexpected-journal']);
    // The early release is flagged while its voucher is on the account (February to April).
    expect(d.truth.units[0]!.periods['2025-03']!.flags.some((f) => f.code === 'release-before-booking')).toBe(true);
    // Expected = minus what is dated after June of the vouchers on the account by then.
    const after = trans(1).filter((r) => String(r.EntryDate).slice(0, 10) > '2025-06-30');
    const onAccount = new Set(trans(1).filter((r) => String(r.EntryDate).slice(0, 10) <= '2025-06-30').map((r) => String(r.VoucherNo)));
    expect(a.expected).toBe(-after.filter((r) => onAccount.has(String(r.VoucherNo))).reduce((s, r) => s + cents(r), 0));
    expect(d.truth.units[1]!.periods['2025-06']!.accounts.find((x) => x.account === '24302')!.clears).toBe(true);
  });
});
