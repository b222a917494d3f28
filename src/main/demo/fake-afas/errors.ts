// Answers in AFAS's documented shapes (OpenAPI components/responses): 500 carries
// {externalMessage, errorNumber, profitLogReference}; 503 {error:{code,message}, retry_after};
// 401/403/404/413 have no body in the spec (Content-Length 0).
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const MAINTENANCE_MESSAGE =
  'Service temporarily unavailable due to scheduled maintenance. Please check afasstatus.nl for details.';
export const NOT_AUTHORIZED_MESSAGE = 'GetConnector not supported for this app or the user is not authorized';

export interface ProfitError {
  externalMessage: string;
  errorNumber: number;
  profitLogReference: string;
}

export function profitError(externalMessage: string, errorNumber = -1): ProfitError {
  return { externalMessage, errorNumber, profitLogReference: randomUUID().replace(/-/g, '').toUpperCase() };
}

/** A functional error raised while answering (unknown field, bad filter …) → 500 or given status. */
export class FakeAfasError extends Error {
  constructor(
    message: string,
    readonly status = 500,
  ) {
    super(message);
  }
}

const COMMON_HEADERS = { 'Cache-Control': 'no-store, no-cache', 'X-Content-Type-Options': 'nosniff' };

export function sendJsonText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Length': '0', ...headers });
  res.end();
}

export function sendProfitError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, profitError(message));
}

export function sendMaintenance(res: ServerResponse, retryAfter: number): void {
  sendJson(
    res,
    503,
    { error: { code: '503', message: MAINTENANCE_MESSAGE }, retry_after: retryAfter },
    { 'Retry-After': String(retryAfter) },
  );
}
