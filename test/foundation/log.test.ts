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
