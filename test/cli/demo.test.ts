// `kruispost demo` headless: no keychain, files under the current directory, exit 0.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Report } from '../../src/main/cli/report';
import { demoTruth } from '../../src/main/demo/dataset/demo-truth';
import { centsToDecimal } from '../../src/shared/money';
import { runCliProcess } from './helpers';

const cwd = mkdtempSync(join(tmpdir(), 'kruispost-demo-cwd-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

it('runs the month-end job on the demo and writes the workbooks and report in ./kruispost-demo', async () => {
  // DBUS_SESSION_BUS_ADDRESS unset: proves no Secret Service is needed.
  const run = await runCliProcess(['demo', '--lang', 'en'], { DBUS_SESSION_BUS_ADDRESS: undefined }, cwd);
  expect(run.code, run.stderr).toBe(0);
  const out = join(cwd, 'kruispost-demo');
  expect(existsSync(join(out, 'Kruispost-Kruispost Demo B.V.-2025-06.xlsx'))).toBe(true);
  expect(existsSync(join(out, 'Kruispost-Kruispost Demo Services B.V.-2025-06.xlsx'))).toBe(true);
  expect(run.stdout).toContain(join(out, 'report.json'));
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
  expect(report.period).toBe('2025-06');
  const cit = report.administrations[0]?.accounts.find((a) => a.role === 'cashInTransit');
  const truth = demoTruth.units[0]!.periods['2025-06']!.accounts.find((a) => a.role === 'cashInTransit')!;
  expect(cit?.closing).toBe(centsToDecimal(truth.closing));
  expect(report.administrations[0]?.walletBalance).toBe(centsToDecimal(demoTruth.units[0]!.periods['2025-06']!.wallet));
  expect(report.administrations[1]?.clears).toBe(true);
  // The closing note names each planted Declaree problem with what the report says: check it does.
  const flags = report.administrations[0]!.flags;
  const has = (code: string, account: string) => flags.some((f) => f.code === code && f.account === account);
  for (const [code, account] of [['duplicate', '800101'], ['duplicate', '800105'], ['missing-counterpart', '800105'], ['missing-counterpart', '800107'], ['open-too-long', '800107'], ['missing-counterpart', '800111'], ['missing-counterpart', '800102'], ['unexpected-journal', '800113'], ['missing-counterpart', '1960']] as const) {
    expect(has(code, account), `${code} on ${account}`).toBe(true);
    expect(run.stdout).toContain(account);
  }
  const accounts = report.administrations[0]!.accounts;
  expect(accounts.find((a) => a.account === '1960')?.clears).toBe(false);
  expect(accounts.find((a) => a.account === '800101')?.clears).toBe(false);
  expect(accounts.filter((a) => a.role === 'employeeCreditor').length).toBeGreaterThanOrEqual(14);
  expect(run.stdout).toContain('DCL-2025-9001');
});
