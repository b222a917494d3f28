// What the controller is told: one error (message + action, bilingual) and one toast (with undo).
// An error stays until it is dismissed, replaced by another, or the action that failed succeeds
// (its `source`): a reload in between (the workspace, the picture) never clears it.
import { create } from 'zustand';
import type { AppError } from '../../../shared/domain';
import { ApiError } from '../api';
import type { MessageKey } from '../i18n/messages';

export interface Toast {
  id: number;
  key: MessageKey;
  params?: Record<string, string | number>;
  undoable: boolean;
}

interface NoticeState {
  error: AppError | null;
  /** What failed (e.g. 'testConnection', 'startSync'); only its success clears the error. */
  source: string | null;
  toast: Toast | null;
  fail(e: unknown, source?: string): void;
  /** An AppError that did not come from a call (a failed sync run). */
  show(error: AppError, source: string): void;
  dismissError(): void;
  /** Clears the error if `source` is what failed. */
  succeeded(source: string): void;
  say(key: MessageKey, opts?: { params?: Record<string, string | number>; undoable?: boolean }): void;
  dismissToast(): void;
}

let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

export const useNotice = create<NoticeState>((set, get) => ({
  error: null,
  source: null,
  toast: null,
  fail(e, source) {
    const error: AppError =
      e instanceof ApiError
        ? e.appError
        : { code: 'renderer', message: { nl: 'Er ging iets mis in het scherm.', en: 'Something went wrong on screen.' }, action: { nl: 'Probeer het opnieuw.', en: 'Try again.' } };
    set({ error, source: source ?? null });
  },
  show: (error, source) => set({ error, source }),
  dismissError: () => set({ error: null, source: null }),
  succeeded(source) {
    if (get().error && get().source === source) set({ error: null, source: null });
  },
  say(key, opts) {
    const toast: Toast = { id: nextId++, key, undoable: opts?.undoable ?? false, ...(opts?.params ? { params: opts.params } : {}) };
    set({ toast });
    clearTimeout(timer);
    timer = setTimeout(() => set((s) => (s.toast?.id === toast.id ? { toast: null } : s)), 8000);
  },
  dismissToast: () => set({ toast: null }),
}));

/**
 * Runs an API action; a failure becomes the error notice instead of an unhandled rejection. With a
 * source, success clears an earlier failure of the same action (and only that).
 */
export async function attempt<T>(fn: () => Promise<T>, source?: string): Promise<T | undefined> {
  try {
    const value = await fn();
    if (source) useNotice.getState().succeeded(source);
    return value;
  } catch (e) {
    useNotice.getState().fail(e, source);
    return undefined;
  }
}
