// A fake AFAS Profit REST server on 127.0.0.1: GetConnector paging/ordering/filters, metainfo,
// profitversion, classic AfasToken auth (plus pluggable verifiers for OAuth/DPoP), the documented
// error answers, and fault injection. Used by the tests and served by the bundled demo.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  FakeAfasError,
  NOT_AUTHORIZED_MESSAGE,
  profitError,
  sendEmpty,
  sendJson,
  sendJsonText,
  sendMaintenance,
  sendProfitError,
} from './errors';
import { Faults } from './faults';
import { parseFilterParams } from './filters';
import { IndexCache } from './index-cache';
import { connectorMetaBody, DEFAULT_PROFIT_VERSION, metaInfoBody } from './metainfo';
import { parseOrder } from './ordering';
import { pageBody, pageIndices, parsePage } from './paging';
import { trackMutations } from './tracking';
import type { FakeAfas, FakeAfasOptions, FakeConnector, FakeEnvironment, FaultSpec, RequestLog } from './types';

export type * from './types';

export const BASE_PATH = '/ProfitRestServices';
/** Longer query strings (after '?') are answered 404, as AFAS's proxy does. */
export const MAX_QUERY_LENGTH = 2049;
/** A page this near the start is picked from the filtered rows without sorting them all. */
const SMALL_PAGE = 16;

interface Reply {
  status: number;
  /** JSON text; null = empty body. */
  body: string | null;
  headers?: Record<string, string>;
}

const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body: JSON.stringify(body), headers });
const empty = (status: number): Reply => ({ status, body: null });

export async function startFakeAfas(options: FakeAfasOptions): Promise<FakeAfas> {
  const raw: FakeEnvironment = options.environment;
  const cache = new IndexCache();
  const faults = new Faults();
  const requests: RequestLog[] = [];
  const environment = trackMutations(raw, () => cache.clear());
  const acceptedTokens = new Set(options.tokens.map((t) => Buffer.from(t, 'utf8').toString('base64')));
  const sockets = new Set<Socket>();

  const findConnector = (id: string): [string, FakeConnector] | null => {
    const exact = raw.connectors[id];
    if (exact) return [id, exact];
    const lower = id.toLowerCase();
    for (const [key, c] of Object.entries(raw.connectors)) if (key.toLowerCase() === lower) return [key, c];
    return null;
  };

  async function authorize(req: IncomingMessage, url: URL): Promise<Reply | null> {
    const header = req.headers.authorization ?? '';
    const classic = /^AfasToken\s+(.+)$/i.exec(header);
    if (classic) return acceptedTokens.has((classic[1] as string).trim()) ? null : empty(401);
    for (const verify of options.authVerifiers ?? []) {
      const result = await verify(req, url);
      if (result === null) continue;
      if (result.ok) return null;
      return { status: result.status, body: result.body === undefined ? null : JSON.stringify(result.body), headers: result.headers };
    }
    return empty(401);
  }

  function getConnector(id: string, params: URLSearchParams): Reply {
    const found = findConnector(id);
    if (!found) return json(401, profitError(NOT_AUTHORIZED_MESSAGE, 0));
    const [connectorId, connector] = found;
    const page = parsePage(params);
    const groups = parseFilterParams(params);
    const order = parseOrder(params.get('orderbyfieldids'), connector.fields);
    const first = !page.all && order.length > 0 && page.skip + page.take <= SMALL_PAGE ? page.skip + page.take : undefined;
    const index = cache.get(connectorId, connector, groups, order, first);
    const indices = pageIndices(index, page, order.length > 0);
    return { status: 200, body: pageBody(page, connector.rows, indices, connector.fields.length) };
  }

  function route(method: string, rest: string, params: URLSearchParams): Reply {
    if (method !== 'GET') return empty(404);
    const segs = rest.split('/').filter((s) => s !== '').map(decodeURIComponent);
    const head = (segs[0] ?? '').toLowerCase();
    if (head === 'connectors' && segs.length === 2) return getConnector(segs[1] as string, params);
    if (head === 'metainfo' && segs.length === 1) return json(200, metaInfoBody(raw));
    if (head === 'metainfo' && segs.length === 3) {
      const type = (segs[1] as string).toLowerCase();
      const id = segs[2] as string;
      if (type === 'get') {
        const found = findConnector(id);
        if (!found) return json(401, profitError(NOT_AUTHORIZED_MESSAGE, 0));
        return json(200, connectorMetaBody(found[0], found[1].description ?? found[0], found[1].fields));
      }
      if (type === 'update') {
        const u = (raw.updateConnectors ?? []).find((c) => c.id.toLowerCase() === id.toLowerCase());
        if (!u) return json(401, profitError('UpdateConnector not supported for this app or the user is not authorized', 0));
        return json(200, { name: u.id, description: u.description, fields: [] });
      }
      return empty(404);
    }
    if (head === 'profitversion' && segs.length === 1) return json(200, { version: raw.profitVersion ?? DEFAULT_PROFIT_VERSION });
    return empty(404);
  }

  async function answer(req: IncomingMessage, url: URL, rawQuery: string): Promise<Reply> {
    if (rawQuery.length > MAX_QUERY_LENGTH) return empty(404);
    const path = url.pathname;
    if (path.toLowerCase() !== BASE_PATH.toLowerCase() && !path.toLowerCase().startsWith(BASE_PATH.toLowerCase() + '/')) return empty(404);
    const denied = await authorize(req, url);
    if (denied) return denied;
    try {
      return route(req.method ?? 'GET', path.slice(BASE_PATH.length), url.searchParams);
    } catch (e) {
      if (e instanceof FakeAfasError) return json(e.status, profitError(e.message));
      return json(500, profitError(e instanceof Error ? e.message : String(e)));
    }
  }

  function send(res: ServerResponse, reply: Reply, fault: FaultSpec | null): void {
    if (fault?.kind === 'cut' && reply.status === 200 && reply.body !== null) {
      const half = Buffer.from(reply.body, 'utf8').subarray(0, Math.floor(Buffer.byteLength(reply.body) / 2));
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(half.length) });
      res.end(half);
      return;
    }
    if (fault?.kind === 'reset' || fault?.kind === 'truncate') {
      const body = Buffer.from(reply.body ?? '{}', 'utf8');
      const socket = res.socket;
      if (fault.kind === 'reset') {
        res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) });
        // Half the body, then a TCP reset: the client sees the connection die mid-body.
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
          if (socket && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
          else socket?.destroy();
        });
      } else {
        res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length + 1024) });
        // The whole body, but Content-Length promised more; then the connection closes.
        res.write(body, () => socket?.end());
      }
      return;
    }
    if (reply.body === null) sendEmpty(res, reply.status, reply.headers);
    else sendJsonText(res, reply.status, reply.body, reply.headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, origin);
    const q = rawUrl.indexOf('?');
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
    const entry: RequestLog = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0, time: Date.now() };
    requests.push(entry);
    res.on('close', () => {
      entry.status = res.statusCode;
    });
    if (options.latencyMs) await sleep(options.latencyMs);
    const fault = faults.take(url.pathname, rawUrl);
    if (fault) entry.fault = fault.kind;
    // Our own answers ignore request bodies: drain them so keep-alive works. Extra routes (OAuth)
    // read theirs, so the stream stays paused (nothing lost) until it is clear who answers.
    if (fault && fault.kind !== 'slow' && fault.kind !== 'reset' && fault.kind !== 'truncate' && fault.kind !== 'cut') req.resume();
    switch (fault?.kind) {
      case '500':
        return sendJson(res, 500, profitError(fault.message ?? 'Command timeout expired.', fault.errorNumber));
      case '503':
        return sendMaintenance(res, fault.retryAfter ?? 7200);
      case '401':
      case '403':
        if (fault.message) return sendJson(res, Number(fault.kind), profitError(fault.message, 0));
        return sendEmpty(res, Number(fault.kind));
      case '404':
        return sendEmpty(res, 404);
      case 'slow':
        await sleep(fault.delayMs ?? 2000);
        break;
      default:
        break;
    }
    for (const r of options.routes ?? []) {
      if (await r(req, res, url)) {
        if (fault?.kind === 'reset' || fault?.kind === 'truncate' || fault?.kind === 'cut') res.socket?.destroy();
        return;
      }
    }
    req.resume();
    send(res, await answer(req, url, rawQuery), fault);
  }

  const server = createServer({ keepAlive: true }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendProfitError(res, 500, e instanceof Error ? e.message : String(e));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseUrl: origin + BASE_PATH,
    origin,
    port,
    requests,
    faults,
    environment,
    invalidate: () => cache.clear(),
    maintainIndexes: () => cache.rebuild(raw.connectors),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
