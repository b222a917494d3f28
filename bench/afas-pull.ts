// Benchmark: pull 1,000,000 Profit_Transactions_Allocated rows from the fake AFAS (own process)
// through the client (paging, JSON, MutationLine) and, in the same run, download the same pages
// raw (undici request, body read and discarded). Prints rows/s and the ratio client/raw (target ≤ 1.3).
//   npx tsx bench/afas-pull.ts [--rows 1000000]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'undici';
import { createAfasClient } from '../src/main/afas/client';
import { classicTokenAuth } from '../src/main/afas/classic-token';
import { MUTATION_ORDER, toMutationLine } from '../src/main/afas/mutation-row';
import { buildQuery, pageSize } from '../src/main/afas/query';

const CONNECTOR = 'Profit_Transactions_Allocated';
const COLUMNS = 26;

async function startFake(rows: number, tokenXml: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'kruispost-bench-'));
  const tokenFile = join(dir, 'token.xml');
  writeFileSync(tokenFile, tokenXml, { mode: 0o600 });
  // Same Node as this process (the project's Node 22), tsx as a loader: one child process.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/demo/fake-afas/main.ts', '--rows', String(rows), '--port', '0', '--token-file', tokenFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', (l) => {
      rl.close();
      resolve(l);
    });
    child.once('exit', (code) => reject(new Error(`fake AFAS exited early (${code})`)));
  });
  rmSync(dir, { recursive: true, force: true }); // the server has read the token by now
  const { baseUrl } = JSON.parse(line) as { baseUrl: string };
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function pullClient(baseUrl: string, tokenXml: string): Promise<{ rows: number; ms: number; checksum: number; cpuMs: number }> {
  const client = createAfasClient({ baseUrl, auth: classicTokenAuth(tokenXml) });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows = 0;
  let checksum = 0;
  for await (const page of client.getRows(CONNECTOR, { orderBy: MUTATION_ORDER, prefetch: 2 })) {
    for (const r of page) {
      const line = toMutationLine(r);
      checksum = (checksum + line.debit) % 1_000_000_007;
      rows++;
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await client.close();
  return { rows, ms, checksum, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function pullRaw(baseUrl: string, tokenXml: string, pages: number): Promise<{ bytes: number; ms: number; cpuMs: number }> {
  const agent = new Agent({ connections: 4, keepAliveTimeout: 30_000 });
  const url = new URL(baseUrl);
  const take = pageSize(COLUMNS);
  const headers = { authorization: `AfasToken ${Buffer.from(tokenXml, 'utf8').toString('base64')}`, accept: 'application/json', 'accept-language': 'nl-nl' };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  for (let p = 0; p < pages; p++) {
    const res = await request(`${url.origin}${url.pathname}/connectors/${CONNECTOR}?${buildQuery({ skip: p * take, take, orderBy: MUTATION_ORDER })}`, { dispatcher: agent, headers });
    if (res.statusCode !== 200) throw new Error(`raw page ${p}: HTTP ${res.statusCode}`);
    for await (const chunk of res.body) bytes += (chunk as Buffer).length;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await agent.close();
  return { bytes, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, rounds: { type: 'string', default: '2' } } });
  const total = Number(values.rows);
  const rounds = Math.max(1, Number(values.rounds));
  const tokenXml = `<token><version>1</version><data>${randomBytes(32).toString('hex').toUpperCase()}</data></token>`;
  console.log(`Starting fake AFAS with ${total.toLocaleString('en')} rows …`);
  const fake = await startFake(total, tokenXml);
  try {
    const take = pageSize(COLUMNS);
    const pages = Math.floor(total / take) + 1; // the client also asks the short (empty) last page
    // Warm-up: the fake sorts its index on the first ordered request; neither side should pay it.
    await pullRaw(fake.baseUrl, tokenXml, 1);
    let bestRaw = Infinity;
    let bestClient = Infinity;
    let bytes = 0;
    for (let r = 1; r <= rounds; r++) {
      const raw = await pullRaw(fake.baseUrl, tokenXml, pages);
      const cl = await pullClient(fake.baseUrl, tokenXml);
      if (cl.rows !== total) throw new Error(`client pulled ${cl.rows} rows, expected ${total}`);
      bytes = raw.bytes;
      bestRaw = Math.min(bestRaw, raw.ms);
      bestClient = Math.min(bestClient, cl.ms);
      console.log(
        `round ${r}: raw ${(raw.ms / 1000).toFixed(2)} s (cpu here ${(raw.cpuMs / 1000).toFixed(2)} s), client ${(cl.ms / 1000).toFixed(2)} s (cpu here ${(cl.cpuMs / 1000).toFixed(2)} s), checksum ${cl.checksum}`,
      );
    }
    const rate = (ms: number) => Math.round(total / (ms / 1000)).toLocaleString('en');
    console.log('');
    console.log(`rows                 ${total.toLocaleString('en')} in ${pages} pages of ${take} (${(bytes / 1e6).toFixed(0)} MB JSON)`);
    console.log(`raw download         ${(bestRaw / 1000).toFixed(2)} s  ${rate(bestRaw)} rows/s`);
    console.log(`client → MutationLine ${(bestClient / 1000).toFixed(2)} s  ${rate(bestClient)} rows/s`);
    const ratio = bestClient / bestRaw;
    console.log(`ratio client/raw     ${ratio.toFixed(2)} (target ≤ 1.3) ${ratio <= 1.3 ? 'OK' : 'ABOVE TARGET'}`);
    console.log(`load average         ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (the ratio needs a core free for the server)`);
  } finally {
    await fake.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
