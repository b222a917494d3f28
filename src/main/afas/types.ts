// The seam between the AFAS client (afas/) and its users (sync/, readiness, CLI). Sync depends on
// this interface only, so it can be driven by the real client over HTTP or by a test double.

/** AFAS operator codes (docs: 1 '=' … 15 quick filter). */
export type FilterOperator = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15;

export interface FilterCondition {
  fieldId: string;
  operator: FilterOperator;
  /** Required even for 8/9 (may be ''). Dates as 'YYYY-MM-DDTHH:mm:ss' without Z. */
  value: string;
}

/** Conditions inside a group are ANDed; groups are ORed. */
export type FilterGroups = FilterCondition[][];

export interface GetRowsOptions {
  /** Always required: AFAS may repeat or drop rows when paging without an order. '-Field' = desc. */
  orderBy: string[];
  filters?: FilterGroups;
  /** Page size; default derived from columns × rows < 150,000. */
  take?: number;
  /** Number of columns the connector returns, for the default page size (known connectors need none). */
  columns?: number;
  signal?: AbortSignal;
  /** Pages fetched ahead while the caller works (default 1; at most the client's maxInFlight). */
  prefetch?: number;
  /** At most this many rows are asked for (a probe for the first row asks for one, once). */
  limit?: number;
  /** Called after each page with the number of rows it held. */
  onPage?: (info: { rows: number; skip: number }) => void;
}

export type AfasRow = Record<string, unknown>;

export interface ConnectorInfo {
  id: string;
  description: string;
}

export interface MetaInfo {
  getConnectors: ConnectorInfo[];
  updateConnectors: ConnectorInfo[];
  info: { envid?: string; appName?: string; group?: string; tokenExpiry?: string } | null;
}

export interface FieldInfo {
  id: string;
  fieldId: string | null;
  dataType: string | null;
  label: string | null;
  length: number | null;
  decimals: number | null;
}

import type { RetryCounts } from '../../shared/views';
export type { RetryCounts };

export interface AfasClient {
  /** Pages of rows in the given order, stopping at the first short page. Throws AppFailure. */
  getRows(connectorId: string, options: GetRowsOptions): AsyncIterable<AfasRow[]>;
  metaInfo(signal?: AbortSignal): Promise<MetaInfo>;
  connectorFields(connectorId: string, signal?: AbortSignal): Promise<FieldInfo[]>;
  profitVersion(signal?: AbortSignal): Promise<string>;
  /** Retries so far, for the sync run's record (test doubles may leave it out). */
  retryCounts?(): RetryCounts;
  close(): Promise<void>;
}

/** How a request is authorised: classic AfasToken or OAuth access token + DPoP proof. */
export interface RequestAuth {
  /**
   * Headers for one request attempt (Authorization; DPoP proof for OAuth). The signal stops waiting
   * (e.g. for a token refresh) when the caller gives up.
   */
  headers(method: string, url: string, signal?: AbortSignal): Promise<Record<string, string>>;
  /**
   * Sees every response (status, lower-cased headers, body text of errors) and the headers that
   * request was sent with (so a refused token is known per request). Returns true when the same
   * request should be sent once more with fresh headers (DPoP `use_dpop_nonce`, refreshed token).
   */
  observe?(status: number, headers: Record<string, string | undefined>, body: string | null, sent?: Record<string, string>): Promise<boolean> | boolean;
}
