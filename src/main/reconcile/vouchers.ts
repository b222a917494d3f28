// A transitory account's lines by voucher (Spend Cloud, profiles.md): at booking the account
// receives the deferred amount, then one release per cost period moves it out, each release dated
// in its period and carrying the invoice's VoucherNo. Pure, and independent of the period asked
// for: the period's view of a voucher (what was released through it, what is still to come) is
// voucherAt().
import type { MutationLine } from '../../shared/domain';
import type { Cents } from '../../shared/money';
import type { PeriodDays } from './dates';
import { tick } from './tick';

export interface VoucherLine {
  line: MutationLine;
  day: number;
  /** YYYY-MM of the entry date: the period the line is dated in. */
  month: string;
  /** A booking line (the sign of the deferral), else a release. */
  booking: boolean;
}

export interface Voucher {
  voucherNo: string;
  /** By entry date, then line key. */
  lines: VoucherLine[];
  /** +1: the booking debits the account (deferred costs), −1: it credits it (a credit note). */
  bookingSign: 1 | -1;
  /** No booking line: only releases (an orphan). */
  orphan: boolean;
  booked: Cents;
  released: Cents;
  /** Sum of all lines over all dates: 0 when fully released. */
  remainder: Cents;
  bookedOn: string | null;
  bookingMonth: string | null;
  /** The months with a release, in order. */
  releaseMonths: string[];
}

/** The voucher a line belongs to: its VoucherNo, else (none given) its own entry. */
export function voucherKey(l: Pick<MutationLine, 'voucherNo' | 'journalId' | 'entryNo'>): string {
  const v = l.voucherNo?.trim();
  return v ? v : `${l.journalId} ${l.entryNo}`;
}

const byDayThenKey = (a: VoucherLine, b: VoucherLine) => a.day - b.day || (a.line.key < b.line.key ? -1 : a.line.key > b.line.key ? 1 : 0);

/**
 * Groups an account's lines (with their day numbers) by voucher. The booking side of a voucher is
 * the sign of its largest line (the booking holds the whole deferral, a release one period's part;
 * ties: the earlier line). A voucher whose lines all have one sign holds bookings never released
 * when that is the account's usual booking side (found from the vouchers with both, debit when
 * none has), else releases without their booking.
 */
export function groupVouchers(lines: readonly MutationLine[], day: readonly number[]): Voucher[] {
  const byVoucher = new Map<string, VoucherLine[]>();
  for (let j = 0; j < lines.length; j++) {
    tick();
    const l = lines[j]!;
    if (l.amount === 0) continue;
    const k = voucherKey(l);
    const vl: VoucherLine = { line: l, day: day[j]!, month: l.entryDate.slice(0, 7), booking: false };
    const list = byVoucher.get(k);
    if (list) list.push(vl);
    else byVoucher.set(k, [vl]);
  }
  const drafts: { voucherNo: string; lines: VoucherLine[]; sign: 1 | -1 | 0 }[] = [];
  let debitBooked = 0;
  let creditBooked = 0;
  for (const [voucherNo, ls] of byVoucher) {
    tick();
    ls.sort(byDayThenKey);
    let pos = false;
    let neg = false;
    let largest = ls[0]!;
    for (const vl of ls) {
      if (vl.line.amount > 0) pos = true;
      else neg = true;
      if (Math.abs(vl.line.amount) > Math.abs(largest.line.amount)) largest = vl; // sorted: the earlier wins a tie
    }
    const sign: 1 | -1 | 0 = pos && neg ? (largest.line.amount > 0 ? 1 : -1) : 0;
    if (sign === 1) debitBooked++;
    if (sign === -1) creditBooked++;
    drafts.push({ voucherNo, lines: ls, sign });
  }
  const usual: 1 | -1 = creditBooked > debitBooked ? -1 : 1;
  const out: Voucher[] = [];
  for (const d of drafts) {
    tick();
    // One-sided: bookings never released (the usual side), or releases without a booking.
    const bookingSign: 1 | -1 = d.sign === 0 ? usual : d.sign;
    let booked = 0;
    let released = 0;
    let bookedOn: string | null = null;
    const months: string[] = [];
    for (const vl of d.lines) {
      vl.booking = Math.sign(vl.line.amount) === bookingSign;
      if (vl.booking) {
        booked += vl.line.amount;
        bookedOn ??= vl.line.entryDate;
      } else {
        released += vl.line.amount;
        if (months[months.length - 1] !== vl.month) months.push(vl.month);
      }
    }
    out.push({
      voucherNo: d.voucherNo,
      lines: d.lines,
      bookingSign,
      orphan: bookedOn === null,
      booked,
      released,
      remainder: booked + released,
      bookedOn,
      bookingMonth: bookedOn?.slice(0, 7) ?? null,
      releaseMonths: months,
    });
  }
  return out;
}

/** A voucher as of a period's end. */
export interface VoucherAt {
  /** Sum of the lines dated on or before the period's last day: what the account holds for it. */
  through: Cents;
  /** Sum of the lines dated after the period. */
  future: Cents;
  releasedThrough: Cents;
  /** Some line of it is dated on or before the period's last day. */
  onAccount: boolean;
  /** Some line of it is dated in the period. */
  inPeriod: boolean;
  /** Not fully released over all dates, or a release without a booking. */
  open: boolean;
  /**
   * Shown at the period's end: on the account then and either open, holding a balance or moving
   * in the period. A voucher released in full before the period is history; one booked after it
   * is not on the account yet.
   */
  live: boolean;
}

export function voucherAt(v: Voucher, p: PeriodDays): VoucherAt {
  let through = 0;
  let future = 0;
  let releasedThrough = 0;
  let onAccount = false;
  let inPeriod = false;
  for (const vl of v.lines) {
    if (vl.day > p.last) {
      future += vl.line.amount;
      continue;
    }
    onAccount = true;
    through += vl.line.amount;
    if (!vl.booking) releasedThrough += vl.line.amount;
    if (vl.day >= p.first) inPeriod = true;
  }
  const open = v.orphan || v.remainder !== 0;
  return { through, future, releasedThrough, onAccount, inPeriod, open, live: onAccount && (open || through !== 0 || inPeriod) };
}

/**
 * Releases booked twice: a release with the same month and amount as an earlier release of the
 * voucher (by entry), when the voucher is released more than it was booked. The copies, each with
 * the release it repeats.
 */
export function doubledReleases(v: Voucher): { copy: VoucherLine; original: VoucherLine }[] {
  if (v.orphan || v.remainder === 0 || Math.sign(v.remainder) === v.bookingSign) return [];
  const first = new Map<string, VoucherLine>();
  const out: { copy: VoucherLine; original: VoucherLine }[] = [];
  const releases = v.lines.filter((vl) => !vl.booking).sort((a, b) => a.line.entryNo - b.line.entryNo || a.line.seqNo - b.line.seqNo || byDayThenKey(a, b));
  for (const vl of releases) {
    const k = `${vl.month}|${vl.line.amount}`;
    const seen = first.get(k);
    if (seen && seen.line.entryNo !== vl.line.entryNo) out.push({ copy: vl, original: seen });
    else if (!seen) first.set(k, vl);
  }
  return out;
}

/** Releases dated in a month before the voucher's booking. */
export function releasesBeforeBooking(v: Voucher): VoucherLine[] {
  const booking = v.bookingMonth;
  return booking === null ? [] : v.lines.filter((vl) => !vl.booking && vl.month < booking);
}

/** Months between the first and the last release without one (a release missing in between). */
export function missingReleaseMonths(v: Voucher): string[] {
  const months = v.releaseMonths;
  if (months.length < 2) return [];
  const have = new Set(months);
  const out: string[] = [];
  for (let m = nextMonth(months[0]!); m < months[months.length - 1]!; m = nextMonth(m)) if (!have.has(m)) out.push(m);
  return out;
}

export function nextMonth(ym: string): string {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** MM-YYYY, as AFAS shows a period. */
export const monthLabel = (ym: string) => `${ym.slice(5, 7)}-${ym.slice(0, 4)}`;
