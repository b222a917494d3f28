import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers } from '../../src/main/handlers';
import { createServices } from '../../src/main/services';
import { AppFailure } from '../../src/shared/errors';
import { METHODS } from '../../src/shared/methods';
import { contract } from '../../src/shared/contract';
import { isAllowedExternal, isAppUrl } from '../../src/main/window-policy';

const services = () => createServices({ dataDir: mkdtempSync(join(tmpdir(), 'kp-dispatch-')), appVersion: '1.2.3' });

describe('dispatch: the guarded entry of every API call', () => {
  it('has a schema and a handler for exactly the exposed methods', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHODS].sort());
    expect(Object.keys(createHandlers(services())).sort()).toEqual([...METHODS].sort());
  });

  it('runs a valid call against the real SQLite file', async () => {
    const h = createHandlers(services());
    expect(await dispatch(h, 'setLanguage', ['en'])).toEqual({ ok: true, value: { language: 'en' } });
    expect(await dispatch(h, 'getSettings', [])).toEqual({ ok: true, value: { language: 'en' } });
  });

  it('refuses unknown methods, prototype tricks and bad arguments', async () => {
    const h = createHandlers(services());
    for (const m of ['nope', '__proto__', 'constructor', 'toString', 42]) {
      expect(await dispatch(h, m, [])).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    expect(await dispatch(h, 'setLanguage', ['de'])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch(h, 'setLanguage', ['en', 'extra'])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('returns structured errors, never a stack', async () => {
    const h = createHandlers(services());
    h.getSettings = async () => {
      throw new AppFailure('x', { nl: 'nl-tekst', en: 'en-text' }, { nl: 'doe dit', en: 'do this' });
    };
    expect(await dispatch(h, 'getSettings', [])).toEqual({ ok: false, error: { code: 'x', message: { nl: 'nl-tekst', en: 'en-text' }, action: { nl: 'doe dit', en: 'do this' } } });
    h.getSettings = async () => {
      throw new Error('secret path /home/x at line 3');
    };
    const r = await dispatch(h, 'getSettings', []);
    expect(JSON.stringify(r)).not.toMatch(/secret|line 3|at /);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

describe('window policy', () => {
  it('lets only allow-listed https links out', () => {
    expect(isAllowedExternal('https://help.afas.nl/help/NL/SE/App_Cnr_Rest_Api.htm')).toBe(true);
    expect(isAllowedExternal('http://help.afas.nl/')).toBe(false);
    expect(isAllowedExternal('https://evil.example/help.afas.nl')).toBe(false);
    expect(isAllowedExternal('https://help.afas.nl.evil.example/')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
  });
  it('recognises only our own page as a trusted sender', () => {
    expect(isAppUrl('file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html')).toBe(true);
    expect(isAppUrl('file:///tmp/evil.html', 'file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});
