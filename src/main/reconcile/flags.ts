// Flag builders: each message explains itself to the controller in Dutch and English, with the
// numbers (count, total, dates) needed to act on it.
import { formatDate } from '../../shared/dates';
import type { MutationLine } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { counted, countedSide } from '../../shared/plural';
import type { Cents } from '../../shared/money';
import type { AgeBucket, Flag, FlagCode } from '../../shared/reconcile';
import type { ClearingAccountRule } from './rules';

const eur = (c: Cents) => ({ nl: formatEuro(c, 'nl'), en: formatEuro(c, 'en') });
const total = (lines: readonly MutationLine[]) => lines.reduce((s, l) => s + l.amount, 0);
const keys = (lines: readonly MutationLine[]) => lines.map((l) => l.key);
/** Entry dates as the controller reads them (dd-mm-jjjj), in date order. */
const dates = (lines: readonly MutationLine[]) => [...new Set(lines.map((l) => l.entryDate))].sort().map(formatDate).join(', ');
const day = formatDate;
/** "samen € 10,00" for several lines, just "€ 10,00" for one. */
const sum = (n: number, t: { nl: string; en: string }, lang: 'nl' | 'en') => (n === 1 ? t[lang] : `${lang === 'nl' ? 'samen' : 'together'} ${t[lang]}`);

function flag(code: FlagCode, severity: Flag['severity'], account: string, lines: string[], nl: string, en: string): Flag {
  return { code, severity, account, lines, message: { nl, en } };
}

/** Names the open items, so "Toon" shows them. */
export function doesNotClear(rule: ClearingAccountRule, closing: Cents, open: readonly MutationLine[]): Flag {
  const c = eur(closing);
  const o = eur(total(open));
  return flag(
    'does-not-clear',
    'error',
    rule.account,
    keys(open),
    `Rekening ${rule.account} sluit niet op nul: saldo ${c.nl} aan het einde van de periode; ${counted(open.length, 'open post', 'open posten')} (${sum(open.length, o, 'nl')}).`,
    `Account ${rule.account} does not clear to zero: balance ${c.en} at period end; ${counted(open.length, 'open item', 'open items', 'en')} (${sum(open.length, o, 'en')}).`,
  );
}

export function walletDifference(account: string, closing: Cents, wallet: Cents | null): Flag {
  if (wallet === null) {
    return flag(
      'wallet-difference',
      'warning',
      account,
      [],
      `Het Moss-walletsaldo is niet ingevuld: het saldo van ${account} (${eur(closing).nl}) kan niet worden aangesloten.`,
      `The Moss wallet balance has not been entered: the balance of ${account} (${eur(closing).en}) cannot be tied out.`,
    );
  }
  const d = eur(closing - wallet);
  return flag(
    'wallet-difference',
    'error',
    account,
    [],
    `Moss Balance ${account} sluit niet aan op de wallet: boekhouding ${eur(closing).nl}, wallet ${eur(wallet).nl}, verschil ${d.nl}.`,
    `Moss Balance ${account} does not tie to the wallet: ledger ${eur(closing).en}, wallet ${eur(wallet).en}, difference ${d.en}.`,
  );
}

export function unexpectedJournal(rule: ClearingAccountRule, journal: string, lines: MutationLine[]): Flag {
  const t = eur(total(lines));
  return flag(
    'unexpected-journal',
    'warning',
    rule.account,
    keys(lines),
    `${counted(lines.length, 'regel', 'regels')} op ${rule.account} ${lines.length === 1 ? 'komt' : 'komen'} uit dagboek ${journal}, dat hier niet hoort te boeken (${sum(lines.length, t, 'nl')}; ${dates(lines)}).`,
    `${counted(lines.length, 'line', 'lines', 'en')} on ${rule.account} ${lines.length === 1 ? 'comes' : 'come'} from journal ${journal}, which is not expected to post here (${sum(lines.length, t, 'en')}; ${dates(lines)}).`,
  );
}

/** An entry of a journal (one unit). */
export interface EntryRef {
  unitId: number;
  journalId: string;
  entryNo: number;
}

const entryList = (names: readonly string[], and: string) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`);

/**
 * Identical entries (same journal, date, amount, invoice id and text): Moss exported them twice.
 * They are interchangeable; the first of each journal is the one to keep (matched when it has its
 * counterpart), the later copies are to be reversed in AFAS. A whole card transaction exported
 * twice names its purchases and its payments, each journal apart.
 */
export function exportedTwice(rule: ClearingAccountRule, lines: MutationLine[], entries: readonly EntryRef[]): Flag {
  const first = lines[0]!;
  const a = eur(Math.abs(first.amount));
  const what = first.description ?? first.lineDescription ?? '';
  const inv = first.invoiceId ? `${first.invoiceId}, ` : '';
  const journals = [...new Set(entries.map((e) => e.journalId))];
  const numbers = (j: string) => entries.filter((e) => e.journalId === j).map((e) => String(e.entryNo));
  const same = (and: string) => journals.map((j) => `${j} ${entryList(numbers(j), and)}`).join('; ');
  const copies = (and: string) => entryList(journals.flatMap((j) => numbers(j).slice(1).map((n) => `${j} ${n}`)), and);
  return flag(
    'duplicate',
    'warning',
    rule.account,
    keys(lines),
    `Dubbel geëxporteerd (${inv}${a.nl} op ${day(first.entryDate)}, "${what}"): boekingen ${same('en')} zijn gelijk. Ze zijn uitwisselbaar: de eerste blijft staan (en is afgeletterd als de tegenboeking er is). Boek ${copies('en')} in AFAS tegen.`,
    `Exported twice (${inv}${a.en} on ${day(first.entryDate)}, "${what}"): entries ${same('and')} are identical. They are interchangeable: the first one stays (and is matched when its counterpart is there). Reverse ${copies('and')} in AFAS.`,
  );
}

export function duplicateInvoice(rule: ClearingAccountRule, invoice: string, lines: MutationLine[]): Flag {
  const t = eur(total(lines));
  return flag(
    'duplicate',
    'warning',
    rule.account,
    keys(lines),
    `Factuurnummer ${invoice} staat ${lines.length}× op crediteur ${rule.account} (${sum(lines.length, t, 'nl')}; ${dates(lines)}).`,
    `Invoice number ${invoice} appears ${lines.length}× on creditor ${rule.account} (${sum(lines.length, t, 'en')}; ${dates(lines)}).`,
  );
}

export function amountMismatch(rule: ClearingAccountRule, lines: MutationLine[], difference: Cents): Flag {
  const [l, r] = lines;
  const d = eur(difference);
  return flag(
    'amount-mismatch',
    'warning',
    rule.account,
    keys(lines),
    `${rule.sideNames.left.nl} ${eur(l!.amount).nl} (${day(l!.entryDate)}) en ${rule.sideNames.right.nl} ${eur(r!.amount).nl} (${day(r!.entryDate)}) verschillen ${d.nl} (kosten of afronding?). Alleen een voorstel: bevestig met een categorie en een reden.`,
    `${rule.sideNames.left.en} ${eur(l!.amount).en} (${day(l!.entryDate)}) and ${rule.sideNames.right.en} ${eur(r!.amount).en} (${day(r!.entryDate)}) differ by ${d.en} (fee or rounding?). A suggestion only: confirm it with a category and a reason.`,
  );
}

export function splitOrMerged(rule: ClearingAccountRule, anchor: MutationLine, members: MutationLine[], unique: boolean): Flag {
  const list = (lang: 'nl' | 'en') => members.map((m) => `${formatEuro(m.amount, lang)} (${day(m.entryDate)})`).join(' + ');
  return flag(
    'split-or-merged',
    unique ? 'info' : 'warning',
    rule.account,
    [anchor.key, ...keys(members)],
    `${formatEuro(anchor.amount, 'nl')} op ${day(anchor.entryDate)} is gelijk aan ${members.length} regels samen: ${list('nl')}${unique ? '' : '; er zijn meer combinaties mogelijk, kies zelf'}.`,
    `${formatEuro(anchor.amount, 'en')} on ${day(anchor.entryDate)} equals ${members.length} lines together: ${list('en')}${unique ? '' : '; other combinations are possible, choose yourself'}.`,
  );
}

/** The reason names the lines and what changed; the match's internal id is no help to anyone. */
export function staleMatch(account: string, lines: string[], reason: { nl: string; en: string }): Flag {
  return flag('stale-match', 'warning', account, lines, reason.nl, reason.en);
}

export function missingCounterpart(rule: ClearingAccountRule, side: 'left' | 'right', lines: MutationLine[], days: number): Flag {
  const own = rule.sideNames[side];
  const other = rule.sideNames[side === 'left' ? 'right' : 'left'];
  const t = eur(total(lines));
  const oldest = lines.reduce((m, l) => (l.entryDate < m ? l.entryDate : m), lines[0]!.entryDate);
  return flag(
    'missing-counterpart',
    'warning',
    rule.account,
    keys(lines),
    `${countedSide(lines.length, own.nl, 'nl')} op ${rule.account} zonder ${other.nl}, ouder dan ${days} dagen (${sum(lines.length, t, 'nl')}; ${lines.length === 1 ? 'van' : 'oudste'} ${day(oldest)}).`,
    `${countedSide(lines.length, own.en, 'en')} on ${rule.account} without a ${other.en}, older than ${days} days (${sum(lines.length, t, 'en')}; ${lines.length === 1 ? 'dated' : 'oldest'} ${day(oldest)}).`,
  );
}

export function openTooLong(rule: ClearingAccountRule, lines: MutationLine[], maxAge: number, byBucket: Record<AgeBucket, Cents>): Flag {
  const t = eur(total(lines));
  const buckets = (lang: 'nl' | 'en') =>
    Object.entries(byBucket)
      .filter(([, v]) => v !== 0)
      .map(([b, v]) => `${b}: ${formatEuro(v, lang)}`)
      .join(', ');
  return flag(
    'open-too-long',
    'warning',
    rule.account,
    keys(lines),
    `${counted(lines.length, 'post', 'posten')} op ${rule.account} ${lines.length === 1 ? 'staat' : 'staan'} langer dan ${rule.openDaysThreshold} dagen open (${sum(lines.length, t, 'nl')}; ${lines.length === 1 ? '' : 'oudste '}${maxAge} dagen; per ouderdom in dagen ${buckets('nl')}).`,
    `${counted(lines.length, 'item', 'items', 'en')} on ${rule.account} ${lines.length === 1 ? 'has' : 'have'} been open longer than ${rule.openDaysThreshold} days (${sum(lines.length, t, 'en')}; ${lines.length === 1 ? '' : 'oldest '}${maxAge} days; by age in days ${buckets('en')}).`,
  );
}
