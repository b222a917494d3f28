// SEPA structured descriptions of bank-feed lines, as AFAS imports them from MT940 (:86:) and
// CAMT.053: ABN AMRO's `/TRTP/…/IBAN/…/BIC/…/NAME/…/REMI/…/EREF/…`, ING's
// `/EREF/…//CNTP/IBAN/BIC/NAME/CITY///REMI/USTD//…/`, Rabobank's `/EREF/…//BENM//NAME/…/REMI/…`.
// Only REMI, EREF and PREF say which payment this is; IBAN, BIC, NAME, ADDR, CNTP, ORDP, BENM and
// ID say who paid or was paid, and must never count as a reference (every payment to Moss carries
// Moss's IBAN). Values may contain '/', so the text is split only where a known code word stands.
// Used by the matching (references), the matching view, the workbook and the CLI report (display).

/** Code words of the SEPA structure (plus Rabobank's ISDT, the settlement date). */
const CODE_WORDS = ['TRTP', 'IBAN', 'BIC', 'NAME', 'ADDR', 'CNTP', 'REMI', 'EREF', 'PREF', 'NRTX', 'MARF', 'CSID', 'RTRN', 'ORDP', 'BENM', 'ID', 'ISDT'] as const;
type CodeWord = (typeof CODE_WORDS)[number];

const CODE_AT = new RegExp(`/(${CODE_WORDS.join('|')})/`, 'g');
const STARTS_WITH_CODE = new RegExp(`^/(${CODE_WORDS.join('|')})/`);
/** Subfield markers inside REMI (ING's USTD/STRD/CUR, ABN AMRO's CDTRREFTP/CD/SCOR/ISSR/CDTRREF). */
const REMI_MARKERS = /(^|\/)(USTD|STRD|CUR|CDTRREFTP|CD|SCOR|ISSR|CDTRREF)(?=\/|$)/g;

export interface Counterparty {
  iban: string | null;
  bic: string | null;
  name: string | null;
  address: string | null;
  city: string | null;
}

export interface BankText {
  /** TRTP: e.g. "SEPA OVERBOEKING". */
  transactionType: string | null;
  counterparty: Counterparty;
  /** REMI without its subfield markers (and any free text before the first code word). */
  remittance: string | null;
  /** From REMI: a 16-digit betalingskenmerk or an RF creditor reference, normalised. */
  structuredReference: string | null;
  /** EREF, unless NOTPROVIDED. */
  endToEnd: string | null;
  /** PREF: the batch's payment information id. */
  batch: string | null;
  /** NRTX: transactions in the batch. */
  transactions: number | null;
  mandate: string | null;
  creditorId: string | null;
  returnReason: string | null;
  /**
   * What says which payment this is: the structured reference first, else the reference-like
   * tokens of the remittance; then EREF and PREF (whole, and their tokens). Never the counterparty.
   */
  references: string[];
}

/** Reference-like tokens of free text: 4+ digit runs, or 6+ character codes with a digit. */
export function referenceTokensOf(text: string): string[] {
  const out: string[] = [];
  for (const t of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (/\d{4,}/.test(t) || (t.length >= 6 && /\d/.test(t))) out.push(t);
  }
  return out;
}

/** Lines wrapped at 65 characters (MT940 :86:) join without spaces. */
function unwrap(text: string): string {
  return text.includes('\n') || text.includes('\r') ? text.replace(/\r?\n|\r/g, '') : text;
}

const clean = (v: string | undefined): string | null => {
  const t = v?.replace(/^\/+|\/+$/g, '').trim();
  return t ? t : null;
};

/** The fields of a SEPA structured text; null when the text is not one. */
export function parseBankText(raw: string | null | undefined): BankText | null {
  if (!raw || !raw.includes('/')) return null;
  const text = unwrap(raw).trim();
  const marks: { code: CodeWord; at: number; value: number }[] = [];
  CODE_AT.lastIndex = 0;
  for (let m = CODE_AT.exec(text); m !== null; m = CODE_AT.exec(text)) {
    marks.push({ code: m[1] as CodeWord, at: m.index, value: m.index + m[0].length });
    CODE_AT.lastIndex = m.index + m[0].length - 1; // the closing '/' may open the next code word
  }
  // One code word inside free text is not a structure; a text that opens with one, or has two, is.
  if (marks.length === 0 || (marks.length === 1 && !STARTS_WITH_CODE.test(text))) return null;
  const fields = new Map<CodeWord, string>();
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i]!;
    const end = i + 1 < marks.length ? marks[i + 1]!.at : text.length;
    if (!fields.has(m.code)) fields.set(m.code, text.slice(m.value, end));
  }
  const lead = clean(text.slice(0, marks[0]!.at));

  // ING's CNTP: IBAN/BIC/NAME/CITY; a name may itself contain '/'.
  const cntp = (fields.get('CNTP') ?? '').replace(/\/+$/, '').split('/');
  const cp = (i: number) => clean(cntp[i]);
  const cntpName = cntp.length > 3 ? clean(cntp.slice(2, cntp.length - 1).join('/')) : cp(2);
  const counterparty: Counterparty = {
    iban: clean(fields.get('IBAN'))?.replace(/\s+/g, '') ?? cp(0),
    bic: clean(fields.get('BIC')) ?? cp(1),
    name: clean(fields.get('NAME')) ?? cntpName,
    address: clean(fields.get('ADDR')),
    city: cntp.length > 3 ? clean(cntp[cntp.length - 1]) : null,
  };

  const remiRaw = fields.get('REMI');
  const remi = remiRaw === undefined ? null : clean(remiRaw.replace(REMI_MARKERS, '$1').replace(/\/{2,}/g, '/'));
  const remittance = [lead, remi].filter((v): v is string => v !== null).join(' ') || null;
  const structuredReference = remi ? structuredOf(remi) : null;
  const eref = clean(fields.get('EREF'));
  const endToEnd = eref && eref.toUpperCase() !== 'NOTPROVIDED' ? eref : null;
  const batch = clean(fields.get('PREF'));
  const nrtx = clean(fields.get('NRTX'));

  const references: string[] = [];
  const add = (r: string) => {
    if (!references.includes(r)) references.push(r);
  };
  if (structuredReference) add(structuredReference);
  else if (remittance) referenceTokensOf(remittance).forEach(add);
  for (const r of [endToEnd, batch]) {
    if (!r) continue;
    add(r);
    referenceTokensOf(r).forEach(add);
  }

  return {
    transactionType: clean(fields.get('TRTP')),
    counterparty,
    remittance,
    structuredReference,
    endToEnd,
    batch,
    transactions: nrtx && /^\d+$/.test(nrtx) ? Number(nrtx) : null,
    mandate: clean(fields.get('MARF')),
    creditorId: clean(fields.get('CSID')),
    returnReason: clean(fields.get('RTRN')),
    references,
  };
}

/** A 16-digit betalingskenmerk or an RF creditor reference (ISO 11649), spaces and dashes removed. */
function structuredOf(remi: string): string | null {
  const rf = /\bRF\d{2}(?:[ -]?[A-Z0-9]){1,21}\b/i.exec(remi);
  if (rf) return rf[0].replace(/[ -]/g, '').toUpperCase();
  const kenmerk = /(?<!\d)\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}(?!\d)/.exec(remi);
  return kenmerk ? kenmerk[0].replace(/[ -]/g, '') : null;
}

/**
 * References for matching, lower-cased: those of a structured text, or null when the text is not
 * one (the caller then reads it as free text).
 */
export function bankTextReferences(text: string | null | undefined): string[] | null {
  const t = parseBankText(text);
  return t ? t.references.map((r) => r.toLowerCase()) : null;
}

/** What a line shows for its text: the line's own description, else the entry's, as displayText. */
export function lineDisplayText(line: { lineDescription: string | null; description: string | null }): string {
  return displayText(line.lineDescription ?? line.description);
}

/** Counterparty and remittance instead of the code string (the text itself when not structured). */
export function displayText(text: string | null | undefined): string {
  const t = parseBankText(text);
  if (!t) return text ?? '';
  const who = t.counterparty.name ? `${t.counterparty.name}${t.counterparty.iban ? ` (${t.counterparty.iban})` : ''}` : t.counterparty.iban;
  const what = t.structuredReference ?? t.remittance ?? t.endToEnd;
  const parts = [who, what].filter((p): p is string => !!p);
  if (t.batch && parts.length === 0) return `Batch ${t.batch}${t.transactions !== null ? ` (${t.transactions})` : ''}`;
  return parts.length > 0 ? parts.join(' · ') : (t.transactionType ?? unwrap(text ?? ''));
}

/**
 * The matching table's text (about 40 characters wide): what the payment is for first, then who —
 * "TU-1-0031 · MOSS FINANCIAL SERVICES B.V." — so the reference needed to match is never the part
 * cut off. The IBAN is in the line's detail. Not structured: the text itself.
 */
export function tableText(line: { lineDescription: string | null; description: string | null }): string {
  const text = line.lineDescription ?? line.description;
  const t = parseBankText(text);
  if (!t) return text ?? '';
  const what = t.structuredReference ?? t.remittance ?? t.endToEnd;
  const parts = [what, t.counterparty.name ?? t.counterparty.iban].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : displayText(text);
}
