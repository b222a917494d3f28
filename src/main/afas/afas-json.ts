// JSON as AFAS sends it. Old Profit versions wrote numbers without a leading zero (`-.5`, `.25`),
// which JSON.parse refuses; those bodies are repaired (outside strings only) and parsed again.

export function parseAfasJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const repaired = repairBareDecimals(text);
    if (repaired === text) throw e;
    return JSON.parse(repaired);
  }
}

/** Inserts the missing `0` in `.5` / `-.5` number tokens; string contents are left alone. */
export function repairBareDecimals(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  let prev = ''; // last non-space character outside strings
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) {
      inString = true;
      prev = '"';
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) continue;
    const c = text[i] as string;
    if (c === '.' && (prev === ':' || prev === ',' || prev === '[' || prev === '-')) {
      const next = text.charCodeAt(i + 1);
      if (next >= 48 && next <= 57) {
        out += `${text.slice(last, i)}0`;
        last = i;
      }
    }
    prev = c === '-' && (prev === ':' || prev === ',' || prev === '[') ? '-' : c;
  }
  return last === 0 ? text : out + text.slice(last);
}
