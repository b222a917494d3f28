// CLI failures and their exit codes: 2 usage or configuration, 3 AFAS or connection.
import type { Bilingual, Lang } from '../../shared/domain';
import type { AppError } from '../../shared/domain';

export const EXIT = { clears: 0, doesNotClear: 1, usage: 2, afas: 3 } as const;

export class UsageError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly action?: Bilingual,
    /** The fields or flags at fault. */
    readonly fields: string[] = [],
  ) {
    super(text.en);
    this.name = 'UsageError';
  }
}

/** What goes to stderr: the message, what to do, AFAS's log reference. Never a token, never a stack. */
export function describeError(e: { message: Bilingual; action?: Bilingual; reference?: string; code?: string }, lang: Lang): string {
  const lines = [`${lang === 'nl' ? 'Fout' : 'Error'}: ${e.message[lang]}`];
  if (e.action) lines.push(`${lang === 'nl' ? 'Wat te doen' : 'What to do'}: ${e.action[lang]}`);
  if (e.reference) lines.push(`${lang === 'nl' ? 'AFAS-logreferentie' : 'AFAS log reference'}: ${e.reference}`);
  if (e.code) lines.push(`(${e.code})`);
  return `${lines.join('\n')}\n`;
}

export function appErrorText(e: AppError, lang: Lang): string {
  return describeError({ message: e.message, ...(e.action ? { action: e.action } : {}), ...(e.reference ? { reference: e.reference } : {}), code: e.code }, lang);
}
