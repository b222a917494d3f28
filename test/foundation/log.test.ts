import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, redact } from '../../src/main/log';

const DATA = 'a1b2c3d4'.repeat(8);
const XML = `<token><version>1</version><data>${DATA}</data></token>`;

describe('the support log never holds a secret', () => {
  it('masks tokens, authorization headers, JWTs and private JWK parts', () => {
    const text = redact(
      `token ${XML} data ${DATA} header AfasToken ${Buffer.from(XML).toString('base64')} DPoP eyJhbGciOi.eyJzdWIi.c2ln ` +
        `{"refresh_token":"rt-123","d":"privatekeypart","id":"keep-me"}`,
    );
    expect(text).not.toContain(DATA);
    expect(text).not.toContain('<data>');
    expect(text).not.toContain(Buffer.from(XML).toString('base64'));
    expect(text).not.toContain('eyJhbGciOi');
    expect(text).not.toContain('rt-123');
    expect(text).not.toContain('privatekeypart');
    expect(text).toContain('"id":"keep-me"');
  });

  it('masks form-encoded OAuth secrets (token request bodies, callback URLs), keeping the other fields', () => {
    const text = redact(
      'POST /oauth/token grant_type=refresh_token&refresh_token=rt-secret-1&client_id=kruispost ' +
        'code=auth-code-2&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback&code_verifier=verifier-3 ' +
        'GET /callback?state=s1&code=auth-code-4 access_token=at-5',
    );
    for (const secret of ['rt-secret-1', 'auth-code-2', 'verifier-3', 'auth-code-4', 'at-5']) expect(text).not.toContain(secret);
    expect(text).toContain('grant_type=refresh_token');
    expect(text).toContain('client_id=kruispost');
    expect(text).toContain('state=s1');
    expect(text).toContain('refresh_token=[redacted]');
  });

  it('masks the classic token as the base64 an Authorization header carries, without the header name', () => {
    const b64 = Buffer.from(XML).toString('base64');
    const text = redact(`sent ${b64} and url-safe ${Buffer.from(XML).toString('base64url')}.`);
    expect(text).not.toContain(b64.slice(0, 40));
    expect(text).not.toContain(b64.slice(-40));
    expect(text).not.toContain(Buffer.from(XML).toString('base64url').slice(-40));
    expect(text).toContain('sent [redacted] and url-safe [redacted].');
  });

  it('writes redacted lines to the file, errors with their stack', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kp-log-')), 'kruispost.log');
    const log = createFileLogger(file);
    log.info('sync.start', { unit: 1 });
    log.error('sync.failed', new Error(`boom with ${XML}`));
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/info sync.start \{"unit":1\}/);
    expect(text).toMatch(/error sync.failed Error: boom with \[redacted\]/);
    expect(text).not.toContain(DATA);
  });
});
