import type { AppError, Bilingual } from './domain';

/** Thrown inside main; crosses IPC as its AppError only (no stack, no cause). */
export class AppFailure extends Error {
  readonly appError: AppError;
  constructor(code: string, message: Bilingual, action?: Bilingual, reference?: string) {
    super(message.en);
    this.name = 'AppFailure';
    this.appError = { code, message, ...(action ? { action } : {}), ...(reference ? { reference } : {}) };
  }
}

export function isAppFailure(e: unknown): e is AppFailure {
  return e instanceof AppFailure;
}

/** What an unexpected exception becomes at the IPC boundary. */
export function toAppError(e: unknown): AppError {
  if (isAppFailure(e)) return e.appError;
  return {
    code: 'internal',
    message: {
      nl: 'Er ging iets onverwachts mis. Uw gegevens en afletteringen zijn bewaard.',
      en: 'Something unexpected went wrong. Your data and matches are kept.',
    },
    action: {
      nl: 'Probeer het opnieuw. Blijft het misgaan, stuur dan het logbestand naar support.',
      en: 'Try again. If it keeps failing, send the log file to support.',
    },
  };
}
