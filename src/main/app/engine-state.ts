// The engine's picture of an administration, kept while nothing it depends on has changed. The
// unit's lines are read and prepared once per sync (600,000 lines take seconds to read); a result
// is computed once per state of the decisions, wallet and period. So the month-end job runs the
// engine once (auto-match + reconcile together) and the screen, workbook and report reuse it.
// The backend is the store's only writer: the orchestrator tells this cache what it changed.
import type { AdministrationConfig, LineKey, MutationLine, Period } from '../../shared/domain';
import { periodId } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type { AdministrationResult, StoredMatch } from '../../shared/reconcile';
import { autoMatchPrepared, prepareEngineLines, reconcilePrepared, type PreparedLines } from '../reconcile/engine';
import { StringIndex } from '../reconcile/stringIndex';
import { withTick } from '../reconcile/tick';
import { cancelledFailure, isCancelled, NO_JOB, type Job } from './job';
import { insertMatchesInBulk } from '../store/bulk-matches';
import { planBulkMatches } from '../store/bulk-plan';
import { startStatementWriter, type StatementWriter } from '../store/statement-writer';
import { listMatches, listNotes, listSignOffs } from '../store/controller-reads';
import { KeptMatches } from '../store/kept-matches';
import type { Db } from '../store/database';
import { listCategories, listRejections, listTolerances } from '../store/reconciling-reads';
import { queryLines } from '../store/lines';
import { listAccounts, listCreditors } from '../store/master-data';
import { lastSuccessfulRun } from '../store/sync-runs';
import { profileAccounts } from '../sync/sync-administration';

export const AUTO_BY = 'auto';

/** The accounts the engine reads: the profile's, and the merchant creditors the last sync found. */
export function reconcileAccounts(db: Db, config: AdministrationConfig): string[] {
  const synced = lastSuccessfulRun(db, config.unitId)?.accounts ?? [];
  return [...new Set([...profileAccounts(config), ...synced])];
}

interface Lines {
  key: string;
  base: PreparedLines;
  names: Record<string, string>;
  byKey: { get(key: LineKey): MutationLine | undefined } | null;
}

interface Picture {
  key: string;
  result: AdministrationResult;
}

export interface EngineContext {
  config: AdministrationConfig;
  period: Period;
  walletBalance: Cents | null;
  today: string;
  /** Whether the period has been fetched from AFAS (default true). */
  fetched?: boolean;
}

/** Pictures of this many administrations are kept (a big one is a few hundred MB). */
const KEEP = 2;

export class EngineState {
  private lines: Lines[] = [];
  private pictures: Picture[] = [];
  /** Bumped by every write of the controller's decisions (and by a sync's auto matches). */
  private decisions = 0;
  /** The stored matches between decisions: a decision reads back only what it touched. */
  private readonly matches: KeptMatches;

  constructor(
    private readonly db: Db,
    /** From this many auto matches on, they are written on another thread (tests lower it). */
    private readonly parallelFrom = 20_000,
  ) {
    this.matches = new KeptMatches(db);
  }

  /** After a sync changed the unit's lines (or its configuration changed). */
  linesChanged(unitId: number): void {
    this.lines = this.lines.filter((l) => !l.key.startsWith(`${unitId}|`));
    this.decisionsChanged();
  }

  /** After any decision: match, unmatch, undo, note, sign-off, wallet balance. */
  decisionsChanged(): void {
    this.decisions++;
    this.pictures = [];
  }

  /** The unit's lines, prepared for the engine (read from the store when not kept). */
  prepared(config: AdministrationConfig, job: Job = NO_JOB): Lines {
    const runId = lastSuccessfulRun(this.db, config.unitId)?.id ?? 0;
    const key = `${config.unitId}|${runId}|${JSON.stringify(config)}`;
    const kept = this.lines.find((l) => l.key === key);
    if (kept) return kept;
    job.step('read');
    const lines = queryLines(this.db, { unitId: config.unitId, accounts: reconcileAccounts(this.db, config), tick: () => job.tick() });
    const made: Lines = { key, base: withTick(() => job.tick(), () => prepareEngineLines({ config, lines })), names: accountNames(this.db, config.unitId), byKey: null };
    this.lines = [made, ...this.lines.filter((l) => !l.key.startsWith(`${config.unitId}|`))].slice(0, KEEP);
    return made;
  }

  /** The lines behind keys of the unit (the workbook's matched groups), from the prepared lines. */
  lineLookup(config: AdministrationConfig, job: Job = NO_JOB): { get(key: LineKey): MutationLine | undefined } {
    const l = this.prepared(config, job);
    l.byKey ??= keyLookup(l.base.lines, () => job.tick());
    return l.byKey;
  }

  result(ctx: EngineContext, job: Job = NO_JOB): AdministrationResult {
    const lines = this.prepared(ctx.config, job);
    const key = `${lines.key}|${this.decisions}|${periodId(ctx.period)}|${ctx.walletBalance}|${ctx.today}|${ctx.fetched ?? true}`;
    const kept = this.pictures.find((p) => p.key === key);
    if (kept) return kept.result;
    job.step('reconcile');
    const result = withTick(() => job.tick(), () => reconcilePrepared(lines.base, { ...this.decisionsOf(ctx), accountNames: lines.names }));
    this.keep(key, result);
    return result;
  }

  /**
   * After a sync: the exact, unambiguous matches are written as confirmed (by 'auto', set-based),
   * and the picture with them is the result. One engine run. Many matches are written on another
   * thread while this one computes the picture (planBulkMatches foresees what the store keeps; if
   * a batch disagrees, the rest is written here and the picture read back from the store). A
   * proposal the store leaves out (its id was unmatched by the controller, a line is taken) is not
   * in the picture.
   */
  async autoMatch(ctx: EngineContext, at: string, job: Job = NO_JOB): Promise<{ written: number; result: AdministrationResult }> {
    // The stored matches are read on another thread while this one reads the lines.
    const matches = this.matches.preload(ctx.config.unitId);
    const lines = this.prepared(ctx.config, job);
    await matches;
    const input = { ...this.decisionsOf(ctx), accountNames: lines.names };
    job.step('match');
    // As the store will hand them back: lines by key, stamped with this run's time.
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    const tick = (weight?: number) => job.tick(weight);
    const proposals = withTick(tick, () => autoMatchPrepared(lines.base, input)).map((m): StoredMatch => {
      job.tick();
      return { ...m, lines: m.lines.sort(byKey), by: AUTO_BY, at };
    });
    job.step('persist', 0, proposals.length);
    /** The picture over these stored matches (the engine's input and the run's new ones). */
    const picture = (storedMatches: readonly StoredMatch[]) => {
      job.step('reconcile');
      return withTick(tick, () => reconcilePrepared(lines.base, { ...input, storedMatches }));
    };
    const writer = proposals.length >= this.parallelFrom ? startStatementWriter(this.db) : null;
    let written: number;
    let result: AdministrationResult;
    if (!writer) {
      const r = insertMatchesInBulk(this.db, proposals, AUTO_BY, at, tick, (done) => job.step('persist', done, proposals.length));
      this.decisionsChanged();
      written = r.written;
      result = picture([...input.storedMatches, ...(r.skippedIds.size === 0 ? proposals : proposals.filter((m) => !r.skippedIds.has(m.id)))]);
    } else {
      ({ written, result } = await this.writeAside(writer, proposals, input.storedMatches, at, job, picture));
    }
    this.keep(`${lines.key}|${this.decisions}|${periodId(ctx.period)}|${ctx.walletBalance}|${ctx.today}|${ctx.fetched ?? true}`, result);
    return { written, result };
  }

  /** The writes on the statement writer's thread, the picture here meanwhile. */
  private async writeAside(
    writer: StatementWriter,
    proposals: readonly StoredMatch[],
    stored: readonly StoredMatch[],
    at: string,
    job: Job,
    picture: (storedMatches: readonly StoredMatch[]) => AdministrationResult,
  ): Promise<{ written: number; result: AdministrationResult }> {
    // Pictures made while the writes land would be of a half-written store: none is kept.
    this.decisionsChanged();
    let committed = 0;
    // Each batch goes to the writer as soon as it is planned: the writes start while the rest is
    // planned, and no batch's texts (tens of MB in all) wait here.
    const run = writer.open((n) => (committed = n));
    let plan: ReturnType<typeof planBulkMatches>;
    try {
      plan = planBulkMatches(this.db, proposals, stored, AUTO_BY, at, (w) => job.tick(w), (b) => run.push(b));
    } catch (e) {
      writer.stop();
      await run.end().catch(() => undefined);
      await writer.close();
      throw e;
    }
    const batches = plan.starts.length - 1;
    const writing = run.end();
    writing.catch(() => undefined); // awaited below; a picture that throws first must not leave it unhandled
    // A cancel reaches the writer between its batches, also while this thread only waits.
    const watch = setInterval(() => {
      try {
        job.tick(1024);
      } catch {
        writer.stop();
      }
    }, 50);
    try {
      let result: AdministrationResult;
      try {
        result = picture([...stored, ...plan.kept]);
      } catch (e) {
        writer.stop();
        throw e;
      }
      job.step('persist', plan.starts[committed] ?? proposals.length, proposals.length);
      try {
        const done = await writing;
        if (done < batches) throw cancelledFailure(); // stopped by a cancel
        job.step('persist', proposals.length, proposals.length);
        return { written: plan.kept.length, result };
      } catch (e) {
        if (isCancelled(e)) throw e;
        // The store kept something else than foreseen (a decision came in between): the rest is
        // written here, and the picture is the store's.
        const failedAt = (e as { committed?: number }).committed ?? committed;
        const before = plan.keptBefore[failedAt] ?? 0;
        const rest = insertMatchesInBulk(this.db, proposals.slice(plan.starts[failedAt] ?? 0), AUTO_BY, at, (w) => job.tick(w));
        return { written: before + rest.written, result: picture(listMatches(this.db, proposals[0]!.unitId)) };
      }
    } finally {
      clearInterval(watch);
      await writing.catch(() => undefined);
      await writer.close();
      this.decisionsChanged();
    }
  }

  private decisionsOf(ctx: EngineContext) {
    const unitId = ctx.config.unitId;
    return {
      config: ctx.config,
      period: ctx.period,
      storedMatches: this.matches.list(unitId),
      notes: listNotes(this.db, unitId),
      signOffs: listSignOffs(this.db, unitId),
      walletBalance: ctx.walletBalance,
      today: ctx.today,
      categories: listCategories(this.db, unitId),
      rejections: listRejections(this.db, unitId),
      tolerances: listTolerances(this.db, unitId),
      fetched: ctx.fetched ?? true,
    };
  }

  private keep(key: string, result: AdministrationResult): void {
    this.pictures = [{ key, result }, ...this.pictures.filter((p) => p.key !== key)].slice(0, KEEP);
  }
}

/** Lines by key through a compact string index (600,000 keys cost a Map twice as much). */
function keyLookup(lines: readonly MutationLine[], tick: () => void): { get(key: LineKey): MutationLine | undefined } {
  const index = new StringIndex(lines.length);
  const lineOf = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    tick();
    lineOf[index.add(lines[i]!.key)] = i;
  }
  return {
    get(key) {
      const id = index.find(key);
      return id === -1 ? undefined : lines[lineOf[id]!];
    },
  };
}

function accountNames(db: Db, unitId: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of listAccounts(db, unitId)) if (a.description) out[a.accountNo] = a.description;
  for (const c of listCreditors(db, unitId)) if (c.name) out[c.creditorId] = c.name;
  return out;
}
