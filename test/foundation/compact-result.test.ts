// The month's picture travels compact; what the screen decodes is the picture the engine made.
import { describe, expect, it } from 'vitest';
import { decodeAnswer, decodeResult, encodeAnswer, encodeResult, RESULT_METHODS, WRAPPED_RESULT_METHODS } from '../../src/shared/compact-result';
import { reconcileAdministration, reconcileWithAutoMatch } from '../../src/main/reconcile';
import { demoTruth } from '../../src/main/demo/dataset/demo-truth';
import { generateDemoDataset } from '../../src/main/demo/dataset';
import { lineKey, type MutationLine } from '../../src/shared/domain';
import type { ReconcileInput } from '../../src/main/reconcile/engine';
import type { StoredMatch } from '../../src/shared/reconcile';
import { input } from '../reconcile/fixtures';
import { Invoices, SPENDCLOUD_CONFIG, TRANS } from '../reconcile/transitory-fixtures';

function demoInput(): ReconcileInput {
  const data = generateDemoDataset();
  const cfg = data.administrations[0]!;
  const lines: MutationLine[] = data.lines
    .filter((l) => l.unitId === 1)
    .map((l) => ({ key: lineKey(l.unitId, l.journalId, l.entryNo, l.seqNo), unitId: l.unitId, journalId: l.journalId, entryNo: l.entryNo, seqNo: l.seqNo, year: Number(l.date.slice(0, 4)), period: Number(l.date.slice(5, 7)), accountNo: l.account, accountType: null, entryDate: l.date, voucherDate: null, voucherNo: null, invoiceId: null, description: l.text, lineDescription: l.text, debit: l.debit, credit: l.credit, amount: l.amount, modified: null }));
  return { config: cfg, period: demoTruth.lastFullPeriod, lines, storedMatches: [{ id: 'hand', unitId: 1, account: cfg.moss!.cashInTransitAccount, lines: [], method: 'manual', difference: 35, reason: 'Bankkosten', evidence: { amount: false, date: true, reference: false }, by: 'An', at: '2025-07-01T10:00:00Z' }], notes: [], signOffs: [], walletBalance: null, today: '2025-07-03' };
}

describe('compact result', () => {
  it('decodes to exactly the result, in order, and is much smaller', () => {
    const { result } = reconcileWithAutoMatch(demoInput());
    expect(result.matches.filter((m) => m.status === 'confirmed').length).toBeGreaterThan(100);
    const wire = encodeResult(result);
    expect(decodeResult(JSON.parse(JSON.stringify(wire)))).toEqual(result);
    const confirmed = result.matches.filter((m) => m.status === 'confirmed');
    expect(JSON.stringify(wire.confirmed).length).toBeLessThan(JSON.stringify(confirmed).length / 2);
  });

  it('carries a match’s category and correction entry (reconciling items) exactly, and the rest of the picture with them', () => {
    const input = demoInput();
    const first = reconcileWithAutoMatch(input).result;
    const p = `${input.period.year}-${String(input.period.month).padStart(2, '0')}`;
    // Two open lines in the month on one account, matched at their difference by hand, twice.
    const acc = first.accounts.find((a) => a.openItems.filter((o) => o.line.entryDate.startsWith(p)).length >= 4)!;
    const open = acc.openItems.filter((o) => o.line.entryDate.startsWith(p)).map((o) => o.line);
    const hand = (id: string, ls: MutationLine[], extra: Partial<StoredMatch>): StoredMatch => ({
      id, unitId: 1, account: acc.account, lines: ls.map((l) => ({ key: l.key, amount: l.amount })), method: 'manual',
      difference: ls.reduce((s, l) => s + l.amount, 0), reason: 'Bankkosten ING', evidence: { amount: false, date: true, reference: false },
      by: 'Anna de Vries', at: '2025-07-02T10:00:00Z', ...extra,
    });
    const storedMatches = [
      ...input.storedMatches,
      hand('to-book', open.slice(0, 2), { category: 'to-book', correction: { lines: [{ account: acc.account, debit: 35, credit: 0, description: 'Bankkosten' }, { account: '4500', debit: 0, credit: 35, description: 'Bankkosten' }] } }),
      hand('timing', open.slice(2, 4), { category: 'timing', correction: null }),
    ];
    const { result } = reconcileWithAutoMatch({ ...input, storedMatches });
    const byId = new Map(result.matches.map((m) => [m.id, m]));
    expect(byId.get('to-book')).toMatchObject({ status: 'confirmed', category: 'to-book', correction: { lines: expect.any(Array) } });
    expect(byId.get('timing')).toMatchObject({ status: 'confirmed', category: 'timing', correction: null });
    expect(result.accounts.some((a) => (a.reconcilingItems ?? []).some((i) => i.kind === 'match-difference' && i.categorisation !== null))).toBe(true);
    const back = decodeResult(JSON.parse(JSON.stringify(encodeResult(result))));
    expect(back).toEqual(result);
    expect(back.matches.find((m) => m.id === 'to-book')).toStrictEqual(byId.get('to-book'));
    expect(back.matches.find((m) => m.id === 'timing')).toStrictEqual(byId.get('timing'));
    // A group made before categories has neither field after the trip either.
    const plain = back.matches.find((m) => m.status === 'confirmed' && m.confirmedBy === 'auto')!;
    expect('category' in plain || 'correction' in plain).toBe(false);
  });

  it('every answer that holds a picture goes compact, the one beside a count too', () => {
    expect([...RESULT_METHODS].sort()).toEqual(
      ['acceptSuggestion', 'categoriseItem', 'confirmMatch', 'getResult', 'rejectSignOff', 'setTolerance', 'setWalletBalance', 'signOff', 'unmatch'].sort(),
    );
    expect([...WRAPPED_RESULT_METHODS]).toEqual(['acceptExactSuggestions']);
    const { result } = reconcileWithAutoMatch(demoInput());
    const wire = JSON.parse(JSON.stringify(encodeAnswer('acceptExactSuggestions', { result, accepted: 3 }))) as { result: unknown; accepted: number };
    expect(wire.accepted).toBe(3);
    expect(wire.result).toHaveProperty('confirmed');
    expect(decodeAnswer(wire)).toEqual({ result, accepted: 3 });
    expect(decodeAnswer(JSON.parse(JSON.stringify(encodeAnswer('categoriseItem', result))))).toEqual(result);
    expect(encodeAnswer('undo', { undone: null })).toEqual({ undone: null });
  });

  it('carries a picture nothing was auto-matched in (suggestions and every line open) at a fraction of its JSON', () => {
    const data = generateDemoDataset();
    const cfg = data.administrations[0]!;
    const lines: MutationLine[] = data.lines
      .filter((l) => l.unitId === 1)
      .map((l, i) => ({ key: i === 0 ? 'odd-key' : lineKey(l.unitId, l.journalId, l.entryNo, l.seqNo), unitId: l.unitId, journalId: l.journalId, entryNo: l.entryNo, seqNo: l.seqNo, year: Number(l.date.slice(0, 4)), period: Number(l.date.slice(5, 7)), accountNo: l.account, accountType: i % 2 ? 'Balans' : null, entryDate: l.date, voucherDate: i % 3 ? l.date : null, voucherNo: null, invoiceId: i % 5 ? null : `F${i}`, description: l.text, lineDescription: null, debit: l.debit, credit: l.credit, amount: i === 1 ? l.amount + 1 : l.amount, modified: null }));
    const result = reconcileAdministration({ config: cfg, period: demoTruth.lastFullPeriod, lines, storedMatches: [], notes: [{ unitId: 1, lineKey: lines[2]!.key, text: 'nagevraagd', by: 'An', at: '2025-07-01T10:00:00Z' }], signOffs: [], walletBalance: null, today: '2025-07-03' });
    const open = result.accounts.reduce((n, a) => n + a.openItems.length, 0);
    expect(open).toBeGreaterThan(1000);
    expect(result.matches.filter((m) => m.status === 'suggested').length).toBeGreaterThan(100);
    const wire = encodeResult(result);
    expect(decodeResult(JSON.parse(JSON.stringify(wire)))).toEqual(result);
    const items = result.accounts.flatMap((a) => a.openItems);
    expect(JSON.stringify(wire.open).length).toBeLessThan(JSON.stringify(items).length / 4);
    const suggested = result.matches.filter((m) => m.status === 'suggested');
    expect(JSON.stringify(wire.confirmed).length).toBeLessThan(JSON.stringify(suggested).length / 2);
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(result).length / 2);
  });

  it('carries a transitory account exactly: its open items’ voucher and remainder, the vouchers, the reconciling items per voucher', () => {
    const b = new Invoices();
    b.invoice('2025-01-15', 120_000, 12);
    const missing = b.booking('2025-02-03', 60_000);
    for (const m of ['02', '03', '05']) b.release(missing.voucherNo, `2025-${m}-01`, 10_000);
    b.release('99999', '2025-03-20', 2_500);
    const period = { year: 2025, month: 3 };
    const first = reconcileAdministration(input(b.lines, { config: SPENDCLOUD_CONFIG, period, today: '2025-04-05' }));
    const key = first.accounts[0]!.openItems.find((o) => o.voucherNo === missing.voucherNo)!.line.key;
    const result = reconcileAdministration(
      input(b.lines, { config: SPENDCLOUD_CONFIG, period, today: '2025-04-05', categories: [{ unitId: 1, lineKey: key, category: 'investigating', reason: 'vrijval april ontbreekt', correction: null, by: 'Anna de Vries', at: '2025-04-05T09:00:00Z' }] }),
    );
    const a = result.accounts.find((x) => x.account === TRANS)!;
    expect(a.openItems.length).toBeGreaterThan(2);
    expect(a.openItems.every((o) => o.voucherNo !== undefined && o.remainder !== undefined)).toBe(true);
    expect(a.vouchers!.length).toBe(3);
    expect(a.openVouchers!.map((v) => v.voucherNo)).toEqual([missing.voucherNo, '99999']);
    expect(a.reconcilingItems!.map((i) => [i.kind, i.voucherNo, i.amount, i.categorisation?.category ?? null])).toEqual([
      ['voucher', missing.voucherNo, 30_000, 'investigating'],
      ['voucher', '99999', -2_500, null],
    ]);
    const back = decodeResult(JSON.parse(JSON.stringify(encodeResult(result))));
    expect(back).toStrictEqual(JSON.parse(JSON.stringify(result)));
    expect(back.accounts[0]!.openItems).toStrictEqual(a.openItems);
  });
});
