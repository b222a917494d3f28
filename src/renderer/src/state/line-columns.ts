// Decodes the compact columns main sends (CompactLines) into the table's rows.
import type { CompactLines } from '../../../shared/contract';
import { lineKey, type LineKey } from '../../../shared/domain';
import type { Cents } from '../../../shared/money';

/** One row of the matching table: what it shows, searches and sums. Full detail: getLineDetail. */
export interface ViewLine {
  key: LineKey;
  entryDate: string;
  journalId: string;
  entryNo: number;
  /** Voucher number, else invoice, else entry number. */
  voucher: string;
  /** The description as shown (cut at 80 characters by main). */
  text: string;
  amount: Cents;
  note: string | null;
}

export function decodeLines(c: CompactLines): ViewLine[] {
  const notes = new Map(c.notes);
  const out = new Array<ViewLine>(c.amount.length);
  for (let i = 0; i < out.length; i++) {
    const journalId = c.journals[c.journal[i]!]!;
    const entryNo = c.entryNo[i]!;
    out[i] = {
      key: lineKey(c.unitId, journalId, entryNo, c.seqNo[i]!),
      entryDate: c.dates[c.date[i]!]!,
      journalId,
      entryNo,
      voucher: c.voucher[i]!,
      text: c.texts[c.text[i]!]!,
      amount: c.amount[i]!,
      note: notes.get(i) ?? null,
    };
  }
  return out;
}
