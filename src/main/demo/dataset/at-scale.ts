// The demo administration at the size real users have: half a year of Moss spend whose last two
// months are busy (~95,000 card transactions each, so ~285,000 lines per month slice on the
// profile's accounts), the same planted problems, and the truth to check the result against.
// For the month-end benchmark and the at-scale tests; deterministic like the demo.
import { periodId, type AdministrationConfig } from '../../../shared/domain';
import type { FakeEnvironment } from '../fake-afas/types';
import { DEMO_LAST_FULL_PERIOD, DEMO_PERIODS, DEMO_SEED, DEMO_SYNC_FROM, demoAdministrationConfig, demoEnvironment } from './index';
import { DEMO_UNITS } from './master';
import { bookEntries, type BookedLine } from './rows';
import { simulateUnit } from './scenario';
import { unitTruth, type TruthUnit } from './truth';

export interface ScaleOptions {
  /** Card transactions per day in the busy months (default ~3,150). */
  busyPerDay?: [number, number];
  /** Card transactions per day before them (default ~80). */
  quietPerDay?: [number, number];
  /** First busy month, YYYY-MM (default 2025-05). */
  busyFrom?: string;
  seed?: number;
}

export interface ScaleDataset {
  environment: FakeEnvironment;
  administration: AdministrationConfig;
  truth: TruthUnit;
  lines: BookedLine[];
  /** Profit_Transactions_Allocated rows of the administration (all accounts). */
  rowCount: number;
  syncFrom: string;
}

export function generateScaleDataset(o: ScaleOptions = {}): ScaleDataset {
  const busy = o.busyPerDay ?? [2_800, 3_500];
  const quiet = o.quietPerDay ?? [60, 100];
  const busyFrom = o.busyFrom ?? '2025-05';
  const unit = DEMO_UNITS[0];
  // Top-ups follow the spend: about two a week in the busy months (~€ 140 a card payment).
  const dailySpend = ((busy[0] + busy[1]) / 2) * 14_000;
  const sim = simulateUnit({
    unitId: unit.unitId,
    seed: o.seed ?? DEMO_SEED,
    from: '2025-01-01',
    to: '2025-06-30',
    perDay: (date) => (date.slice(0, 7) >= busyFrom ? busy : quiet),
    topUpBelow: Math.round(dailySpend * 3),
    topUpRange: [Math.round(dailySpend * 3), Math.round(dailySpend * 4.5)],
    planted: true,
  });
  const { rows, lines } = bookEntries(sim.entries);
  const administration = demoAdministrationConfig(unit.unitId, unit.name);
  return {
    environment: demoEnvironment(rows),
    administration,
    truth: unitTruth({ unitId: unit.unitId, name: unit.name, config: administration }, lines, sim.wallet, DEMO_PERIODS),
    lines,
    rowCount: rows.length,
    syncFrom: DEMO_SYNC_FROM,
  };
}

export const SCALE_PERIOD = DEMO_LAST_FULL_PERIOD;
export const SCALE_PERIOD_ID = periodId(DEMO_LAST_FULL_PERIOD);
