// The same check for one vitest project run on its own (`vitest run --project e2e`): the parts
// it needs, named with their install command, instead of a raw launch error.
import { missingParts, PARTS, report } from './checks';

export function requireParts(names: string[]): void {
  const missing = missingParts(process.env, PARTS.filter((p) => names.some((n) => p.name.startsWith(n))));
  if (missing.length > 0) throw new Error(report(missing));
}
