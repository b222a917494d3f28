// The matching table's lines in columns (CompactLines): what the table shows and nothing else,
// repeated strings (journals, dates, descriptions) sent once. Full detail is a separate call.
import { tableText } from '../../shared/bank-text';
import type { AccountLine, CompactLines } from '../../shared/contract';

/** Descriptions longer than this are cut (with …): the column shows ~40 characters. */
export const TEXT_MAX = 80;

/** The table's default order, and the order the renderer relies on to skip its own sort. */
export function viewOrder(a: AccountLine, b: AccountLine): number {
  if (a.entryDate !== b.entryDate) return a.entryDate < b.entryDate ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function shownText(l: Pick<AccountLine, 'lineDescription' | 'description'>): string {
  const full = tableText(l); // a SEPA code string shows as remittance and counterparty
  return full.length > TEXT_MAX ? `${full.slice(0, TEXT_MAX - 1)}…` : full;
}

/** Lines [offset, offset + limit) of `sorted`, in columns. */
export function encodeLines(account: string, unitId: number, sorted: AccountLine[], offset: number, limit: number): CompactLines {
  const slice = sorted.slice(offset, offset + limit);
  const out: CompactLines = {
    account, unitId, total: sorted.length, offset,
    journals: [], dates: [], texts: [],
    journal: new Array<number>(slice.length), date: new Array<number>(slice.length), text: new Array<number>(slice.length),
    entryNo: new Array<number>(slice.length), seqNo: new Array<number>(slice.length),
    voucher: new Array<string>(slice.length), amount: new Array<number>(slice.length),
    notes: [],
  };
  const dict = (list: string[], index: Map<string, number>, value: string): number => {
    let i = index.get(value);
    if (i === undefined) {
      i = list.push(value) - 1;
      index.set(value, i);
    }
    return i;
  };
  const journals = new Map<string, number>();
  const dates = new Map<string, number>();
  const texts = new Map<string, number>();
  for (let i = 0; i < slice.length; i++) {
    const l = slice[i]!;
    out.journal[i] = dict(out.journals, journals, l.journalId);
    out.date[i] = dict(out.dates, dates, l.entryDate);
    out.text[i] = dict(out.texts, texts, shownText(l));
    out.entryNo[i] = l.entryNo;
    out.seqNo[i] = l.seqNo;
    out.voucher[i] = l.voucherNo ?? l.invoiceId ?? String(l.entryNo);
    out.amount[i] = l.amount;
    if (l.note) out.notes.push([i, l.note]);
  }
  return out;
}
