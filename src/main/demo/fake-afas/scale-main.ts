// The fake AFAS with the at-scale demo administration, as a process of its own (benchmarks and the
// at-scale e2e run it so its work is not counted as the product's, nor blocks the product's loop):
//   npx tsx src/main/demo/fake-afas/scale-main.ts [--busy-per-day 2800-3500]
// The token comes in KRUISPOST_FAKE_TOKEN (never argv). Prints one JSON line (ScaleServed) when it
// serves; "change" on stdin corrects one supplier line of March (amount and Modified) and prints
// {"changed": key}. Stops on SIGTERM/SIGINT.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { AdministrationConfig } from '../../../shared/domain';
import { generateScaleDataset, SCALE_PERIOD_ID } from '../dataset/at-scale';
import type { TruthAccount } from '../dataset/truth';
import { startFakeAfas } from './server';

export interface ScaleServed {
  baseUrl: string;
  rows: number;
  administration: AdministrationConfig;
  syncFrom: string;
  wallet: number;
  truth: TruthAccount[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'busy-per-day': { type: 'string', default: '2800-3500' } } });
  const busy = values['busy-per-day'].split('-').map(Number) as [number, number];
  const token = process.env.KRUISPOST_FAKE_TOKEN ?? '';
  const data = generateScaleDataset({ busyPerDay: busy });
  clusterByKey(data.environment.connectors.Profit_Transactions_Allocated!.rows);
  const fake = await startFakeAfas({ tokens: [token], environment: data.environment });
  const period = data.truth.periods[SCALE_PERIOD_ID]!;
  const served: ScaleServed = { baseUrl: fake.baseUrl, rows: data.rowCount, administration: data.administration, syncFrom: data.syncFrom, wallet: period.wallet, truth: period.accounts };
  process.stdout.write(`${JSON.stringify(served)}\n`);
  createInterface({ input: process.stdin }).on('line', (cmd) => {
    if (cmd !== 'change') return;
    const rows = fake.environment.connectors.Profit_Transactions_Allocated!.rows;
    const i = rows.findIndex((r) => String(r.EntryDate).startsWith('2025-03-1') && r.AccountNo === data.administration.moss!.defaultSupplier && typeof r.AmtCredit === 'number' && r.AmtCredit > 0);
    const row = rows[i]!;
    const modified = '2026-11-30T10:00:00Z';
    rows[i] = { ...row, AmtCredit: Math.round((Number(row.AmtCredit) + 0.01) * 100) / 100, Modified: modified };
    const changed = fake.environment.connectors.Profit_Fin_ChangedEntrydate!.rows;
    const c = changed.findIndex((r) => r.EntryDate === row.EntryDate);
    if (c >= 0) changed[c] = { ...changed[c], Modified: modified };
    // The write maintains the indexes, as AFAS's database does: the next sync does not wait for it.
    fake.maintainIndexes();
    process.stdout.write(`${JSON.stringify({ changed: `${String(row.UnitId)}/${String(row.JournalId)}/${String(row.EntryNo)}/${String(row.SeqNo)}` })}\n`);
  });
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * The lines in the order of their key (unit, journal, entry, line), as a database keeps a table
 * clustered on its primary key: a request ordered by that key then sorts rows that are already in
 * order (one pass) instead of ~300,000 shuffled ones per month slice (~1 s of the fake's CPU
 * each, on the cores the product is measured on). What it answers does not change: every answer
 * is sorted by the order asked.
 */
function clusterByKey(rows: Record<string, unknown>[]): void {
  const num = (v: unknown) => Number(v);
  rows.sort((a, b) => num(a.UnitId) - num(b.UnitId) || (String(a.JournalId) < String(b.JournalId) ? -1 : String(a.JournalId) > String(b.JournalId) ? 1 : 0) || num(a.EntryNo) - num(b.EntryNo) || num(a.SeqNo) - num(b.SeqNo));
}

void main();
