// Roll-forward of the account that mirrors the Moss wallet:
//   opening + top-ups − spend + refunds + other = closing, compared with the wallet balance.
// Lines are classified by what else their entry touches, so the parts add up exactly.
import { lineLabel } from '../../shared/audit-words';
import { formatDate } from '../../shared/dates';
import type { Bilingual, MutationLine } from '../../shared/domain';
import { formatEuro, type Cents } from '../../shared/money';
import { ACCOUNT_ROLES, type AccountRole, type Rollforward } from '../../shared/reconcile';
import type { PeriodDays } from './dates';
import { counted } from '../../shared/plural';
import { SameDayAmount } from './same-day-amount';
import { descriptionKey } from './text';
import { tick } from './tick';
import type { TieOutRule } from './rules';

export interface RollforwardInput {
  rule: TieOutRule;
  /** All lines of the tie-out account. */
  lines: readonly MutationLine[];
  /** Entry day number of each line. */
  day: readonly number[];
  /** Roles present per entry number of rule.journal (bits of roleBit), from all clearing-account lines (at least the entries of the period's lines). */
  entryRoles: ReadonlyMap<number, number>;
  period: PeriodDays;
  wallet: Cents | null;
  /** Cash-in-transit bank payments still open at period end (paid, not yet booked by Moss). */
  topUpsInTransit: { count: number; total: Cents };
}

export function rollforward(input: RollforwardInput): Rollforward {
  const { rule, period: p } = input;
  let opening = 0;
  let topUps = 0;
  let spend = 0;
  let refunds = 0;
  let other = 0;
  const late: MutationLine[] = [];
  const inPeriod: MutationLine[] = [];
  const topUpBits = roleBits(rule.topUpRoles);
  const spendBits = roleBits(rule.spendRoles);
  for (let j = 0; j < input.lines.length; j++) {
    tick();
    const l = input.lines[j]!;
    const d = input.day[j]!;
    if (d < p.first) {
      opening += l.amount;
      continue;
    }
    if (d > p.last) continue;
    inPeriod.push(l);
    const roles = l.journalId === rule.journal ? (input.entryRoles.get(l.entryNo) ?? 0) : 0;
    if ((roles & topUpBits) !== 0) topUps += l.amount;
    else if ((roles & spendBits) !== 0) {
      if (l.amount < 0) {
        spend -= l.amount;
        if (d > p.last - rule.lateDays) late.push(l);
      } else refunds += l.amount;
    } else other += l.amount;
  }
  const closing = opening + topUps - spend + refunds + other;
  const difference = input.wallet === null ? null : closing - input.wallet;
  return {
    opening,
    topUps,
    spend,
    refunds,
    other,
    closing,
    wallet: input.wallet,
    difference,
    likelyCauses: difference ? likelyCauses(difference, inPeriod, late, other, input.topUpsInTransit, rule.lateDays) : [],
  };
}

/**
 * A bit per role, so an entry's roles are one number (a Set per entry was 200,000 sets a picture).
 * ACCOUNT_ROLES has fewer than 31 roles.
 */
export function roleBit(role: AccountRole): number {
  return 1 << ACCOUNT_ROLES.indexOf(role);
}

function roleBits(roles: readonly AccountRole[]): number {
  return roles.reduce((bits, r) => bits | roleBit(r), 0);
}

function likelyCauses(
  difference: Cents,
  inPeriod: MutationLine[],
  late: MutationLine[],
  other: Cents,
  inTransit: { count: number; total: Cents },
  lateDays: number,
): Bilingual[] {
  const out: Bilingual[] = [];
  const e = (c: Cents, lang: 'nl' | 'en') => formatEuro(c, lang);
  const exact = (c: Cents) => Math.abs(c) === Math.abs(difference);
  const same = inPeriod.filter((l) => Math.abs(l.amount) === Math.abs(difference)).slice(0, 3);
  for (const l of same) {
    out.push({
      nl: `Het verschil ${e(difference, 'nl')} is even groot als regel ${lineLabel(l.key)} (${formatDate(l.entryDate)}, "${l.description ?? ''}"): niet of dubbel geëxporteerd?`,
      en: `The difference ${e(difference, 'en')} equals line ${lineLabel(l.key)} (${formatDate(l.entryDate)}, "${l.description ?? ''}"): not exported, or exported twice?`,
    });
  }
  // Same journal, date, amount and text; the text is only normalised for lines that share the rest.
  const groupOf = new SameDayAmount();
  const ids = inPeriod.map((l) => {
    tick();
    return groupOf.id(l);
  });
  const perId = new Int32Array(groupOf.size);
  for (const g of ids) perId[g]!++;
  const groups = new Map<string, MutationLine[]>();
  for (let i = 0; i < inPeriod.length; i++) {
    tick();
    if (perId[ids[i]!]! < 2) continue;
    const l = inPeriod[i]!;
    const k = `${ids[i]}|${descriptionKey(l)}`;
    const g = groups.get(k);
    if (g) g.push(l);
    else groups.set(k, [l]);
  }
  let dupCount = 0;
  let dupTotal = 0;
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    dupCount += g.length - 1;
    dupTotal += g[0]!.amount * (g.length - 1);
  }
  if (dupCount > 0) {
    out.push({
      nl: `${counted(dupCount, 'regel lijkt', 'regels lijken')} dubbel geëxporteerd (${dupCount === 1 ? '' : 'samen '}${e(dupTotal, 'nl')})${exact(dupTotal) ? '; dat verklaart precies het verschil' : ''}.`,
      en: `${counted(dupCount, 'line looks', 'lines look', 'en')} exported twice (${dupCount === 1 ? '' : 'together '}${e(dupTotal, 'en')})${exact(dupTotal) ? '; that explains the difference exactly' : ''}.`,
    });
  }
  if (late.length > 0) {
    const t = late.reduce((s, l) => s + l.amount, 0);
    out.push({
      nl: `${counted(late.length, 'kaarttransactie', 'kaarttransacties')} in de laatste ${lateDays} dagen van de periode (${late.length === 1 ? '' : 'samen '}${e(t, 'nl')}) ${late.length === 1 ? 'kan' : 'kunnen'} in Moss op een andere dag vallen${exact(t) ? '; dat verklaart precies het verschil' : ''}.`,
      en: `${counted(late.length, 'card transaction', 'card transactions', 'en')} in the last ${lateDays} days of the period (${late.length === 1 ? '' : 'together '}${e(t, 'en')}) may fall on another day in Moss${exact(t) ? '; that explains the difference exactly' : ''}.`,
    });
  }
  if (inTransit.count > 0) {
    out.push({
      nl: `${counted(inTransit.count, 'opwaardering', 'opwaarderingen')} onderweg: van de bank betaald maar nog niet door Moss geboekt (${inTransit.count === 1 ? '' : 'samen '}${e(inTransit.total, 'nl')}).`,
      en: `${counted(inTransit.count, 'top-up', 'top-ups', 'en')} in transit: paid from the bank but not yet booked by Moss (${inTransit.count === 1 ? '' : 'together '}${e(inTransit.total, 'en')}).`,
    });
  }
  if (other !== 0) {
    out.push({
      nl: `Boekingen uit andere dagboeken of zonder Moss-tegenboeking: ${e(other, 'nl')}.`,
      en: `Entries from other journals or without a Moss counter entry: ${e(other, 'en')}.`,
    });
  }
  if (out.length === 0) {
    out.push({
      nl: 'Uitgaven of opwaarderingen zijn niet of dubbel naar AFAS geëxporteerd; vergelijk de Moss-export met de boekingen.',
      en: 'Spend or top-ups were not exported to AFAS, or exported twice; compare the Moss export with the entries.',
    });
  }
  return out;
}
