// What an error nobody caught does in the main process: it goes to the support log (redacted,
// with its stack) and the controller sees a short bilingual message, never the stack Electron's
// own dialog would show (which can hold paths and data).
import { toAppError } from '../shared/errors';
import type { Logger } from './log';

interface EventTarget {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

export interface CrashGuardOptions {
  /** `process` in the app. */
  target: EventTarget;
  log: Logger;
  /** Electron: dialog.showErrorBox. */
  showError: (title: string, text: string) => void;
  now?: () => number;
}

/** The same message is not shown again within this time (an error in a loop must not flood dialogs). */
const REPEAT_MS = 60_000;

export function errorText(e: unknown): string {
  const { message, action } = toAppError(e);
  return [message.nl, action?.nl, '', message.en, action?.en].filter((x) => x !== undefined).join('\n');
}

export function installCrashGuard(opts: CrashGuardOptions): void {
  const now = opts.now ?? Date.now;
  const lastShown = new Map<string, number>();
  const handle = (event: 'uncaughtException' | 'unhandledRejection') => (error: unknown) => {
    opts.log.error(event, error);
    const text = errorText(error);
    const at = now();
    if (at - (lastShown.get(text) ?? -Infinity) < REPEAT_MS) return;
    lastShown.set(text, at);
    try {
      opts.showError('Kruispost', text);
    } catch {
      // No dialog possible (before ready, or shutting down): the log has it.
    }
  };
  opts.target.on('uncaughtException', handle('uncaughtException'));
  opts.target.on('unhandledRejection', handle('unhandledRejection'));
}
