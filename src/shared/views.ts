// What the month-end orchestrator (src/main/app) answers, as plain data: the same shapes reach the
// renderer through the contract and the CLI directly.
import type { AdministrationConfig, AppError, Bilingual, EnvironmentConfig, MutationLine, Period } from './domain';


/** One entry of a line's history (the audit trail, in words). */
export interface LineHistoryEntry {
  id: number;
  at: string;
  /** 'auto' for Kruispost's own matching. */
  by: string;
  action: string;
  account: string | null;
  text: Bilingual;
  reason: string | null;
}

/**
 * The last sync, said in one definition: `rows` is what the run fetched from AFAS over all
 * administrations (what the toast said when it ended); 0 when nothing had changed since.
 */
export interface LastSyncView {
  finishedAt: string;
  status: string;
  rows: number;
  /** When the last run that succeeded ended (the figures on screen are of then). */
  lastDone: string | null;
  /** The failed run's error code. */
  errorCode: string | null;
}

export interface WorkspaceView {
  environment: (EnvironmentConfig & { label: string }) | null;
  /** Never the token itself. */
  token: { stored: boolean; lastVerified: string | null; kind: 'classic' | 'oauth' | null };
  /** The OAuth client id sign-in uses (configuration, not a secret). */
  oauthClientId?: string;
  administrations: AdministrationConfig[];
  demo: boolean;
  lastSync: LastSyncView | null;
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

/**
 * The AFAS client's retries per connector (or path: 'metainfo', 'profitversion') and status
 * ('500', '503', '429', '502', 'network', 'timeout', 'unreadable'), e.g. { Profit_Accounts: { '500': 2 } }.
 */
export type RetryCounts = Record<string, Record<string, number>>;

/** Where long work after the download is: reading the lines, matching, saving the matches, the picture, the workbook. */
export interface JobStep {
  label: 'read' | 'match' | 'persist' | 'reconcile' | 'export';
  done: number;
  total: number | null;
}

/** A sync (phases plan … lines, apply, match, done) or an export (phase 'export'). */
export interface SyncProgressView {
  runId: string;
  /** 'export' for a workbook being written; a sync otherwise. */
  kind?: 'sync' | 'export';
  state: 'running' | 'done' | 'failed' | 'cancelled';
  phase: string;
  /** Within the match phase or an export: the step, and a heartbeat that grows while it works. */
  step?: JobStep | null;
  beat?: number;
  rowsFetched: number;
  estimatedTotal: number | null;
  slice: string | null;
  slicesDone: number;
  slicesTotal: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  error: AppError | null;
  /** Retries of this run so far (all administrations). */
  retries?: RetryCounts;
}

export type AccountLine = MutationLine & { matchId: string | null; matchStatus: 'suggested' | 'confirmed' | 'stale' | null; note: string | null };

export interface AccountLinesView {
  account: string;
  lines: AccountLine[];
}
