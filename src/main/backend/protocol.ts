// The messages between the host (Electron main, the CLI, the e2e harness) and the backend worker
// that owns the database, the AFAS client, the engine and the workbook writer. Answers travel as
// the JSON text of their envelope in UTF-8 bytes, moved (not copied) to the host: the host never
// parses a 100,000-line answer on its own event loop; Electron hands the bytes to the preload.
import type { AppError } from '../../shared/domain';
import type { SyncProgressView } from '../../shared/views';

/** What the backend asks of the host: the OS keychain and the system browser live there. */
export type HostOp = 'secret.get' | 'secret.set' | 'secret.delete' | 'openExternal' | 'chooseSavePath' | 'confirmHostChange';

export type ToBackend =
  | { t: 'call'; id: number; method: string; args: unknown[] }
  | { t: 'host-reply'; id: number; ok: true; value: unknown }
  | { t: 'host-reply'; id: number; ok: false; error: AppError }
  | { t: 'close' };

export type FromBackend =
  | { t: 'ready' }
  /** The backend could not start (e.g. a database written by a newer Kruispost). */
  | { t: 'failed'; error: AppError }
  | { t: 'reply'; id: number; json: Uint8Array }
  | { t: 'progress'; view: SyncProgressView }
  | { t: 'host'; id: number; op: HostOp; args: unknown[] }
  | { t: 'closed' };

/** What the worker is started with (workerData). Plain data only. */
export interface BackendStart {
  dataDir: string;
  appVersion: string;
  /** Int32Array over it: [0] is 1 while a cancel is asked (read inside long synchronous work). */
  cancel: SharedArrayBuffer;
  /** Whether the host can open a browser (OAuth sign-in), ask where to save, ask about a changed AFAS host. */
  hostCan: { openExternal: boolean; chooseSavePath: boolean; confirmHostChange: boolean };
  /** The CLI: the classic token it was given, whatever the workspace says about OAuth. */
  classicTokenOnly: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decodeJson<T>(bytes: Uint8Array): T {
  return JSON.parse(decoder.decode(bytes)) as T;
}
