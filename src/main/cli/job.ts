// The month-end job, headless: configure the workspace, sync, reconcile every administration,
// write the workbook(s) and the JSON report, and tell the caller whether everything clears.
import { userInfo } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parsePeriodId, type Lang, type Period } from '../../shared/domain';
import { AppFailure, isAppFailure } from '../../shared/errors';
import { formatEuro, toCents, type Cents } from '../../shared/money';
import type { WorkspaceView } from '../../shared/views';
import type { SyncProgressView } from '../app/types';
import type { BackendEntry } from '../backend/entry';
import { startBackend, type Backend } from '../backend/host';
import type { SecretStore } from '../secrets/types';
import type { CliConfig } from './config';
import { appErrorText, EXIT, UsageError } from './errors';
import { progressPrinter } from './progress';
import { buildReport, type Report, type ReportAdministration } from './report';

const APP_VERSION = '0.1.0';

export interface JobInput {
  config: CliConfig;
  period: Period;
  /** Workbook path (one administration) or pattern (several: unit id added). */
  out: string | null;
  /** Or: a workbook name per administration, in this directory (the demo). */
  outFor?: (unitId: number, name: string | null) => string;
  report: string | null;
  walletBalances: Map<number, Cents>;
  baseUrl: string | null;
  dataDir: string;
  lang: Lang;
  secrets: SecretStore;
  /** Use the classic token in `secrets` even when the data folder says the app signed in with OAuth. */
  classicTokenOnly?: boolean;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Each phase (or step of the match phase) as it starts (benchmarks time them): the sync's own, then workbook, report. */
  onPhase?: (phase: string) => void;
  /** Where the backend worker is (the bundle's entry passes its own; default: the source). */
  backend?: BackendEntry;
}

export interface JobResult {
  code: number;
  report: Report | null;
  workbooks: string[];
}

function workbookPath(input: JobInput, unitId: number, name: string | null): string | null {
  if (input.outFor) return resolve(input.outFor(unitId, name));
  if (!input.out) return null;
  if (input.config.administrations.length === 1) return resolve(input.out);
  const ext = extname(input.out) || '.xlsx';
  return resolve(`${input.out.slice(0, input.out.length - extname(input.out).length)}-${unitId}${ext}`);
}

export async function runJob(input: JobInput): Promise<JobResult> {
  const { lang, stderr, stdout } = input;
  let backend: Backend;
  try {
    backend = await startBackend({
      dataDir: resolve(input.dataDir),
      appVersion: APP_VERSION,
      secrets: input.secrets,
      ...(input.classicTokenOnly ? { classicTokenOnly: true } : {}),
      ...(input.backend ? { entry: input.backend } : {}),
    });
  } catch (e) {
    throw new UsageError(
      { nl: `--data-dir: de database in ${input.dataDir} kan niet worden geopend.`, en: `--data-dir: cannot open the database in ${input.dataDir}.` },
      isAppFailure(e) && e.appError.action ? e.appError.action : { nl: 'Kies een map waarin u mag schrijven.', en: 'Choose a directory you can write to.' },
      ['--data-dir'],
    );
  }
  const call = <T>(method: string, ...args: unknown[]) => backend.invoke<T>(method, args);
  try {
    try {
      await call('saveEnvironment', { ...input.config.environment, ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}) });
    } catch (e) {
      if (isAppFailure(e)) {
        const field = ['afas.environment.base_url', 'afas.environment.insecure', 'afas.environment.host'].includes(e.appError.code) ? (input.baseUrl ? '--base-url' : 'environment.baseUrl') : 'environment.number';
        throw new UsageError({ nl: `${field}: ${e.appError.message.nl}`, en: `${field}: ${e.appError.message.en}` }, e.appError.action, [field]);
      }
      throw e;
    }
    const ws = await call<WorkspaceView>('getWorkspace');
    for (const a of ws.administrations) if (!input.config.administrations.some((c) => c.unitId === a.unitId)) await call('saveAdministration', { ...a });
    for (const a of input.config.administrations) await call('saveAdministration', a);
    await call('setSyncFrom', input.config.syncFrom ? parsePeriodId(input.config.syncFrom) : null);
    // The wallet balances first: the run's one engine pass (auto-match + reconcile) includes them.
    // Recorded under the operating-system user who ran the command (the audit trail names a person).
    for (const [unitId, wallet] of input.walletBalances) {
      if (input.config.administrations.some((a) => a.unitId === unitId)) await call('recordWalletBalance', unitId, input.period, wallet, cliUser());
    }

    const status = await sync(backend, input);
    if (!status || status.state !== 'done') {
      const err = status?.error ?? { code: 'sync.cancelled', message: { nl: 'De synchronisatie is afgebroken.', en: 'The sync was cancelled.' } };
      stderr.write(appErrorText(err, lang));
      return { code: EXIT.afas, report: null, workbooks: [] };
    }

    const administrations: ReportAdministration[] = [];
    const workbooks: string[] = [];
    for (const a of input.config.administrations) {
      const wallet = input.walletBalances.get(a.unitId) ?? null;
      const path = workbookPath(input, a.unitId, await call<string | null>('administrationName', a.unitId, input.period));
      if (path) {
        input.onPhase?.('workbook');
        try {
          mkdirSync(dirname(path), { recursive: true });
          await following(backend, input, () => call('exportWorkbookTo', a.unitId, input.period, lang, path));
        } catch (e) {
          const why = isAppFailure(e) ? e.appError.message : { nl: String(e), en: String(e) };
          throw new UsageError({ nl: `--out: ${why.nl}`, en: `--out: ${why.en}` }, isAppFailure(e) ? e.appError.action : undefined, ['--out']);
        }
        workbooks.push(path);
      }
      input.onPhase?.('report');
      administrations.push(await call<ReportAdministration>('reportAdministration', a.unitId, input.period, wallet, path));
    }
    const report = buildReport({ period: input.period, environment: input.config.environment.number, generatedAt: new Date().toISOString(), administrations, retries: status.retries ?? {} });
    if (input.report) {
      const path = resolve(input.report);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
      } catch {
        throw new UsageError({ nl: `--report: ${path} kan niet worden geschreven.`, en: `--report: cannot write ${path}.` }, undefined, ['--report']);
      }
    }
    stdout.write(summary(report, lang));
    return { code: report.clears ? EXIT.clears : EXIT.doesNotClear, report, workbooks };
  } finally {
    await backend.close();
  }
}

/** Runs `work` while printing the backend's progress (a line at least every 5 s off a terminal). */
async function following<T>(backend: Backend, input: JobInput, work: () => Promise<T>): Promise<T> {
  const progress = progressPrinter(input.stderr, input.lang);
  const stop = backend.onProgress((view) => progress.update(view));
  const heartbeat = setInterval(() => {
    const v = backend.progress();
    if (v?.state === 'running') progress.update(v);
  }, 1_000);
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    stop();
    progress.done();
  }
}

/** Starts the sync (with its auto-matching) and follows its progress to the end. */
async function sync(backend: Backend, input: JobInput): Promise<SyncProgressView | null> {
  const progress = progressPrinter(input.stderr, input.lang);
  let phase = '';
  let runId: string | null = null;
  let final: SyncProgressView | null = null;
  let finished: () => void = () => undefined;
  const ended = new Promise<void>((ok) => (finished = ok));
  const stop = backend.onProgress((view) => {
    // The match phase's steps count as phases of their own (read, match, persist, reconcile).
    const now = view.step ? `${view.phase}/${view.step.label}` : view.phase;
    if (now !== phase) input.onPhase?.((phase = now));
    progress.update(view);
    if (view.state !== 'running' && (runId === null || view.runId === runId)) {
      final = view;
      finished();
    }
  });
  const heartbeat = setInterval(() => {
    const v = backend.progress();
    if (v) progress.update(v);
  }, 1_000);
  try {
    runId = (await backend.invoke<{ runId: string }>('startSync', [input.period])).runId;
    const v = backend.progress();
    if (v && v.runId === runId && v.state !== 'running') final = v;
    else await ended;
  } finally {
    clearInterval(heartbeat);
    stop();
    progress.done();
  }
  return final;
}

function summary(report: Report, lang: Lang): string {
  const out: string[] = [];
  for (const a of report.administrations) {
    out.push(`${a.unitId} ${a.name ?? ''} — ${report.period}`);
    for (const acc of a.accounts) {
      const mark = acc.clears ? '✓' : '✗';
      const closing = formatEuro(toCents(acc.closing), lang);
      const diff = acc.clears ? '' : ` ${lang === 'nl' ? 'verschil' : 'difference'} ${acc.difference}`;
      const open = acc.openItems.length > 0 ? ` ${acc.openItems.length} open` : '';
      out.push(`  ${mark} ${acc.account.padEnd(8)} ${acc.role.padEnd(15)} ${closing.padStart(16)}${diff}${open}`);
      // A transitory account: each voucher that does not net to zero, with its remainder.
      for (const v of acc.openVouchers ?? []) {
        const what = v.status === 'release-without-booking' ? (lang === 'nl' ? 'vrijval zonder boeking' : 'release without booking') : lang === 'nl' ? 'niet volledig vrijgevallen' : 'not fully released';
        out.push(`      ${lang === 'nl' ? 'boekstuk' : 'voucher'} ${v.voucherNo}: ${what}, ${lang === 'nl' ? 'rest' : 'remainder'} ${formatEuro(toCents(v.remainder), lang)}`);
      }
    }
    out.push(`  ${lang === 'nl' ? 'afletteringen' : 'matches'}: ${a.matchCounts.confirmed} ${lang === 'nl' ? 'bevestigd' : 'confirmed'}, ${a.matchCounts.suggested} ${lang === 'nl' ? 'voorgesteld' : 'suggested'}, ${a.matchCounts.stale} stale; ${a.flags.length} ${lang === 'nl' ? 'signaleringen' : 'flags'}`);
  }
  out.push(report.clears ? (lang === 'nl' ? 'Alles sluit aan.' : 'Everything clears.') : lang === 'nl' ? 'Niet alles sluit aan.' : 'Not everything clears.');
  return `${out.join('\n')}\n`;
}

/** For callers that catch: AFAS failures are exit 3, usage failures exit 2. */
export function exitCodeOf(e: unknown): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (e instanceof AppFailure) return EXIT.afas;
  return EXIT.afas;
}

/** Who runs the CLI, as the audit trail names them: "cli:<os user>". */
export function cliUser(): string {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = process.env['USER'] ?? process.env['USERNAME'] ?? '';
  }
  return `cli:${name || 'onbekend'}`;
}
