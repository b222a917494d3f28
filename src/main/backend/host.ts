// The host's side of the backend: starts it, relays calls and answers (as bytes it never parses),
// keeps the latest progress so a status poll is answered at once even while the backend is deep
// in a reconciliation, serves the keychain/browser/dialog the backend asks for, and asks for a
// cancel through shared memory, which long synchronous work reads between its steps. A backend
// that dies answers its calls in flight with an error; the next call starts a fresh one.
import { MessageChannel, Worker } from 'node:worker_threads';
import { decodeAnswer } from '../../shared/compact-result';
import type { AppError } from '../../shared/domain';
import { AppFailure, toAppError } from '../../shared/errors';
import type { SyncProgressView } from '../../shared/views';
import type { ConfirmHostChange, HostChange } from '../app/host-change';
import type { SecretStore } from '../secrets/types';
import type { Services } from '../services';
import { backendEntry, type BackendEntry } from './entry';
import { decodeJson, type BackendStart, type FromBackend, type HostOp, type ToBackend } from './protocol';
import { serveBackend } from './serve';

export interface HostServices {
  /** The OS keychain (or memory, for the demo and tests): only the host touches it. */
  secrets: SecretStore;
  openExternal?: (url: string) => Promise<void>;
  chooseSavePath?: (defaultName: string) => Promise<string | null>;
  /** A main-process dialog: may the stored secrets of a changed AFAS host go to the new one? */
  confirmHostChange?: ConfirmHostChange;
}

export interface BackendOptions extends HostServices {
  dataDir: string;
  appVersion: string;
  entry?: BackendEntry;
  /** The CLI: the classic token it was given, whatever the workspace says about OAuth. */
  classicTokenOnly?: boolean;
}

export interface Backend {
  /** One call; resolves with its envelope ({ok, value} | {ok: false, error}) as UTF-8 JSON. */
  call(method: string, args: unknown[]): Promise<Uint8Array>;
  /** One call, decoded; an error envelope throws AppFailure. */
  invoke<T>(method: string, args: unknown[]): Promise<T>;
  /** The latest progress the backend pushed (null before the first run). */
  progress(): SyncProgressView | null;
  onProgress(listener: (view: SyncProgressView) => void): () => void;
  /** Asks the running sync or export to stop; takes effect within its current step. */
  cancel(): void;
  close(): Promise<void>;
}

/** One running backend as the client sees it. */
interface Link {
  post(m: ToBackend): void;
  /** Resolves when the backend said 'ready'; rejects with why it could not start. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

type Spawn = (cancel: SharedArrayBuffer, deliver: (m: FromBackend) => void, exited: (detail: string) => void) => Link;

/** Calls that start work a cancel may stop: the cancel flag is lowered before they go. */
const STARTS_WORK = new Set(['startSync', 'exportWorkbook', 'exportWorkbookTo']);

export function backendCrashed(detail: string): AppFailure {
  return new AppFailure(
    'backend.crashed',
    { nl: `De verwerking van Kruispost is onverwacht gestopt (${detail}). Uw gegevens en beslissingen zijn bewaard.`, en: `Kruispost's processing stopped unexpectedly (${detail}). Your data and decisions are kept.` },
    { nl: 'Probeer het opnieuw; de verwerking start vanzelf opnieuw.', en: 'Try again; the processing restarts by itself.' },
  );
}

/** The backend in its own worker thread (the app, the CLI, the e2e harness). */
export function startBackend(opts: BackendOptions): Promise<Backend> {
  const entry = opts.entry ?? backendEntry();
  return connect(opts, (cancel, deliver, exited) => {
    const start: BackendStart = {
      dataDir: opts.dataDir,
      appVersion: opts.appVersion,
      cancel,
      hostCan: { openExternal: opts.openExternal !== undefined, chooseSavePath: opts.chooseSavePath !== undefined, confirmHostChange: opts.confirmHostChange !== undefined },
      classicTokenOnly: opts.classicTokenOnly === true,
    };
    const w = new Worker(entry.file, { workerData: start, execArgv: entry.execArgv });
    let settled = false;
    const ready = new Promise<void>((ok, no) => {
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        f();
      };
      w.on('message', (m: FromBackend) => {
        if (m.t === 'ready') settle(ok);
        else if (m.t === 'failed') settle(() => no(new AppFailure(m.error.code, m.error.message, m.error.action)));
        deliver(m);
      });
      w.once('error', (e) => settle(() => no(e)));
      w.once('exit', (code) => {
        settle(() => no(backendCrashed(`exit ${code}`)));
        exited(`exit ${code}`);
      });
    });
    return {
      post: (m) => w.postMessage(m),
      ready,
      stop: () =>
        new Promise<void>((done) => {
          const timer = setTimeout(() => void w.terminate(), 10_000);
          w.once('exit', () => (clearTimeout(timer), done()));
          w.postMessage({ t: 'close' } satisfies ToBackend);
        }),
    };
  });
}

/**
 * The same loop in this thread over a MessageChannel, around services the caller built (tests
 * with a hand-made orchestrator): the messages, bytes and progress are those of the worker.
 */
export function localBackend(services: Services, host: HostServices): Promise<Backend> {
  return connect(host, (_cancel, deliver) => {
    const { port1, port2 } = new MessageChannel();
    // The caller's services hold their own secrets: this backend never asks the host for any.
    const served = serveBackend({ post: (m, transfer) => port2.postMessage(m, transfer ?? []), onMessage: (l) => port2.on('message', l) }, services, () => undefined);
    let ready!: () => void;
    const isReady = new Promise<void>((ok) => (ready = ok));
    port1.on('message', (m: FromBackend) => {
      if (m.t === 'ready') ready();
      deliver(m);
    });
    return {
      post: (m) => port1.postMessage(m),
      ready: isReady,
      stop: async () => {
        port1.postMessage({ t: 'close' } satisfies ToBackend);
        await served;
        port1.close();
      },
    };
  });
}

async function connect(host: HostServices, spawn: Spawn): Promise<Backend> {
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const listeners = new Set<(view: SyncProgressView) => void>();
  const pending = new Map<number, { ok: (json: Uint8Array) => void; no: (e: unknown) => void }>();
  let last: SyncProgressView | null = null;
  let link: Link | null = null;
  let starting: Promise<Link> | null = null;
  let closing = false;
  let nextId = 1;

  const fromHost = async (op: HostOp, args: unknown[]): Promise<unknown> => {
    switch (op) {
      case 'secret.get':
        return host.secrets.get(String(args[0]));
      case 'secret.set':
        return host.secrets.set(String(args[0]), String(args[1]));
      case 'secret.delete':
        return host.secrets.delete(String(args[0]));
      case 'openExternal':
        if (!host.openExternal) throw new AppFailure('host.no-browser', { nl: 'Hier kan geen browser worden geopend.', en: 'No browser can be opened here.' });
        return host.openExternal(String(args[0]));
      case 'chooseSavePath':
        return host.chooseSavePath ? host.chooseSavePath(String(args[0])) : null;
      case 'confirmHostChange':
        return host.confirmHostChange ? host.confirmHostChange(args[0] as HostChange) : false;
    }
  };

  const start = (): Promise<Link> => {
    const l: Link = spawn(
      cancel.buffer as SharedArrayBuffer,
      (m) => {
        switch (m.t) {
          case 'reply': {
            const p = pending.get(m.id);
            pending.delete(m.id);
            p?.ok(m.json);
            return;
          }
          case 'progress':
            last = m.view;
            for (const f of listeners) f(m.view);
            return;
          case 'host':
            fromHost(m.op, m.args).then(
              (value) => l.post({ t: 'host-reply', id: m.id, ok: true, value: value ?? null }),
              (e: unknown) => l.post({ t: 'host-reply', id: m.id, ok: false, error: toAppError(e) }),
            );
            return;
          default:
            return;
        }
      },
      (detail) => {
        if (link === l) link = null;
        for (const [id, p] of pending) {
          pending.delete(id);
          p.no(backendCrashed(closing ? 'closed' : detail));
        }
      },
    );
    return l.ready.then(() => l);
  };

  const running = async (): Promise<Link> => {
    if (link) return link;
    starting ??= start().finally(() => (starting = null));
    link = await starting;
    return link;
  };
  await running();

  const call = async (method: string, args: unknown[]): Promise<Uint8Array> => {
    if (closing) throw backendCrashed('closed');
    const l = await running();
    if (STARTS_WORK.has(method)) Atomics.store(cancel, 0, 0);
    return new Promise<Uint8Array>((ok, no) => {
      const id = nextId++;
      pending.set(id, { ok, no });
      l.post({ t: 'call', id, method, args });
    });
  };

  return {
    call,
    async invoke<T>(method: string, args: unknown[]) {
      const envelope = decodeJson<{ ok: true; value: T } | { ok: false; error: AppError }>(await call(method, args));
      if (!envelope.ok) throw new AppFailure(envelope.error.code, envelope.error.message, envelope.error.action, envelope.error.reference);
      return decodeAnswer(envelope.value) as T;
    },
    progress: () => last,
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel() {
      Atomics.store(cancel, 0, 1);
      if (link) void call('cancelSync', []).catch(() => undefined);
    },
    async close() {
      if (closing) return;
      closing = true;
      const l = link;
      link = null;
      await l?.stop();
    },
  };
}
