// At most N AFAS requests at once: AFAS allows ~5 parallel calls per environment and blocks
// connectors of heavy users (fair use). Each client has its own limit, and all clients of one
// environment share environmentSemaphore(), so UI calls during a sync stay within AFAS's limit.
export interface Semaphore {
  acquire(signal?: AbortSignal): Promise<() => void>;
  readonly active: number;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`Semaphore limit must be a positive integer: ${limit}`);
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next(); // hand the slot over directly; `active` stays the same
    else active--;
  };
  return {
    get active() {
      return active;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit) {
        active++;
        return Promise.resolve(once(release));
      }
      return new Promise((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(once(release));
        };
        const onAbort = () => {
          const i = waiting.indexOf(grant);
          if (i >= 0) waiting.splice(i, 1);
          reject(signal?.reason);
        };
        waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

/** Requests in flight per AFAS environment, whichever client sends them (one below AFAS's ~5). */
export const ENVIRONMENT_LIMIT = 4;

const perEnvironment = new Map<string, Semaphore>();

/** The one limiter of an environment, keyed by its REST base URL (host case and trailing / ignored). */
export function environmentSemaphore(baseUrl: string): Semaphore {
  const u = new URL(baseUrl);
  const key = `${u.origin}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  let s = perEnvironment.get(key);
  if (!s) {
    s = createSemaphore(ENVIRONMENT_LIMIT);
    perEnvironment.set(key, s);
  }
  return s;
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}
