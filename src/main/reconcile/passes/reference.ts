// The document's number in the payment: an expense report's number (the InvoiceId Declaree gives
// the report) found in a settlement's invoice id (a payment order's line) or text (REMI, EREF of a
// direct transfer), with the exact opposite amount. A settlement naming several reports whose
// total it pays pays them together (N:1). Per number, settlements pay the open documents in date
// order: a returned transfer (on the document side, it names the number too) is paid again by the
// next settlement naming it. Automatic when the pairing is forced: one open document of that
// amount when the settlement comes.
import type { ReferencePass } from '../rules';
import { byDayThenKey, LEFT, type Item, type Pool, type Proposal } from '../pool';
import { returnReason } from '../text';
import { parseBankText } from '../../../shared/bank-text';
import { tick } from '../tick';

/** Letters and digits only, upper case: "r-1042", "R 1042" and "R1042" are one number. */
export function referenceKey(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

const PIECES = /[\s/,;:()[\]]+/;
const RUNS = /[^0-9A-Za-z]+/;

/** The known numbers a line's invoice id or texts contain (as whole pieces or alphanumeric runs). */
function keysIn(it: Item, known: ReadonlyMap<string, unknown>, minLength: number): string[] {
  const out: string[] = [];
  const add = (raw: string) => {
    const k = referenceKey(raw);
    if (k.length >= minLength && known.has(k) && !out.includes(k)) out.push(k);
  };
  const l = it.line;
  if (l.invoiceId) add(l.invoiceId);
  for (const raw of [l.description, l.lineDescription]) {
    if (!raw) continue;
    // A SEPA text names the payment in REMI, EREF and PREF; its IBAN, BIC and NAME never do.
    const sepa = parseBankText(raw);
    const text = sepa ? [sepa.remittance, sepa.endToEnd, sepa.batch].filter((t) => t !== null).join(' ') : raw;
    for (const p of text.split(PIECES)) add(p);
    for (const r of text.split(RUNS)) add(r);
  }
  return out;
}

interface Group {
  /** Documents (document-side lines carrying the number as their invoice id), in byDayThenKey order. */
  docs: Item[];
  /** Returned transfers naming the number (they reopen what they paid). */
  returns: Item[];
  /** Settlements naming this number only (or several, when they did not pay those together). */
  rights: Item[];
}

export function runReferencePass(pass: ReferencePass, pool: Pool, out: Proposal[]): void {
  const groups = new Map<string, Group>();
  const group = (k: string) => groups.get(k) ?? groups.set(k, { docs: [], returns: [], rights: [] }).get(k)!;
  const returns: Item[] = [];
  for (const it of pool.left) {
    tick();
    if (it.taken) continue;
    if (returnReason(it.line) !== null) {
      returns.push(it);
      continue;
    }
    const inv = it.line.invoiceId;
    if (!inv) continue;
    const k = referenceKey(inv);
    if (k.length >= pass.minLength) group(k).docs.push(it);
  }
  if (groups.size === 0) return;
  for (const it of returns) {
    const ks = keysIn(it, groups, pass.minLength);
    if (ks.length === 1) groups.get(ks[0]!)!.returns.push(it);
  }
  // Settlements and the numbers they name, in date order; the first settlement naming each number.
  const multi: { item: Item; keys: string[] }[] = [];
  const firstRight = new Map<string, Item>();
  for (const it of pool.right) {
    tick();
    if (it.taken) continue;
    const ks = keysIn(it, groups, pass.minLength);
    if (ks.length === 0) continue;
    for (const k of ks) if (!firstRight.has(k)) firstRight.set(k, it);
    if (ks.length === 1) groups.get(ks[0]!)!.rights.push(it);
    else multi.push({ item: it, keys: ks });
  }

  // N:1: one settlement naming several reports, of exactly their total, pays them together.
  for (const { item: r, keys } of multi) {
    tick();
    const docs: Item[] = [];
    let forced = true;
    for (const k of keys) {
      const g = groups.get(k)!;
      const open = g.docs.filter((d) => !d.taken && d.day <= r.day);
      if (open.length === 0 || firstRight.get(k) !== r) {
        docs.length = 0;
        break;
      }
      docs.push(open[0]!);
      if (open.length > 1 || g.returns.length > 0) forced = false;
    }
    const total = docs.reduce((s, d) => s + d.line.amount, 0);
    if (docs.length === keys.length && total === -r.line.amount) push(pass, out, docs, r, forced);
    else for (const k of keys) groups.get(k)!.rights.push(r);
  }

  // Per number: settlements pay the open documents (and returns) of their amount in date order.
  for (const g of groups.values()) {
    tick();
    if (g.rights.length === 0) continue;
    const events = [...g.docs, ...g.returns, ...g.rights].filter((it) => !it.taken);
    events.sort((a, b) => a.day - b.day || (a.side === LEFT ? 0 : 1) - (b.side === LEFT ? 0 : 1) || byDayThenKey(a, b));
    const queue = new Map<number, Item[]>();
    for (const it of events) {
      if (it.taken) continue;
      if (it.side === LEFT) {
        const q = queue.get(it.line.amount);
        if (q) q.push(it);
        else queue.set(it.line.amount, [it]);
        continue;
      }
      const q = queue.get(-it.line.amount);
      if (!q || q.length === 0) continue;
      const forced = q.length === 1;
      push(pass, out, [q.shift()!], it, forced);
    }
  }
}

function push(pass: ReferencePass, out: Proposal[], docs: Item[], r: Item, auto: boolean): void {
  for (const d of docs) d.taken = true;
  r.taken = true;
  out.push({
    items: [...docs].sort(byDayThenKey).concat(r),
    method: pass.method,
    kind: 'reference',
    difference: 0,
    evidence: { amount: true, date: true, reference: true },
    auto,
  });
}
