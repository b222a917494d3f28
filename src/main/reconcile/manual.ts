// Validation of a match the controller makes by hand: the lines cancel out exactly, or add up to
// a difference the controller states together with the reason.
import type { LineKey, MutationLine } from '../../shared/domain';
import { AppFailure } from '../../shared/errors';
import { formatEuro, type Cents } from '../../shared/money';

export interface ManualMatchDraft {
  account: string;
  lines: { key: LineKey; amount: Cents }[];
  difference: Cents;
  reason: string | null;
}

export function validateManualMatch(lines: readonly MutationLine[], difference?: Cents, reason?: string): ManualMatchDraft {
  if (lines.length < 2) {
    throw new AppFailure(
      'match-too-few-lines',
      { nl: 'Kies minstens twee regels om af te letteren.', en: 'Select at least two lines to match.' },
      { nl: 'Selecteer de regels die samen nul zijn en probeer opnieuw.', en: 'Select the lines that add up to zero and try again.' },
    );
  }
  const keys = new Set(lines.map((l) => l.key));
  if (keys.size !== lines.length) {
    throw new AppFailure(
      'match-duplicate-line',
      { nl: 'Dezelfde regel is twee keer gekozen.', en: 'The same line was selected twice.' },
      { nl: 'Kies elke regel één keer.', en: 'Select each line once.' },
    );
  }
  const accounts = [...new Set(lines.map((l) => l.accountNo))];
  if (accounts.length !== 1) {
    throw new AppFailure(
      'match-mixed-accounts',
      {
        nl: `De regels staan op verschillende rekeningen (${accounts.join(', ')}); afletteren kan alleen binnen één rekening.`,
        en: `The lines are on different accounts (${accounts.join(', ')}); matching works within one account only.`,
      },
      { nl: 'Kies regels van één rekening.', en: 'Select lines of one account.' },
    );
  }
  let sum = 0;
  for (const l of lines) sum += l.amount;
  const draft = (diff: Cents, why: string | null): ManualMatchDraft => ({
    account: accounts[0]!,
    lines: lines.map((l) => ({ key: l.key, amount: l.amount })),
    difference: diff,
    reason: why,
  });
  if (sum === 0) return draft(0, reason?.trim() || null);
  const why = reason?.trim() ?? '';
  if (difference === undefined || difference !== sum) {
    throw new AppFailure(
      'match-not-zero',
      {
        nl: `De gekozen regels tellen op tot ${formatEuro(sum, 'nl')} in plaats van nul${difference !== undefined ? ` (opgegeven verschil: ${formatEuro(difference, 'nl')})` : ''}.`,
        en: `The selected lines add up to ${formatEuro(sum, 'en')} instead of zero${difference !== undefined ? ` (stated difference: ${formatEuro(difference, 'en')})` : ''}.`,
      },
      {
        nl: `Kies regels die samen nul zijn, of geef het verschil van ${formatEuro(sum, 'nl')} op met een reden (bijv. bankkosten).`,
        en: `Select lines that add up to zero, or state the difference of ${formatEuro(sum, 'en')} with a reason (e.g. bank fee).`,
      },
    );
  }
  if (why === '') {
    throw new AppFailure(
      'match-difference-needs-reason',
      {
        nl: `Een aflettering met een verschil van ${formatEuro(sum, 'nl')} heeft een reden nodig.`,
        en: `A match with a difference of ${formatEuro(sum, 'en')} needs a reason.`,
      },
      { nl: 'Vul in waarom het verschil bestaat (bijv. bankkosten, afronding).', en: 'Enter why the difference exists (e.g. bank fee, rounding).' },
    );
  }
  return draft(sum, why);
}
