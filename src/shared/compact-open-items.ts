// The open items of a result's accounts in columns: after a first sync whose auto matching was
// cancelled, 200,000 lines are open, and as objects they are a quarter of a gigabyte of JSON to
// the screen. In columns, with repeated texts once and a key left out where it follows from the
// line, they are a fraction of that. Pure; decode(encode(x)) equals x.
import { lineKey, type MutationLine } from './domain';
import type { AccountResult, OpenItem } from './reconcile';
import { textTable } from './text-table';

export interface CompactOpenItems {
  /** Open items of account i: rows [start[i], start[i + 1]). */
  start: number[];
  /** Numbers per row. */
  unitId: number[];
  entryNo: number[];
  seqNo: number[];
  year: number[];
  period: number[];
  debit: number[];
  credit: number[];
  ageDays: number[];
  /** Text indices per row (-1 for null). */
  journalId: number[];
  accountNo: number[];
  accountType: number[];
  entryDate: number[];
  voucherDate: number[];
  voucherNo: number[];
  invoiceId: number[];
  description: number[];
  lineDescription: number[];
  modified: number[];
  bucket: number[];
  /** The flags joined by ',' ('' for none). */
  flags: number[];
  note: number[];
  /** Rows whose key or amount does not follow from the columns: [row, key, amount]. */
  odd: [number, string, number][];
  /** The optional fields: -2 where the item has none, -1 for null, else a text (categorisation as JSON). */
  categorisation: number[];
  reason: number[];
  /** Transitory accounts' items: [row, voucherNo (a text, or -2 when absent), remainder (null when absent)]. */
  voucher?: [number, number, number | null][];
  texts: string[];
}

const ABSENT = -2;

export function encodeOpenItems(accounts: readonly AccountResult[]): { accounts: AccountResult[]; open: CompactOpenItems } {
  const { texts, text } = textTable();
  const c: CompactOpenItems = {
    start: [0], unitId: [], entryNo: [], seqNo: [], year: [], period: [], debit: [], credit: [], ageDays: [], journalId: [], accountNo: [], accountType: [],
    entryDate: [], voucherDate: [], voucherNo: [], invoiceId: [], description: [], lineDescription: [], modified: [], bucket: [], flags: [], note: [], odd: [], categorisation: [], reason: [], voucher: [], texts,
  };
  let row = 0;
  for (const a of accounts) {
    for (const o of a.openItems) {
      const l = o.line;
      c.unitId.push(l.unitId);
      c.entryNo.push(l.entryNo);
      c.seqNo.push(l.seqNo);
      c.year.push(l.year);
      c.period.push(l.period);
      c.debit.push(l.debit);
      c.credit.push(l.credit);
      c.ageDays.push(o.ageDays);
      c.journalId.push(text(l.journalId));
      c.accountNo.push(text(l.accountNo));
      c.accountType.push(text(l.accountType));
      c.entryDate.push(text(l.entryDate));
      c.voucherDate.push(text(l.voucherDate));
      c.voucherNo.push(text(l.voucherNo));
      c.invoiceId.push(text(l.invoiceId));
      c.description.push(text(l.description));
      c.lineDescription.push(text(l.lineDescription));
      c.modified.push(text(l.modified));
      c.bucket.push(text(o.bucket));
      c.flags.push(text(o.flags.join(',')));
      c.note.push(text(o.note));
      if (l.key !== lineKey(l.unitId, l.journalId, l.entryNo, l.seqNo) || l.amount !== l.debit - l.credit) c.odd.push([row, l.key, l.amount]);
      c.categorisation.push('categorisation' in o ? text(o.categorisation ? JSON.stringify(o.categorisation) : null) : ABSENT);
      c.reason.push('reason' in o ? text(o.reason ?? null) : ABSENT);
      if ('voucherNo' in o || 'remainder' in o) c.voucher!.push([row, o.voucherNo !== undefined ? text(o.voucherNo) : ABSENT, o.remainder ?? null]);
      row++;
    }
    c.start.push(row);
  }
  return { accounts: accounts.map((a) => ({ ...a, openItems: [] })), open: c };
}

export function decodeOpenItems(accounts: readonly AccountResult[], c: CompactOpenItems): AccountResult[] {
  const t = (i: number): string | null => (i < 0 ? null : c.texts[i]!);
  const odd = new Map(c.odd.map(([r, key, amount]) => [r, { key, amount }]));
  const voucher = new Map((c.voucher ?? []).map(([r, no, remainder]) => [r, { no, remainder }]));
  return accounts.map((a, i) => {
    const openItems: OpenItem[] = [];
    for (let r = c.start[i]!; r < c.start[i + 1]!; r++) {
      const journalId = t(c.journalId[r]!)!;
      const debit = c.debit[r]!;
      const credit = c.credit[r]!;
      const line: MutationLine = {
        key: odd.get(r)?.key ?? lineKey(c.unitId[r]!, journalId, c.entryNo[r]!, c.seqNo[r]!),
        unitId: c.unitId[r]!,
        journalId,
        entryNo: c.entryNo[r]!,
        seqNo: c.seqNo[r]!,
        year: c.year[r]!,
        period: c.period[r]!,
        accountNo: t(c.accountNo[r]!)!,
        accountType: t(c.accountType[r]!),
        entryDate: t(c.entryDate[r]!)!,
        voucherDate: t(c.voucherDate[r]!),
        voucherNo: t(c.voucherNo[r]!),
        invoiceId: t(c.invoiceId[r]!),
        description: t(c.description[r]!),
        lineDescription: t(c.lineDescription[r]!),
        debit,
        credit,
        amount: odd.get(r)?.amount ?? debit - credit,
        modified: t(c.modified[r]!),
      };
      const flags = t(c.flags[r]!)!;
      const item: OpenItem = {
        line,
        ageDays: c.ageDays[r]!,
        bucket: t(c.bucket[r]!) as OpenItem['bucket'],
        flags: flags === '' ? [] : (flags.split(',') as OpenItem['flags']),
        note: t(c.note[r]!),
      };
      const cat = c.categorisation[r]!;
      if (cat !== ABSENT) item.categorisation = cat < 0 ? null : (JSON.parse(c.texts[cat]!) as OpenItem['categorisation']);
      if (c.reason[r]! !== ABSENT) item.reason = t(c.reason[r]!) as OpenItem['reason'];
      const v = voucher.get(r);
      if (v) {
        if (v.no !== ABSENT) item.voucherNo = t(v.no)!;
        if (v.remainder !== null) item.remainder = v.remainder;
      }
      openItems.push(item);
    }
    return { ...a, openItems };
  });
}
