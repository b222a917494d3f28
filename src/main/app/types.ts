// The seam between the month-end orchestrator (src/main/app/, used by the handlers AND the CLI)
// and its callers. Plain data in and out: the renderer sees these shapes through the contract.
import type { AdministrationConfig, EnvironmentConfig, LineKey, Period } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type { AdministrationResult, ItemCategory } from '../../shared/reconcile';
import type { AccountLinesView, ChoiceLists, LineHistoryEntry, ReadinessItem, SyncProgressView, WorkspaceView } from '../../shared/views';
import type { Explanation } from './reconciling-decisions';

export type { AccountLinesView, ChoiceLists, Explanation, LineHistoryEntry, ReadinessItem, SyncProgressView, WorkspaceView };

export interface MonthEnd {
  workspace(): WorkspaceView;
  /** Async: a changed AFAS host settles its stored secrets first (dropped, or carried over if asked). */
  saveEnvironment(env: EnvironmentConfig): Promise<WorkspaceView>;
  storeClassicToken(tokenText: string): Promise<WorkspaceView>;
  /**
   * Signs in through the system browser (OAuth 2.1, PKCE + DPoP) at the environment's AFAS; the
   * refresh token goes to the SecretStore, the kind in use to the settings.
   */
  signInWithAfas(clientId: string): Promise<WorkspaceView>;
  /** Forgets the OAuth grant and key; the workspace falls back to a pasted token (if any). */
  signOutAfas(): Promise<WorkspaceView>;
  testConnection(): Promise<{ profitVersion: string; administrations: { unitId: number; name: string }[] }>;
  readiness(unitId: number, config: AdministrationConfig): Promise<ReadinessItem[]>;
  choices(unitId: number): Promise<ChoiceLists>;
  saveAdministration(config: AdministrationConfig): WorkspaceView;
  /** Starts in the background; poll syncStatus(). */
  startSync(period: Period): { runId: string };
  syncStatus(): SyncProgressView | null;
  cancelSync(): void;
  result(unitId: number, period: Period): AdministrationResult;
  accountLines(unitId: number, account: string, period: Period): AccountLinesView;
  /** A difference needs `explanation` (category, reason; above the tolerance, confirmed twice). */
  confirmMatch(unitId: number, account: string, lines: LineKey[], difference: Cents, reason: string | null, by: string, explanation?: Explanation): AdministrationResult;
  acceptSuggestion(unitId: number, period: Period, matchId: string, by: string, explanation?: Explanation): AdministrationResult;
  /** Every suggestion of the account that adds up to zero, as one undoable step. */
  acceptExactSuggestions(unitId: number, period: Period, account: string, by: string): { result: AdministrationResult; accepted: number };
  /** An open item's category and reason (null clears it); "to book" proposes the correction entry. */
  categoriseItem(unitId: number, period: Period, lineKey: LineKey, category: ItemCategory | null, reason: string, counterAccount: string | null, by: string): AdministrationResult;
  unmatch(unitId: number, matchId: string, by: string, reason: string | null): AdministrationResult;
  undo(by: string): { undone: string | null };
  addNote(unitId: number, lineKey: LineKey, text: string, by: string): void;
  /** Who matched, unmatched, noted or categorised the line, when and why, in words. */
  lineHistory(unitId: number, lineKey: LineKey): LineHistoryEntry[];
  signOff(unitId: number, account: string, period: Period, role: 'preparer' | 'reviewer', by: string): AdministrationResult;
  /** The reviewer sends the account back to the preparer, saying why. */
  rejectSignOff(unitId: number, account: string, period: Period, comment: string, by: string): AdministrationResult;
  setTolerance(unitId: number, period: Period, account: string, cents: Cents, permille: number, by: string): AdministrationResult;
  setWalletBalance(unitId: number, period: Period, cents: Cents | null, by: string): AdministrationResult;
  exportWorkbook(unitId: number, period: Period, targetPath: string, lang: 'nl' | 'en'): Promise<{ path: string }>;
  close(): Promise<void>;
  // The backend's own (optional for hand-made orchestrators in tests):
  /** Every change of the sync's progress, as it happens. */
  onSyncProgress?(listener: (view: SyncProgressView) => void): () => void;
  /** Sets the first month to sync. */
  setSyncFrom?(period: Period | null): void;
  /** Records the wallet balance Moss reports (audited) without computing the picture. */
  recordWalletBalance?(unitId: number, period: Period, cents: Cents | null, by: string): void;
  /** Marks this (throw-away) workspace as the demo's, synced from `syncFrom` (YYYY-MM). */
  markDemo?(syncFrom: string): void;
}
