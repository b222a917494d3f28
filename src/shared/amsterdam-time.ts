// Every time Kruispost shows (screen, workbook, CLI) is Amsterdam wall-clock time, computed the
// same way everywhere: the EU summer-time rule (since 1996), not the machine's zone.

/** Last Sunday of a month at 01:00 UTC: when EU summer time starts (March) and ends (October). */
function euSwitch(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/** Amsterdam's offset from UTC at an instant: CET, or CEST between the EU switch moments. */
export function amsterdamOffsetMs(t: number): number {
  const year = new Date(t).getUTCFullYear();
  return t >= euSwitch(year, 2) && t < euSwitch(year, 9) ? 7_200_000 : 3_600_000;
}

/** An ISO instant as Amsterdam "dd-mm-jjjj uu:mm"; a bare YYYY-MM-DD as "dd-mm-jjjj". */
export function formatAmsterdam(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + amsterdamOffsetMs(t)).toISOString();
  return `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)} ${d.slice(11, 16)}`;
}

/** Only the Amsterdam time of day, "uu:mm". */
export function amsterdamClock(iso: string | null | undefined): string {
  return formatAmsterdam(iso).slice(11);
}
