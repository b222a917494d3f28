// Numbers the draft entries the way AFAS does (EntryNo per journal, SeqNo per line) and turns
// them into Profit_Transactions_Allocated rows: JSON numbers for amounts, nulls for empty fields,
// dates with AFAS's misleading trailing Z.
import { centsToDecimal, type Cents } from '../../../shared/money';
import { lineKey, type LineKey } from '../../../shared/domain';
import { addDays } from './calendar';
import type { DraftEntry, DraftLine } from './entries';

export interface BookedLine extends DraftLine {
  key: LineKey;
  unitId: number;
  journalId: string;
  entryNo: number;
  seqNo: number;
  date: string;
  amount: Cents;
  voucherNo: string;
}

const JOURNAL_BASE: Record<string, number> = { MOSI: 100_000, MOSB: 200_000, BNK: 300_000, MEM: 400_000, INK: 500_000, VRK: 600_000, LON: 700_000 };

const amountValue = (c: Cents, nullWhenZero: boolean): number | null => (c === 0 && nullWhenZero ? null : Number(centsToDecimal(c)));
const afasDate = (date: string): string => `${date}T00:00:00Z`;

/**
 * `bases` numbers some journals from elsewhere: the payroll's bank and memorial entries are booked
 * apart (as their own statements), so adding payroll leaves the Moss entries' numbers as they were.
 */
export function bookEntries(entries: DraftEntry[], bases: Record<string, number> = {}): { rows: Record<string, unknown>[]; lines: BookedLine[] } {
  // Stable order: by date, then the order the simulation produced them.
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i));
  const counters = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  const lines: BookedLine[] = [];
  for (const { e, i } of ordered) {
    const counterKey = `${e.unitId}/${e.journalId}`;
    const entryNo = (counters.get(counterKey) ?? bases[e.journalId] ?? JOURNAL_BASE[e.journalId] ?? 900_000) + 1;
    counters.set(counterKey, entryNo);
    const year = Number(e.date.slice(0, 4));
    const period = Number(e.date.slice(5, 7));
    const created = `${addDays(e.createdOn ?? e.date, 1)}T0${7 + (i % 3)}:${String(10 + (i % 50)).padStart(2, '0')}:00Z`;
    e.lines.forEach((l, idx) => {
      const seqNo = idx + 1;
      const key = lineKey(e.unitId, e.journalId, entryNo, seqNo);
      const invoiceId = l.invoiceId !== undefined ? l.invoiceId : e.invoiceId;
      lines.push({ ...l, invoiceId, key, unitId: e.unitId, journalId: e.journalId, entryNo, seqNo, date: e.date, amount: l.debit - l.credit, voucherNo: e.voucherNo ?? String(entryNo) });
      rows.push({
        UnitId: e.unitId,
        EntryNo: entryNo,
        SeqNo: seqNo,
        Year: year,
        Period: period,
        JournalId: e.journalId,
        AccountNo: l.account,
        Omschrijving: l.text,
        AmtDebit: amountValue(l.debit, e.nullZeroSide === true),
        AmtCredit: amountValue(l.credit, e.nullZeroSide === true),
        EntryDate: afasDate(e.date),
        InvoiceId: invoiceId,
        VoucherDate: afasDate(e.date),
        VoucherNo: e.voucherNo ?? String(entryNo),
        VatCode: l.vatCode ?? null,
        VatAmt: l.vatAmt === undefined || l.vatAmt === null ? null : Number(centsToDecimal(l.vatAmt)),
        Description: e.description,
        Type: l.creditor ? '3' : '1',
        Collect_On: l.creditor ? 'C' : null,
        DimAx1: l.costCentre ?? null,
        DimAx2: null,
        DimAx3: null,
        DimAx4: null,
        DimAx5: null,
        Created: created,
        Modified: created,
        U5A1C9E0F4B7D4E2A8C3B6F1D0E9A7C25: e.mossRef ?? null,
        Geblokkeerd_voor_betaling: false,
      });
    });
  }
  return { rows, lines };
}
