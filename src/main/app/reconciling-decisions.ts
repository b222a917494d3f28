// The controller's decisions that explain a month (matches at a difference, categories, bulk
// accept) and the sign-off rules, over the store's audited actions. Role-generic: what an account
// expects and tolerates comes from the engine's result, never from the profile's names.
import type { LineKey, Period } from '../../shared/domain';
import { periodId } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { proposeCorrection } from '../../shared/correction-entry';
import { formatEuro, type Cents } from '../../shared/money';
import type { AccountResult, AdministrationResult, CorrectionEntry, ItemCategory, Tolerance } from '../../shared/reconcile';
import { DEFAULT_TOLERANCE, toleranceFor, withinTolerance } from '../../shared/tolerance';
import * as actions from '../store/controller-actions';
import type { Db } from '../store/database';
import { linesByKey } from '../store/lines';
import { acceptMany, categoriseLine, rejectSignOff, setTolerance } from '../store/reconciling-actions';
import { validateManualMatch } from '../reconcile/manual';

/** How the controller explains a difference (or an open item): the contract's last argument. */
export interface Explanation {
  category: ItemCategory;
  reason?: string | undefined;
  /** The account the correction entry books against ("to book"). */
  counterAccount?: string | undefined;
  /** The second confirmation of a difference above the account's tolerance. */
  aboveTolerance?: boolean | undefined;
}

export interface DecisionDeps {
  db: Db;
  decided<T>(write: () => T): T;
  result(unitId: number, period: Period): AdministrationResult;
  periodFor(unitId: number, keys?: LineKey[]): Period;
  nowIso(): string;
}

const fail = (code: string, nl: string, en: string, action?: { nl: string; en: string }): never => {
  throw new AppFailure(code, { nl, en }, action);
};

/**
 * Decisions are signed by a named person: the audit trail must say who. The placeholders the app
 * used to send ("Controller") and the engine's own name ("auto") are refused.
 */
export function namedPerson(by: string): string {
  const name = by.trim();
  if (!name || ['controller', 'auto', 'kruispost'].includes(name.toLocaleLowerCase('nl'))) {
    fail(
      'decision-needs-name',
      'Vul eerst uw naam in (rechtsboven): elke beslissing staat op naam in de audittrail.',
      'Enter your name first (top right): every decision is recorded in the audit trail under a name.',
    );
  }
  return name;
}

const tolText = (t: Tolerance, largest: Cents, lang: 'nl' | 'en') =>
  `${formatEuro(t.cents, lang)} ${lang === 'nl' ? 'of' : 'or'} ${(t.permille / 10).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB')} %${lang === 'nl' ? ', hier ' : ', here '}${formatEuro(toleranceFor(t, largest), lang)}`;

/** What a categorised amount needs: a reason; "to book" a counter account; a write-off, tolerance. */
function explain(acc: AccountResult, amount: Cents, amounts: readonly Cents[], x: Explanation): { reason: string; correction: CorrectionEntry | null } {
  const reason = x.reason?.trim() ?? '';
  if (!reason) fail('item-needs-reason', 'Geef een reden (bijv. "Bankkosten ING").', 'Give a reason (e.g. "ING bank fee").');
  const tol = acc.tolerance ?? DEFAULT_TOLERANCE;
  const largest = amounts.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
  if (x.category === 'write-off' && !withinTolerance(amount, amounts, tol)) {
    fail(
      'write-off-above-tolerance',
      `${formatEuro(amount, 'nl')} is meer dan rekening ${acc.account} mag afboeken (${tolText(tol, largest, 'nl')}).`,
      `${formatEuro(amount, 'en')} is more than account ${acc.account} may write off (${tolText(tol, largest, 'en')}).`,
      { nl: 'Kies een andere categorie, of verhoog de tolerantie van de rekening.', en: 'Choose another category, or raise the account’s tolerance.' },
    );
  }
  if (x.category !== 'to-book') return { reason, correction: null };
  const counter = x.counterAccount?.trim() ?? '';
  if (!counter) {
    fail('item-needs-counter-account', 'Kies de tegenrekening voor de correctieboeking (bijv. 4610 Bankkosten).', 'Choose the counter account for the correction entry (e.g. 4610 bank charges).');
  }
  return { reason, correction: proposeCorrection(acc.account, amount, counter, reason) };
}

/** A difference above the tolerance asks twice: once with the reason, once more to confirm. */
function secondConfirmation(acc: AccountResult, difference: Cents, amounts: readonly Cents[], x: Explanation): void {
  const tol = acc.tolerance ?? DEFAULT_TOLERANCE;
  if (withinTolerance(difference, amounts, tol) || x.aboveTolerance) return;
  const largest = amounts.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
  fail(
    'match-above-tolerance',
    `Het verschil van ${formatEuro(difference, 'nl')} is groter dan de tolerantie van rekening ${acc.account} (${tolText(tol, largest, 'nl')}).`,
    `The difference of ${formatEuro(difference, 'en')} is above the tolerance of account ${acc.account} (${tolText(tol, largest, 'en')}).`,
    { nl: 'Bevestig het verschil nog een keer als het klopt.', en: 'Confirm the difference once more if it is right.' },
  );
}

function accountOf(r: AdministrationResult, account: string): AccountResult {
  const acc = r.accounts.find((a) => a.account === account);
  if (!acc) fail('account-not-reconciled', `Rekening ${account} hoort niet bij deze afstemming.`, `Account ${account} is not part of this reconciliation.`);
  return acc!;
}

export function reconcilingDecisions(d: DecisionDeps) {
  const { db, decided } = d;

  const confirmMatch = (unitId: number, account: string, keys: LineKey[], difference: Cents, reason: string | null, by: string, x?: Explanation): AdministrationResult => {
    const who = namedPerson(by);
    const period = d.periodFor(unitId, keys);
    const found = linesByKey(db, keys);
    const draft = validateManualMatch([...found.values()], difference, reason ?? undefined);
    if (found.size !== keys.length) {
      const missing = keys.find((k) => !found.has(k)) ?? '';
      fail('match-line-missing', `Regel ${missing} bestaat niet (meer).`, `Line ${missing} does not exist (any more).`);
    }
    if (draft.account !== account) fail('match-wrong-account', `De regels staan niet op rekening ${account}.`, `The lines are not on account ${account}.`);
    let explained: { category: ItemCategory | null; correction: CorrectionEntry | null; reason: string | null } = { category: null, correction: null, reason: draft.reason };
    if (draft.difference !== 0) {
      if (!x) fail('match-difference-needs-category', 'Kies een categorie voor het verschil (bijv. kosten te boeken).', 'Choose a category for the difference (e.g. fee to book).');
      const acc = accountOf(d.result(unitId, period), account);
      const amounts = draft.lines.map((l) => l.amount);
      const e = explain(acc, draft.difference, amounts, { ...x!, reason: draft.reason ?? x!.reason });
      secondConfirmation(acc, draft.difference, amounts, x!);
      explained = { category: x!.category, correction: e.correction, reason: e.reason };
    }
    decided(() => actions.confirmMatch(db, { unitId, account, lines: keys, reason: explained.reason, method: 'manual', by: who, at: d.nowIso(), category: explained.category, correction: explained.correction }));
    return d.result(unitId, period);
  };

  const acceptSuggestion = (unitId: number, period: Period, matchId: string, by: string, x?: Explanation): AdministrationResult => {
    const who = namedPerson(by);
    const r = d.result(unitId, period);
    const m = r.matches.find((g) => g.id === matchId && g.status === 'suggested');
    if (!m) {
      fail('match-suggestion-gone', 'Deze suggestie bestaat niet meer.', 'This suggestion no longer exists.', {
        nl: 'Vernieuw het overzicht en kies opnieuw.',
        en: 'Refresh the overview and choose again.',
      });
    }
    const g = m!;
    let category: ItemCategory | null = null;
    let correction: CorrectionEntry | null = null;
    let reason: string | null = g.reason;
    if (g.difference !== 0) {
      // The flag says "confirm with a category and a reason": accepting does not skip that.
      if (!x) fail('match-difference-needs-category', 'Dit voorstel heeft een verschil: kies een categorie en geef een reden.', 'This suggestion has a difference: choose a category and give a reason.');
      const acc = accountOf(r, g.account);
      const amounts = linesAmounts(g.lines);
      const e = explain(acc, g.difference, amounts, x!);
      secondConfirmation(acc, g.difference, amounts, x!);
      ({ correction, reason } = e);
      category = x!.category;
    }
    decided(() => actions.confirmMatch(db, { unitId, account: g.account, lines: g.lines, method: g.method, evidence: g.evidence, reason, by: who, at: d.nowIso(), category, correction }));
    return d.result(unitId, period);
  };

  const linesAmounts = (keys: LineKey[]): Cents[] => [...linesByKey(db, keys).values()].map((l) => l.amount);

  /** Every suggestion of the account that adds up to zero, in one step (one undo). */
  const acceptExactSuggestions = (unitId: number, period: Period, account: string, by: string): { result: AdministrationResult; accepted: number } => {
    const who = namedPerson(by);
    const r = d.result(unitId, period);
    const exact = r.matches.filter((m) => m.account === account && m.status === 'suggested' && m.difference === 0 && m.evidence.amount);
    // Suggestions may share a line (alternatives): the first one keeps it.
    const taken = new Set<LineKey>();
    const chosen = exact.filter((m) => {
      if (m.lines.some((k) => taken.has(k))) return false;
      for (const k of m.lines) taken.add(k);
      return true;
    });
    const written = decided(() => acceptMany(db, { unitId, account, by: who, at: d.nowIso(), matches: chosen.map((m) => ({ lines: m.lines, method: m.method, evidence: m.evidence })) }));
    return { result: d.result(unitId, period), accepted: written.length };
  };

  const categoriseItem = (unitId: number, period: Period, lineKey: LineKey, category: ItemCategory | null, reason: string, counterAccount: string | null, by: string): AdministrationResult => {
    const who = namedPerson(by);
    const r = d.result(unitId, period);
    const acc = r.accounts.find((a) => a.openItems.some((o) => o.line.key === lineKey));
    if (!acc) fail('item-not-open', 'Deze regel is geen open post in deze periode.', 'This line is not an open item in this period.');
    const item = acc!.openItems.find((o) => o.line.key === lineKey)!;
    // A transitory account's line stands for its voucher: what is explained (and booked) is the voucher's remainder.
    const amount = item.remainder ?? item.line.amount;
    const e = category === null ? { reason: reason.trim(), correction: null } : explain(acc!, amount, [amount], { category, reason, counterAccount: counterAccount ?? undefined });
    decided(() => categoriseLine(db, { unitId, lineKey, category, reason: e.reason, correction: e.correction, by: who, at: d.nowIso() }));
    return d.result(unitId, period);
  };

  /**
   * The preparer signs only what is explained: the account clears, or every reconciling item has a
   * category and nothing is left unexplained. The reviewer signs after the preparer, as another
   * named person (the store refuses the same person), and not a suspended preparation.
   */
  const signOff = (unitId: number, account: string, period: Period, role: 'preparer' | 'reviewer', by: string): AdministrationResult => {
    const who = namedPerson(by);
    const acc = accountOf(d.result(unitId, period), account);
    if (acc.status === 'not-fetched') {
      fail('signoff-not-fetched', `Periode ${periodId(period)} is nog niet opgehaald uit AFAS: er is niets om af te tekenen.`, `Period ${periodId(period)} has not been fetched from AFAS: there is nothing to sign off.`);
    }
    if (acc.status === 'awaiting-balance') {
      fail('signoff-awaiting-balance', `Rekening ${account} wacht op het externe saldo (bijv. het Moss-walletsaldo).`, `Account ${account} waits for its external balance (e.g. the Moss wallet balance).`, {
        nl: 'Vul het saldo in en teken dan af.',
        en: 'Enter the balance, then sign off.',
      });
    }
    if (role === 'preparer' && !acc.clears) {
      const open = (acc.reconcilingItems ?? []).filter((i) => !i.categorisation);
      if (open.length > 0 || (acc.unexplained ?? 0) !== 0) {
        fail(
          'signoff-unexplained',
          open.length > 0
            ? `Rekening ${account} sluit niet aan en ${open.length === 1 ? '1 post heeft' : `${open.length} posten hebben`} nog geen categorie.`
            : `Rekening ${account} sluit niet aan: ${formatEuro(acc.unexplained ?? 0, 'nl')} is niet verklaard.`,
          open.length > 0
            ? `Account ${account} does not clear and ${open.length === 1 ? '1 item has' : `${open.length} items have`} no category yet.`
            : `Account ${account} does not clear: ${formatEuro(acc.unexplained ?? 0, 'en')} is not explained.`,
          { nl: 'Letter af of geef elke open post een categorie en reden; teken dan af.', en: 'Match, or give every open item a category and reason; then sign off.' },
        );
      }
    }
    if (role === 'reviewer' && acc.signOff.suspended) {
      fail('signoff-review-suspended', `De aftekening van rekening ${account} is opgeschort: de opsteller tekent eerst opnieuw af.`, `The sign-off of account ${account} is suspended: the preparer signs off again first.`);
    }
    decided(() => actions.signOff(db, { unitId, account, period: periodId(period), role, by: who, at: d.nowIso(), snapshot: { closing: acc.closing, openItems: acc.openItems.length } }));
    return d.result(unitId, period);
  };

  const reject = (unitId: number, account: string, period: Period, comment: string, by: string): AdministrationResult => {
    const who = namedPerson(by);
    accountOf(d.result(unitId, period), account);
    decided(() => rejectSignOff(db, { unitId, account, period: periodId(period), comment, by: who, at: d.nowIso() }));
    return d.result(unitId, period);
  };

  const tolerance = (unitId: number, period: Period, account: string, cents: Cents, permille: number, by: string): AdministrationResult => {
    const who = namedPerson(by);
    accountOf(d.result(unitId, period), account);
    decided(() => setTolerance(db, { unitId, account, cents, permille, by: who, at: d.nowIso() }));
    return d.result(unitId, period);
  };

  return { confirmMatch, acceptSuggestion, acceptExactSuggestions, categoriseItem, signOff, rejectSignOff: reject, setTolerance: tolerance };
}
