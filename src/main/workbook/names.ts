// File and sheet names: what file systems and Excel accept.
import type { Period } from '../../shared/domain';
import { periodId } from '../../shared/domain';

/** `Kruispost-<administration>-<YYYY-MM>.xlsx`, safe on Windows, macOS and Linux. */
export function defaultWorkbookName(administration: string | number, period: Period): string {
  let name = String(administration)
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '-') // forbidden on Windows (and / everywhere)
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s-]+|[\s-]+$/g, '');
  // The fixed prefix and suffix already rule out hidden (.x) and reserved (CON, NUL) names.
  name = Array.from(name).slice(0, 80).join('').trim();
  return `Kruispost-${name || 'administratie'}-${periodId(period)}.xlsx`;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, not blank, unique (case-insensitive). */
export class SheetNames {
  private readonly used = new Set<string>();

  take(wanted: string): string {
    const base = wanted.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Sheet';
    for (let i = 1; ; i++) {
      const suffix = i === 1 ? '' : ` (${i})`;
      const name = Array.from(base).slice(0, 31 - suffix.length).join('').trimEnd() + suffix;
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }
}
