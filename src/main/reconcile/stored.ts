// Replays the controller's stored matches on the current lines: a match stays confirmed while
// every line still exists, on the same account, with the amount it had when matched; otherwise it
// becomes stale and its lines are open again.
import type { Bilingual, LineKey, MutationLine } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { dayNumber } from './dates';
import type { MatchGroup, StoredMatch } from '../../shared/reconcile';

export interface StoredEvaluation {
  groups: MatchGroup[];
  /** Line → its (valid) confirmed group. */
  confirmedOf: Map<LineKey, MatchGroup>;
  /** First and last entry day of each group's existing lines (null when none exist). */
  span: Map<MatchGroup, { first: number; last: number } | null>;
}

export function evaluateStoredMatches(
  stored: readonly StoredMatch[],
  lineByKey: ReadonlyMap<LineKey, MutationLine>,
  unitId: number,
): StoredEvaluation {
  const confirmedOf = new Map<LineKey, MatchGroup>();
  const groups: MatchGroup[] = [];
  const span = new Map<MatchGroup, { first: number; last: number } | null>();
  // Oldest first: when two stored matches claim one line, the earlier one keeps it.
  const ordered = stored
    .filter((m) => m.unitId === unitId)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const m of ordered) {
    const nl: string[] = [];
    const en: string[] = [];
    let sum = 0;
    let first = Infinity;
    let last = -Infinity;
    for (const s of m.lines) {
      const line = lineByKey.get(s.key);
      if (line) {
        const d = dayNumber(line.entryDate);
        if (d < first) first = d;
        if (d > last) last = d;
      }
      if (!line) {
        nl.push(`regel ${s.key} (${formatEuro(s.amount, 'nl')}) bestaat niet meer in AFAS`);
        en.push(`line ${s.key} (${formatEuro(s.amount, 'en')}) no longer exists in AFAS`);
        continue;
      }
      sum += line.amount;
      if (line.amount !== s.amount) {
        nl.push(`bedrag van regel ${s.key} is gewijzigd van ${formatEuro(s.amount, 'nl')} naar ${formatEuro(line.amount, 'nl')}`);
        en.push(`amount of line ${s.key} changed from ${formatEuro(s.amount, 'en')} to ${formatEuro(line.amount, 'en')}`);
      }
      if (line.accountNo !== m.account) {
        nl.push(`regel ${s.key} staat nu op rekening ${line.accountNo} in plaats van ${m.account}`);
        en.push(`line ${s.key} is now on account ${line.accountNo} instead of ${m.account}`);
      }
      const other = confirmedOf.get(s.key);
      if (other) {
        nl.push(`regel ${s.key} is al afgeletterd in aflettering ${other.id}`);
        en.push(`line ${s.key} is already matched in match ${other.id}`);
      }
    }
    if (nl.length === 0 && sum !== m.difference) {
      nl.push(`de regels tellen op tot ${formatEuro(sum, 'nl')}, niet tot het vastgelegde verschil ${formatEuro(m.difference, 'nl')}`);
      en.push(`the lines add up to ${formatEuro(sum, 'en')}, not to the recorded difference ${formatEuro(m.difference, 'en')}`);
    }
    const stale = nl.length > 0;
    const group: MatchGroup = {
      id: m.id,
      unitId: m.unitId,
      account: m.account,
      lines: m.lines.map((l) => l.key),
      status: stale ? 'stale' : 'confirmed',
      method: m.method,
      difference: m.difference,
      reason: m.reason,
      evidence: m.evidence,
      confirmedBy: m.by,
      confirmedAt: m.at,
      ...(stale ? { staleReason: staleText(nl, en) } : {}),
    };
    groups.push(group);
    span.set(group, first <= last ? { first, last } : null);
    if (!stale) for (const l of m.lines) confirmedOf.set(l.key, group);
  }
  return { groups, confirmedOf, span };
}

function staleText(nl: string[], en: string[]): Bilingual {
  return {
    nl: `Aflettering vervallen: ${nl.join('; ')}. De regels staan weer open; letter ze opnieuw af.`,
    en: `Match no longer valid: ${en.join('; ')}. The lines are open again; match them anew.`,
  };
}
