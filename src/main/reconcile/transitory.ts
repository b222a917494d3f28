// A transitory account at a period's end (Spend Cloud, profiles.md): the lines grouped by voucher;
// `expected` = minus the lines dated after the period (the releases still to come) of the vouchers
// on the account then; `difference` = closing − expected, which is the sum of the remainders of
// the vouchers that do not net to zero over all dates. Those vouchers (and releases without a
// booking) are open: their lines through the period are the reconciling items, each carrying the
// voucher's remainder. A voucher booked after the period is not on the account yet, so nothing of
// it counts at this period's end.
import type { LineKey, MutationLine, Period } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type { Flag, FlagCode, OpenItem, StoredCategorisation, StoredNote, VoucherSummary } from '../../shared/reconcile';
import { ageBucket, emptyAging } from './balances';
import type { PeriodDays } from './dates';
import * as F from './flags';
import * as T from './flags-transitory';
import type { AccountLines } from './prepare';
import { inJournalSet, type ClearingAccountRule } from './rules';
import { tick } from './tick';
import { doubledReleases, groupVouchers, missingReleaseMonths, releasesBeforeBooking, voucherAt, type Voucher, type VoucherAt } from './vouchers';

/** A remainder this small (cents) is rounding, when the rule does not say otherwise. */
export const DEFAULT_VOUCHER_ROUNDING_CENTS = 10;

export interface LiveVoucher {
  voucher: Voucher;
  at: VoucherAt;
  summary: VoucherSummary;
  flags: Flag[];
}

/** The vouchers on the account at the period's end that are open, hold a balance or moved in it; in booking order. */
export function liveVouchers(rule: ClearingAccountRule, acc: Pick<AccountLines, 'lines' | 'day'>, p: PeriodDays): LiveVoucher[] {
  const out: LiveVoucher[] = [];
  for (const v of groupVouchers(acc.lines, acc.day)) {
    tick();
    const at = voucherAt(v, p);
    if (!at.live) continue;
    const flags = voucherFlags(rule, v);
    out.push({ voucher: v, at, summary: summarise(v, at, flags.map((f) => f.code)), flags });
  }
  const start = (x: LiveVoucher) => x.voucher.bookedOn ?? x.voucher.lines[0]!.line.entryDate;
  return out.sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a.voucher.voucherNo < b.voucher.voucherNo ? -1 : a.voucher.voucherNo > b.voucher.voucherNo ? 1 : 0));
}

/** What is wrong with a voucher, whatever the period: each open voucher gets the one flag that explains it. */
export function voucherFlags(rule: ClearingAccountRule, v: Voucher): Flag[] {
  const flags: Flag[] = [];
  if (v.orphan) flags.push(T.releaseWithoutBooking(rule, v));
  else if (v.remainder !== 0) {
    const doubled = doubledReleases(v);
    const rounding = rule.voucherRoundingCents ?? DEFAULT_VOUCHER_ROUNDING_CENTS;
    if (doubled.length > 0) flags.push(T.releaseTwice(rule, v, doubled));
    else if (Math.abs(v.remainder) <= rounding && v.releaseMonths.length > 0) flags.push(T.roundingRemainder(rule, v));
    else flags.push(T.notFullyReleased(rule, v, missingReleaseMonths(v)));
  }
  const early = releasesBeforeBooking(v);
  if (early.length > 0) flags.push(T.releaseBeforeBooking(rule, v, early));
  return flags;
}

function summarise(v: Voucher, at: VoucherAt, flags: FlagCode[]): VoucherSummary {
  const head = v.lines.find((l) => l.booking) ?? v.lines[0]!;
  const releases = v.lines.length - v.lines.filter((l) => l.booking).length;
  return {
    voucherNo: v.voucherNo,
    status: v.orphan ? 'release-without-booking' : v.remainder !== 0 ? 'not-fully-released' : at.future !== 0 ? 'releasing' : 'released',
    bookedOn: v.bookedOn,
    booked: v.booked,
    releasedThrough: at.releasedThrough,
    toRelease: at.future,
    balance: at.through,
    remainder: v.remainder,
    firstRelease: v.releaseMonths[0] ?? null,
    lastRelease: v.releaseMonths[v.releaseMonths.length - 1] ?? null,
    releaseCount: releases,
    lineCount: v.lines.length,
    invoiceId: head.line.invoiceId,
    description: head.line.description ?? head.line.lineDescription,
    flags,
    lines: v.lines.map((vl) => ({ key: vl.line.key, entryDate: vl.line.entryDate, journalId: vl.line.journalId, entryNo: vl.line.entryNo, amount: vl.line.amount, booking: vl.booking, description: vl.line.lineDescription ?? vl.line.description })),
  };
}

export interface TransitoryComputation {
  expected: Cents;
  clears: boolean;
  openItems: OpenItem[];
  agingTotals: Record<OpenItem['bucket'], Cents>;
  flags: Flag[];
  openVouchers: VoucherSummary[];
  voucherCount: number;
  vouchers: VoucherSummary[];
}

export function reconcileTransitory(
  rule: ClearingAccountRule,
  acc: Pick<AccountLines, 'lines' | 'day'>,
  period: Period,
  p: PeriodDays,
  closing: Cents,
  asOf: number,
  notes: ReadonlyMap<LineKey, StoredNote>,
  categories: ReadonlyMap<LineKey, StoredCategorisation> = new Map(),
): TransitoryComputation {
  const live = liveVouchers(rule, acc, p);
  // Every voucher on the account at the period's end: what is dated after it is still to come.
  // (A voucher that is not live has nothing after the period: it nets to zero by then.)
  let expected = 0;
  for (const x of live) expected -= x.at.future;
  const open = live.filter((x) => x.at.open);
  const openItems: OpenItem[] = [];
  const agingTotals = emptyAging();
  const relevant: MutationLine[] = [];
  for (const x of open) {
    for (const vl of x.voucher.lines) {
      tick();
      if (vl.day > p.last) continue;
      const ageDays = Math.max(0, asOf - vl.day);
      const bucket = ageBucket(ageDays);
      agingTotals[bucket] += vl.line.amount;
      const c = categories.get(vl.line.key);
      openItems.push({
        line: vl.line,
        ageDays,
        bucket,
        flags: [],
        note: notes.get(vl.line.key)?.text ?? null,
        categorisation: c ? { category: c.category, reason: c.reason, correction: c.correction, by: c.by, at: c.at } : null,
        reason: x.voucher.orphan ? 'release-without-booking' : 'not-fully-released',
        voucherNo: x.voucher.voucherNo,
        remainder: x.voucher.remainder,
      });
      relevant.push(vl.line);
    }
  }
  openItems.sort((a, b) => (a.line.entryDate < b.line.entryDate ? -1 : a.line.entryDate > b.line.entryDate ? 1 : a.line.key < b.line.key ? -1 : 1));

  const flags: Flag[] = [];
  // Lines from journals that should not post here: the period's, and the open vouchers' before it.
  const seen = new Set(relevant.map((l) => l.key));
  for (let j = 0; j < acc.lines.length; j++) {
    tick();
    const d = acc.day[j]!;
    if (d >= p.first && d <= p.last && !seen.has(acc.lines[j]!.key)) relevant.push(acc.lines[j]!);
  }
  const byJournal = new Map<string, MutationLine[]>();
  for (const l of relevant) {
    if (l.amount === 0 || inJournalSet(rule.allowedJournals, l.journalId)) continue;
    (byJournal.get(l.journalId) ?? byJournal.set(l.journalId, []).get(l.journalId)!).push(l);
  }
  for (const [j, ls] of [...byJournal].sort()) flags.push(F.unexpectedJournal(rule, j, ls.sort((a, b) => (a.key < b.key ? -1 : 1))));

  const clears = closing === expected && open.length === 0;
  if (!clears) flags.push(T.transitoryDoesNotTie(rule, period, closing, expected, open.map((x) => x.voucher), openItems.map((o) => o.line.key)));
  for (const x of live) flags.push(...x.flags);
  return { expected, clears, openItems, agingTotals, flags, openVouchers: open.map((x) => x.summary), voucherCount: live.length, vouchers: live.map((x) => x.summary) };
}
