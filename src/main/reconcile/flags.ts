// Flag builders: each message explains itself to the controller in Dutch and English, with the
// numbers (count, total, dates) needed to act on it.
import { formatDate } from '../../shared/dates';
import type { MutationLine, Period } from '../../shared/domain';
import { periodLabel } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { counted, countedSide, pluralOf } from '../../shared/plural';
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

/**
 * A liability account (payroll taxes, pension) against the period's own credits, not yet due.
 * Names the other open items (those that stop it tying out), so "Toon" shows them.
 */
export function doesNotTie(rule: ClearingAccountRule, closing: Cents, expected: Cents, others: readonly MutationLine[]): Flag {
  const c = eur(closing);
  const x = eur(expected);
  const d = eur(closing - expected);
  const o = eur(total(others));
  const rest = (lang: 'nl' | 'en') =>
    others.length === 0
      ? lang === 'nl'
        ? 'geen andere open posten'
        : 'no other open items'
      : `${lang === 'nl' ? counted(others.length, 'andere open post', 'andere open posten') : counted(others.length, 'other open item', 'other open items', 'en')} (${sum(others.length, o, lang)})`;
  return flag(
    'does-not-clear',
    'error',
    rule.account,
    keys(others),
    `Rekening ${rule.account} sluit niet aan: saldo ${c.nl}, verwacht ${x.nl} (de nog niet verschuldigde posten van deze periode), verschil ${d.nl}; ${rest('nl')}.`,
    `Account ${rule.account} does not tie out: balance ${c.en}, expected ${x.en} (this period's items, not yet due), difference ${d.en}; ${rest('en')}.`,
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
  if (rule.entryNames) return runPostedTwice(rule, lines, entries);
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

/** A run posted twice (Nmbrs keeps a generated journal, and it can be sent again). */
function runPostedTwice(rule: ClearingAccountRule, lines: MutationLine[], entries: readonly EntryRef[]): Flag {
  const run = rule.entryNames!;
  const first = lines[0]!;
  const names = entries.map((e) => `${e.journalId} ${e.entryNo}`);
  const copies = names.slice(1);
  const perEntry = lines.filter((l) => l.entryNo === first.entryNo && l.journalId === first.journalId);
  const t = eur(total(perEntry));
  return flag(
    'duplicate',
    'warning',
    rule.account,
    keys(lines),
    `${cap(run.nl)} twee keer geboekt (${day(first.entryDate)}, ${counted(perEntry.length, 'regel', 'regels')} op ${rule.account}, samen ${t.nl} per boeking): boekingen ${entryList(names, 'en')} zijn gelijk. De eerste telt (en is afgeletterd als de betaling er is); ${entryList(copies, 'en')} is de kopie en blijft open. Boek ${entryList(copies, 'en')} in AFAS tegen (ook op de loonheffings- en pensioenrekening).`,
    `${cap(run.en)} posted twice (${day(first.entryDate)}, ${counted(perEntry.length, 'line', 'lines', 'en')} on ${rule.account}, together ${t.en} per entry): entries ${entryList(names, 'and')} are identical. The first one counts (and is matched when the payment is there); ${entryList(copies, 'and')} is the copy and stays open. Reverse ${entryList(copies, 'and')} in AFAS (also on the payroll tax and pension accounts).`,
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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

/** A suggestion whose sides differ by a fee or a rounding: `left` the document side, `right` the settlement. */
export function amountMismatch(rule: ClearingAccountRule, left: MutationLine[], right: MutationLine[], difference: Cents): Flag {
  const d = eur(difference);
  const side = (ls: MutationLine[], lang: 'nl' | 'en') =>
    ls.length === 1 ? `${formatEuro(ls[0]!.amount, lang)} (${day(ls[0]!.entryDate)})` : `${formatEuro(total(ls), lang)} (${ls.length} ${lang === 'nl' ? 'regels' : 'lines'}, ${dates(ls)})`;
  return flag(
    'amount-mismatch',
    'warning',
    rule.account,
    keys([...left, ...right]),
    `${cap(rule.sideNames.left.nl)} ${side(left, 'nl')} en ${rule.sideNames.right.nl} ${side(right, 'nl')} verschillen ${d.nl} (kosten of afronding?). Alleen een voorstel: bevestig met een categorie en een reden.`,
    `${cap(rule.sideNames.left.en)} ${side(left, 'en')} and ${rule.sideNames.right.en} ${side(right, 'en')} differ by ${d.en} (fee or rounding?). A suggestion only: confirm it with a category and a reason.`,
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

const RETURN_REASONS: Record<string, { nl: string; en: string }> = {
  AC01: { nl: 'rekeningnummer onjuist', en: 'incorrect account number' },
  AC04: { nl: 'rekening opgeheven', en: 'account closed' },
  AC06: { nl: 'rekening geblokkeerd', en: 'account blocked' },
  MD07: { nl: 'rekeninghouder overleden', en: 'account holder deceased' },
  MS03: { nl: 'reden niet opgegeven', en: 'reason not specified' },
  RC01: { nl: 'BIC onjuist', en: 'incorrect BIC' },
};

/**
 * A transfer the payee's bank sent back (SEPA /RTRN/): it reopens what it paid. Open until the
 * payee is paid again (then info: the return is settled).
 */
export function returnedPayment(rule: ClearingAccountRule, line: MutationLine, reason: string, payee: string | null, open: boolean): Flag {
  const why = RETURN_REASONS[reason.toUpperCase()];
  const code = (lang: 'nl' | 'en') => (reason ? ` (${reason}${why ? `: ${why[lang]}` : ''})` : '');
  const who = payee ? ` ${payee}` : '';
  const a = eur(Math.abs(line.amount));
  return flag(
    'returned-payment',
    open ? 'warning' : 'info',
    rule.account,
    [line.key],
    open
      ? `Betaling van ${a.nl} aan${who || ' de begunstigde'} is op ${day(line.entryDate)} teruggestort${code('nl')}: dat bedrag staat weer open op ${rule.account} tot het opnieuw is betaald. Vraag het juiste rekeningnummer na en betaal opnieuw.`
      : `Betaling van ${a.nl} aan${who || ' de begunstigde'} is op ${day(line.entryDate)} teruggestort${code('nl')} en daarna opnieuw betaald.`,
    open
      ? `The payment of ${a.en} to${who || ' the payee'} was returned on ${day(line.entryDate)}${code('en')}: the amount is open again on ${rule.account} until it is paid again. Ask for the right account number and pay again.`
      : `The payment of ${a.en} to${who || ' the payee'} was returned on ${day(line.entryDate)}${code('en')} and has been paid again since.`,
  );
}

/** A settlement dated where no period it could pay has any document-side line on the account. */
export function paymentWithoutCredits(rule: ClearingAccountRule, line: MutationLine, periods: readonly Period[], maxDaysAfter: number): Flag {
  const a = eur(line.amount);
  const ps = (lang: 'nl' | 'en') => (periods.length > 0 ? periods.map(periodLabel).join(lang === 'nl' ? ' of ' : ' or ') : '—');
  return flag(
    'payment-without-credits',
    'warning',
    rule.account,
    [line.key],
    `${cap(rule.sideNames.right.nl)} van ${a.nl} op ${day(line.entryDate)} hoort bij een periode zonder ${pluralOf(rule.sideNames.left.nl, 'nl')} op ${rule.account} (binnen ${maxDaysAfter} dagen na het einde van ${ps('nl')}). Controleer de aangifte of de boeking van de loonrun; valt die periode vóór de eerste opgehaalde maand, haal dan eerder op.`,
    `${cap(rule.sideNames.right.en)} of ${a.en} on ${day(line.entryDate)} belongs to a period without ${pluralOf(rule.sideNames.left.en, 'en')} on ${rule.account} (within ${maxDaysAfter} days after the end of ${ps('en')}). Check the return or the run's booking; if that period is before the first synced month, sync from earlier.`,
  );
}
