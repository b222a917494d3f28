// Flags of accounts whose document side carries numbers (expense reports on employee creditors):
// a number on two accounts of one scope, and an account that does not tie to its documents still
// within their payment cycle. Each message explains itself in Dutch and English, with the numbers;
// counted nouns in words ("1 andere open post", "2 andere open posten"), dates as dd-mm-jjjj.
import { formatDate } from '../../shared/dates';
import type { MutationLine } from '../../shared/domain';
import { formatEuro, type Cents } from '../../shared/money';
import { counted, pluralOf } from '../../shared/plural';
import type { Flag } from '../../shared/reconcile';
import type { ClearingAccountRule } from './rules';

const eur = (c: Cents) => ({ nl: formatEuro(c, 'nl'), en: formatEuro(c, 'en') });
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items: readonly string[], and: string) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);
const total = (lines: readonly MutationLine[]) => lines.reduce((s, l) => s + l.amount, 0);
/** "samen € 10,00" for several lines, just "€ 10,00" for one. */
const sum = (n: number, t: { nl: string; en: string }, lang: 'nl' | 'en') => (n === 1 ? t[lang] : `${lang === 'nl' ? 'samen' : 'together'} ${t[lang]}`);

/**
 * One document number on two (or more) accounts of one scope: a report exported to the wrong
 * employee's creditor and then to the right one (AFAS refuses a number twice per creditor only).
 */
export function numberOnTwoAccounts(home: ClearingAccountRule, number: string, lines: readonly MutationLine[], open: ReadonlySet<string>): Flag {
  const accounts = [...new Set(lines.map((l) => l.accountNo))].sort();
  const per = (lang: 'nl' | 'en') =>
    accounts.map((a) => {
      const ls = lines.filter((l) => l.accountNo === a);
      const on = lang === 'nl' ? 'op' : 'on';
      const state = ls.some((l) => open.has(l.key)) ? 'open' : lang === 'nl' ? 'betaald' : 'paid';
      return `${a} (${ls.map((l) => `${formatEuro(l.amount, lang)} ${on} ${formatDate(l.entryDate)}`).join(', ')}, ${state})`;
    });
  const doc = home.sideNames.left;
  return {
    code: 'duplicate',
    severity: 'warning',
    account: home.account,
    lines: lines.map((l) => l.key),
    message: {
      nl: `${cap(doc.nl)} ${number} staat op ${accounts.length} crediteuren: ${list(per('nl'), 'en')}. Eén nummer hoort bij één medewerker: boek de verkeerde in AFAS tegen (en vorder een betaling aan de verkeerde medewerker terug).`,
      en: `${cap(doc.en)} ${number} is on ${accounts.length} creditors: ${list(per('en'), 'and')}. One number belongs to one employee: reverse the wrong one in AFAS (and recover a payment made to the wrong employee).`,
    },
  };
}

/**
 * An account against its documents within their payment cycle (younger than `days` at period end).
 * Names the other open items (those that stop it tying out), so "Toon" shows them.
 */
export function doesNotTieWithin(rule: ClearingAccountRule, days: number, closing: Cents, expected: Cents, others: readonly MutationLine[]): Flag {
  const c = eur(closing);
  const x = eur(expected);
  const d = eur(closing - expected);
  const o = eur(total(others));
  const doc = rule.sideNames.left;
  const rest = (lang: 'nl' | 'en') =>
    others.length === 0
      ? lang === 'nl'
        ? 'geen andere open posten'
        : 'no other open items'
      : `${lang === 'nl' ? counted(others.length, 'andere open post', 'andere open posten') : counted(others.length, 'other open item', 'other open items', 'en')} (${sum(others.length, o, lang)})`;
  return {
    code: 'does-not-clear',
    severity: 'error',
    account: rule.account,
    lines: others.map((l) => l.key),
    message: {
      nl: `Rekening ${rule.account} sluit niet aan: saldo ${c.nl}, verwacht ${x.nl} (${pluralOf(doc.nl, 'nl')} jonger dan ${counted(days, 'dag', 'dagen')}, nog binnen de betaaltermijn), verschil ${d.nl}; ${rest('nl')}.`,
      en: `Account ${rule.account} does not tie out: balance ${c.en}, expected ${x.en} (${pluralOf(doc.en, 'en')} younger than ${counted(days, 'day', 'days', 'en')}, still within the payment cycle), difference ${d.en}; ${rest('en')}.`,
    },
  };
}
