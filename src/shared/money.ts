// Money is integer cents (a safe integer number) from the moment a row leaves the HTTP parser.
// Formatting happens only at the edges: UI, workbook, report.

export type Cents = number;

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Exact conversion of a decimal literal (string, or a JSON number via its shortest round-trip
 * text) to cents, rounding half away from zero at the third decimal. `-.5` (old Profit) works.
 * Never multiplies a binary float: 1.005 -> 101, 0.29 -> 29, 1e12+0.01 -> 100000000000001.
 */
export function toCents(value: number | string): Cents {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    throw new RangeError(`Not a decimal amount: ${JSON.stringify(value)}`);
  }
  const sign = m[1] === '-' ? -1 : 1;
  let digits = ((m[2] ?? '') + (m[3] ?? '')).replace(/^0+/, '');
  if (digits === '') return 0;
  let scale = (m[3] ?? '').length - Number(m[4] ?? 0); // value = digits * 10^-scale
  // Decide by magnitude before padding with zeros: "1e20000000" must not build 20 million digits.
  const magnitude = digits.length - scale; // value < 10^magnitude
  if (magnitude >= 15) throw new RangeError(`Amount out of range: ${text.slice(0, 40)}`); // >= 10^16 cents
  if (magnitude <= -3) return 0; // below a tenth of a cent
  // Bring to scale 3 (cents plus one rounding digit).
  if (scale < 3) {
    digits += '0'.repeat(3 - scale);
    scale = 3;
  }
  const keep = digits.length - (scale - 3);
  const head = keep > 0 ? digits.slice(0, keep) : '0';
  const milli = BigInt(head || '0');
  let cents = milli / 10n;
  if (milli % 10n >= 5n) cents += 1n; // half away from zero (sign applied after)
  const result = Number(cents) * sign;
  if (!Number.isSafeInteger(result)) throw new RangeError(`Amount out of range: ${text}`);
  return result === 0 ? 0 : result;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite amount: ${n}`);
  return String(n); // shortest text that round-trips: 0.1 -> "0.1", 1e21 -> "1e+21"
}

/** Cents as an exact decimal string with a dot: 123456 -> "1234.56", -35 -> "-0.35". */
export function centsToDecimal(cents: Cents): string {
  assertCents(cents);
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${euros}.${rest}`;
}

/** Dutch/English display: nl "€ 1.234,56", "€ -0,35"; en "€1,234.56". */
export function formatEuro(cents: Cents, lang: 'nl' | 'en' = 'nl'): string {
  assertCents(cents);
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100));
  const rest = String(abs % 100).padStart(2, '0');
  const group = lang === 'nl' ? '.' : ',';
  const dec = lang === 'nl' ? ',' : '.';
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return lang === 'nl' ? `€ ${neg ? '-' : ''}${grouped}${dec}${rest}` : `${neg ? '-' : ''}€${grouped}${dec}${rest}`;
}

/** Parses what a person types: "1.234,56", "1234.56", "-0,35", "€ 12". */
export function parseEuroInput(text: string, lang: 'nl' | 'en' = 'nl'): Cents {
  let t = text.replace(/[€\s\u00a0]/g, '');
  if (lang === 'nl' || (t.includes(',') && !t.includes('.')) || /\.\d{3}(?:,|$)/.test(t)) {
    if (t.includes(',') || /\.\d{3}(?:\.|$)/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  } else {
    t = t.replace(/,/g, '');
  }
  return toCents(t);
}

export function assertCents(cents: Cents): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not integer cents: ${cents}`);
}

export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const v of values) total += v;
  assertCents(total);
  return total;
}
