// Dates as controllers type them: dd-mm-jjjj (31-03-2025; also 31/3/2025 or 31.03.2025). Chromium's
// date inputs follow the system locale (mm/dd/yyyy on an English system), so the filters are text.

/** ISO 'YYYY-MM-DD' for a valid day, '' for an empty field, null for anything else. */
export function parseDayInput(text: string): string | null {
  const s = text.trim();
  if (!s) return '';
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
