// Loads what the engine needs for one administration and period from the store: the synced lines
// of the profile's accounts (plus the merchant creditors the last sync found), the controller's
// matches, notes and sign-offs, the wallet balance and the account names.
import type { AdministrationConfig, Period } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type { ReconcileInput } from '../reconcile/engine';
import { listMatches, listNotes, listSignOffs } from '../store/controller-reads';
import type { Db } from '../store/database';
import { queryLines } from '../store/lines';
import { listAccounts, listCreditors } from '../store/master-data';
import { lastSuccessfulRun } from '../store/sync-runs';
import { profileAccounts } from '../sync/sync-administration';

export function reconcileAccounts(db: Db, config: AdministrationConfig): string[] {
  const synced = lastSuccessfulRun(db, config.unitId)?.accounts ?? [];
  return [...new Set([...profileAccounts(config), ...synced])];
}

export function loadEngineInput(db: Db, config: AdministrationConfig, period: Period, walletBalance: Cents | null, today: string): ReconcileInput {
  const unitId = config.unitId;
  const accountNames: Record<string, string> = {};
  for (const a of listAccounts(db, unitId)) if (a.description) accountNames[a.accountNo] = a.description;
  for (const c of listCreditors(db, unitId)) if (c.name) accountNames[c.creditorId] = c.name;
  return {
    config,
    period,
    lines: queryLines(db, { unitId, accounts: reconcileAccounts(db, config) }),
    storedMatches: listMatches(db, unitId),
    notes: listNotes(db, unitId),
    signOffs: listSignOffs(db, unitId),
    walletBalance,
    today,
    accountNames,
  };
}
