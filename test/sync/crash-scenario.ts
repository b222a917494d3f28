// A deterministic AFAS for the crash test, shared by the parent test and the child process.
import type { AfasRow } from '../../src/main/afas/types';
import { CONFIG, changedDates, row, seedAfas } from './fixtures';
import { MemoryAfas } from './memory-afas';

/** Six months of CIT lines; `changed` bumps every amount (as a re-booked AFAS would). */
export function crashScenario(changed: boolean) {
  const afas = seedAfas(new MemoryAfas());
  const lines: AfasRow[] = [];
  for (let m = 1; m <= 6; m++) {
    for (let i = 1; i <= 60; i++) {
      const date = `2025-0${m}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const modified = changed ? '2025-08-01T10:00:00Z' : '2025-07-01T10:00:00Z';
      lines.push(row({ journal: 'BNK', entryNo: m * 1000 + i, seqNo: 1, account: '2000', date, debit: i + (changed ? 0.01 : 0), modified }));
    }
  }
  afas.set('Profit_Transactions_Allocated', lines);
  afas.set('Profit_Fin_ChangedEntrydate', changedDates(lines));
  return {
    afas,
    config: { ...CONFIG, moss: { ...CONFIG.moss!, merchantCreditors: [] } },
    from: { year: 2025, month: 1 },
    to: { year: 2025, month: 6 },
    now: () => new Date('2025-09-01T10:00:00Z'),
  };
}
