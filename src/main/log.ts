// The support log: one line per event in <dataDir>/kruispost.log. Everything that could be a
// secret is masked before it is written, whatever the caller passed.
import { appendFileSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile } from './store/private-files';

const SECRET_PATTERNS: RegExp[] = [
  /<token>[\s\S]*?<\/token>/gi, // classic token XML
  /\b[0-9a-f]{64}\b/gi, // its data part
  /\b(AfasToken|DPoP|Bearer)\s+[A-Za-z0-9._~+/=-]+/g, // Authorization header values
  /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, // JWTs (access tokens, DPoP proofs)
  /("?\b(refresh_token|access_token|code_verifier|d)"?\s*[:=]\s*)"[^"]*"/gi, // JSON secrets, JWK private part
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((t, re) => t.replace(re, (m, prefix?: string) => (typeof prefix === 'string' && m.startsWith(prefix) && prefix !== m ? `${prefix}"[redacted]"` : '[redacted]')), text);
}

export interface Logger {
  info(event: string, detail?: unknown): void;
  error(event: string, error: unknown): void;
}

const MAX_BYTES = 5 * 1024 * 1024;

export function createFileLogger(file: string): Logger {
  ensurePrivateDir(dirname(file));
  try {
    ensurePrivateFile(file); // owner-only, also a log an older version left 0644
  } catch {
    // A log that cannot be written must never break the month-end work.
  }
  const write = (level: string, event: string, detail: unknown) => {
    const body = detail instanceof Error ? (detail.stack ?? detail.message) : detail === undefined ? '' : JSON.stringify(detail);
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, redact(`${new Date().toISOString()} ${level} ${event} ${body}`.replace(/\n/g, '\n  ')) + '\n', { mode: 0o600 });
    } catch {
      // A log that cannot be written must never break the month-end work.
    }
  };
  return { info: (e, d) => write('info', e, d), error: (e, err) => write('error', e, err) };
}

export const silentLogger: Logger = { info: () => undefined, error: () => undefined };
