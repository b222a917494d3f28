// Fetching into staging: master data (one pseudo-slice 'master') and the lines of one month slice.
import type { MutationLine } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import type { AfasClient, AfasRow, FilterGroups } from '../afas/types';
import { extraFields } from '../store/line-extra';
import { LineBatch, type StagedLine } from './line-batch';
import type { LineWriter } from './stage-writer';
import type { MasterKind, Stager } from './staging';
import { ACCOUNTS_PER_REQUEST, LINE_ORDER, chunk, dayStart, sliceFilter, type MonthSlice } from './slices';

export const LINES_CONNECTOR = 'Profit_Transactions_Allocated';

export interface FetchContext {
  client: AfasClient;
  unitId: number;
  signal?: AbortSignal;
  take?: number;
  parse: (row: AfasRow) => MutationLine;
  /** After every page: rows in it. */
  onRows: (rows: number) => void;
  /** Counts GetConnector requests by connector (pages). */
  requests: Map<string, number>;
}

function count(ctx: FetchContext, connector: string): void {
  ctx.requests.set(connector, (ctx.requests.get(connector) ?? 0) + 1);
}

function parseOrFail(ctx: FetchContext, row: AfasRow): MutationLine {
  try {
    return ctx.parse(row);
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    const key = `${String(row.UnitId)}/${String(row.JournalId)}/${String(row.EntryNo)}/${String(row.SeqNo)}`;
    const why = e instanceof Error ? e.message : String(e);
    throw new AppFailure(
      'afas-bad-row',
      { nl: `AFAS gaf een mutatieregel die niet te lezen is (${key}): ${why}`, en: `AFAS returned a mutation line that cannot be read (${key}): ${why}` },
      { nl: 'Controleer de velden van de GetConnector in AFAS.', en: 'Check the GetConnector fields in AFAS.' },
    );
  }
}

const MASTER: { kind: MasterKind; connector: string; orderBy: string[]; id: string; unitFilter?: string }[] = [
  { kind: 'administration', connector: 'Profit_Administrations', orderBy: ['AdminId'], id: 'AdminId', unitFilter: 'AdminId' },
  { kind: 'journal', connector: 'Profit_Journals', orderBy: ['UnitId', 'JournalId'], id: 'JournalId', unitFilter: 'UnitId' },
  // Profit_Accounts and Profit_Creditor carry no UnitId: the environment's list is stored for the unit.
  { kind: 'account', connector: 'Profit_Accounts', orderBy: ['Account'], id: 'Account' },
  { kind: 'creditor', connector: 'Profit_Creditor', orderBy: ['CreditorId'], id: 'CreditorId' },
];

export async function fetchMaster(ctx: FetchContext, stager: Stager): Promise<void> {
  stager.resetMaster();
  for (const m of MASTER) {
    const filters: FilterGroups | undefined = m.unitFilter ? [[{ fieldId: m.unitFilter, operator: 1, value: String(ctx.unitId) }]] : undefined;
    for await (const page of ctx.client.getRows(m.connector, { orderBy: m.orderBy, filters, take: ctx.take, signal: ctx.signal })) {
      count(ctx, m.connector);
      const rows = page.filter((r) => r[m.id] !== null && r[m.id] !== undefined).map((r) => ({ id: String(r[m.id]), row: r }));
      stager.stageMaster(m.kind, rows);
    }
  }
}

/**
 * Rows staged per transaction. A slice counts only once complete (an interrupted one is refetched),
 * so committing every page buys nothing; fewer, larger commits rewrite the shared index pages in the
 * WAL less often (1M rows: ~20% faster at 20,000 than at one 5,000-row page).
 */
export const STAGE_BATCH_ROWS = 20_000;

/**
 * All lines of the slice on the accounts, page by page into staging. With a writer, batches are
 * inserted by its worker while the next pages are parsed; the slice is marked staged only after
 * every batch is committed, and nothing is written here while batches are in flight.
 */
export async function fetchSlice(
  ctx: FetchContext,
  stager: Stager,
  slice: MonthSlice,
  accounts: readonly string[],
  writer: LineWriter | null = null,
): Promise<{ rows: number; maxModified: string | null }> {
  if (writer) await writer.resetSlice(slice.month);
  else stager.resetSlice(slice.month);
  const stage = async (json: Uint8Array) => {
    if (writer) await writer.stage(slice.month, json);
    else stager.stageLines(slice.month, json);
  };
  let rows = 0;
  let maxModified: string | null = null;
  const batch = new LineBatch();
  for (const part of chunk(accounts, ACCOUNTS_PER_REQUEST)) {
    const filters = sliceFilter(ctx.unitId, slice, part);
    // Two pages ahead: the requests travel while this thread parses and hands a page to the writer.
    for await (const page of ctx.client.getRows(LINES_CONNECTOR, { orderBy: LINE_ORDER, filters, take: ctx.take, signal: ctx.signal, prefetch: 2 })) {
      count(ctx, LINES_CONNECTOR);
      ctx.signal?.throwIfAborted();
      const lines: StagedLine[] = [];
      for (const row of page) {
        const line = parseOrFail(ctx, row);
        if (line.modified !== null && (maxModified === null || line.modified > maxModified)) maxModified = line.modified;
        lines.push({ line, extra: extraFields(row, line) });
      }
      batch.add(lines);
      if (batch.rows >= STAGE_BATCH_ROWS) await stage(batch.take());
      rows += page.length;
      ctx.onRows(page.length);
    }
  }
  if (batch.rows > 0) await stage(batch.take());
  // With a writer the mark is queued behind the slice's batches: committed only after all of them.
  if (writer) await writer.markStaged(slice.month, rows, maxModified);
  else stager.markStaged(slice.month, rows, maxModified);
  return { rows, maxModified };
}

/** Creditors the purchase journal booked in the slice (merchant creditors besides the default). */
/**
 * The creditors the purchase journal posts to between `from` and `next` (YYYY-MM-DD, next
 * exclusive): a skip scan over its distinct accounts, one single-row request per account, ordered
 * by AccountNo ("the first account after the last one found"), instead of reading every purchase
 * line (three per card payment) just to learn a handful of account numbers.
 */
export async function discoverCreditors(ctx: FetchContext, from: string, next: string, purchaseJournal: string, creditorIds: ReadonlySet<string>): Promise<Set<string>> {
  const found = new Set<string>();
  const base = [
    { fieldId: 'UnitId', operator: 1, value: String(ctx.unitId) },
    { fieldId: 'JournalId', operator: 1, value: purchaseJournal },
    { fieldId: 'EntryDate', operator: 2, value: dayStart(from) },
    { fieldId: 'EntryDate', operator: 5, value: dayStart(next) },
  ] as const;
  let after: string | null = null;
  for (;;) {
    const filters: FilterGroups = [[...base, ...(after === null ? [] : [{ fieldId: 'AccountNo', operator: 4 as const, value: after }])]];
    let account: string | null = null;
    for await (const page of ctx.client.getRows(LINES_CONNECTOR, { orderBy: ['AccountNo'], filters, limit: 1, signal: ctx.signal })) {
      count(ctx, `${LINES_CONNECTOR}:discover`);
      const row = page[0];
      account = row?.AccountNo === null || row?.AccountNo === undefined ? null : String(row.AccountNo);
      break;
    }
    if (account === null || account === after) return found;
    if (creditorIds.has(account)) found.add(account);
    after = account;
  }
}
