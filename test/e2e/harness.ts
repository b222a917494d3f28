// Drives the real built renderer (out/renderer) in Debian's Chromium. window.kruispost is bridged
// with exposeBinding to the very same relay and backend worker the Electron main starts, over a
// real SQLite file — only the Electron transport is swapped for Playwright's.
import { mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { localBackend, type Backend, type HostServices } from '../../src/main/backend/host';
import { relay } from '../../src/main/backend/relay';
import { openWorkspaces, type Workspaces } from '../../src/main/backend/workspaces';
import { memorySecretStore } from '../../src/main/secrets/memory';
import type { Services } from '../../src/main/services';
import { METHODS } from '../../src/shared/methods';

const RENDERER = resolve('out/renderer');
export const ARTIFACTS = resolve('.artifacts/screenshots');

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

export interface Harness {
  page: Page;
  /** The real workspace's backend (the demo's is workspaces.active() while it runs). */
  backend: Backend;
  workspaces: Workspaces;
  dataDir: string;
  url: string;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function serveRenderer(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('out/renderer missing: run `npm run build` first');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(RENDERER, path === '/' ? 'index.html' : path);
    if (!file.startsWith(RENDERER) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    ok({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
  }));
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface HarnessOptions {
  browser: Browser;
  dataDir?: string;
  /** What the host serves the backend: memory secrets by default; exports land in the data dir. */
  host?: Partial<HostServices>;
  /** Hand-made services, run in-thread behind the same loop (tests with a fake orchestrator). */
  services?: (dataDir: string) => Services;
  /** Runs against the backend before the page loads. */
  prepare?: (backend: Backend) => Promise<void>;
  /** Sees every answer the page gets (as the relay gave it: bytes, or an envelope object). */
  onAnswer?: (method: string, answer: unknown) => void;
  viewport?: { width: number; height: number };
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kruispost-e2e-'));
  const host: HostServices = { secrets: memorySecretStore(), chooseSavePath: async (name) => join(dataDir, name), ...opts.host };
  const workspaces = opts.services ? await localWorkspace(await localBackend(opts.services(dataDir), host)) : await openWorkspaces({ dataDir, appVersion: '0.0.0-e2e', ...host });
  const backend = workspaces.real();
  await opts.prepare?.(backend);
  const { server, url } = await serveRenderer();
  const context: BrowserContext = await opts.browser.newContext({ viewport: opts.viewport ?? { width: 1360, height: 860 }, locale: 'nl-NL' });
  // An answer over CHUNK characters waits here and the page takes it in pieces: one CDP message
  // of 100 MB kills the page (Electron's IPC moves such bytes whole; CDP is this harness's limit).
  const CHUNK = 8_000_000;
  const parked = new Map<number, string>();
  let nextParked = 1;
  await context.exposeBinding('__kruispostChunk', (_source, id: unknown, at: unknown) => {
    const text = parked.get(Number(id)) ?? '';
    const piece = text.slice(Number(at), Number(at) + CHUNK);
    if (Number(at) + CHUNK >= text.length) parked.delete(Number(id));
    return piece;
  });
  // Like ipc.ts: only our own page's main frame may call.
  await context.exposeBinding('__kruispostCall', async (source, method: unknown, args: unknown) => {
    if (source.frame !== source.page.mainFrame() || !source.frame.url().startsWith(url)) {
      return JSON.stringify({ ok: false, error: { code: 'untrusted-sender', message: { nl: 'Geweigerd', en: 'Refused' } } });
    }
    // One JSON string across CDP: Playwright's per-value serializer is far slower than
    // Electron's structured clone on 100,000-line answers. The backend's bytes are that text.
    const answer = await relay(workspaces, method, Array.isArray(args) ? args : []);
    opts.onAnswer?.(String(method), answer);
    const text = answer instanceof Uint8Array ? Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength).toString('utf8') : JSON.stringify(answer);
    if (text.length <= CHUNK) return text;
    const id = nextParked++;
    parked.set(id, text);
    return JSON.stringify({ __parked: id, length: text.length });
  });
  // What the preload does in Electron: exactly the contract's methods, frozen.
  await context.addInitScript((methods: string[]) => {
    const w = window as unknown as { __kruispostCall: (m: string, a: unknown[]) => Promise<string>; __kruispostChunk: (id: number, at: number) => Promise<string> };
    const call = w.__kruispostCall;
    const take = w.__kruispostChunk;
    const answer = async (m: string, args: unknown[]): Promise<unknown> => {
      const text = await call(m, args);
      if (!text.startsWith('{"__parked":')) return JSON.parse(text) as unknown;
      const { __parked: id, length } = JSON.parse(text) as { __parked: number; length: number };
      const pieces: string[] = [];
      for (let at = 0; at < length; ) {
        const piece = await take(id, at);
        if (piece === '') throw new Error('answer lost');
        pieces.push(piece);
        at += piece.length;
      }
      return JSON.parse(pieces.join('')) as unknown;
    };
    const api = Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => answer(m, args)]));
    Object.defineProperty(window, 'kruispost', { value: Object.freeze(api), writable: false, configurable: false });
  }, [...METHODS]);
  const page = await context.newPage();
  await page.goto(url);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    backend,
    workspaces,
    dataDir,
    url,
    async screenshot(name) {
      const file = join(ARTIFACTS, `${name}.png`);
      // From the top: a full-page shot of a scrolled page draws the sticky top bar mid-page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      await workspaces.close();
    },
  };
}

/** A hand-made orchestrator's workspace: its "demo" is the orchestrator's own (no second backend). */
async function localWorkspace(backend: Backend): Promise<Workspaces> {
  return {
    active: () => backend,
    real: () => backend,
    startDemo: async () => (await backend.invoke('markDemo', ['2025-01']), backend.invoke('getWorkspace', [])),
    leaveDemo: () => backend.invoke('getWorkspace', []),
    demoServer: () => null,
    demoDir: () => null,
    close: () => backend.close(),
  };
}
