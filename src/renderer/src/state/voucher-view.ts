// Pure: a transitory account's vouchers as the voucher view lists them — the open ones first (by
// remainder, largest first), then the rest in booking order; filtered by text; and a voucher's
// lines split into those through the period and those still to come.
import type { VoucherLineView, VoucherSummary } from '../../../shared/reconcile';

export const isOpenVoucher = (v: VoucherSummary) => v.status === 'not-fully-released' || v.status === 'release-without-booking';

export function voucherRows(vouchers: readonly VoucherSummary[], o: { openOnly: boolean; text: string }): VoucherSummary[] {
  const q = o.text.trim().toLowerCase();
  const hit = (v: VoucherSummary) => !q || [v.voucherNo, v.invoiceId ?? '', v.description ?? ''].some((s) => s.toLowerCase().includes(q));
  const shown = vouchers.filter((v) => (!o.openOnly || isOpenVoucher(v)) && hit(v));
  const open = shown.filter(isOpenVoucher).sort((a, b) => Math.abs(b.remainder) - Math.abs(a.remainder) || (a.voucherNo < b.voucherNo ? -1 : 1));
  return [...open, ...shown.filter((v) => !isOpenVoucher(v))];
}

/** The voucher's lines by date, each marked as dated after the period's last day (still to come). */
export function voucherLines(v: VoucherSummary, lastDay: string): (VoucherLineView & { after: boolean })[] {
  return [...v.lines].sort((a, b) => (a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : a.key < b.key ? -1 : 1)).map((l) => ({ ...l, after: l.entryDate > lastDay }));
}

/** Totals over the vouchers shown: booked, released through the period, still to release, remainder. */
export function voucherTotals(vs: readonly VoucherSummary[]): { booked: number; releasedThrough: number; toRelease: number; remainder: number } {
  return vs.reduce((t, v) => ({ booked: t.booked + v.booked, releasedThrough: t.releasedThrough + v.releasedThrough, toRelease: t.toRelease + v.toRelease, remainder: t.remainder + v.remainder }), { booked: 0, releasedThrough: 0, toRelease: 0, remainder: 0 });
}
