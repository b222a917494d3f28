// The support log: one line per event in <dataDir>/kruispost.log. Everything that could be a
// secret is masked before it is written, whatever the caller passed.
import { appendFileSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensurePrivateDir, ensurePrivateFile } from './store/private-files';

const R = '[redacted]';

/** Each pattern with what it becomes; `$1` keeps a field name so the line still says what it was. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/<token>[\s\S]*?<\/token>/gi, R], // classic token XML
  [/\b[0-9a-f]{64}\b/gi, R], // its data part
  // Its base64 (the AfasToken header value) even without the header name: base64 of "<token" is
  // always "PHRva2Vu" (standard or url-safe alphabet).
  [/PHRva2Vu[A-Za-z0-9+/_-]*={0,2}/g, R],
  [/\b(AfasToken|DPoP|Bearer)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${R}`], // Authorization header values
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, R], // JWTs (access tokens, DPoP proofs)
  [/("?\b(?:refresh_token|access_token|code_verifier|d)"?\s*[:=]\s*)"[^"]*"/gi, `$1"${R}"`], // JSON secrets, JWK private part
  // Form-encoded: token request bodies and the loopback callback's query (code=…).
  [/(^|[?&\s"'])((?:refresh_token|access_token|id_token|code_verifier|code)=)[^&\s"'<>]+/gi, `$1$2${R}`],
];

export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((t, [re, to]) => t.replace(re, to), text);
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
