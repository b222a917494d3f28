// The month's picture travels compact; what the screen decodes is the picture the engine made.
import { describe, expect, it } from 'vitest';
import { decodeResult, encodeResult } from '../../src/shared/compact-result';
import { reconcileWithAutoMatch } from '../../src/main/reconcile';
import { demoTruth } from '../../src/main/demo/dataset/demo-truth';
import { generateDemoDataset } from '../../src/main/demo/dataset';
import { lineKey, type MutationLine } from '../../src/shared/domain';

describe('compact result', () => {
  it('decodes to exactly the result, in order, and is much smaller', () => {
    const data = generateDemoDataset();
    const cfg = data.administrations[0]!;
    const lines: MutationLine[] = data.lines
      .filter((l) => l.unitId === 1)
      .map((l) => ({ key: lineKey(l.unitId, l.journalId, l.entryNo, l.seqNo), unitId: l.unitId, journalId: l.journalId, entryNo: l.entryNo, seqNo: l.seqNo, year: Number(l.date.slice(0, 4)), period: Number(l.date.slice(5, 7)), accountNo: l.account, accountType: null, entryDate: l.date, voucherDate: null, voucherNo: null, invoiceId: null, description: l.text, lineDescription: l.text, debit: l.debit, credit: l.credit, amount: l.amount, modified: null }));
    const { result } = reconcileWithAutoMatch({ config: cfg, period: demoTruth.lastFullPeriod, lines, storedMatches: [{ id: 'hand', unitId: 1, account: cfg.moss!.cashInTransitAccount, lines: [], method: 'manual', difference: 35, reason: 'Bankkosten', evidence: { amount: false, date: true, reference: false }, by: 'An', at: '2025-07-01T10:00:00Z' }], notes: [], signOffs: [], walletBalance: null, today: '2025-07-03' });
    expect(result.matches.filter((m) => m.status === 'confirmed').length).toBeGreaterThan(100);
    const wire = encodeResult(result);
    expect(decodeResult(JSON.parse(JSON.stringify(wire)))).toEqual(result);
    const confirmed = result.matches.filter((m) => m.status === 'confirmed');
    expect(JSON.stringify(wire.confirmed).length).toBeLessThan(JSON.stringify(confirmed).length / 2);
  });
});
