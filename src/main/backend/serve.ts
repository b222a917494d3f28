// The backend's side of the boundary: answers the host's calls with the same handlers the contract
// names (plus the few the headless job needs), pushes the sync's progress as it happens, and asks
// the host for what only it may do (keychain, browser, save dialog). Runs in the worker thread;
// `localBackend` runs the same loop in-thread for tests that bring their own orchestrator.
import { encodeAnswer } from '../../shared/compact-result';
import type { AppError } from '../../shared/domain';
import { AppFailure, toAppError } from '../../shared/errors';
import { isMethod, dispatch } from '../dispatch';
import { createHandlers } from '../handlers';
import type { Logger } from '../log';
import type { SecretStore } from '../secrets/types';
import type { Services } from '../services';
import { backendExtras, EXTRA_METHODS } from './extras';
import { encodeJson, type FromBackend, type HostOp, type ToBackend } from './protocol';

export interface BackendPort {
  post(message: FromBackend, transfer?: ArrayBuffer[]): void;
  onMessage(listener: (message: ToBackend) => void): void;
}

/** Asks the host to do `op`; resolves with its answer. */
export type HostCall = (op: HostOp, args: unknown[]) => Promise<unknown>;

export function hostCaller(port: BackendPort): { call: HostCall; settle: (m: Extract<ToBackend, { t: 'host-reply' }>) => void } {
  let next = 1;
  const waiting = new Map<number, { ok: (v: unknown) => void; no: (e: AppError) => void }>();
  return {
    call: (op, args) =>
      new Promise((ok, no) => {
        const id = next++;
        waiting.set(id, { ok, no: (e) => no(new AppFailure(e.code, e.message, e.action)) });
        port.post({ t: 'host', id, op, args });
      }),
    settle: (m) => {
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (!w) return;
      if (m.ok) w.ok(m.value);
      else w.no(m.error);
    },
  };
}

/** The keychain as seen from the backend: every call goes to the host, which owns it. */
export function hostSecrets(call: HostCall): SecretStore {
  return {
    get: async (account) => (await call('secret.get', [account])) as string | null,
    set: async (account, secret) => void (await call('secret.set', [account, secret])),
    delete: async (account) => (await call('secret.delete', [account])) as boolean,
  };
}

/** Serves calls on the port until 'close'; resolves when closed. */
export function serveBackend(port: BackendPort, services: Services, settle: (m: Extract<ToBackend, { t: 'host-reply' }>) => void, log?: Logger): Promise<void> {
  const handlers = createHandlers(services);
  const extras = backendExtras(services);
  const unsubscribe = services.monthEnd.onSyncProgress?.((view) => port.post({ t: 'progress', view })) ?? (() => undefined);
  const reply = (id: number, envelope: unknown) => {
    const json = encodeJson(envelope);
    port.post({ t: 'reply', id, json }, [json.buffer as ArrayBuffer]);
  };
  return new Promise((done) => {
    port.onMessage((m) => {
      switch (m.t) {
        case 'host-reply':
          settle(m);
          return;
        case 'close':
          unsubscribe();
          void services.close().finally(() => {
            port.post({ t: 'closed' });
            done();
          });
          return;
        case 'call':
          void answer(m.method, m.args).then((envelope) => reply(m.id, envelope));
          return;
      }
    });
    port.post({ t: 'ready' });
  });

  async function answer(method: string, args: unknown[]): Promise<unknown> {
    if (isMethod(method)) {
      const envelope = await dispatch(handlers, method, args, log);
      // A month's picture goes out compact (its confirmed matches in columns); the screen decodes it.
      return envelope.ok ? { ok: true, value: encodeAnswer(method, envelope.value) } : envelope;
    }
    if (!EXTRA_METHODS.has(method)) return { ok: false, error: { code: 'unknown-method', message: { nl: 'Onbekende opdracht.', en: 'Unknown command.' } } };
    try {
      return { ok: true, value: await (extras[method as keyof typeof extras] as (...a: unknown[]) => Promise<unknown>)(...args) };
    } catch (e) {
      if (!(e instanceof AppFailure)) log?.error(`call.${method}`, e);
      return { ok: false, error: toAppError(e) };
    }
  }
}
