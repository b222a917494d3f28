// The difference a controller may accept on one confirmation. Above it, a second confirmation:
// per account, € 5 or 1 % of the amount by default, whichever is larger (as the engine's own
// difference suggestions measure it).
import type { Cents } from './money';
import type { Tolerance } from './reconcile';

export const DEFAULT_TOLERANCE: Tolerance = { cents: 500, permille: 10 };

/** The largest difference within tolerance for a group whose largest line is `amount`. */
export function toleranceFor(tolerance: Tolerance, amount: Cents): Cents {
  return Math.max(tolerance.cents, Math.floor((Math.abs(amount) * tolerance.permille) / 1000));
}

/** Whether a difference needs no second confirmation, given the group's line amounts. */
export function withinTolerance(difference: Cents, amounts: readonly Cents[], tolerance: Tolerance): boolean {
  const largest = amounts.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
  return Math.abs(difference) <= toleranceFor(tolerance, largest);
}
