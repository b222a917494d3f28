// `kruispost demo`: the fake AFAS with the demo dataset, the month-end job end to end for the
// demo's last full period, in a throw-away data dir with an in-memory token (no keychain needed).
// Writes kruispost-demo/Kruispost-<admin>-<YYYY-MM>.xlsx and kruispost-demo/report.json.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { periodId } from '../../shared/domain';
import { tokenAccount } from '../afas/credentials';
import { startDemoServer } from '../app/demo-server';
import { DEMO_SYNC_FROM } from '../demo/dataset/index';
import { memorySecretStore } from '../secrets/memory';
import { defaultWorkbookName } from '../workbook/names';
import { EXIT, UsageError } from './errors';
import { runJob } from './job';
import type { BackendEntry } from '../backend/entry';
import { langFrom } from './reconcile';

export async function demoCommand(argv: string[], io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv; cwd: string; backend?: BackendEntry }): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: argv, options: { lang: { type: 'string' }, 'out-dir': { type: 'string' } }, strict: true }).values;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError({ nl: `Ongeldige optie: ${why}`, en: `Invalid option: ${why}` });
  }
  const lang = langFrom(values.lang, io.env);
  const outDir = resolve(io.cwd, values['out-dir'] ?? 'kruispost-demo');
  const dataDir = mkdtempSync(join(tmpdir(), 'kruispost-demo-'));
  const server = await startDemoServer();
  try {
    const { dataset, token } = server;
    const period = dataset.truth.lastFullPeriod;
    const walletBalances = new Map<number, number>();
    for (const u of dataset.truth.units) {
      const w = u.periods[periodId(period)]?.wallet;
      if (w !== undefined) walletBalances.set(u.unitId, w);
    }
    io.stderr.write(
      lang === 'nl'
        ? `Demo: nep-AFAS op ${server.fake.baseUrl}, omgeving ${dataset.truth.envId}, periode ${periodId(period)}\n`
        : `Demo: fake AFAS at ${server.fake.baseUrl}, environment ${dataset.truth.envId}, period ${periodId(period)}\n`,
    );
    const r = await runJob({
      ...(io.backend ? { backend: io.backend } : {}),
      config: { environment: { number: dataset.truth.envId, type: 'production' }, administrations: dataset.administrations, syncFrom: DEMO_SYNC_FROM },
      period,
      out: null,
      outFor: (unitId, name) => join(outDir, defaultWorkbookName(name ?? unitId, period)),
      report: join(outDir, 'report.json'),
      walletBalances,
      baseUrl: server.fake.baseUrl,
      dataDir,
      lang,
      secrets: memorySecretStore({ [tokenAccount({ number: dataset.truth.envId, baseUrl: server.fake.baseUrl })]: token }),
      stdout: io.stdout,
      stderr: io.stderr,
    });
    if (r.code === EXIT.afas) return EXIT.afas;
    const files = [...r.workbooks, join(outDir, 'report.json')];
    io.stdout.write(`${lang === 'nl' ? 'Geschreven' : 'Written'}:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
    io.stdout.write(
      lang === 'nl'
        ? 'De demo bevat met opzet problemen (open kruisposten, een dubbele export, een walletverschil; in de salarisadministratie een dubbel geboekte loonrun, een teruggestorte salarisbetaling, een afgeronde afdracht; op de transitoriarekening een ontbrekende en een dubbele vrijval, een factuur zonder vrijval, een afrondingscent, een vrijval zonder boeking); die staan in het rapport.\n'
        : 'The demo contains planted problems (open cash-in-transit items, a duplicate export, a wallet difference; in its payroll a run posted twice, a returned salary transfer, a rounded tax payment; on the transitory account a missing and a doubled release, an invoice never released, a rounding cent, a release without booking); the report lists them.\n',
    );
    return EXIT.clears; // planted problems are reported, not an error
  } finally {
    await server.fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
