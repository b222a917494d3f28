// `kruispost reconcile` end to end: a child process against the fake AFAS serving the demo dataset
// over real HTTP, a real SQLite data dir, and the report checked against demoTruth to the cent.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/main/cli/report';
import { generateDemoDataset } from '../../src/main/demo/dataset/index';
import { startFakeAfas, type FakeAfas } from '../../src/main/demo/fake-afas/server';
import { centsToDecimal } from '../../src/shared/money';
import { unzipText } from '../workbook/readers';
import { demoConfig, mossConfig, runCliProcess } from './helpers';

const TOKEN_DATA = 'C0FFEE'.repeat(10) + 'C0DE';
const TOKEN = `<token><version>1</version><data>${TOKEN_DATA}</data></token>`;
const dataset = generateDemoDataset();
const truth = dataset.truth;
const JUNE = '2025-06';

let fake: FakeAfas;
let dir: string;
let fullRunLineRequests = 0;

const linesRequests = () => fake.requests.filter((r) => r.path.endsWith('/Profit_Transactions_Allocated')).length;
const writeConfig = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
const wallets = (units: number[]) => units.flatMap((u) => ['--wallet-balance', `${u}=${centsToDecimal(truth.units.find((x) => x.unitId === u)!.periods[JUNE]!.wallet)}`]);
const noSecret = (run: { stdout: string; stderr: string }) => {
  expect(run.stdout + run.stderr).not.toContain(TOKEN_DATA);
};

/** The truth of June, of the given profiles only (a Moss-only configuration reports Moss's accounts). */
function truthOf(unitId: number, profiles: string[]) {
  const t = truth.units.find((u) => u.unitId === unitId)!.periods[JUNE]!;
  const own = new Set(t.accounts.filter((a) => profiles.includes(a.profile!)).map((a) => a.account));
  return { ...t, accounts: t.accounts.filter((a) => own.has(a.account)), openLines: t.openLines.filter((l) => own.has(l.account)), flags: t.flags.filter((f) => own.has(f.account)), matches: t.matches.filter((m) => own.has(m.account)) };
}

function expectReportMatchesTruth(report: Report, units: number[], profiles = ['moss', 'nmbrs', 'declaree', 'spendcloud']): void {
  expect(report.period).toBe(JUNE);
  expect(report.administrations.map((a) => a.unitId)).toEqual(units);
  for (const a of report.administrations) {
    const t = truthOf(a.unitId, profiles);
    // Every account's figures, exact to the cent, as decimal strings.
    const got = a.accounts.map((x) => ({ role: x.role, profile: x.profile, account: x.account, opening: x.opening, debit: x.debit, credit: x.credit, closing: x.closing, expected: x.expected, difference: x.difference, clears: x.clears }));
    const want = t.accounts.map((x) => ({
      role: x.role, profile: x.profile, account: x.account, opening: centsToDecimal(x.opening), debit: centsToDecimal(x.debit), credit: centsToDecimal(x.credit),
      closing: centsToDecimal(x.closing), expected: centsToDecimal(x.expected), difference: centsToDecimal(x.difference), clears: x.clears,
    }));
    expect(got.sort((p, q) => p.account.localeCompare(q.account))).toEqual(want.sort((p, q) => p.account.localeCompare(q.account)));
    expect(a.walletBalance).toBe(centsToDecimal(t.wallet));
    expect(a.clears).toBe(t.accounts.every((x) => x.clears));
    // Exactly the lines that must stay open, with their amounts and ages.
    const open = a.accounts.flatMap((x) => x.openItems.map((o) => ({ line: o.line, amount: o.amount, ageDays: o.ageDays, date: o.date })));
    const wantOpen = t.openLines.map((o) => ({ line: o.key, amount: centsToDecimal(o.amount), ageDays: o.ageDays, date: o.date }));
    expect(open.sort((p, q) => p.line.localeCompare(q.line))).toEqual(wantOpen.sort((p, q) => p.line.localeCompare(q.line)));
    // The period's own payroll tax and pension are listed as expected open, and only they.
    const notYetDue = a.accounts.flatMap((x) => x.openItems.filter((o) => o.reason === 'not-yet-due').map((o) => o.line)).sort();
    expect(notYetDue).toEqual(t.openLines.filter((o) => o.reason === 'not-yet-due').map((o) => o.key).sort());
    // The flags the planted problems must raise, on the right account and lines.
    for (const f of t.flags) {
      const hits = a.flags.filter((g) => g.code === f.code && g.account === f.account);
      expect(hits.length, `${f.code} on ${f.account}`).toBeGreaterThan(0);
      const allowed = t.flags.filter((g) => g.code === f.code && g.account === f.account).flatMap((g) => g.lines);
      if (f.lines.length > 0) expect(hits.flatMap((h) => h.lines).filter((k) => !allowed.includes(k)), `${f.code} on ${f.account}`).toEqual([]);
      for (const k of f.lines) expect(hits.some((h) => h.lines.includes(k)), `${f.code} names ${k}`).toBe(true);
    }
    // The transitory account lists exactly the open vouchers, each with its remainder, and their lines say so.
    const vouchers = a.accounts.flatMap((x) => (x.openVouchers ?? []).map((v) => ({ account: x.account, voucherNo: v.voucherNo, remainder: v.remainder })));
    const wantVouchers = (profiles.includes('spendcloud') ? (t.openVouchers ?? []) : []).map((v) => ({ account: v.account, voucherNo: v.voucherNo, remainder: centsToDecimal(v.remainder) }));
    expect(vouchers.sort((p, q) => p.voucherNo.localeCompare(q.voucherNo))).toEqual(wantVouchers.sort((p, q) => p.voucherNo.localeCompare(q.voucherNo)));
    for (const x of a.accounts.filter((y) => y.role === 'transitory')) {
      for (const o of x.openItems) expect(['not-fully-released', 'release-without-booking'], o.line).toContain(o.reason);
      expect(x.openItems.every((o) => x.openVouchers!.some((v) => v.voucherNo === o.voucherNo && v.remainder === o.remainder))).toBe(true);
    }
    // One duplicate flag per double export, not one per account its entries touch.
    expect(a.flags.filter((f) => f.code === 'duplicate').length).toBe(t.flags.filter((f) => f.code === 'duplicate').length);
    // The split top-up is matched (so none of its lines is open) and nothing is stale.
    for (const m of t.matches) for (const k of m.lines) expect(open.some((o) => o.line === k)).toBe(false);
    expect(a.matchCounts.stale).toBe(0);
    expect(a.matchCounts.confirmed).toBeGreaterThan(0);
  }
  expect(report.clears).toBe(false);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kruispost-cli-'));
  fake = await startFakeAfas({ environment: generateDemoDataset().environment, tokens: [TOKEN] });
});

afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kruispost reconcile', () => {
  it('reconciles both administrations, Moss, Nmbrs, Declaree (in 1) and Spend Cloud, exactly as the demo truth says, writes report and workbooks, exits 1', async () => {
    const config = writeConfig('both.json', demoConfig([1, 2]));
    const before = linesRequests();
    const run = await runCliProcess(
      ['reconcile', '--config', config, '--period', JUNE, '--base-url', fake.baseUrl, '--data-dir', join(dir, 'data-full'),
        '--out', join(dir, 'out', 'month.xlsx'), '--report', join(dir, 'out', 'report.json'), '--lang', 'en', ...wallets([1, 2])],
      { KRUISPOST_AFAS_TOKEN: TOKEN_DATA },
    );
    fullRunLineRequests = linesRequests() - before;
    expect(run.stderr).toContain('sync:'); // plain progress lines when not on a TTY
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('Not everything clears.');
    for (const v of truth.units[0]!.periods[JUNE]!.openVouchers!) expect(run.stdout).toContain(`voucher ${v.voucherNo}: `);
    noSecret(run);
    const reportText = readFileSync(join(dir, 'out', 'report.json'), 'utf8');
    expect(reportText).not.toContain(TOKEN_DATA);
    const report = JSON.parse(reportText) as Report;
    expectReportMatchesTruth(report, [1, 2]);
    expect(existsSync(join(dir, 'out', 'month-1.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'month-2.xlsx'))).toBe(true);
    // Amounts are decimal strings, never numbers.
    expect(reportText).toMatch(/"closing": "-?\d+\.\d{2}"/);
  });

  it('after the full run, the token appears in no file it wrote (SQLite, WAL, log, report, workbook parts)', async () => {
    const b64 = Buffer.from(TOKEN).toString('base64');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(files.some((f) => f.endsWith('.xlsx'))).toBe(true);
    for (const file of files) {
      const texts = file.endsWith('.xlsx') ? [...(await unzipText(file)).values()] : [readFileSync(file, 'latin1')];
      for (const text of texts) {
        expect(text.toUpperCase(), file).not.toContain(TOKEN_DATA);
        expect(text, file).not.toContain(b64);
      }
    }
  });

  it('exits 0 when everything clears (the clean administration, June payroll tax expected open)', async () => {
    const config = writeConfig('clean.json', { ...demoConfig([2]), $comment: 'editor comments are allowed' });
    const run = await runCliProcess(
      ['reconcile', '--config', config, '--period', JUNE, '--base-url', fake.baseUrl, '--data-dir', join(dir, 'data-clean'), '--report', join(dir, 'clean.json.out'), '--lang', 'en', ...wallets([2])],
      { KRUISPOST_AFAS_TOKEN: TOKEN },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Everything clears.');
    const report = JSON.parse(readFileSync(join(dir, 'clean.json.out'), 'utf8')) as Report;
    expect(report.clears).toBe(true);
    expect(report.administrations[0]?.accounts.every((a) => a.difference === '0.00' && a.openItems.every((o) => o.reason === 'not-yet-due'))).toBe(true);
    const tax = report.administrations[0]!.accounts.find((a) => a.role === 'payrollTax')!;
    expect(tax.profile).toBe('nmbrs');
    expect(tax.openItems.length).toBeGreaterThan(0);
    expect(tax.expected).toBe(tax.closing);
    expect(tax.expected).not.toBe('0.00');
  });

  it('the old Moss-only configuration still reconciles Moss exactly (and reports no payroll account)', async () => {
    const run = await runCliProcess(
      ['reconcile', '--config', writeConfig('moss-only.json', mossConfig([1])), '--period', JUNE, '--base-url', fake.baseUrl, '--data-dir', join(dir, 'data-moss'), '--report', join(dir, 'moss.json'), '--lang', 'en', ...wallets([1])],
      { KRUISPOST_AFAS_TOKEN: TOKEN },
    );
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'moss.json'), 'utf8')) as Report;
    expect(report.administrations[0]!.accounts.every((a) => a.profile === 'moss')).toBe(true);
    expectReportMatchesTruth(report, [1], ['moss']);
  });

  it('a configuration without a required field exits 2 and names the field', async () => {
    const bad = mossConfig([1]) as { administrations: { moss: Record<string, unknown> }[] };
    delete bad.administrations[0]!.moss.balanceAccount;
    const run = await runCliProcess(['reconcile', '--config', writeConfig('bad.json', bad), '--period', JUNE, '--data-dir', join(dir, 'never'), '--lang', 'en'], { KRUISPOST_AFAS_TOKEN: TOKEN });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('administrations[0].moss.balanceAccount');
    expect(run.stderr).toContain('What to do');
  });

  it('a bad period or wallet balance exits 2 naming the flag, in Dutch too', async () => {
    const config = writeConfig('ok.json', mossConfig([1]));
    const period = await runCliProcess(['reconcile', '--config', config, '--period', '2025-13', '--lang', 'nl'], { KRUISPOST_AFAS_TOKEN: TOKEN });
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('--period "2025-13" is geen periode');
    expect(period.stderr).toContain('Wat te doen');
    const wallet = await runCliProcess(['reconcile', '--config', config, '--period', JUNE, '--wallet-balance', '1=12,50', '--lang', 'en'], { KRUISPOST_AFAS_TOKEN: TOKEN });
    expect(wallet.code).toBe(2);
    expect(wallet.stderr).toContain('--wallet-balance');
  });

  it('a token AFAS refuses exits 3 with what to do, and never prints the token', async () => {
    const other = 'ABCDEF0123456789'.repeat(4);
    const run = await runCliProcess(
      ['reconcile', '--config', writeConfig('t.json', mossConfig([2])), '--period', JUNE, '--base-url', fake.baseUrl, '--data-dir', join(dir, 'data-token'), '--lang', 'en'],
      { KRUISPOST_AFAS_TOKEN: other },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('AFAS refused access (401)');
    expect(run.stderr).toContain('Gebruikerstokens');
    expect(run.stdout + run.stderr).not.toContain(other);
  });

  it('an address that is not AFAS exits 2 naming --base-url; with the override set it is tried (and does not resolve: exit 3)', async () => {
    const args = ['reconcile', '--config', writeConfig('u.json', mossConfig([2])), '--period', JUNE, '--base-url', 'https://afas.invalid/ProfitRestServices', '--data-dir', join(dir, 'data-dns'), '--lang', 'en'];
    const refused = await runCliProcess(args, { KRUISPOST_AFAS_TOKEN: TOKEN });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--base-url: afas\.invalid is not an AFAS server/);
    expect(refused.stderr).toContain('KRUISPOST_ALLOW_CUSTOM_AFAS_HOST');
    const run = await runCliProcess(args, { KRUISPOST_AFAS_TOKEN: TOKEN, KRUISPOST_ALLOW_CUSTOM_AFAS_HOST: '1' });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/Error: .*AFAS/);
  });

  it('a 500 mid-sync exits 3; the re-run resumes with the data already fetched and is exact', async () => {
    expect(fullRunLineRequests).toBeGreaterThan(4);
    const config = writeConfig('fault.json', demoConfig([1, 2]));
    const args = ['reconcile', '--config', config, '--period', JUNE, '--base-url', fake.baseUrl, '--data-dir', join(dir, 'data-fault'), '--report', join(dir, 'fault-report.json'), '--lang', 'en', ...wallets([1, 2])];
    // Fails near the end of the run, after most slices are in.
    fake.faults.add({ kind: '500', match: { path: /Profit_Transactions_Allocated$/, nth: fullRunLineRequests - 1 }, times: Infinity, message: 'Er is een onverwachte fout opgetreden.' });
    const first = await runCliProcess(args, { KRUISPOST_AFAS_TOKEN: TOKEN });
    fake.faults.clear();
    expect(first.code).toBe(3);
    expect(first.stderr).toContain('Error:');
    expect(existsSync(join(dir, 'fault-report.json'))).toBe(false);

    const before = linesRequests();
    const second = await runCliProcess(args, { KRUISPOST_AFAS_TOKEN: TOKEN });
    expect(second.code, second.stderr).toBe(1);
    expect(linesRequests() - before).toBeLessThan(fullRunLineRequests / 2);
    expectReportMatchesTruth(JSON.parse(readFileSync(join(dir, 'fault-report.json'), 'utf8')) as Report, [1, 2]);
  });

  it('a full month-end through 5% generic 500s, 503s, resets and truncated bodies gives the exact report, with the retries counted', async () => {
    const data = join(dir, 'data-flaky');
    const args = ['reconcile', '--config', writeConfig('flaky.json', demoConfig([1, 2])), '--period', JUNE, '--base-url', fake.baseUrl, '--data-dir', data, '--report', join(dir, 'flaky-report.json'), '--lang', 'en', ...wallets([1, 2])];
    // What an independent AFAS showed: AFAS's generic 500 on 5% of the calls, maintenance with a
    // short retry_after, connections reset and bodies cut off on 3% each. Paging without an order
    // would lose rows here too (the fake rotates unordered pages).
    fake.faults.add({ kind: '500', rate: 0.05, seed: 13, message: 'An unexpected error has occurred.', errorNumber: -2147180999 });
    fake.faults.add({ kind: '503', rate: 0.03, seed: 13, retryAfter: 1 });
    fake.faults.add({ kind: 'reset', rate: 0.03, seed: 13 });
    fake.faults.add({ kind: 'truncate', rate: 0.015, seed: 13 });
    fake.faults.add({ kind: 'cut', rate: 0.015, seed: 13 });
    // A month-end is a few dozen calls: one of each kind at a known place as well, the first on
    // Profit_Accounts (where the run used to stop), one on a page fetched ahead.
    fake.faults.add({ kind: '500', match: { path: /Profit_Accounts$/ }, message: 'An unexpected error has occurred.', errorNumber: -2147180999 });
    fake.faults.add({ kind: 'reset', match: { path: /Profit_Transactions_Allocated$/, nth: 3 } });
    fake.faults.add({ kind: 'truncate', match: { path: /Profit_Transactions_Allocated$/, nth: 6 } });
    fake.faults.add({ kind: 'cut', match: { path: /Profit_Transactions_Allocated$/, nth: 9 } });
    fake.faults.add({ kind: '503', retryAfter: 1, match: { path: /Profit_Creditor$/ } });
    const from = fake.requests.length;
    let run;
    try {
      run = await runCliProcess(args, { KRUISPOST_AFAS_TOKEN: TOKEN });
    } finally {
      fake.faults.clear();
    }
    const seen = fake.requests.slice(from);
    expect(run.code, run.stderr).toBe(1);
    for (const kind of ['500', '503', 'reset', 'truncate', 'cut']) expect(seen.filter((r) => r.fault === kind).length, kind).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(join(dir, 'flaky-report.json'), 'utf8')) as Report;
    expectReportMatchesTruth(report, [1, 2]);
    // Every fault that answered was retried once, and counted under its connector and status.
    const retried = Object.values(report.sync.retries).flatMap((byStatus) => Object.entries(byStatus));
    const count = (status: string) => retried.filter(([s]) => s === status).reduce((n, [, k]) => n + k, 0);
    const faults = (kind: string) => seen.filter((r) => r.fault === kind).length;
    expect(count('500')).toBe(faults('500'));
    expect(count('503')).toBe(faults('503'));
    expect(count('network') + count('unreadable')).toBe(faults('reset') + faults('truncate') + faults('cut'));
    for (const r of seen) if (r.path.includes('/connectors/')) expect(r.query.orderbyfieldids).toBeTruthy();
    // The sync runs' records hold the same counts.
    const db = new Database(join(data, 'kruispost.sqlite'), { readonly: true });
    try {
      const runs = db.prepare('SELECT retries FROM sync_runs').all() as { retries: string }[];
      const total = runs.reduce((n, r) => n + Object.values(JSON.parse(r.retries) as Record<string, Record<string, number>>).flatMap(Object.values).reduce((a, b) => a + b, 0), 0);
      expect(total).toBe(retried.reduce((n, [, k]) => n + k, 0));
    } finally {
      db.close();
    }
  });
});
