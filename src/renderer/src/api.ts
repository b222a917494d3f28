// The renderer's only way to main: window.kruispost (exposed by the preload, or by the e2e
// harness). call() unwraps the envelope and throws ApiError carrying the bilingual AppError.
import type { Args, Envelope, KruispostApi, Results } from '../../shared/contract';
import { decodeAnswer } from '../../shared/compact-result';
import type { AppError } from '../../shared/domain';
import type { Method } from '../../shared/methods';

declare global {
  interface Window {
    kruispost: KruispostApi;
  }
}

export class ApiError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message.en);
  }
}

export async function call<M extends Method>(method: M, ...args: Args<M>): Promise<Results[M]> {
  const fn = window.kruispost[method] as unknown as (...a: Args<M>) => Promise<Envelope<Results[M]>>;
  const envelope = await fn(...args);
  if (!envelope.ok) throw new ApiError(envelope.error);
  // A month's picture arrives compact (see compact-result.ts).
  return decodeAnswer(envelope.value) as Results[M];
}
