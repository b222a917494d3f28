// The GetConnector client: undici with one keep-alive Agent, a per-client semaphore within the
// environment's shared one, retries with back-off for what is transient, and pages in order with a
// bounded few fetched ahead (getRows).
import { Agent, type Dispatcher } from 'undici';
import type {
  AfasClient,
  AfasRow,
  ConnectorInfo,
  FieldInfo,
  GetRowsOptions,
  MetaInfo,
  RequestAuth,
} from './types';
import type { Lang } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { createSemaphore, environmentSemaphore } from './semaphore';
import { parseAfasJson } from './afas-json';
import { buildQuery, MAX_QUERY_LENGTH, pageSize, queryLength } from './query';
import {
  afas500,
  badResponse,
  cancelled,
  isPageTooLarge,
  isTransient500,
  queryTooLong,
  retryAfterSeconds,
  translateHttpFailure,
  translateNetworkError,
  networkKind,
} from './errors';

export interface AfasClientOptions {
  /** Everything up to and including /ProfitRestServices (see parseEnvironment). */
  baseUrl: string;
  auth: RequestAuth;
  language?: Lang;
  /** Requests in flight at once for this client; all clients of an environment share ENVIRONMENT_LIMIT. */
  maxInFlight?: number;
  /** Per request: time to the response headers and between body chunks. */
  timeoutMs?: number;
  /** Retries after the first attempt, for transient failures only. */
  retries?: number;
  /** Use this dispatcher instead of the client's own keep-alive Agent (not closed by close()). */
  dispatcher?: Dispatcher;
  /** Back-off: first delay and ceiling, in ms (jittered). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A 503 asking to wait longer than this is reported, not waited for (maintenance). */
  maxRetryAfterSeconds?: number;
}

/** Columns of the standard connectors, for the default page size. */
const KNOWN_COLUMNS: Record<string, number> = {
  Profit_Transactions_Allocated: 26,
  Profit_Transactions: 21,
  Profit_Journals: 5,
  Profit_Accounts: 19,
  Profit_Creditor: 30,
  Profit_Administrations: 3,
  Profit_Fin_ChangedEntrydate: 2,
  Profit_Period_balance: 7,
};
const DEFAULT_COLUMNS = 40;
const MAX_AUTH_RETRIES = 2;

/** A failed attempt: what to tell the user, and whether (and when) to try again. */
class AttemptError extends Error {
  constructor(
    readonly failure: AppFailure,
    readonly retry: boolean,
    readonly delayMs?: number,
  ) {
    super(failure.message);
  }
}

export function createAfasClient(options: AfasClientOptions): AfasClient {
  const base = new URL(options.baseUrl);
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const retries = options.retries ?? 5;
  const maxInFlight = options.maxInFlight ?? 4;
  const backoffBase = options.backoffBaseMs ?? 500;
  const backoffMax = options.backoffMaxMs ?? 30_000;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 300;
  const ownAgent = options.dispatcher
    ? null
    : new Agent({
        connections: maxInFlight,
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 120_000,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        connect: { timeout: Math.min(timeoutMs, 30_000) },
      });
  const dispatcher: Dispatcher = options.dispatcher ?? (ownAgent as Agent);
  const semaphore = createSemaphore(maxInFlight);
  const environment = environmentSemaphore(options.baseUrl);
  const acceptLanguage = options.language === 'en' ? 'en-us' : 'nl-nl';

  function backoff(attempt: number): number {
    const ceiling = Math.min(backoffMax, backoffBase * 2 ** attempt);
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }

  /** One request, one response body read to the end; the semaphore slot is held until then. */
  async function attempt(
    path: string,
    connectorId: string | undefined,
    signal: AbortSignal | undefined,
    tryNo: number,
  ): Promise<{ body: Buffer } | { again: AppFailure }> {
    // The client's own slot first, then the environment's (always in this order: no deadlock).
    const releaseOwn = await semaphore.acquire(signal).catch(() => {
      throw cancelled();
    });
    const releaseEnvironment = await environment.acquire(signal).catch(() => {
      releaseOwn();
      throw cancelled();
    });
    const release = () => {
      releaseEnvironment();
      releaseOwn();
    };
    const url = `${origin}${basePath}${path}`;
    let status: number;
    let headers: Record<string, string | string[] | undefined>;
    let body: Buffer;
    let auth: Record<string, string>;
    try {
      auth = await options.auth.headers('GET', url, signal);
      const res = await dispatcher.request({
        origin,
        path: `${basePath}${path}`,
        method: 'GET',
        headers: { ...auth, accept: 'application/json', 'accept-language': acceptLanguage },
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = res.statusCode;
      headers = res.headers;
      const chunks: Buffer[] = [];
      for await (const chunk of res.body) chunks.push(chunk as Buffer);
      body = Buffer.concat(chunks);
    } catch (e) {
      if (signal?.aborted) throw cancelled();
      if (e instanceof AppFailure) throw e;
      const failure = translateNetworkError(e);
      // TLS and DNS problems do not pass by themselves; resets, refusals and timeouts may.
      const kind = networkKind(e);
      throw new AttemptError(failure, kind !== 'tls' && kind !== 'dns', backoff(tryNo));
    } finally {
      release();
    }
    const flat: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(headers)) flat[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const ok = status >= 200 && status < 300;
    // A success body stays bytes (off the JS heap) until its reader decodes it; errors are short text.
    const text = ok ? '' : body.toString('utf8');
    if (options.auth.observe && (await options.auth.observe(status, flat, ok ? null : text, auth))) {
      // The auth layer wants the request again with fresh headers (DPoP nonce, refreshed token).
      return {
        again: ok
          ? badResponse(connectorId)
          : translateHttpFailure({ status, body: text, headers, ...(connectorId ? { connectorId } : {}) }),
      };
    }
    if (ok) return { body };
    throw classify(status, text, headers, connectorId, tryNo);
  }

  function classify(
    status: number,
    body: string,
    headers: Record<string, string | string[] | undefined>,
    connectorId: string | undefined,
    tryNo: number,
  ): AttemptError {
    const failure = translateHttpFailure({ status, body, headers, ...(connectorId ? { connectorId } : {}) });
    if (status === 503 || status === 429) {
      const after = retryAfterSeconds(body, headers);
      if (after !== null && after > maxRetryAfter) return new AttemptError(failure, false);
      return new AttemptError(
        failure,
        true,
        after !== null ? after * 1000 + Math.round(Math.random() * 250) : backoff(tryNo),
      );
    }
    if (status === 500) {
      const msg = afas500(body).externalMessage;
      return new AttemptError(
        failure,
        msg === undefined ? false : isTransient500(msg) && !isPageTooLarge(msg),
        backoff(tryNo),
      );
    }
    if (status === 502 || status === 504) return new AttemptError(failure, true, backoff(tryNo));
    return new AttemptError(failure, false); // 400, 401, 403, 404, 413, …
  }

  /**
   * GET with retries; `decode` turns the success body into the result. A body it cannot decode
   * (a 200 that does not parse was cut off on the way) is fetched again like a transient failure.
   */
  async function get<T>(path: string, connectorId: string | undefined, signal: AbortSignal | undefined, decode: (body: Buffer) => T): Promise<T> {
    let authRetries = 0;
    for (let tryNo = 0; ;) {
      if (signal?.aborted) throw cancelled();
      try {
        const r = await attempt(path, connectorId, signal, tryNo);
        if ('again' in r) {
          if (++authRetries > MAX_AUTH_RETRIES) throw r.again;
          continue;
        }
        try {
          return decode(r.body);
        } catch {
          throw new AttemptError(badResponse(connectorId), true, backoff(tryNo));
        }
      } catch (e) {
        if (!(e instanceof AttemptError)) throw e;
        if (!e.retry || tryNo >= retries) throw e.failure;
        await sleep(e.delayMs ?? backoff(tryNo), signal);
        tryNo++;
      }
    }
  }

  /** One page; on "Out of String space" the same rows are asked again in smaller pages. */
  async function fetchPage<T>(
    connectorId: string,
    opts: GetRowsOptions,
    skip: number,
    take: number,
    signal: AbortSignal,
    decode: (body: Buffer) => T,
  ): Promise<{ value: T; take: number }> {
    const path = `/connectors/${encodeURIComponent(connectorId)}`;
    for (;;) {
      try {
        const value = await get(
          `${path}?${buildQuery({ skip, take, orderBy: opts.orderBy, ...(opts.filters ? { filters: opts.filters } : {}) })}`,
          connectorId,
          signal,
          decode,
        );
        return { value, take };
      } catch (e) {
        if (e instanceof AppFailure && e.appError.code === 'afas.page_too_large' && take > 10) {
          take = Math.max(10, Math.floor(take / 2));
          continue;
        }
        throw e;
      }
    }
  }

  /**
   * Pages in order. While the caller works on a full page the next ones are already being fetched
   * (server time overlaps parsing): at most `prefetch` pages in flight (default 1; bulk readers ask
   * for 2; within the client's maxInFlight) plus the one the caller holds. A page shorter than take
   * ends it. Pages fetched ahead wait as bytes and are parsed only when the caller asks for them:
   * their rows are then short-lived, so V8 collects them young instead of promoting whole pages
   * (1M rows: ~1 s of GC less).
   */
  async function* getRows(connectorId: string, opts: GetRowsOptions): AsyncGenerator<AfasRow[]> {
    if (!opts.orderBy || opts.orderBy.length === 0 || opts.orderBy.some((f) => !f.trim())) {
      throw new RangeError(
        `getRows(${connectorId}) needs orderBy: paging without an order can repeat or skip rows`,
      );
    }
    const length = queryLength(opts.orderBy, opts.filters);
    if (length > MAX_QUERY_LENGTH) throw queryTooLong(connectorId, length);
    const stop = new AbortController();
    const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
    const depth = Math.max(1, Math.min(opts.prefetch ?? 1, maxInFlight));
    let take = opts.take ?? pageSize(opts.columns ?? KNOWN_COLUMNS[connectorId] ?? DEFAULT_COLUMNS);
    let nextSkip = 0;
    const queue: { skip: number; take: number; page: Promise<{ value: Buffer; take: number }> }[] = [];
    const enqueue = () => {
      const page = fetchPage(connectorId, opts, nextSkip, take, signal, (body) => body);
      page.catch(() => undefined); // surfaced when awaited; silenced if dropped or the caller stops early
      queue.push({ skip: nextSkip, take, page });
      nextSkip += take;
    };
    enqueue();
    try {
      while (queue.length > 0) {
        const head = queue.shift()!;
        let page: { rows: AfasRow[]; take: number };
        const fetched = await head.page;
        const json = tryParse(fetched.value);
        if (json !== undefined) page = { rows: rowsOf(json, connectorId), take: fetched.take };
        else {
          // Cut off on the way: this page again, parsed as it arrives (retried like any transient failure).
          const again = await fetchPage(connectorId, opts, head.skip, fetched.take, signal, parseBody);
          page = { rows: rowsOf(again.value, connectorId), take: again.take };
        }
        const rows = page.rows;
        if (page.take !== head.take) {
          // The page size was halved ("Out of String space"): the speculative pages are void.
          queue.length = 0;
          take = page.take;
          nextSkip = head.skip + rows.length;
        }
        if (rows.length >= page.take) {
          while (queue.length < depth) enqueue();
          // Let the requests reach the socket before the caller's synchronous work on this page.
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else {
          queue.length = 0; // the last page: anything further was speculation
        }
        opts.onPage?.({ rows: rows.length, skip: head.skip });
        yield rows;
      }
    } finally {
      stop.abort(); // whatever is still in flight (dropped speculation, an early stop) is not needed
    }
  }

  return {
    getRows,
    async metaInfo(signal) {
      const json = asObject(await get('/metainfo', undefined, signal, parseBody));
      const list = (v: unknown): ConnectorInfo[] =>
        Array.isArray(v)
          ? v
              .filter((c) => c && typeof c.id === 'string')
              .map((c) => ({ id: String(c.id), description: String(c.description ?? '') }))
          : [];
      const info = json.info && typeof json.info === 'object' ? (json.info as MetaInfo['info']) : null;
      return { getConnectors: list(json.getConnectors), updateConnectors: list(json.updateConnectors), info };
    },
    async connectorFields(connectorId, signal) {
      const json = asObject(
        await get(`/metainfo/get/${encodeURIComponent(connectorId)}`, connectorId, signal, parseBody),
      );
      const fields = Array.isArray(json.fields) ? (json.fields as Record<string, unknown>[]) : [];
      return fields
        .filter((f) => f && typeof f.id === 'string')
        .map((f): FieldInfo => ({
          id: String(f.id),
          fieldId: typeof f.fieldId === 'string' ? f.fieldId : null,
          dataType: typeof f.dataType === 'string' ? f.dataType : null,
          label: typeof f.label === 'string' ? f.label : null,
          length: typeof f.length === 'number' ? f.length : null,
          decimals: typeof f.decimals === 'number' ? f.decimals : null,
        }));
    },
    async profitVersion(signal) {
      const json = asObject(await get('/profitversion', undefined, signal, parseBody));
      return typeof json.version === 'string' ? json.version : String(json.version ?? '');
    },
    async close() {
      await ownAgent?.close();
    },
  };
}

function parseBody(body: Buffer): unknown {
  return parseAfasJson(body.toString('utf8'));
}

/** The body's JSON, or undefined when it does not parse. */
function tryParse(body: Buffer): unknown {
  try {
    return parseBody(body);
  } catch {
    return undefined;
  }
}

function asObject(json: unknown): Record<string, unknown> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw badResponse();
  return json as Record<string, unknown>;
}

function rowsOf(json: unknown, connectorId: string): AfasRow[] {
  const rows = json && typeof json === 'object' ? (json as { rows?: unknown }).rows : undefined;
  if (!Array.isArray(rows)) throw badResponse(connectorId);
  return rows as AfasRow[];
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
