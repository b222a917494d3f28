// Entries exported twice. Found per account (same journal, date, amount and text; or one invoice
// id twice on a creditor), then merged: one export touches several accounts (a Moss payment hits
// the supplier and Moss Balance), and the controller needs one flag per double export, on the
// account where a copy is left open, naming every entry involved.
import type { MutationLine } from '../../shared/domain';
import type { Flag } from '../../shared/reconcile';
import type { PeriodDays } from './dates';
import * as F from './flags';
import type { AccountLines } from './prepare';
import { inJournalSet, type ClearingAccountRule } from './rules';
import { SameDayAmount } from './same-day-amount';
import { descriptionKey } from './text';
import { tick } from './tick';

export interface DuplicateGroup {
  rule: ClearingAccountRule;
  /** identical: same journal, date, amount and text (interchangeable); invoice: one invoice id twice. */
  kind: 'identical' | 'invoice';
  lines: MutationLine[];
  /** Some line of the group is still open on its account at period end. */
  open: boolean;
}

/** Exported twice: same amount + date + description in one Moss journal, or one invoice id twice. */
export function duplicateGroups(rule: ClearingAccountRule, acc: AccountLines, relevant: readonly MutationLine[], p: PeriodDays): Omit<DuplicateGroup, 'open'>[] {
  const seen = new Set<string>();
  const out: Omit<DuplicateGroup, 'open'>[] = [];
  const emit = (groups: Map<string, MutationLine[]>, kind: DuplicateGroup['kind']) => {
    const multi = [...groups.values()].filter((g) => g.length >= 2);
    if (multi.length === 0) return;
    // Which grouped lines are relevant (duplicates are rare: a set of those, not of every line).
    // relevant and the groups hold the same line objects: both come from the account's lines.
    const grouped = new Set(multi.flat());
    const rel = new Set<MutationLine>();
    for (const l of relevant) if (grouped.has(l)) rel.add(l);
    for (const g of multi) {
      if (!g.some((l) => rel.has(l))) continue;
      const id = g.map((l) => l.key).sort().join(',');
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ rule, kind, lines: g });
    }
  };
  // Same date is part of the text key, so only period (and still open) lines can collide. The
  // description is only normalised for lines that share journal, date and amount with another:
  // lines alone there cannot be duplicates, and the groups keep their order of first appearance.
  const groupOf = new SameDayAmount();
  const sameAmount: number[] = []; // lines per group of groupOf
  const candidates: MutationLine[] = [];
  const candidateGroups: number[] = [];
  const add = (l: MutationLine, g: number) => {
    sameAmount[g] = (sameAmount[g] ?? 0) + 1;
    candidates.push(l);
    candidateGroups.push(g);
  };
  const wanted = new Set<string>();
  for (const l of relevant) {
    tick();
    if (l.amount === 0) continue;
    if (rule.duplicateJournals.includes(l.journalId)) add(l, groupOf.id(l));
    const inv = l.invoiceId?.trim();
    if (rule.duplicateInvoices && inv && inJournalSet(rule.left, l.journalId)) wanted.add(inv.toUpperCase());
  }
  // An open line from before the period may be the copy of an entry whose original cleared long
  // ago: the original's lines (same journal, date and amount) join in, so a duplicate stays
  // flagged for as long as its copy is open.
  const olderOpen = new Set<number>();
  for (let i = 0; i < candidates.length; i++) if (candidates[i]!.entryDate < p.firstDate) olderOpen.add(candidateGroups[i]!);
  if (olderOpen.size > 0) {
    const known = new Set(candidates.map((l) => l.key));
    const { lines, day } = acc;
    for (let j = 0; j < lines.length; j++) {
      const l = lines[j]!;
      if (day[j]! >= p.first || known.has(l.key) || !rule.duplicateJournals.includes(l.journalId)) continue;
      const g = groupOf.find(l);
      if (olderOpen.has(g)) add(l, g);
    }
  }
  const text = new Map<string, MutationLine[]>();
  for (let i = 0; i < candidates.length; i++) {
    tick();
    const g = candidateGroups[i]!;
    if (sameAmount[g]! > 1) push(text, `${g}|${descriptionKey(candidates[i]!)}`, candidates[i]!);
  }
  // An invoice id may have been exported before, in any earlier period.
  const invoice = new Map<string, MutationLine[]>();
  if (wanted.size > 0) {
    // Cheap tests first: most of an account's lines are after the period or on the other side.
    const { lines, day } = acc;
    for (let j = 0; j < lines.length; j++) {
      tick();
      const l = lines[j]!;
      if (day[j]! > p.last || l.amount === 0 || !l.invoiceId || !inJournalSet(rule.left, l.journalId)) continue;
      const inv = normalInvoice(l.invoiceId);
      if (!inv || !wanted.has(inv)) continue;
      push(invoice, `${inv}|${l.journalId}|${Math.sign(l.amount)}`, l);
    }
  }
  emit(text, 'identical');
  emit(invoice, 'invoice');
  return out;
}

/**
 * invoiceId.trim().toUpperCase(), without making new strings for ids that already are in that
 * form (printable ASCII, no lower case, no space at either end): most are, and this runs for every
 * line up to the period end.
 */
function normalInvoice(id: string): string {
  const n = id.length;
  let plain = n > 0 && id.charCodeAt(0) !== 32 && id.charCodeAt(n - 1) !== 32;
  for (let i = 0; plain && i < n; i++) {
    const c = id.charCodeAt(i);
    plain = c >= 32 && c <= 126 && !(c >= 97 && c <= 122);
  }
  return plain ? id : id.trim().toUpperCase();
}

function push(map: Map<string, MutationLine[]>, key: string, l: MutationLine): void {
  const g = map.get(key);
  if (g) g.push(l);
  else map.set(key, [l]);
}

/** The later lines (by entry number) of identical entries: the copies to reverse. */
export function copiesOf(g: Pick<DuplicateGroup, 'kind' | 'lines'>): MutationLine[] {
  if (g.kind !== 'identical') return [];
  return [...g.lines].sort((a, b) => a.entryNo - b.entryNo || a.seqNo - b.seqNo).slice(1);
}

/**
 * One flag per double export: groups that concern the same entries (or the same invoice id) are
 * one problem, whichever account found them. It is shown on an account where a copy is still open,
 * else on the first that found it (Moss Balance, whose balance a duplicate payment moves).
 */
export function mergeDuplicates(groups: readonly DuplicateGroup[]): Flag[] {
  const merged = new Map<string, DuplicateGroup[]>();
  for (const g of groups) {
    const k = problemKey(g.lines);
    const list = merged.get(k);
    if (list) list.push(g);
    else merged.set(k, [g]);
  }
  const out: Flag[] = [];
  for (const list of merged.values()) {
    const home = list.find((g) => g.open && g.rule.tracksOpenItems) ?? list.find((g) => g.open) ?? list[0]!;
    const lines = uniqueLines(list.filter((g) => g.rule.account === home.rule.account).flatMap((g) => g.lines));
    const entries = uniqueEntries(list.flatMap((g) => g.lines));
    out.push(
      list.some((g) => g.kind === 'identical')
        ? F.exportedTwice(home.rule, lines, entries)
        : F.duplicateInvoice(home.rule, lines[0]!.invoiceId!.trim(), lines),
    );
  }
  return out;
}

/** The invoice id all lines share, else the set of their entries. */
function problemKey(lines: readonly MutationLine[]): string {
  const inv = lines[0]!.invoiceId?.trim().toUpperCase();
  if (inv && lines.every((l) => l.invoiceId?.trim().toUpperCase() === inv)) return `invoice|${lines[0]!.unitId}|${inv}`;
  return `entries|${uniqueEntries(lines)
    .map((e) => `${e.unitId}/${e.journalId}/${e.entryNo}`)
    .join(',')}`;
}

function uniqueLines(lines: readonly MutationLine[]): MutationLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => (seen.has(l.key) ? false : (seen.add(l.key), true)));
}

/** The entries of the lines, by journal and entry number. */
function uniqueEntries(lines: readonly MutationLine[]): F.EntryRef[] {
  const byKey = new Map<string, F.EntryRef>();
  for (const l of lines) byKey.set(`${l.unitId}/${l.journalId}/${l.entryNo}`, { unitId: l.unitId, journalId: l.journalId, entryNo: l.entryNo });
  return [...byKey.values()].sort((a, b) => (a.journalId < b.journalId ? -1 : a.journalId > b.journalId ? 1 : a.entryNo - b.entryNo));
}
