// Runs the fake AFAS server as its own process, for benchmarks and manual tries:
//   npx tsx src/main/demo/fake-afas/main.ts --rows 1000000 --port 0 --token-file F [--seed 1] [--latency-ms 0]
// Prints {"baseUrl":…,"port":…,"rows":…} as one JSON line on stdout, then serves until SIGINT/SIGTERM.
// The token file holds the classic token XML (or only its 64-hex data part); never pass it on argv.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startFakeAfas } from './server';
import {
  PROFIT_ADMINISTRATIONS_FIELDS,
  PROFIT_JOURNALS_FIELDS,
  PROFIT_TRANSACTIONS_FIELDS,
  syntheticMutations,
} from './synthetic';
import type { FakeEnvironment } from './types';

function tokenXml(text: string): string {
  const t = text.trim();
  return t.startsWith('<') ? t : `<token><version>1</version><data>${t}</data></token>`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '10000' },
      port: { type: 'string', default: '0' },
      'token-file': { type: 'string' },
      seed: { type: 'string', default: '1' },
      'latency-ms': { type: 'string', default: '0' },
    },
  });
  const tokenFile = values['token-file'];
  if (!tokenFile) {
    process.stderr.write('--token-file is required\n');
    process.exit(2);
  }
  const rows = Number(values.rows);
  const environment: FakeEnvironment = {
    envId: 'O12345AA',
    connectors: {
      Profit_Transactions_Allocated: {
        description: 'Financial entries',
        fields: PROFIT_TRANSACTIONS_FIELDS,
        rows: syntheticMutations(rows, { unitId: 1, seed: Number(values.seed), from: '2025-01', accounts: ['1600', '1610', '2010', '4000', '4100', '8000'] }),
      },
      Profit_Journals: {
        description: 'Journals',
        fields: PROFIT_JOURNALS_FIELDS,
        rows: ['10', '20', '50', '60', '90'].map((id) => ({ UnitId: 1, JournalId: id, Description: `Dagboek ${id}`, JournalType: null, Blocked: false })),
      },
      Profit_Administrations: {
        description: 'Administrations (Profit)',
        fields: PROFIT_ADMINISTRATIONS_FIELDS,
        rows: [{ AdminId: 1, AdminNm: 'Demo BV', AdminCd: '001' }],
      },
    },
  };
  const fake = await startFakeAfas({
    environment,
    tokens: [tokenXml(readFileSync(tokenFile, 'utf8'))],
    port: Number(values.port),
    latencyMs: Number(values['latency-ms']),
  });
  process.stdout.write(JSON.stringify({ baseUrl: fake.baseUrl, port: fake.port, rows }) + '\n');
  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
