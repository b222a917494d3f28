import { describe, expect, it, vi } from 'vitest';
import { parseEnvironment } from '../../src/main/afas/environment';
import { AppFailure } from '../../src/shared/errors';

describe('parseEnvironment', () => {
  it('builds the host from the number and type', () => {
    expect(parseEnvironment({ number: '12345' })).toEqual({ number: '12345', type: 'production', baseUrl: 'https://12345.rest.afas.online/ProfitRestServices' });
    expect(parseEnvironment({ number: ' 12345 ', type: 'test' }).baseUrl).toBe('https://12345.resttest.afas.online/ProfitRestServices');
    expect(parseEnvironment({ number: '12345', type: 'accept' }).baseUrl).toBe('https://12345.restaccept.afas.online/ProfitRestServices');
  });

  it('reads the type from the environment id letter', () => {
    expect(parseEnvironment({ number: 'O12345AA' })).toMatchObject({ number: '12345', type: 'production' });
    expect(parseEnvironment({ number: 't12345aa' })).toMatchObject({ number: '12345', type: 'test', baseUrl: 'https://12345.resttest.afas.online/ProfitRestServices' });
    expect(parseEnvironment({ number: 'A123456AC' })).toMatchObject({ number: '123456', type: 'accept' });
  });

  it('refuses a letter that contradicts the chosen type, and junk', () => {
    expect(() => parseEnvironment({ number: 'T12345AA', type: 'production' })).toThrow(AppFailure);
    for (const bad of ['', 'abc', '12a45', 'X12345AA', 'https://12345.rest.afas.online']) {
      try {
        parseEnvironment({ number: bad });
        expect.unreachable(bad);
      } catch (e) {
        expect(e).toBeInstanceOf(AppFailure);
        const err = (e as AppFailure).appError;
        expect(err.code).toBe('afas.environment.invalid');
        expect(err.message.nl).toBeTruthy();
        expect(err.action?.nl).toContain('deelnemersnummer');
      }
    }
  });

  it('accepts a base URL override ending in /ProfitRestServices; http only on loopback', () => {
    expect(parseEnvironment({ number: '12345', baseUrl: 'http://127.0.0.1:4010/ProfitRestServices/' }).baseUrl).toBe('http://127.0.0.1:4010/ProfitRestServices');
    expect(parseEnvironment({ number: '12345', baseUrl: 'http://localhost:1/ProfitRestServices' }).baseUrl).toBe('http://localhost:1/ProfitRestServices');
    expect(parseEnvironment({ number: '12345', baseUrl: 'https://proxy.example.nl/afas/ProfitRestServices' }, { allowCustomHost: true }).baseUrl).toBe('https://proxy.example.nl/afas/ProfitRestServices');
    const code = (url: string) => {
      try {
        parseEnvironment({ number: '12345', baseUrl: url });
        return 'ok';
      } catch (e) {
        return (e as AppFailure).appError.code;
      }
    };
    expect(code('http://12345.rest.afas.online/ProfitRestServices')).toBe('afas.environment.insecure');
    expect(code('https://12345.rest.afas.online/')).toBe('afas.environment.base_url');
    expect(code('https://12345.rest.afas.online/ProfitRestServices?x=1')).toBe('afas.environment.base_url');
    expect(code('ftp://127.0.0.1/ProfitRestServices')).toBe('afas.environment.base_url');
    expect(code('not a url')).toBe('afas.environment.base_url');
  });
});

describe('which hosts get the token', () => {
  const code = (url: string, allowCustomHost?: boolean) => {
    try {
      parseEnvironment({ number: '12345', baseUrl: url }, allowCustomHost === undefined ? {} : { allowCustomHost });
      return 'ok';
    } catch (e) {
      return (e as AppFailure).appError.code;
    }
  };

  it("accepts AFAS's own REST hosts (production, test, accept) and this machine", () => {
    for (const ok of [
      'https://12345.rest.afas.online/ProfitRestServices',
      'https://12345.resttest.afas.online/ProfitRestServices',
      'https://12345.restaccept.afas.online/ProfitRestServices',
      'https://99999.REST.afas.online/ProfitRestServices',
      'http://127.0.0.1:4010/ProfitRestServices',
      'http://localhost:1/ProfitRestServices',
      'http://[::1]:8080/ProfitRestServices',
    ]) {
      expect(code(ok), ok).toBe('ok');
    }
  });

  it('refuses any other host unless the override is set, saying what to do in Dutch and English', () => {
    for (const bad of [
      'https://proxy.example.nl/afas/ProfitRestServices',
      'https://12345.rest.afas.online.evil.example/ProfitRestServices',
      'https://evil.example/12345.rest.afas.online/ProfitRestServices',
      'https://rest.afas.online/ProfitRestServices',
      'https://a.b.rest.afas.online/ProfitRestServices',
      'https://12345.rest.afas.online:8443/ProfitRestServices',
      'https://12345.restx.afas.online/ProfitRestServices',
    ]) {
      expect(code(bad), bad).toBe('afas.environment.host');
    }
    try {
      parseEnvironment({ number: '12345', baseUrl: 'https://proxy.example.nl/ProfitRestServices' });
    } catch (e) {
      const err = (e as AppFailure).appError;
      expect(err.message.nl).toContain('proxy.example.nl');
      expect(err.message.en).toContain('proxy.example.nl');
      expect(err.action?.en).toContain('KRUISPOST_ALLOW_CUSTOM_AFAS_HOST');
      expect(err.action?.nl).toContain('KRUISPOST_ALLOW_CUSTOM_AFAS_HOST');
    }
    expect(code('https://proxy.example.nl/afas/ProfitRestServices', true)).toBe('ok');
    // The override never allows plain http off this machine.
    expect(code('http://proxy.example.nl/ProfitRestServices', true)).toBe('afas.environment.insecure');
  });

  it('reads the override from KRUISPOST_ALLOW_CUSTOM_AFAS_HOST=1 when not given', () => {
    vi.stubEnv('KRUISPOST_ALLOW_CUSTOM_AFAS_HOST', '1');
    try {
      expect(code('https://proxy.example.nl/afas/ProfitRestServices')).toBe('ok');
    } finally {
      vi.unstubAllEnvs();
    }
    expect(code('https://proxy.example.nl/afas/ProfitRestServices')).toBe('afas.environment.host');
  });
});
