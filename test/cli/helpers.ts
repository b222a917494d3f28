// Runs the CLI as a child process, the way a user or CI job would (`npx tsx src/main/cli.ts …`).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const ROOT = resolve(import.meta.dirname, '../..');

export function runCliProcess(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['--prefix', ROOT, 'tsx', resolve(ROOT, 'src/main/cli.ts'), ...args], {
      cwd,
      env: { ...process.env, KRUISPOST_AFAS_TOKEN: undefined, ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') }));
  });
}

export function mossConfig(units: number[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    environment: { number: '12345', type: 'production' },
    administrations: units.map((unitId) => ({
      unitId,
      profile: 'moss',
      moss: { balanceAccount: '11050', cashInTransitAccount: '20990', defaultSupplier: '700123', purchaseJournal: 'MOSI', bankJournal: 'MOSB', bankAccounts: ['11000'] },
    })),
    syncFrom: '2025-01',
    ...extra,
  };
}

/** The demo's own configuration: Moss, Nmbrs and Spend Cloud in each administration (pension and Declaree in 1 only). */
export function demoConfig(units: number[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const moss = mossConfig(units, extra);
  return {
    ...moss,
    administrations: units.map((unitId) => ({
      unitId,
      moss: { balanceAccount: '11050', cashInTransitAccount: '20990', defaultSupplier: '700123', purchaseJournal: 'MOSI', bankJournal: 'MOSB', bankAccounts: ['11000'] },
      nmbrs: { journal: 'LON', netWagesAccount: '1610', payrollTaxAccount: '1620', ...(unitId === 1 ? { pensionAccount: '1630' } : {}), bankAccounts: ['11000'] },
      // Administration 1 also runs Declaree (its employee creditors found from the DEC journal).
      ...(unitId === 1 ? { declaree: { journal: 'DEC', paymentsInTransitAccount: '1960', bankAccounts: ['11000'] } } : {}),
      spendcloud: { journal: 'INK', transitoryAccounts: ['24302'] },
    })),
  };
}
