// Validates one API call and runs its handler: the backend's side of every call (the host's relay
// checks the same schema before a call leaves it).
import { contract, type Envelope, type Handlers } from '../shared/contract';
import { isAppFailure, toAppError } from '../shared/errors';
import { METHODS, type Method } from '../shared/methods';
import type { Logger } from './log';

const known = new Set<string>(METHODS);

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && known.has(name);
}

export async function dispatch(handlers: Partial<Handlers>, method: unknown, args: unknown[], log?: Logger): Promise<Envelope<unknown>> {
  if (!isMethod(method) || !handlers[method]) return rejected('unknown-method', 'Onbekende opdracht.', 'Unknown command.');
  const parsed = contract[method].safeParse(args);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    return rejected('invalid-arguments', `Ongeldige invoer (${where}).`, `Invalid input (${where}).`);
  }
  try {
    const fn = handlers[method] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn(...(parsed.data as unknown[])) };
  } catch (e) {
    if (!isAppFailure(e)) log?.error(`call.${method}`, e); // the renderer gets no stack; support gets the log
    return { ok: false, error: toAppError(e) };
  }
}

export function rejected(code: string, nl: string, en: string): Envelope<never> {
  return { ok: false, error: { code, message: { nl, en } } };
}
