// Evidence from text: reference tokens (numbers and codes) and word-overlap similarity.
import { bankTextReferences, parseBankText, referenceTokensOf } from '../../shared/bank-text';
import type { MutationLine } from '../../shared/domain';

const STOP = new Set(['the', 'and', 'van', 'het', 'een', 'der', 'den', 'voor', 'met', 'for', 'via', 'bv', 'b.v.', 'nv', 'ltd', 'gmbh', 'inc', 'eur']);

function lineText(line: MutationLine): string {
  return `${line.description ?? ''} ${line.lineDescription ?? ''}`.toLowerCase();
}

/** Significant words (3+ letters or digits, no stop words). */
export function wordTokens(line: MutationLine): Set<string> {
  const out = new Set<string>();
  for (const t of lineText(line).split(/[^\p{L}\p{N}]+/u)) {
    if (t.length >= 3 && !STOP.has(t)) out.add(t);
  }
  return out;
}

/**
 * Reference-like tokens: runs with 4+ digits or 6+ character codes containing a digit, plus the
 * invoice number. Bank feeds and Moss exports share these when they share anything. A SEPA
 * structured bank text gives only its REMI, EREF and PREF references: its IBAN and BIC are the
 * counterparty's, the same on every payment to Moss, and would otherwise "conflict".
 */
export function referenceTokens(line: MutationLine): Set<string> {
  const out = new Set<string>();
  for (const text of [line.description, line.lineDescription]) {
    if (!text) continue;
    for (const t of bankTextReferences(text) ?? referenceTokensOf(text)) out.add(t);
  }
  if (line.invoiceId) out.add(line.invoiceId.trim().toLowerCase());
  return out;
}

/** Overlap coefficient |A∩B| / min(|A|,|B|); 0 when either side is empty. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared / small.size;
}

export type ReferenceEvidence = 'match' | 'conflict' | 'none';

/** Shared reference token = match; both sides carry references but none shared = conflict. */
export function compareReferences(a: ReadonlySet<string>, b: ReadonlySet<string>): ReferenceEvidence {
  if (a.size === 0 || b.size === 0) return 'none';
  for (const t of a) if (b.has(t)) return 'match';
  return 'conflict';
}

/** Normalised description for duplicate detection. */
export function descriptionKey(line: MutationLine): string {
  return lineText(line).replace(/\s+/g, ' ').trim();
}

/**
 * The SEPA return reason of a returned transfer (/RTRN/AC04/: "", when the bank gave none), or
 * null when the line is not one. Cheap for every other line: only texts with /RTRN/ are parsed.
 */
export function returnReason(line: Pick<MutationLine, 'description' | 'lineDescription'>): string | null {
  for (const text of [line.lineDescription, line.description]) {
    if (!text || !text.includes('/RTRN/')) continue;
    const sepa = parseBankText(text);
    if (sepa) return sepa.returnReason ?? '';
  }
  return null;
}
