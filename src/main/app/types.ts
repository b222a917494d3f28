// The seam between the month-end orchestrator (src/main/app/, used by the handlers AND the CLI)
// and its callers. Plain data in and out: the renderer sees these shapes through the contract.
import type { AdministrationConfig, Bilingual, EnvironmentConfig, LineKey, MutationLine, Period } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type { AdministrationResult } from '../../shared/reconcile';

export interface WorkspaceView {
  environment: (EnvironmentConfig & { label: string }) | null;
  /** Never the token itself. */
  token: { stored: boolean; lastVerified: string | null; kind: 'classic' | 'oauth' | null };
  administrations: AdministrationConfig[];
  demo: boolean;
  lastSync: { finishedAt: string; status: string; rows: number } | null;
  /** The period to open on: the demo's last month, else the last full month before today. */
  period?: Period;
}

export interface ReadinessItem {
  id: string;
  ok: boolean;
  label: Bilingual;
  fix: Bilingual;
}

export interface ChoiceLists {
  administrations: { unitId: number; name: string }[];
  journals: { id: string; description: string; type: string | null }[];
  accounts: { id: string; description: string }[];
  creditors: { id: string; name: string }[];
}

export interface SyncProgressView {
  runId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  phase: string;
  rowsFetched: number;
  estimatedTotal: number | null;
  slice: string | null;
  slicesDone: number;
  slicesTotal: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  error: { code: string; message: Bilingual; action?: Bilingual; reference?: string } | null;
}

export interface AccountLinesView {
  account: string;
  lines: (MutationLine & { matchId: string | null; matchStatus: 'suggested' | 'confirmed' | 'stale' | null; note: string | null })[];
}

export interface MonthEnd {
  workspace(): WorkspaceView;
  saveEnvironment(env: EnvironmentConfig): WorkspaceView;
  storeClassicToken(tokenText: string): Promise<WorkspaceView>;
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
  confirmMatch(unitId: number, account: string, lines: LineKey[], difference: Cents, reason: string | null, by: string): AdministrationResult;
  acceptSuggestion(unitId: number, period: Period, matchId: string, by: string): AdministrationResult;
  unmatch(unitId: number, matchId: string, by: string, reason: string | null): AdministrationResult;
  undo(by: string): { undone: string | null };
  addNote(unitId: number, lineKey: LineKey, text: string, by: string): void;
  signOff(unitId: number, account: string, period: Period, role: 'preparer' | 'reviewer', by: string): AdministrationResult;
  setWalletBalance(unitId: number, period: Period, cents: Cents | null): AdministrationResult;
  exportWorkbook(unitId: number, period: Period, targetPath: string, lang: 'nl' | 'en'): Promise<{ path: string }>;
  /** Starts the bundled fake AFAS with the demo environment and configures the workspace for it. */
  startDemo(): Promise<WorkspaceView>;
  close(): Promise<void>;
}
