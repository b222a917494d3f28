// The GetConnector client: undici with one keep-alive Agent, a per-client semaphore within the
// environment's shared one, retries with back-off for what is transient (within one budget per
// client, i.e. per sync run), and pages in order with a bounded few fetched ahead (getRows). A slow
// query is never simply sent again: AFAS may work on it for up to 900 s, and repeating it is a
// fair-use risk; the next pages are smaller.
import { Agent, type Dispatcher } from 'undici';
import type {
  AfasClient,
  AfasRow,
  ConnectorInfo,
  FieldInfo,
  GetRowsOptions,
  MetaInfo,
  RequestAuth,
  RetryCounts,
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
  isCommandTimeout,
  isFunctional500,
  isPageTooLarge,
  queryTooLong,
  retryAfterSeconds,
  translateHttpFailure,
  translateNetworkError,
  networkKind,
  errorCodes,
} from './errors';

export interface AfasClientOptions {
  /** Everything up to and including /ProfitRestServices (see parseEnvironment). */
  baseUrl: string;
  auth: RequestAuth;
  language?: Lang;
  /** Requests in flight at once for this client; all clients of an environment share ENVIRONMENT_LIMIT. */
  maxInFlight?: number;
  /** Per request: time to the response headers (default: AFAS's 900 s query limit plus a margin). */
  timeoutMs?: number;
  /** Per request: time between body chunks, once AFAS answers (default 60 s). */
  bodyTimeoutMs?: number;
  /** Retries of one request after its first attempt, for transient failures only (default 4). */
  retries?: number;
  /** For the whole client (one sync run): how many retries, and how long waiting between tries. */
  retryBudget?: { retries?: number; waitMs?: number };
  /** A page answered slower than this makes the following pages half as big (default 30 s). */
  slowPageMs?: number;
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
/** AFAS ends a query after 900 s ("Command timeout expired."): wait that long, and a bit. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 930_000;
/** Pages are not made smaller than this. */
const MIN_TAKE = 10;
/** AFAS's answers for a page too heavy or too slow: asked again in smaller pages. */
const SHRINK = new Set(['afas.page_too_large', 'afas.command_timeout']);
/** Our own time-outs waiting for AFAS's answer (not a connect or a stalled body): too slow too. */
const unanswered = new WeakSet<AppFailure>();

/** A failed attempt: what to tell the user, whether (and when) to try again, and as what to count it. */
class AttemptError extends Error {
  constructor(
    readonly failure: AppFailure,
    readonly retry: boolean,
    readonly delayMs?: number,
    readonly status = 'error',
  ) {
    super(failure.message);
  }
}

export function createAfasClient(options: AfasClientOptions): AfasClient {
  const base = new URL(options.baseUrl);
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? Math.min(timeoutMs, 60_000);
  const retries = options.retries ?? 4;
  const slowPageMs = options.slowPageMs ?? 30_000;
  const budget = { retries: options.retryBudget?.retries ?? 100, waitMs: options.retryBudget?.waitMs ?? 15 * 60_000 };
  const spent = { retries: 0, waitMs: 0 };
  const counts: RetryCounts = {};
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
        bodyTimeout: bodyTimeoutMs,
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

  /**
   * Takes one retry (and its wait) from the client's budget and counts it under the connector
   * (or the path) and status; false when the budget cannot pay for it.
   */
  function spend(what: string, status: string, waitMs: number): boolean {
    if (spent.retries >= budget.retries || spent.waitMs + waitMs > budget.waitMs) return false;
    spent.retries++;
    spent.waitMs += waitMs;
    const c = (counts[what] ??= {});
    c[status] = (c[status] ?? 0) + 1;
    return true;
  }

  /** One request, one response body read to the end; the semaphore slot is held until then. */
  async function attempt(
    path: string,
    connectorId: string | undefined,
    signal: AbortSignal | undefined,
    tryNo: number,
  ): Promise<{ body: Buffer; ms: number } | { again: AppFailure }> {
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
    let ms: number;
    let auth: Record<string, string>;
    try {
      auth = await options.auth.headers('GET', url, signal);
      const sent = Date.now();
      const res = await dispatcher.request({
        origin,
        path: `${basePath}${path}`,
        method: 'GET',
        headers: { ...auth, accept: 'application/json', 'accept-language': acceptLanguage },
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: bodyTimeoutMs,
      });
      ms = Date.now() - sent;
      status = res.statusCode;
      headers = res.headers;
      const chunks: Buffer[] = [];
      for await (const chunk of res.body) chunks.push(chunk as Buffer);
      body = Buffer.concat(chunks);
    } catch (e) {
      if (signal?.aborted) throw cancelled();
      if (e instanceof AppFailure) throw e;
      const failure = translateNetworkError(e);
      // TLS and DNS problems do not pass by themselves; resets and refusals may. A query AFAS did
      // not answer in time is not sent again as it was (the pager asks smaller pages instead).
      const kind = networkKind(e);
      const slow = errorCodes(e).includes('UND_ERR_HEADERS_TIMEOUT');
      if (slow) unanswered.add(failure);
      throw new AttemptError(failure, kind !== 'tls' && kind !== 'dns' && !slow, backoff(tryNo), slow ? 'timeout' : 'network');
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
    if (ok) return { body, ms };
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
    const code = String(status);
    if (status === 503 || status === 429) {
      const after = retryAfterSeconds(body, headers);
      if (after !== null && after > maxRetryAfter) return new AttemptError(failure, false, undefined, code);
      return new AttemptError(
        failure,
        true,
        after !== null ? after * 1000 + Math.round(Math.random() * 250) : backoff(tryNo),
        code,
      );
    }
    if (status === 500) {
      // AFAS answers its generic 500 for passing trouble too (a deadlock, a node restarting): a GET
      // may be sent again. Known functional messages stay final; a heavy or slow page is answered
      // by smaller pages (fetchPage), not by the same query.
      const msg = afas500(body).externalMessage;
      const final = isFunctional500(msg) || isPageTooLarge(msg) || isCommandTimeout(msg);
      return new AttemptError(failure, !final, backoff(tryNo), code);
    }
    if (status === 502 || status === 504) return new AttemptError(failure, true, backoff(tryNo), code);
    return new AttemptError(failure, false, undefined, code); // 400, 401, 403, 404, 413, …
  }

  /**
   * GET with retries; `decode` turns the success body into the result. A body it cannot decode
   * (a 200 that does not parse was cut off on the way) is fetched again like a transient failure.
   * `ms`: how long AFAS took to answer the attempt that succeeded.
   */
  async function getTimed<T>(path: string, connectorId: string | undefined, signal: AbortSignal | undefined, decode: (body: Buffer) => T): Promise<{ value: T; ms: number }> {
    let authRetries = 0;
    const what = connectorId ?? path.split(/[/?]/)[1] ?? path;
    for (let tryNo = 0; ;) {
      if (signal?.aborted) throw cancelled();
      try {
        const r = await attempt(path, connectorId, signal, tryNo);
        if ('again' in r) {
          if (++authRetries > MAX_AUTH_RETRIES) throw r.again;
          continue;
        }
        try {
          return { value: decode(r.body), ms: r.ms };
        } catch {
          throw new AttemptError(badResponse(connectorId), true, backoff(tryNo), 'unreadable');
        }
      } catch (e) {
        if (!(e instanceof AttemptError)) throw e;
        const delay = e.delayMs ?? backoff(tryNo);
        if (!e.retry || tryNo >= retries || !spend(what, e.status, delay)) throw e.failure;
        await sleep(delay, signal);
        tryNo++;
      }
    }
  }

  async function get<T>(path: string, connectorId: string | undefined, signal: AbortSignal | undefined, decode: (body: Buffer) => T): Promise<T> {
    return (await getTimed(path, connectorId, signal, decode)).value;
  }

  /**
   * One page. When AFAS cannot build it ("Out of String space"), ends the query ("Command timeout
   * expired.") or does not answer in time, the same rows are asked in a page half as big: a
   * lighter query, not the same one again. `slow`: AFAS took longer than slowPageMs.
   */
  async function fetchPage<T>(
    connectorId: string,
    opts: GetRowsOptions,
    skip: number,
    take: number,
    signal: AbortSignal,
    decode: (body: Buffer) => T,
  ): Promise<{ value: T; take: number; slow: boolean }> {
    const path = `/connectors/${encodeURIComponent(connectorId)}`;
    for (;;) {
      try {
        const { value, ms } = await getTimed(
          `${path}?${buildQuery({ skip, take, orderBy: opts.orderBy, ...(opts.filters ? { filters: opts.filters } : {}) })}`,
          connectorId,
          signal,
          decode,
        );
        return { value, take, slow: ms > slowPageMs };
      } catch (e) {
        if (e instanceof AppFailure && (SHRINK.has(e.appError.code) || unanswered.has(e)) && take > MIN_TAKE) {
          if (!spend(connectorId, unanswered.has(e) ? 'timeout' : '500', 0)) throw e;
          take = Math.max(MIN_TAKE, Math.floor(take / 2));
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
    let take = Math.min(opts.take ?? pageSize(opts.columns ?? KNOWN_COLUMNS[connectorId] ?? DEFAULT_COLUMNS), opts.limit ?? Infinity);
    let nextSkip = 0;
    const queue: { skip: number; take: number; page: Promise<{ value: Buffer; take: number; slow: boolean }> }[] = [];
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
        let page: { rows: AfasRow[]; take: number; slow: boolean };
        const fetched = await head.page;
        const json = tryParse(fetched.value);
        if (json !== undefined) page = { rows: rowsOf(json, connectorId), take: fetched.take, slow: fetched.slow };
        else {
          // Cut off on the way: this page again, parsed as it arrives (retried like any transient failure).
          if (!spend(connectorId, 'unreadable', 0)) throw badResponse(connectorId);
          const again = await fetchPage(connectorId, opts, head.skip, fetched.take, signal, parseBody);
          page = { rows: rowsOf(again.value, connectorId), take: again.take, slow: again.slow };
        }
        const rows = page.rows;
        if (page.take !== head.take) {
          // The page size was halved (too heavy or too slow for AFAS): the speculative pages are void.
          queue.length = 0;
          take = page.take;
          nextSkip = head.skip + rows.length;
        } else if (page.slow && take > MIN_TAKE) {
          // Slow but answered: the pages not yet asked for are made smaller.
          take = Math.max(MIN_TAKE, Math.floor(take / 2));
        }
        if (rows.length >= page.take && (opts.limit === undefined || head.skip + rows.length < opts.limit)) {
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
    retryCounts: () => structuredClone(counts),
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
