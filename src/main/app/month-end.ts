// The month-end orchestrator behind the handlers and the CLI: workspace configuration, the token
// or the OAuth sign-in (keychain only), background sync with auto-matching, the engine's picture, the controller's
// decisions (all through the store's audited actions), the workbook and the demo.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AdministrationConfig, EnvironmentConfig, LineKey, Period } from '../../shared/domain';
import { parsePeriodId, periodId } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { centsToDecimal, type Cents } from '../../shared/money';
import type { AdministrationResult } from '../../shared/reconcile';
import { classicTokenAuth } from '../afas/classic-token';
import { createAfasClient } from '../afas/client';
import { oauthAuth, readGrant, signIn, signOut } from '../afas/oauth';
import { DEMO_PERIODS } from '../demo/dataset';
import { loadToken, storeToken } from '../afas/credentials';
import { parseEnvironment, type Environment } from '../afas/environment';
import { originOf } from '../afas/secret-scope';
import { administrationReadiness } from '../afas/readiness-profiles';
import type { AfasClient, AfasRow, RequestAuth } from '../afas/types';
import type { SecretStore } from '../secrets/types';
import { appendAudit, auditChain, listAudit } from '../store/audit';
import * as actions from '../store/controller-actions';
import { listNotes } from '../store/controller-reads';
import type { Db } from '../store/database';
import { linesByKey, queryLines } from '../store/lines';
import { accountLines as preparedAccountLines } from '../reconcile/prepare';
import { listAdministrations } from '../store/master-data';
import { listSyncRuns, sliceStates } from '../store/sync-runs';
import { lookaheadAccountsOf, syncAccountsOf } from '../reconcile/profiles';
import { undoLast } from '../store/undo';
import { writeWorkbook } from '../workbook/writeWorkbook';
import { createFileLogger, type Logger } from '../log';
import { DEFAULT_OAUTH_CLIENT_ID } from './demo-server';
import { EngineState } from './engine-state';
import { lineHistory } from './line-history';
import { namedPerson, reconcilingDecisions } from './reconciling-decisions';
import { settleHostChange, type ConfirmHostChange } from './host-change';
import { SyncRunner } from './sync-runner';
import type { AccountLinesView, ChoiceLists, MonthEnd, ReadinessItem, SyncProgressView, WorkspaceView } from './types';
import { workspaceConfigStore } from './workspace-config';
import { checkAdministration } from './administration-check';

/** Builds a client from the environment and how to authorise (classic token or OAuth + DPoP). */
export type AfasClientFactory = (env: Environment, auth: RequestAuth) => AfasClient;

export interface MonthEndOptions {
  db: Db;
  secrets: SecretStore;
  dataDir: string;
  clock?: () => Date;
  afasClientFactory?: AfasClientFactory;
  appVersion?: string;
  /** The support log; default <dataDir>/kruispost.log. */
  logger?: Logger;
  /** Opens a URL in the system browser (OAuth sign-in); Electron passes shell.openExternal. */
  openExternal?: (url: string) => Promise<void>;
  /** How long the browser sign-in may take (default 5 minutes). */
  oauthTimeoutMs?: number;
  /** [0] is 1 while the host asks to cancel: read between the steps of long synchronous work. */
  cancelFlag?: Int32Array;
  /**
   * The app's main-process dialog: may the secrets of a changed AFAS host go to the new one?
   * Without it (CLI, tests) they are dropped.
   */
  confirmHostChange?: ConfirmHostChange;
  /** The CLI: authorise with the classic token in `secrets`, whatever authKind the workspace says. */
  classicTokenOnly?: boolean;
}

/** The orchestrator plus what the CLI needs beyond the app's seam. */
export interface MonthEndService extends MonthEnd {
  /** Resolves when no sync is running; returns the last run's state. */
  waitForSync(): Promise<SyncProgressView | null>;
  recordWalletBalance(unitId: number, period: Period, cents: Cents | null, by: string): void;
  onSyncProgress(listener: (view: SyncProgressView) => void): () => void;
  setSyncFrom(period: Period | null): void;
  markDemo(syncFrom: string): void;
}

const TYPE_NL = { production: 'productie', test: 'test', accept: 'accept' } as const;

const defaultFactory: AfasClientFactory = (env, auth) => createAfasClient({ baseUrl: env.baseUrl, auth });

function noBrowser(): AppFailure {
  return new AppFailure(
    'oauth-browser',
    { nl: 'Kruispost kan hier geen browser openen om aan te melden.', en: 'Kruispost cannot open a browser here to sign in.' },
    { nl: 'Plak een App Connector-token in plaats daarvan.', en: 'Paste an App Connector token instead.' },
  );
}

function noEnvironment(): AppFailure {
  return new AppFailure(
    'workspace.no-environment',
    { nl: 'Er is nog geen AFAS-omgeving ingesteld.', en: 'No AFAS environment has been set up yet.' },
    { nl: 'Vul eerst het omgevingsnummer in (bijv. 12345).', en: 'Enter the environment number first (e.g. 12345).' },
  );
}

function noToken(env: Environment): AppFailure {
  const at = originOf(env.baseUrl);
  return new AppFailure(
    'workspace.no-token',
    {
      nl: `Er is geen AFAS-token opgeslagen voor omgeving ${env.number} op ${at}. Een token die voor een ander adres is opgeslagen, wordt nooit naar dit adres gestuurd.`,
      en: `No AFAS token is stored for environment ${env.number} at ${at}. A token stored for another address is never sent to this one.`,
    },
    {
      nl: 'Plak de token van de App Connector (Algemeen > Beheer > App connector > Gebruikerstokens).',
      en: 'Paste the token of the App Connector (Algemeen > Beheer > App connector > Gebruikerstokens).',
    },
  );
}

function unknownAdministration(unitId: number): AppFailure {
  return new AppFailure(
    'workspace.unknown-administration',
    { nl: `Administratie ${unitId} is niet ingesteld.`, en: `Administration ${unitId} is not set up.` },
    { nl: 'Voeg de administratie toe in de instellingen.', en: 'Add the administration in the settings.' },
  );
}

export function createMonthEnd(opts: MonthEndOptions): MonthEndService {
  const { db, secrets } = opts;
  const clock = opts.clock ?? (() => new Date());
  const factory = opts.afasClientFactory ?? defaultFactory;
  const config = workspaceConfigStore(db);
  const runner = new SyncRunner(db, opts.logger ?? createFileLogger(join(opts.dataDir, 'kruispost.log')), opts.cancelFlag ?? null);
  const engine = new EngineState(db);
  let tokenStored = false;
  let tokenGeneration = 0;
  // One OAuth session per environment: its access token lives in memory, and the single-use
  // refresh token must not be spent by two sessions at once.
  let oauthSession: { key: string; auth: RequestAuth } | null = null;
  // Secrets are bound to environment and origin, and so is the session that spends them.
  const sessionKey = (env: Environment) => `${env.number}@${originOf(env.baseUrl)}`;
  const lastPeriod = new Map<number, Period>();
  const today = () => clock().toISOString().slice(0, 10);
  const nowIso = () => clock().toISOString();

  /** Whether the credential of the kind in use (classic token or OAuth grant) is in the keychain. */
  const authKind = () => (opts.classicTokenOnly ? 'classic' : config.read().authKind);

  const credentialStored = async (env: Environment): Promise<boolean> => {
    const stored = authKind() === 'oauth' ? readGrant(secrets, env) : loadToken(secrets, env);
    return (await stored.catch(() => null)) !== null;
  };

  // The keychain is async; workspace() is not: learn whether a token is stored once, up front.
  const tokenKnown = (async () => {
    const env = config.read().environment;
    const generation = tokenGeneration;
    const stored = env ? await credentialStored(parseEnvironment(env)) : false;
    if (generation === tokenGeneration) tokenStored = stored;
  })().catch(() => undefined); // an unreadable workspace is reported by the calls that need it

  const environment = (): Environment => {
    const env = config.read().environment;
    if (!env) throw noEnvironment();
    return parseEnvironment(env);
  };

  /** When AFAS ends the OAuth sign-in (the grant is gone), the workspace says so: sign in again. */
  const watched = (inner: RequestAuth): RequestAuth => {
    const notice = (e: unknown): never => {
      if (e instanceof AppFailure && e.appError.code === 'oauth-signin-again') {
        tokenGeneration++;
        tokenStored = false;
        oauthSession = null;
      }
      throw e;
    };
    return {
      headers: (...args) => inner.headers(...args).catch(notice),
      observe: async (...args) => {
        try {
          return (await inner.observe?.(...args)) ?? false;
        } catch (e) {
          return notice(e);
        }
      },
    };
  };

  const auth = async (env: Environment): Promise<RequestAuth> => {
    const c = config.read();
    if (authKind() === 'oauth') {
      if (oauthSession?.key !== sessionKey(env)) {
        const clientId = c.oauthClientId ?? DEFAULT_OAUTH_CLIENT_ID;
        oauthSession = { key: sessionKey(env), auth: watched(oauthAuth({ baseUrl: env.baseUrl, clientId, envNumber: env.number, secrets })) };
      }
      return oauthSession.auth;
    }
    const token = await loadToken(secrets, env);
    if (!token) throw noToken(env);
    return classicTokenAuth(token);
  };

  const client = async (): Promise<AfasClient> => {
    const env = environment();
    return factory(env, await auth(env));
  };

  const withClient = async <T>(fn: (c: AfasClient) => Promise<T>): Promise<T> => {
    const c = await client();
    try {
      return await fn(c);
    } finally {
      await c.close();
    }
  };

  const administration = (unitId: number): AdministrationConfig => {
    const a = config.read().administrations.find((x) => x.unitId === unitId);
    if (!a) throw unknownAdministration(unitId);
    return a;
  };

  const named = (r: AdministrationResult, cfg: AdministrationConfig): AdministrationResult =>
    r.name !== null ? r : { ...r, name: cfg.name ?? listAdministrations(db).find((a) => a.unitId === cfg.unitId)?.name ?? null };

  /**
   * Whether the period's month has been fetched for the unit (its slice is stored). A month after
   * the synced period holds only the transitory accounts' lines (their releases still to come): it
   * has not been fetched itself.
   */
  const fetched = (unitId: number, period: Period): boolean => {
    const slice = sliceStates(db, unitId).get(periodId(period));
    if (!slice) return false;
    const cfg = administration(unitId);
    const ahead = new Set(lookaheadAccountsOf(cfg));
    if (ahead.size === 0) return true;
    const held = JSON.parse(slice.accountsHash) as string[];
    return !(held.every((a) => ahead.has(a)) && syncAccountsOf(cfg).some((a) => !held.includes(a)));
  };

  const result = (unitId: number, period: Period): AdministrationResult => {
    const cfg = administration(unitId);
    lastPeriod.set(unitId, period);
    return named(engine.result({ config: cfg, period, walletBalance: config.walletBalance(unitId, period), today: today(), fetched: fetched(unitId, period) }), cfg);
  };

  /** Every write of a decision goes through here, so no kept picture outlives it. */
  const decided = <T>(write: () => T): T => {
    try {
      return write();
    } finally {
      engine.decisionsChanged();
    }
  };

  /** The period an action without one refers to: the one last looked at, else the lines' month. */
  const periodFor = (unitId: number, keys: LineKey[] = []): Period => {
    const seen = lastPeriod.get(unitId);
    if (seen) return seen;
    const dates = [...linesByKey(db, keys).values()].map((l) => l.entryDate).sort();
    const last = dates[dates.length - 1];
    if (last) return { year: Number(last.slice(0, 4)), month: Number(last.slice(5, 7)) };
    const d = clock();
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  };

  /** The last sync over the configured administrations: one number, the rows the run fetched. */
  const lastSync = (units: number[]): WorkspaceView['lastSync'] => {
    const latest = units.map((u) => listSyncRuns(db, u, 1)[0]).filter((r) => r !== undefined);
    if (latest.length === 0) return null;
    const newest = latest.reduce((a, b) => ((b.finished ?? b.started) > (a.finished ?? a.started) ? b : a));
    const failed = latest.find((r) => r.status === 'failed' || r.status === 'cancelled');
    const done = units.map((u) => listSyncRuns(db, u, 20).find((r) => r.status === 'done')?.finished ?? null).filter((d): d is string => d !== null).sort();
    return {
      finishedAt: newest.finished ?? newest.started,
      status: failed?.status ?? newest.status,
      rows: latest.reduce((sum, r) => sum + r.rowsFetched, 0),
      lastDone: done[done.length - 1] ?? null,
      errorCode: failed?.errorCode ?? null,
    };
  };

  const view = (): WorkspaceView => {
    const c = config.read();
    return {
      environment: c.environment ? { ...c.environment, label: `${c.environment.number} (${TYPE_NL[c.environment.type]})` } : null,
      token: { stored: tokenStored, lastVerified: tokenStored ? c.tokenLastVerified : null, kind: tokenStored ? c.authKind : null },
      oauthClientId: c.oauthClientId ?? DEFAULT_OAUTH_CLIENT_ID,
      administrations: c.administrations,
      demo: c.demo,
      lastSync: lastSync(c.administrations.map((a) => a.unitId)),
      // The month to open on: the demo's last month, else the last full month before today.
      period: c.demo ? DEMO_PERIODS[DEMO_PERIODS.length - 1]! : shiftMonths({ year: clock().getUTCFullYear(), month: clock().getUTCMonth() + 1 }, -1),
    };
  };

  /** The stored environment's address, also when it is no longer allowed (to know what changed). */
  const storedEnvironment = (): Environment | null => {
    const env = config.read().environment;
    try {
      return env ? parseEnvironment(env, { allowCustomHost: true }) : null;
    } catch {
      return null;
    }
  };

  const saveEnvironment = async (env: EnvironmentConfig): Promise<WorkspaceView> => {
    const parsed = parseEnvironment(env); // validates; throws AppFailure with what to fix
    const previous = storedEnvironment();
    const sameNumber = previous?.number === parsed.number;
    // Same environment at another origin: its secrets stay with the old host unless carried over.
    const hostChanged = sameNumber && originOf(previous.baseUrl) !== originOf(parsed.baseUrl);
    const settled = hostChanged ? await settleHostChange(secrets, previous, parsed, opts.confirmHostChange) : 'none';
    config.update((c) => ({
      ...c,
      environment: { number: parsed.number, type: parsed.type, ...(env.baseUrl?.trim() ? { baseUrl: parsed.baseUrl } : {}) },
      demo: sameNumber ? c.demo : false,
      tokenLastVerified: sameNumber && !hostChanged ? c.tokenLastVerified : null,
      // Another environment starts with a pasted token until the controller signs in there.
      authKind: sameNumber && settled !== 'dropped' ? c.authKind : 'classic',
    }));
    if (!sameNumber || hostChanged) {
      tokenStored = false;
      oauthSession = null;
      const generation = ++tokenGeneration;
      const stored = await credentialStored(parsed);
      if (generation === tokenGeneration) tokenStored = stored; // a newer store wins
    }
    return view();
  };

  const storeClassicToken = async (text: string): Promise<WorkspaceView> => {
    const env = environment();
    await storeToken(secrets, env, text);
    tokenGeneration++;
    tokenStored = true;
    oauthSession = null;
    config.update((c) => ({ ...c, tokenLastVerified: null, authKind: 'classic' }));
    return view();
  };

  const signInWithAfas = async (clientId: string): Promise<WorkspaceView> => {
    const env = environment();
    if (!opts.openExternal) throw noBrowser();
    const id = clientId.trim() || DEFAULT_OAUTH_CLIENT_ID;
    const session = await signIn({
      baseUrl: env.baseUrl,
      clientId: id,
      envNumber: env.number,
      secrets,
      openBrowser: opts.openExternal,
      ...(opts.oauthTimeoutMs ? { timeoutMs: opts.oauthTimeoutMs } : {}),
    });
    // The kind in use is configuration (settings); the refresh token went to the SecretStore.
    oauthSession = { key: sessionKey(env), auth: watched(session) };
    tokenGeneration++;
    tokenStored = true;
    config.update((c) => ({ ...c, authKind: 'oauth', oauthClientId: id, tokenLastVerified: null }));
    return view();
  };

  const signOutAfas = async (): Promise<WorkspaceView> => {
    const env = environment();
    await signOut(secrets, env);
    oauthSession = null;
    config.update((c) => ({ ...c, authKind: 'classic', tokenLastVerified: null }));
    const generation = ++tokenGeneration;
    const stored = await credentialStored(env);
    if (generation === tokenGeneration) tokenStored = stored;
    return view();
  };

  const saveAdministration = (a: AdministrationConfig): WorkspaceView => {
    checkAdministration(a);
    config.update((c) => {
      const others = c.administrations.filter((x) => x.unitId !== a.unitId);
      return { ...c, administrations: [...others, a].sort((x, y) => x.unitId - y.unitId) };
    });
    engine.linesChanged(a.unitId);
    return view();
  };

  const recordWalletBalance = (unitId: number, period: Period, cents: Cents | null, by: string): void => {
    const who = namedPerson(by);
    const account = administration(unitId).moss?.balanceAccount ?? null;
    decided(() =>
      db.transaction(() => {
        config.setWalletBalance(unitId, period, cents);
        appendAudit(db, {
          at: nowIso(), by: who, action: 'wallet.set', unitId, account,
          detail: JSON.stringify({ period: periodId(period), wallet: cents === null ? null : centsToDecimal(cents) }), reason: null,
        });
      })(),
    );
  };

  const decisions = reconcilingDecisions({ db, decided, result, periodFor, nowIso });

  const me: MonthEndService = {
    workspace: view,
    saveEnvironment,
    storeClassicToken,
    signInWithAfas,
    signOutAfas,

    async testConnection() {
      await tokenKnown;
      const out = await withClient(async (c) => {
        const profitVersion = await c.profitVersion();
        const administrations: { unitId: number; name: string }[] = [];
        for await (const page of c.getRows('Profit_Administrations', { orderBy: ['AdminId'] })) {
          for (const r of page) administrations.push({ unitId: Number(r.AdminId), name: String(r.AdminNm ?? r.AdminId) });
        }
        return { profitVersion, administrations };
      });
      config.update((c) => ({ ...c, tokenLastVerified: nowIso() }));
      return out;
    },

    async readiness(unitId, cfg): Promise<ReadinessItem[]> {
      // The months the next sync reconciles: from the first month to sync up to the month opened on.
      const c = config.read();
      const to = view().period ?? shiftMonths({ year: clock().getUTCFullYear(), month: clock().getUTCMonth() + 1 }, -1);
      const from = (c.syncFrom ? parsePeriodId(c.syncFrom) : null) ?? shiftMonths(to, -3);
      const checks = await withClient((client) => administrationReadiness(client, unitId, cfg, { from: periodId(from) <= periodId(to) ? from : to, to }));
      return checks.map((ch) => ({ id: ch.id, ok: ch.ok, label: ch.label, fix: ch.fix }));
    },

    async choices(unitId): Promise<ChoiceLists> {
      return withClient(async (c) => {
        const all = async (id: string, orderBy: string[], filters?: { fieldId: string; operator: 1; value: string }[][]) => {
          const rows: AfasRow[] = [];
          for await (const page of c.getRows(id, { orderBy, ...(filters ? { filters } : {}) })) rows.push(...page);
          return rows;
        };
        const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
        const [admins, journals, accounts, creditors] = [
          await all('Profit_Administrations', ['AdminId']),
          await all('Profit_Journals', ['JournalId'], [[{ fieldId: 'UnitId', operator: 1, value: String(unitId) }]]),
          await all('Profit_Accounts', ['Account']),
          await all('Profit_Creditor', ['CreditorId']),
        ];
        return {
          administrations: admins.map((r) => ({ unitId: Number(r.AdminId), name: str(r.AdminNm) })),
          journals: journals.map((r) => ({ id: str(r.JournalId), description: str(r.Description), type: r.JournalType === null || r.JournalType === undefined ? null : str(r.JournalType) })),
          accounts: accounts.map((r) => ({ id: str(r.Account), description: str(r.Description) })),
          creditors: creditors.map((r) => ({ id: str(r.CreditorId), name: str(r.CreditorName) })),
        };
      });
    },

    saveAdministration,

    startSync(period) {
      const c = config.read();
      if (!c.environment) throw noEnvironment();
      if (c.administrations.length === 0) throw unknownAdministration(0);
      const from = (c.syncFrom ? parsePeriodId(c.syncFrom) : null) ?? shiftMonths(period, -3);
      const start = periodId(from) <= periodId(period) ? from : period;
      return runner.start({
        client,
        administrations: c.administrations,
        from: start,
        to: period,
        now: clock,
        afterUnit: async (cfg, job) => {
          engine.linesChanged(cfg.unitId);
          await engine.autoMatch({ config: cfg, period, walletBalance: config.walletBalance(cfg.unitId, period), today: today() }, nowIso(), job);
        },
      });
    },
    syncStatus: () => runner.status(),
    cancelSync: () => runner.cancel(),

    result,

    accountLines(unitId, account, period): AccountLinesView {
      const r = result(unitId, period);
      const byLine = new Map<string, { id: string; status: 'suggested' | 'confirmed' | 'stale' }>();
      // Confirmed and stale win over a suggestion on the same line.
      for (const m of [...r.matches].sort((a, b) => (a.status === 'suggested' ? -1 : 0) - (b.status === 'suggested' ? -1 : 0))) {
        for (const k of m.lines) byLine.set(k, { id: m.id, status: m.status });
      }
      const notes = new Map(listNotes(db, unitId).map((n) => [n.lineKey, n.text]));
      const first = `${periodId(period)}-01`;
      const last = `${periodId(period)}-31`;
      // The period's lines, and the open items carried in from before it.
      const carried = (r.accounts.find((a) => a.account === account)?.openItems ?? []).map((o) => o.line).filter((l) => l.entryDate < first);
      const own = preparedAccountLines(engine.prepared(administration(unitId)).base, account).lines;
      const inPeriod = own.length > 0 ? own.filter((l) => l.entryDate >= first && l.entryDate <= last) : queryLines(db, { unitId, accounts: [account], fromDate: first, toDate: last });
      const lines = [...carried, ...inPeriod].map((l) => ({
        ...l,
        matchId: byLine.get(l.key)?.id ?? null,
        matchStatus: byLine.get(l.key)?.status ?? null,
        note: notes.get(l.key) ?? null,
      }));
      return { account, lines };
    },

    confirmMatch: decisions.confirmMatch,
    acceptSuggestion: decisions.acceptSuggestion,
    acceptExactSuggestions: decisions.acceptExactSuggestions,
    categoriseItem: decisions.categoriseItem,
    rejectSignOff: decisions.rejectSignOff,
    setTolerance: decisions.setTolerance,
    signOff: decisions.signOff,

    unmatch(unitId, matchId, by, reason) {
      const who = namedPerson(by);
      decided(() => actions.unmatch(db, { matchId, by: who, reason, at: nowIso() }));
      return result(unitId, periodFor(unitId));
    },

    undo(by) {
      const who = namedPerson(by);
      const u = decided(() => undoLast(db, { by: who, at: nowIso() }));
      return { undone: u ? u.kind : null };
    },

    addNote(unitId, lineKey, text, by) {
      const who = namedPerson(by);
      decided(() => actions.addNote(db, { unitId, lineKey, text, by: who, at: nowIso() }));
    },

    lineHistory(unitId, lineKey) {
      administration(unitId);
      return lineHistory(db, unitId, lineKey);
    },

    setWalletBalance(unitId, period, cents: Cents | null, by) {
      recordWalletBalance(unitId, period, cents, by);
      return result(unitId, period);
    },
    recordWalletBalance,

    // A job of its own (progress, cancel); a cancelled export leaves no file behind.
    exportWorkbook: (unitId, period, targetPath, lang) => runner.exclusive(async (job) => {
      const cfg = administration(unitId);
      lastPeriod.set(unitId, period);
      const r = named(engine.result({ config: cfg, period, walletBalance: config.walletBalance(unitId, period), today: today(), fetched: fetched(unitId, period) }, job), cfg);
      job.step('export');
      const c = config.read();
      const last = listSyncRuns(db, unitId, 1)[0];
      mkdirSync(dirname(targetPath), { recursive: true });
      const written = await writeWorkbook(
        {
          results: [r],
          audit: listAudit(db, { unitId }, (w) => job.tick(w)),
          auditChain: auditChain(db, (w) => job.tick(w)),
          sync: {
            environment: c.environment ? { number: c.environment.number, type: c.environment.type } : null,
            syncedAt: last?.finished ?? null,
            rowCounts: { Profit_Transactions_Allocated: last?.rowsFetched ?? 0 },
            administrations: [{ unitId, name: r.name }],
          },
          generatedAt: nowIso(),
          appVersion: opts.appVersion ?? '0.1.0',
          lines: engine.lineLookup(cfg, job),
        },
        targetPath,
        { lang, tick: () => job.tick(64) },
      );
      return { path: written.path };
    }),

    markDemo(syncFrom) {
      config.update((c) => ({ ...c, demo: true, syncFrom }));
    },

    async close() {
      runner.cancel();
      await runner.idle();
    },

    async waitForSync() {
      await runner.idle();
      return runner.status();
    },
    setSyncFrom(period) {
      config.update((c) => ({ ...c, syncFrom: period ? periodId(period) : null }));
    },
    onSyncProgress: (listener) => runner.onChange(listener),
  };
  return me;
}

function shiftMonths(p: Period, delta: number): Period {
  const i = p.year * 12 + (p.month - 1) + delta;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}
