import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { syntheticMutations } from '../../src/main/demo/fake-afas/synthetic';
import { toCents } from '../../src/shared/money';
import { AUTH, TOKEN } from './helpers';

describe('syntheticMutations', () => {
  const opts = { unitId: 7, seed: 42, from: '2024-11', accounts: ['1600', '2010', '4000'] };

  it('is deterministic and seed-dependent', () => {
    expect(syntheticMutations(50, opts)).toEqual(syntheticMutations(50, opts));
    expect(syntheticMutations(50, { ...opts, seed: 43 })).not.toEqual(syntheticMutations(50, opts));
  });

  it('makes balanced entries with unique keys, spread over the months from `from`, with nulls', () => {
    const rows = syntheticMutations(1000, opts);
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => `${String(r.UnitId)}|${String(r.JournalId)}|${String(r.EntryNo)}|${String(r.SeqNo)}`)).size).toBe(1000);
    const byEntry = new Map<number, number>();
    for (const r of rows) byEntry.set(r.EntryNo as number, (byEntry.get(r.EntryNo as number) ?? 0) + toCents(r.AmtDebit as number) - toCents(r.AmtCredit as number));
    expect([...byEntry.values()].every((v) => v === 0)).toBe(true);
    expect(rows[0]).toMatchObject({ UnitId: 7, Year: 2024, Period: 11 });
    expect(rows[999]).toMatchObject({ Year: 2025, Period: 10 });
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r.EntryDate as string))).toBe(true);
    expect(rows.some((r) => r.InvoiceId === null) && rows.some((r) => r.InvoiceId !== null)).toBe(true);
    expect(rows.every((r) => ['1600', '2010', '4000'].includes(r.AccountNo as string))).toBe(true);
  });
});

describe('fake-afas main.ts', () => {
  it('prints its baseUrl as one JSON line and serves the synthetic rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-afas-main-'));
    const tokenFile = join(dir, 'token.xml');
    writeFileSync(tokenFile, TOKEN + '\n');
    // One process (node + tsx loader), so killing it leaves no grandchild holding the pipe open.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/demo/fake-afas/main.ts', '--rows', '500', '--port', '0', '--token-file', tokenFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited ${String(code)}`)));
      });
      const info = JSON.parse(line) as { baseUrl: string; rows: number };
      expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ProfitRestServices$/);
      expect(info.rows).toBe(500);
      const res = await fetch(`${info.baseUrl}/connectors/Profit_Transactions_Allocated?skip=0&take=1000&orderbyfieldids=EntryNo,SeqNo`, { headers: { authorization: AUTH } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { rows: unknown[] }).rows).toHaveLength(500);
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
