import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, translateHttpFailure, translateNetworkError } from '../../src/main/afas/errors';

const body500 = (externalMessage: string, profitLogReference = 'REF123') => JSON.stringify({ externalMessage, errorNumber: -1, profitLogReference });

describe('translateHttpFailure', () => {
  it.each([
    [401, null, 'afas.unauthorized', 'Gebruikerstokens'],
    [403, null, 'afas.forbidden_ip', 'IP-adres'],
    [404, null, 'afas.not_found', 'deelnemersnummer'],
    [429, null, 'afas.rate_limited', 'Wacht'],
    [413, null, 'afas.payload_too_large', 'kortere periode'],
    [503, JSON.stringify({ error: { code: '503' }, retry_after: 600 }), 'afas.maintenance', 'afasstatus.nl'],
    [500, body500("Connector field 'AmtDebet' not found"), 'afas.field_not_found', 'AmtDebet'],
    [500, body500('GetConnector not supported for this app or the user is not authorized'), 'afas.connector_not_authorized', 'tabblad GetConnectoren'],
    [401, body500('GetConnector not supported for this app or the user is not authorized'), 'afas.connector_not_authorized', 'gebruikersgroep'],
    [500, body500('This GetConnector (definition) is blocked'), 'afas.connector_blocked', 'AFAS Support'],
    [500, body500('Out of String space'), 'afas.page_too_large', 'kortere periode'],
    [500, body500('Out of memory'), 'afas.page_too_large', 'kortere periode'],
    [500, body500('Command timeout expired.'), 'afas.command_timeout', 'later opnieuw'],
    [500, body500('Boekjaar 2031 bestaat niet'), 'afas.functional_error', 'REF123'],
    [500, 'not json', 'afas.functional_error', 'opnieuw'],
    [418, null, 'afas.http', 'opnieuw'],
  ])('%i %s → %s', (status, body, code, actionHint) => {
    const f = translateHttpFailure({ status, body, connectorId: 'Profit_Transactions_Allocated' });
    expect(f.appError.code).toBe(code);
    expect(f.appError.message.nl).not.toBe(f.appError.message.en);
    expect(f.appError.action?.nl && f.appError.action.en).toBeTruthy();
    expect(`${f.appError.message.nl} ${f.appError.action?.nl}`).toContain(actionHint);
    if (body?.includes('REF123')) expect(f.appError.reference).toBe('REF123');
  });

  it('says how long maintenance lasts, from the body or the Retry-After header', () => {
    expect(translateHttpFailure({ status: 503, body: JSON.stringify({ retry_after: 7200 }) }).appError.message.nl).toContain('120 minuten');
    expect(retryAfterSeconds(null, { 'retry-after': '30' })).toBe(30);
    expect(retryAfterSeconds('{"retry_after":5}', { 'retry-after': '30' })).toBe(5);
    expect(retryAfterSeconds(null, {})).toBeNull();
  });
});

describe('translateNetworkError', () => {
  const err = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });
  it.each([
    ['UND_ERR_HEADERS_TIMEOUT', 'afas.timeout'],
    ['UND_ERR_BODY_TIMEOUT', 'afas.timeout'],
    ['ECONNRESET', 'afas.network'],
    ['ECONNREFUSED', 'afas.network'],
    ['UND_ERR_SOCKET', 'afas.network'],
    ['ENOTFOUND', 'afas.dns'],
    ['CERT_HAS_EXPIRED', 'afas.tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'afas.tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'afas.tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'afas.tls'],
  ])('%s → %s', (code, expected) => {
    expect(translateNetworkError(err(code)).appError.code).toBe(expected);
    expect(translateNetworkError(Object.assign(new Error('x'), { code })).appError.code).toBe(expected);
  });
});
