import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/dispatch';
import { createHandlers } from '../../src/main/handlers';
import type { MonthEnd } from '../../src/main/app/types';
import { createServices } from '../../src/main/services';
import { AppFailure } from '../../src/shared/errors';
import { METHODS } from '../../src/shared/methods';
import { contract } from '../../src/shared/contract';
import { isAllowedExternal, isAppUrl } from '../../src/main/window-policy';
import { memorySecretStore } from '../../src/main/secrets/memory';
import { decodeLines } from '../../src/renderer/src/state/line-columns';
import { fakeMonthEnd, line } from '../e2e/fake-month-end';

const services = () => createServices({ dataDir: mkdtempSync(join(tmpdir(), 'kp-dispatch-')), appVersion: '1.2.3' });

describe('dispatch: the guarded entry of every API call', () => {
  it('has a schema for every exposed method, and a backend handler for all but those of the host', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHODS].sort());
    const host = ['leaveDemo', 'startDemo'];
    expect(Object.keys(createHandlers(services())).sort()).toEqual([...METHODS].filter((m) => !host.includes(m)).sort());
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
    const logged: string[] = [];
    const log = { info: () => undefined, error: (event: string, e: unknown) => void logged.push(`${event}: ${(e as Error).message}`) };
    const r = await dispatch(h, 'getSettings', [], log);
    expect(JSON.stringify(r)).not.toMatch(/secret|line 3|at /);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    // The unexpected one goes to the support log; expected AppFailures do not.
    expect(logged).toEqual(['call.getSettings: secret path /home/x at line 3']);
  });
});

describe('the month-end methods: validated, then passed through to MonthEnd', () => {
  const calls: unknown[][] = [];
  const fakeMonthEnd = () =>
    new Proxy({} as MonthEnd, {
      get: (_t, key) =>
        key === 'close'
          ? async () => undefined
          : (...args: unknown[]) => {
              calls.push([key, ...args]);
              return key === 'exportWorkbook' ? Promise.resolve({ path: String(args[2]) }) : { ok: key };
            },
    });
  const withFake = (chooseSavePath: (n: string) => Promise<string | null>) =>
    createHandlers(createServices({ dataDir: mkdtempSync(join(tmpdir(), 'kp-dispatch-')), appVersion: '1', monthEnd: fakeMonthEnd, chooseSavePath }));

  it('lists every method of the screen', () => {
    expect([...METHODS]).toEqual(expect.arrayContaining(['getWorkspace', 'signInWithAfas', 'signOutAfas', 'startDemo', 'startSync', 'getSyncStatus', 'cancelSync', 'getResult', 'getAccountLines', 'confirmMatch', 'acceptSuggestion', 'unmatch', 'undo', 'addNote', 'signOff', 'setWalletBalance', 'exportWorkbook']));
  });

  it('refuses fractional cents, malformed line keys, one-line matches and empty names', async () => {
    const h = withFake(async () => null);
    const p = { year: 2025, month: 3 };
    const bad: [string, unknown[]][] = [
      ['confirmMatch', [1, '2100', ['1/MEM/1/1', '1/BNK/2/1'], 0.5, null, 'An']],
      ['confirmMatch', [1, '2100', ['1/MEM/1/1', 'x'], 0, null, 'An']],
      ['confirmMatch', [1, '2100', ['1/MEM/1/1'], 0, null, 'An']],
      ['signOff', [1, '2100', p, 'preparer', '  ']],
      ['signOff', [1, '2100', p, 'boss', 'An']],
      ['getResult', [1, { year: 2025, month: 13 }]],
      ['setWalletBalance', [1, p, 12.5]],
    ];
    for (const [m, args] of bad) expect(await dispatch(h, m, args), m).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    calls.length = 0;
    const fee = { category: 'to-book', counterAccount: '4610' };
    expect(await dispatch(h, 'confirmMatch', [1, '2100', ['1/MEM/1/1', '1/BNK/2/1'], -300, 'bank fee', 'An', { ...fee, category: 'bank fee' }])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch(h, 'confirmMatch', [1, '2100', ['1/MEM/1/1', '1/BNK/2/1'], -300, 'bank fee', 'An', fee])).toEqual({ ok: true, value: { ok: 'confirmMatch' } });
    expect(calls).toEqual([['confirmMatch', 1, '2100', ['1/MEM/1/1', '1/BNK/2/1'], -300, 'bank fee', 'An', fee]]);
  });

  it('normalises O12345AA and explains a wrong environment number in both languages', async () => {
    const h = withFake(async () => null);
    calls.length = 0;
    await dispatch(h, 'saveEnvironment', [{ number: 'O12345AA', type: 'production' }]);
    expect(calls).toEqual([['saveEnvironment', { number: '12345', type: 'production' }]]);
    const r = await dispatch(h, 'saveEnvironment', [{ number: 'abc', type: 'production' }]);
    expect(r).toMatchObject({ ok: false, error: { code: 'afas.environment.invalid', action: { nl: expect.any(String), en: expect.any(String) } } });
  });

  it('exports to the chosen path, and does nothing when the save dialog is cancelled', async () => {
    const asked: string[] = [];
    const h = withFake(async (name) => (asked.push(name), '/tmp/out.xlsx'));
    expect(await dispatch(h, 'exportWorkbook', [7, { year: 2025, month: 3 }, 'en'])).toEqual({ ok: true, value: { path: '/tmp/out.xlsx' } });
    expect(asked).toEqual(['kruispost-7-2025-03.xlsx']);
    calls.length = 0;
    const cancelled = withFake(async () => null);
    expect(await dispatch(cancelled, 'exportWorkbook', [7, { year: 2025, month: 3 }, 'en'])).toEqual({ ok: true, value: null });
    expect(calls).toEqual([]);
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

  it('sends the lines of an account in date order, in compact slices that decode to the same lines, with detail on demand', async () => {
    const long = `MOSS FINANCIAL SERVICES B.V. ${'X'.repeat(100)} /TRTP/SEPA OVERBOEKING`;
    const lines = [line('2100', 'BNK', 7, 20, 500, 'late'), line('2100', 'MOS', 3, 2, -500, long), line('2100', 'BNK', 12, 2, 250, 'same day'), line('2100', 'MOS', 1, 9, -250, 'mid')];
    const me = fakeMonthEnd(lines, { suggest: false });
    me.addNote(1, '1/MOS/1/1', 'Moss boekt later', 'test');
    const h = createHandlers(createServices({ dataDir: mkdtempSync(join(tmpdir(), 'kp-lines-')), appVersion: 't', secrets: memorySecretStore(), monthEnd: () => me }));
    const march = { year: 2025, month: 3 };
    const first = await h.getAccountLines(1, '2100', march, 0, 2);
    const rest = await h.getAccountLines(1, '2100', march, 2, 10);
    expect([first.total, first.offset, rest.offset]).toEqual([4, 0, 2]);
    const decoded = [...decodeLines(first), ...decodeLines(rest)];
    // (date, key): 02-03 1/BNK/12/1 before 1/MOS/3/1, then 09-03, then 20-03.
    expect(decoded.map((l) => l.key)).toEqual(['1/BNK/12/1', '1/MOS/3/1', '1/MOS/1/1', '1/BNK/7/1']);
    expect(decoded.map((l) => l.amount)).toEqual([250, -500, -250, 500]);
    expect(decoded[0]).toMatchObject({ entryDate: '2025-03-02', journalId: 'BNK', entryNo: 12, voucher: 'BNK12', text: 'same day', note: null });
    expect(decoded[2]!.note).toBe('Moss boekt later');
    // The table gets the description cut at 80 characters; the detail has all of it.
    expect(decoded[1]!.text).toHaveLength(80);
    expect(decoded[1]!.text.endsWith('…')).toBe(true);
    expect((await h.getLineDetail(1, '2100', march, '1/MOS/3/1'))?.lineDescription).toBe(long);
    expect(await h.getLineDetail(1, '2100', march, '1/MOS/99/1')).toBeNull();
    // Columns, not objects: far smaller than the full lines.
    const full = JSON.stringify(me.accountLines(1, '2100', march)).length;
    expect(JSON.stringify(first).length + JSON.stringify(rest).length).toBeLessThan(full / 2);
  });
});
