// What the controller is told: one error (message + action, bilingual) and one toast (with undo).
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
  toast: Toast | null;
  fail(e: unknown): void;
  dismissError(): void;
  say(key: MessageKey, opts?: { params?: Record<string, string | number>; undoable?: boolean }): void;
  dismissToast(): void;
}

let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

export const useNotice = create<NoticeState>((set) => ({
  error: null,
  toast: null,
  fail(e) {
    const error: AppError =
      e instanceof ApiError
        ? e.appError
        : { code: 'renderer', message: { nl: 'Er ging iets mis in het scherm.', en: 'Something went wrong on screen.' }, action: { nl: 'Probeer het opnieuw.', en: 'Try again.' } };
    set({ error });
  },
  dismissError: () => set({ error: null }),
  say(key, opts) {
    const toast: Toast = { id: nextId++, key, undoable: opts?.undoable ?? false, ...(opts?.params ? { params: opts.params } : {}) };
    set({ toast });
    clearTimeout(timer);
    timer = setTimeout(() => set((s) => (s.toast?.id === toast.id ? { toast: null } : s)), 8000);
  },
  dismissToast: () => set({ toast: null }),
}));

/** Runs an API action; a failure becomes the error notice instead of an unhandled rejection. */
export async function attempt<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    const value = await fn();
    useNotice.getState().dismissError();
    return value;
  } catch (e) {
    useNotice.getState().fail(e);
    return undefined;
  }
}
