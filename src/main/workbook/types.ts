import type { LineKey, MutationLine } from '../../shared/domain';
import type { AdministrationResult, AuditEntry } from '../../shared/reconcile';

export interface WorkbookSyncInfo {
  /** Participant number and type (labelled in the workbook's language). Never a token. */
  environment: { number: string; type: 'production' | 'test' | 'accept' } | null;
  syncedAt: string | null;
  /** Rows per synced table or connector. */
  rowCounts: Record<string, number>;
  administrations: { unitId: number; name: string | null }[];
}

export interface WorkbookInput {
  results: AdministrationResult[];
  audit: AuditEntry[];
  /** The audit trail's hash chain (store/audit.ts auditChain), printed under the entries. */
  auditChain?: { head: string | null; entries: number; intact: boolean; brokenAt: number | null };
  sync: WorkbookSyncInfo;
  generatedAt: string;
  appVersion: string;
  /**
   * The mutation lines behind matched groups (MatchGroup holds keys only), so the matched-groups
   * sheet can show each line's date, description and amount. Lines of open items are known already.
   */
  lines?: LineLookup;
}

/** Finds a line by key (a Map will do; the backend passes its prepared lines). */
export interface LineLookup {
  get(key: LineKey): MutationLine | undefined;
}

export interface WorkbookOptions {
  lang: 'nl' | 'en';
  /** Called every few dozen rows: a long export can be cancelled from it (it throws) and report it is alive. */
  tick?: () => void;
}

export interface WrittenWorkbook {
  path: string;
  bytes: number;
}
