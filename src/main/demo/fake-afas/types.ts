// Public shapes of the fake AFAS Profit server. Plain Node only: the bundled demo serves it too.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type FakeDataType = 'string' | 'int' | 'decimal' | 'date' | 'boolean';

export interface FakeField {
  /** What rows, filters and ordering use (metainfo `id`). */
  id: string;
  /** Profit's internal field id (metainfo `fieldId`); defaults to `id`. */
  fieldId?: string;
  dataType: FakeDataType;
  label: string;
  length?: number;
  decimals?: number;
}

export interface FakeConnector {
  description?: string;
  fields: FakeField[];
  rows: Record<string, unknown>[];
}

export interface FakeEnvironment {
  envId: string;
  profitVersion?: string;
  appName?: string;
  group?: string;
  tokenExpiry?: string;
  connectors: Record<string, FakeConnector>;
  updateConnectors?: { id: string; description: string }[];
}

/** Extra routes (OAuth). Return true when the request was handled. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export type ApiAuthResult =
  | { ok: true }
  | { ok: false; status: number; body: unknown; headers?: Record<string, string> };

/** Decides a request's `Authorization` scheme it owns (e.g. DPoP); null = not my scheme. */
export type ApiAuthVerifier = (req: IncomingMessage, url: URL) => Promise<ApiAuthResult | null>;

export interface RequestLog {
  method: string;
  /** Path name, e.g. /ProfitRestServices/connectors/Profit_Journals. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** Epoch ms when the request arrived. */
  time: number;
  /** Which fault (kind) answered this request, if any. */
  fault?: FaultKind;
}

/**
 * reset: half the body, then a TCP reset; truncate: the body, but Content-Length promised more;
 * cut: a 200 whose body stops halfway with a Content-Length that fits (it does not parse).
 */
export type FaultKind = '500' | '503' | 'reset' | 'slow' | 'truncate' | 'cut' | '401' | '403' | '404';

export interface FaultSpec {
  match?: { path?: RegExp; nth?: number };
  kind: FaultKind;
  /** How many matching requests the fault answers (default 1; Infinity = until cleared). */
  times?: number;
  /** Answers this share (0..1) of the matching requests, until cleared; `nth` and `times` are ignored. */
  rate?: number;
  /** With `rate`: which requests are hit (default 1). */
  seed?: number;
  /** 503: seconds in `retry_after` and the Retry-After header (default 7200). */
  retryAfter?: number;
  /** slow: delay before answering normally (default 2000 ms). */
  delayMs?: number;
  /** 500 (and 401/403): externalMessage. */
  message?: string;
  /** 500: errorNumber (default -1). */
  errorNumber?: number;
}

export interface FaultController {
  add(fault: FaultSpec): void;
  clear(): void;
}

export interface FakeAfasOptions {
  environment: FakeEnvironment;
  /** Accepted classic token XML strings (`<token><version>1</version><data>…</data></token>`). */
  tokens: string[];
  authVerifiers?: ApiAuthVerifier[];
  routes?: RouteHandler[];
  port?: number;
  /** Added before every answer. */
  latencyMs?: number;
}

export interface FakeAfas {
  /** http://127.0.0.1:PORT/ProfitRestServices */
  baseUrl: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  requests: RequestLog[];
  faults: FaultController;
  /**
   * Mutable: add, change or delete connectors and rows between syncs. Changes made through this
   * object are seen at once (cached indexes are dropped).
   */
  environment: FakeEnvironment;
  /** Drops cached indexes; only needed after changing the original environment object directly. */
  invalidate(): void;
  /**
   * Builds now the row indexes that requests built before a change (a database maintains its
   * indexes on a write); without it the next request builds them.
   */
  maintainIndexes(): void;
  close(): Promise<void>;
}
