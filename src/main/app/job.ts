// A long piece of backend work (a sync's matching, an export) as the controller sees it: which
// step it is in, a heartbeat at least every 100 ms, and a cancel that takes effect within the
// step. Synchronous work cannot be interrupted from outside, so it calls tick() in its loops:
// cheap (a counter) until every 1,024th call, which reads the cancel flag and the clock.
import type { JobStep } from '../../shared/views';
import { AppFailure } from '../../shared/errors';

export type { JobStep };

export interface Job {
  /** The work is now at this step (reported at once). */
  step(label: JobStep['label'], done?: number, total?: number | null): void;
  /**
   * In long loops: throws when a cancel was asked; reports a heartbeat every `everyMs`. Looks
   * every 1,024 units of `weight` (1 a call): a step that is slow by itself passes 1024.
   */
  tick(weight?: number): void;
}

/** For callers that run no job (tests, small work): never cancels, reports nothing. */
export const NO_JOB: Job = { step: () => undefined, tick: () => undefined };

export function cancelledFailure(): AppFailure {
  return new AppFailure(
    'job.cancelled',
    { nl: 'Geannuleerd. Wat al klaar was, is bewaard; er is niets half opgeslagen.', en: 'Cancelled. What was finished is kept; nothing was saved halfway.' },
    { nl: 'Start opnieuw wanneer u wilt.', en: 'Start again whenever you like.' },
  );
}

export function isCancelled(e: unknown): boolean {
  return e instanceof AppFailure && e.appError.code === 'job.cancelled';
}

/**
 * Beats come about as often as the screen asks (100 ms after each answer), so nearly every answer
 * is fresh while the backend works; a gap of several on screen means its thread stood still.
 */
export const BEAT_MS = 100;

/**
 * A beat is due a quarter early: checks come at their own pace (a 50 ms timer, a loop's every
 * 1,024th tick), and one that waits for the full interval beats only at the check after it.
 */
export function beatDue(now: number, last: number, everyMs = BEAT_MS): boolean {
  return now - last >= everyMs * 0.75;
}

export function createJob(opts: { cancelled: () => boolean; report: (step: JobStep, beat: number) => void; everyMs?: number }): Job {
  const everyMs = opts.everyMs ?? BEAT_MS;
  let current: JobStep = { label: 'match', done: 0, total: null };
  let beat = 0;
  let calls = 0;
  let last = performance.now();
  const check = () => {
    if (opts.cancelled()) throw cancelledFailure();
    const now = performance.now();
    if (beatDue(now, last, everyMs)) {
      last = now;
      opts.report(current, ++beat);
    }
  };
  return {
    step(label, done = 0, total = null) {
      current = { label, done, total };
      if (opts.cancelled()) throw cancelledFailure();
      last = performance.now();
      opts.report(current, ++beat);
    },
    tick(weight = 1) {
      calls += weight;
      if (calls >= 1024) {
        calls = 0;
        check();
      }
    },
  };
}
