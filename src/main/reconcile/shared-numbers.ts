// Accounts that share their document numbers (employee creditors: one report number belongs to one
// employee). AFAS refuses a number twice on one creditor only, so a report exported to the wrong
// employee and then to the right one lands on two creditors: one flag names both lines, shown on
// the account where a line is still open. Only numbers with a line in the period or still open.
import type { LineKey, MutationLine } from '../../shared/domain';
import type { AccountResult, Flag } from '../../shared/reconcile';
import type { PeriodDays } from './dates';
import { numberOnTwoAccounts } from './flags-documents';
import { accountLines, type Prepared } from './prepare';
import { inJournalSet, type ClearingAccountRule } from './rules';
import { returnReason } from './text';
import { tick } from './tick';

export function numbersOnTwoAccounts(prep: Pick<Prepared, 'rules' | 'byAccount'>, p: PeriodDays, results: readonly AccountResult[]): Flag[] {
  const scopes = new Map<string, ClearingAccountRule[]>();
  for (const r of prep.rules.accounts) if (r.invoiceScope) (scopes.get(r.invoiceScope) ?? scopes.set(r.invoiceScope, []).get(r.invoiceScope)!).push(r);
  const out: Flag[] = [];
  for (const rules of scopes.values()) {
    if (rules.length < 2) continue;
    const byNumber = new Map<string, { rule: ClearingAccountRule; line: MutationLine; day: number }[]>();
    for (const rule of rules) {
      const { lines, day } = accountLines(prep, rule.account);
      for (let j = 0; j < lines.length; j++) {
        tick();
        const l = lines[j]!;
        if (day[j]! > p.last || l.amount === 0 || !l.invoiceId || !inJournalSet(rule.left, l.journalId)) continue;
        const n = l.invoiceId.trim().toUpperCase();
        if (n === '' || returnReason(l) !== null) continue;
        const list = byNumber.get(n);
        const item = { rule, line: l, day: day[j]! };
        if (list) list.push(item);
        else byNumber.set(n, [item]);
      }
    }
    let open: Set<LineKey> | null = null;
    for (const [, items] of byNumber) {
      if (items.length < 2 || items.every((i) => i.rule === items[0]!.rule)) continue;
      open ??= new Set(results.filter((a) => rules.some((r) => r.account === a.account)).flatMap((a) => a.openItems.map((o) => o.line.key)));
      if (!items.some((i) => i.day >= p.first || open!.has(i.line.key))) continue;
      items.sort((a, b) => a.day - b.day || (a.line.accountNo < b.line.accountNo ? -1 : a.line.accountNo > b.line.accountNo ? 1 : a.line.entryNo - b.line.entryNo));
      const home = items.find((i) => open!.has(i.line.key)) ?? items[0]!;
      out.push(numberOnTwoAccounts(home.rule, items[0]!.line.invoiceId!.trim(), items.map((i) => i.line), open));
    }
  }
  return out;
}
