// A small node:http stand-in for AFAS used by the client tests: synthetic mutation rows paged by
// skip/take, a per-request hook for faults, and a log of what arrived on the wire.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Seen {
  path: string;
  params: URLSearchParams;
  headers: IncomingMessage['headers'];
  socket: number;
}

export type Hook = (req: Seen, res: ServerResponse, n: number) => boolean | Promise<boolean>;

export interface TinyAfas {
  baseUrl: string;
  seen: Seen[];
  connections: () => number;
  maxConcurrent: () => number;
  close(): Promise<void>;
}

export function mutationRow(i: number): Record<string, unknown> {
  return {
    UnitId: 1,
    EntryNo: Math.floor(i / 3) + 1,
    SeqNo: (i % 3) + 1,
    Year: 2025,
    Period: 4,
    JournalId: '60',
    AccountNo: String(1200 + (i % 50)),
    Omschrijving: `Regel ${i}`,
    AmtDebit: i % 2 === 0 ? (i % 1000) + 0.29 : null,
    AmtCredit: i % 2 === 1 ? (i % 1000) + 0.1 : null,
    EntryDate: '2025-04-30T00:00:00Z',
    InvoiceId: null,
    VoucherDate: '2025-04-29T00:00:00Z',
    VoucherNo: String(250000 + i),
    VatCode: null,
    VatAmt: null,
    Description: 'Moss',
    Created: '2025-04-30T08:00:00Z',
    Modified: '2025-04-30T09:15:00Z',
    Type: 'Grootboekrekening',
  };
}

/** Serves `total` rows on /connectors/*, answering 400 when paging has no order. */
export async function startTinyAfas(opts: { total?: number; hook?: Hook; delayMs?: number } = {}): Promise<TinyAfas> {
  const total = opts.total ?? 0;
  const seen: Seen[] = [];
  const sockets = new Map<Socket, number>();
  let active = 0;
  let maxActive = 0;
  const server = createServer(async (req, res) => {
    active++;
    maxActive = Math.max(maxActive, active);
    res.on('close', () => active--);
    const url = new URL(req.url ?? '/', 'http://x');
    const entry: Seen = { path: url.pathname, params: url.searchParams, headers: req.headers, socket: sockets.get(req.socket) ?? -1 };
    seen.push(entry);
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    if (opts.hook && (await opts.hook(entry, res, seen.length))) return;
    if (url.pathname.startsWith('/ProfitRestServices/connectors/')) {
      if (!url.searchParams.get('orderbyfieldids')) return send(res, 400, { error: 'order required' });
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const take = Number(url.searchParams.get('take') ?? 100);
      const rows = [];
      for (let i = skip; i < Math.min(total, skip + take); i++) rows.push(mutationRow(i));
      return send(res, 200, { skip, take, rows });
    }
    if (url.pathname === '/ProfitRestServices/metainfo') return send(res, 200, { getConnectors: [{ id: 'Profit_Journals', description: 'Dagboeken' }], updateConnectors: [], info: { envid: 'O12345AA' } });
    if (url.pathname === '/ProfitRestServices/profitversion') return send(res, 200, { version: '22.22.5' });
    send(res, 404, null);
  });
  let socketNo = 0;
  server.on('connection', (s) => {
    sockets.set(s, ++socketNo);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/ProfitRestServices`,
    seen,
    connections: () => socketNo,
    maxConcurrent: () => maxActive,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets.keys()) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  const text = body === null ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
  return true;
}

/** Sends the headers and half the body, then kills the socket (a reset mid-body). */
export function resetMidBody(res: ServerResponse, body: unknown): true {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.write(text.slice(0, Math.floor(text.length / 2)));
  setTimeout(() => res.socket?.destroy(), 5);
  return true;
}
