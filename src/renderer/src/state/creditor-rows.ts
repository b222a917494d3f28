// Pure: the rows of the employee-creditor table (hundreds of creditors, one row each) with what
// the controller sorts and filters on: clears, open reports, the oldest open report, the balance.
import type { AccountResult } from '../../../shared/reconcile';

export interface CreditorRow {
  account: string;
  name: string;
  status: AccountResult['status'];
  /** The account itself (its sign-off badge). */
  result: AccountResult;
  clears: boolean;
  /** Fetched and its expected balance known: the difference means something. */
  judged: boolean;
  /** Open items that are not expected open (not-yet-due excluded): what needs chasing. */
  problems: number;
  open: number;
  /** Age in days of the oldest open item, null when none is open. */
  oldestDays: number | null;
  oldestDate: string | null;
  closing: number;
  difference: number;
}

export type CreditorSortKey = 'account' | 'name' | 'status' | 'open' | 'oldest' | 'amount' | 'difference';
export interface CreditorSort {
  key: CreditorSortKey;
  desc: boolean;
}

export function creditorRows(accounts: readonly AccountResult[]): CreditorRow[] {
  return accounts.map((a) => {
    let oldest: AccountResult['openItems'][number] | null = null;
    for (const o of a.openItems) if (oldest === null || o.ageDays > oldest.ageDays) oldest = o;
    return {
      account: a.account,
      name: a.name ?? '',
      status: a.status,
      result: a,
      clears: a.status === 'clears',
      judged: a.status === 'clears' || a.status === 'does-not-clear',
      problems: a.openItems.filter((o) => o.reason === undefined).length,
      open: a.openItems.length,
      oldestDays: oldest?.ageDays ?? null,
      oldestDate: oldest?.line.entryDate ?? null,
      closing: a.closing,
      difference: a.difference,
    };
  });
}

/** Text matches the number or the name (case-insensitive); `onlyProblems` keeps those that do not clear. */
export function filterCreditors(rows: readonly CreditorRow[], text: string, onlyProblems: boolean): CreditorRow[] {
  const q = text.trim().toLowerCase();
  return rows.filter((r) => (!onlyProblems || !r.clears) && (q === '' || r.account.toLowerCase().includes(q) || r.name.toLowerCase().includes(q)));
}

const STATUS_ORDER: Record<AccountResult['status'], number> = { 'does-not-clear': 0, 'awaiting-balance': 1, 'not-fetched': 2, clears: 3 };

function compare(a: CreditorRow, b: CreditorRow, key: CreditorSortKey): number {
  switch (key) {
    case 'account':
      return a.account.localeCompare(b.account, 'nl', { numeric: true });
    case 'name':
      return a.name.localeCompare(b.name, 'nl');
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'open':
      return a.open - b.open;
    case 'oldest':
      return (a.oldestDays ?? -1) - (b.oldestDays ?? -1);
    case 'amount':
      return a.closing - b.closing;
    case 'difference':
      return Math.abs(a.difference) - Math.abs(b.difference);
  }
}

/** Sorted by the key, ties by creditor number (stable for equal rows). */
export function sortCreditors(rows: readonly CreditorRow[], sort: CreditorSort): CreditorRow[] {
  const dir = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => dir * compare(a, b, sort.key) || compare(a, b, 'account'));
}
