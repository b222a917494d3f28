// The months after the period (profiles.md, Spend Cloud): a transitory account's releases still to
// come are booked in AFAS already, and the rule needs them. So the sync also fetches the lookahead
// accounts' lines in the months after the period, through the last one that has lines (at most
// LOOKAHEAD_MONTHS ahead), each month a slice of its own accounts: incremental like every slice.
import type { Period } from '../../shared/domain';
import type { SliceState } from '../store/sync-runs';
import { changedSince, type Changes } from './changes';
import { LINES_CONNECTOR, type FetchContext } from './fetch';
import { ACCOUNTS_PER_REQUEST, chunk, dayStart, monthSlice, monthsBetween, type MonthSlice } from './slices';

export const LOOKAHEAD_MONTHS = 36;

/** The months after `to` the sync may look at: to+1 … to+LOOKAHEAD_MONTHS. */
export function lookaheadWindow(to: Period): { first: MonthSlice; last: MonthSlice } {
  const at = (i: number) => {
    const n = to.year * 12 + to.month - 1 + i;
    return monthSlice(Math.floor(n / 12), (n % 12) + 1);
  };
  return { first: at(1), last: at(LOOKAHEAD_MONTHS) };
}

/**
 * The last month in the window with a line on the accounts: one single-row request per chunk of
 * accounts, newest entry date first (instead of reading 36 months to learn where they end).
 */
export async function lastMonthWithLines(ctx: FetchContext, accounts: readonly string[], window: { first: MonthSlice; last: MonthSlice }): Promise<string | null> {
  let last: string | null = null;
  for (const part of chunk(accounts, ACCOUNTS_PER_REQUEST)) {
    const filters = part.map((account) => [
      { fieldId: 'UnitId', operator: 1 as const, value: String(ctx.unitId) },
      { fieldId: 'EntryDate', operator: 2 as const, value: dayStart(window.first.start) },
      { fieldId: 'EntryDate', operator: 5 as const, value: dayStart(window.last.next) },
      { fieldId: 'AccountNo', operator: 1 as const, value: account },
    ]);
    for await (const page of ctx.client.getRows(LINES_CONNECTOR, { orderBy: ['-EntryDate'], filters, limit: 1, signal: ctx.signal })) {
      ctx.requests.set(`${LINES_CONNECTOR}:lookahead`, (ctx.requests.get(`${LINES_CONNECTOR}:lookahead`) ?? 0) + 1);
      const d = page[0]?.EntryDate;
      if (typeof d === 'string' && (last === null || d.slice(0, 7) > last)) last = d.slice(0, 7);
      break;
    }
  }
  return last;
}

export interface LookaheadSlice {
  month: string;
  /** The accounts fetched for it; null: the run's (the month was stored with all of them before). */
  accounts: string[] | null;
}

export interface LookaheadPlan {
  /** Every month after the period the picture reads, in order. */
  months: string[];
  /** Those to fetch now. */
  dirty: LookaheadSlice[];
}

const accountsOf = (state: SliceState) => JSON.parse(state.accountsHash) as string[];

/**
 * Which months after the period to read and which to fetch. Read: through the last month with
 * lines, or a month stored before (its lines may have gone since). Fetch: not stored with the
 * accounts, changed in AFAS since (Profit_Fin_ChangedEntrydate), or the open month. A month stored
 * with every account of the run (an earlier sync reached it) is fetched whole again, so its slice
 * stays one state; else only the lookahead accounts.
 */
export function planLookahead(o: {
  to: Period;
  ahead: readonly string[];
  runAccounts: readonly string[];
  states: ReadonlyMap<string, SliceState>;
  lastWithLines: string | null;
  openMonth: string;
  changes: Changes | null;
}): LookaheadPlan {
  if (o.ahead.length === 0) return { months: [], dirty: [] };
  const window = lookaheadWindow(o.to);
  let end = o.lastWithLines;
  for (const m of o.states.keys()) if (m >= window.first.month && m <= window.last.month && (end === null || m > end)) end = m;
  if (end === null) return { months: [], dirty: [] };
  const months = monthsBetween(o.to, { year: Number(end.slice(0, 4)), month: Number(end.slice(5, 7)) }).slice(1).map((m) => m.month);
  const dirty: LookaheadSlice[] = [];
  for (const month of months) {
    const st = o.states.get(month);
    const stored = st ? accountsOf(st) : [];
    const whole = st !== undefined && o.runAccounts.every((a) => stored.includes(a));
    const covered = o.ahead.every((a) => stored.includes(a));
    if (st === undefined || !covered || o.changes === null || month === o.openMonth || changedSince(o.changes, month, st.changesMark)) {
      dirty.push({ month, accounts: whole ? null : [...o.ahead] });
    }
  }
  return { months, dirty };
}
