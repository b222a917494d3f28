// Flags of a transitory account (Spend Cloud, profiles.md), per voucher: each message names the
// voucher, the amounts and periods, and what to do in AFAS or Spend Cloud.
import type { MutationLine, Period } from '../../shared/domain';
import { periodLabel } from '../../shared/domain';
import { formatDate } from '../../shared/dates';
import { formatEuro, type Cents } from '../../shared/money';
import { counted } from '../../shared/plural';
import type { Flag, FlagCode } from '../../shared/reconcile';
import type { ClearingAccountRule } from './rules';
import { monthLabel, type Voucher, type VoucherLine } from './vouchers';

const eur = (c: Cents) => ({ nl: formatEuro(c, 'nl'), en: formatEuro(c, 'en') });
const keys = (v: Voucher) => v.lines.map((l) => l.line.key);
const entry = (l: MutationLine) => `${l.journalId} ${l.entryNo}`;

function flag(code: FlagCode, severity: Flag['severity'], account: string, lines: string[], nl: string, en: string): Flag {
  return { code, severity, account, lines, message: { nl, en } };
}

/** The account does not hold exactly what is still to be released. */
export function transitoryDoesNotTie(rule: ClearingAccountRule, period: Period, closing: Cents, expected: Cents, open: readonly Voucher[], openLines: string[]): Flag {
  const c = eur(closing);
  const x = eur(expected);
  const d = eur(closing - expected);
  const r = eur(open.reduce((s, v) => s + v.remainder, 0));
  const p = periodLabel(period);
  return flag(
    'does-not-clear',
    'error',
    rule.account,
    // Its open items (the open vouchers' lines through the period), so "Toon" shows them.
    openLines,
    `Rekening ${rule.account} sluit niet aan op wat nog moet vrijvallen: saldo ${c.nl}, verwacht ${x.nl} (de vrijval na ${p}), verschil ${d.nl}; ${counted(open.length, 'boekstuk', 'boekstukken', 'nl')} niet volledig vrijgevallen (samen ${r.nl}).`,
    `Account ${rule.account} does not tie to what is still to be released: balance ${c.en}, expected ${x.en} (the releases after ${p}), difference ${d.en}; ${counted(open.length, 'voucher', 'vouchers', 'en')} not fully released (together ${r.en}).`,
  );
}

/** A release missing, a partial export, or a booking never released at all. */
export function notFullyReleased(rule: ClearingAccountRule, v: Voucher, missing: readonly string[]): Flag {
  const b = eur(v.booked);
  // Released is shown as the amount moved out, against the booking's sign.
  const rel = eur(-v.released);
  const rest = eur(v.remainder);
  const n = v.releaseMonths.length;
  const gaps = missing.length > 0 ? missing.map(monthLabel).join(', ') : null;
  if (n === 0) {
    return flag(
      'not-fully-released',
      'warning',
      rule.account,
      keys(v),
      `Boekstuk ${v.voucherNo} op ${rule.account} is op ${formatDate(v.bookedOn)} geboekt (${b.nl}) en nooit vrijgevallen: er staat geen enkele vrijval tegenover. Controleer de periodeverdeling in Spend Cloud (of de transitoriamodule van AFAS) en boek de vrijval per kostenperiode.`,
      `Voucher ${v.voucherNo} on ${rule.account} was booked on ${formatDate(v.bookedOn)} (${b.en}) and never released: no release at all. Check the period distribution in Spend Cloud (or AFAS's deferrals module) and book the release per cost period.`,
    );
  }
  const range = `${monthLabel(v.releaseMonths[0]!)} … ${monthLabel(v.releaseMonths[n - 1]!)}`;
  return flag(
    'not-fully-released',
    'warning',
    rule.account,
    keys(v),
    `Boekstuk ${v.voucherNo} op ${rule.account} valt niet volledig vrij: geboekt ${b.nl}, vrijgevallen ${rel.nl} (${counted(n, 'periode', 'periodes', 'nl')}, ${range}${gaps ? `; geen vrijval in ${gaps}` : ''}), rest ${rest.nl}. Een ontbrekende vrijval of een gedeeltelijke export: boek de rest vrij of corrigeer de boeking.`,
    `Voucher ${v.voucherNo} on ${rule.account} is not fully released: booked ${b.en}, released ${rel.en} (${counted(n, 'period', 'periods', 'en')}, ${range}${gaps ? `; no release in ${gaps}` : ''}), remainder ${rest.en}. A release missing or a partial export: release the remainder or correct the booking.`,
  );
}

/** The copies of releases booked twice, each with the release it repeats. */
export function releaseTwice(rule: ClearingAccountRule, v: Voucher, doubled: readonly { copy: VoucherLine; original: VoucherLine }[]): Flag {
  const first = doubled[0]!;
  const periods = [...new Set(doubled.map((d) => monthLabel(d.copy.month)))].join(', ');
  const amount = eur(first.copy.line.amount);
  const pairs = (and: string) => doubled.map((d) => `${entry(d.original.line)} ${and} ${entry(d.copy.line)}`).join('; ');
  const copies = doubled.map((d) => entry(d.copy.line)).join(', ');
  // Released more than booked: the excess, as a positive amount.
  const rest = eur(Math.abs(v.remainder));
  return flag(
    'release-twice',
    'warning',
    rule.account,
    [...new Set(doubled.flatMap((d) => [d.original.line.key, d.copy.line.key]))],
    `Vrijval van boekstuk ${v.voucherNo} in ${periods} is twee keer geboekt (${amount.nl}; boekingen ${pairs('en')}): er valt ${rest.nl} te veel vrij. Boek ${copies} in AFAS tegen.`,
    `The release of voucher ${v.voucherNo} in ${periods} was booked twice (${amount.en}; entries ${pairs('and')}): ${rest.en} too much is released. Reverse ${copies} in AFAS.`,
  );
}

/** Releases dated in a period before the invoice was booked. */
export function releaseBeforeBooking(rule: ClearingAccountRule, v: Voucher, early: readonly VoucherLine[]): Flag {
  const months = [...new Set(early.map((l) => monthLabel(l.month)))].join(', ');
  const t = eur(early.reduce((s, l) => s + l.line.amount, 0));
  const booked = monthLabel(v.bookingMonth!);
  return flag(
    'release-before-booking',
    'warning',
    rule.account,
    early.map((l) => l.line.key),
    `Boekstuk ${v.voucherNo}: vrijval in ${months} (${t.nl}) ligt in een periode vóór de boeking van de factuur (${formatDate(v.bookedOn)}, ${booked}). De rekening staat daar tijdelijk negatief voor dit boekstuk. Controleer de kostenperiode (MM-JJJJ) in Spend Cloud en de factuurdatum.`,
    `Voucher ${v.voucherNo}: a release in ${months} (${t.en}) lies in a period before the invoice was booked (${formatDate(v.bookedOn)}, ${booked}). The account is temporarily short for this voucher there. Check the cost period (MM-YYYY) in Spend Cloud and the invoice date.`,
  );
}

/** Releases whose voucher has no booking line on the account. */
export function releaseWithoutBooking(rule: ClearingAccountRule, v: Voucher): Flag {
  const t = eur(v.remainder);
  const dates = [...new Set(v.lines.map((l) => formatDate(l.line.entryDate)))].join(', ');
  return flag(
    'release-without-booking',
    'warning',
    rule.account,
    keys(v),
    `${counted(v.lines.length, 'vrijvalregel', 'vrijvalregels', 'nl')} van boekstuk ${v.voucherNo} op ${rule.account} zonder boeking van de factuur (samen ${t.nl}; ${dates}). De factuur is niet, of onder een ander boekstuknummer, geëxporteerd: zoek haar op in Spend Cloud en exporteer of corrigeer.`,
    `${counted(v.lines.length, 'release line', 'release lines', 'en')} of voucher ${v.voucherNo} on ${rule.account} without the invoice's booking (together ${t.en}; ${dates}). The invoice was not exported, or under another voucher number: look it up in Spend Cloud and export or correct it.`,
  );
}

/** A remainder of a few cents: rounding of the period amounts; a correction is suggested. */
export function roundingRemainder(rule: ClearingAccountRule, v: Voucher): Flag {
  const r = eur(v.remainder);
  const fix = eur(-v.remainder);
  const last = v.releaseMonths[v.releaseMonths.length - 1];
  const when = last ? monthLabel(last) : monthLabel(v.bookingMonth!);
  return flag(
    'rounding-remainder',
    'info',
    rule.account,
    keys(v),
    `Boekstuk ${v.voucherNo} houdt na de laatste vrijval (${when}) een afrondingsverschil van ${r.nl} over (geboekt ${eur(v.booked).nl}, vrijgevallen ${eur(-v.released).nl}). Voorstel: boek ${fix.nl} op ${rule.account} met boekstuk ${v.voucherNo} in periode ${when}, tegen de kostenrekening.`,
    `Voucher ${v.voucherNo} keeps a rounding remainder of ${r.en} after its last release (${when}) (booked ${eur(v.booked).en}, released ${eur(-v.released).en}). Suggested correction: book ${fix.en} on ${rule.account} with voucher ${v.voucherNo} in period ${when}, against the cost account.`,
  );
}
