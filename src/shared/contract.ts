// The one API contract: argument schemas per method (validated in main), result types, and the
// envelope every call resolves to. Used by the preload, createHandlers and the e2e harness alike.
import { z } from 'zod';
import type { AppError, Lang } from './domain';
import type { Method } from './methods';

export const lang = z.enum(['nl', 'en']);

export const contract = {
  getSettings: z.tuple([]),
  setLanguage: z.tuple([lang]),
  getAppInfo: z.tuple([]),
} satisfies Record<Method, z.ZodTuple>;

export interface Settings {
  language: Lang;
}

export interface AppInfo {
  name: string;
  version: string;
}

export interface Results {
  getSettings: Settings;
  setLanguage: Settings;
  getAppInfo: AppInfo;
}

export type Args<M extends Method> = z.infer<(typeof contract)[M]>;
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** window.kruispost */
export type KruispostApi = { [M in Method]: (...args: Args<M>) => Promise<Envelope<Results[M]>> };

/** What createHandlers returns: plain async functions that may throw AppFailure. */
export type Handlers = { [M in Method]: (...args: Args<M>) => Promise<Results[M]> };
