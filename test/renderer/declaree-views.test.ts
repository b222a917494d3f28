// The renderer's pure helpers for Declaree: the setup's fields (optional ones left out so the
// engine's defaults apply) and the employee-creditor table's rows, filter and sort.
import { describe, expect, it } from 'vitest';
import type { AccountResult, OpenItem } from '../../src/shared/reconcile';
import { creditorRows, filterCreditors, sortCreditors } from '../../src/renderer/src/state/creditor-rows';
import { administrationOf, EMPTY_DECLAREE, EMPTY_MOSS, EMPTY_NMBRS, missingFields } from '../../src/renderer/src/views/setup/profile-fields';

describe('setup: Declaree fields', () => {
  const declaree = { journal: 'DEC', paymentsInTransitAccount: '1960', bankAccounts: [] };
  it('needs the journal, payments in transit and a bank (its own or another system’s)', () => {
    expect(missingFields({ moss: false, nmbrs: false, declaree: true }, EMPTY_MOSS, EMPTY_NMBRS, EMPTY_DECLAREE)).toEqual(['setup.declaree.journal', 'setup.declaree.inTransit', 'setup.declaree.bankAccounts']);
    expect(missingFields({ moss: false, nmbrs: false, declaree: true }, EMPTY_MOSS, EMPTY_NMBRS, { ...declaree, bankAccounts: ['11000'] })).toEqual([]);
    const nmbrs = { journal: 'LON', netWagesAccount: '1610', payrollTaxAccount: '1620', pensionAccount: '', bankAccounts: ['11000'] };
    expect(missingFields({ moss: false, nmbrs: true, declaree: true }, EMPTY_MOSS, nmbrs, declaree)).toEqual([]);
    expect(missingFields({ moss: false, nmbrs: false, declaree: false }, EMPTY_MOSS, EMPTY_NMBRS, declaree)).toEqual(['setup.systemsNeeded']);
  });

  it('leaves empty optional fields out, keeps a payment cycle that is set', () => {
    expect(administrationOf(2, { moss: false, nmbrs: false, declaree: true }, EMPTY_MOSS, EMPTY_NMBRS, { ...declaree, bankAccounts: [''] })).toEqual({ unitId: 2, declaree: { journal: 'DEC', paymentsInTransitAccount: '1960' } });
    expect(administrationOf(2, { moss: false, nmbrs: false, declaree: true }, EMPTY_MOSS, EMPTY_NMBRS, { ...declaree, paymentCycleDays: 21 }).declaree?.paymentCycleDays).toBe(21);
    expect(administrationOf(2, { moss: true, nmbrs: false }, EMPTY_MOSS, EMPTY_NMBRS, declaree).declaree).toBeUndefined();
  });
});

const item = (date: string, amount: number, ageDays: number, reason?: 'not-yet-due'): OpenItem => ({
  line: { key: `1/DEC/1/${date}`, entryDate: date, amount } as OpenItem['line'],
  ageDays,
  bucket: '0-30',
  flags: [],
  note: null,
  ...(reason ? { reason } : {}),
});
const account = (no: string, name: string, difference: number, items: OpenItem[]): AccountResult =>
  ({ account: no, name, role: 'employeeCreditor', status: difference === 0 ? 'clears' : 'does-not-clear', closing: items.reduce((s, o) => s + o.line.amount, 0), difference, openItems: items }) as AccountResult;

describe('employee-creditor table', () => {
  const accounts = [
    account('800103', 'C. Bakker', 0, [item('2025-06-25', -1_000, 5, 'not-yet-due')]),
    account('800101', 'A. de Vries', -2_500, [item('2025-05-02', -2_500, 59), item('2025-06-28', -100, 2, 'not-yet-due')]),
    account('800102', 'B. Jansen', 0, []),
    account('800110', 'K. Vos', 7_000, [item('2025-06-10', 7_000, 20)]),
  ];
  const rows = creditorRows(accounts);

  it('counts open items, those to chase, and the oldest', () => {
    const a = rows.find((r) => r.account === '800101')!;
    expect([a.open, a.problems, a.oldestDays, a.oldestDate, a.clears]).toEqual([2, 1, 59, '2025-05-02', false]);
    expect(rows.find((r) => r.account === '800102')!.oldestDays).toBeNull();
  });

  it('filters by number or name, and to those that do not clear', () => {
    expect(filterCreditors(rows, 'jans', false).map((r) => r.account)).toEqual(['800102']);
    expect(filterCreditors(rows, '8001', true).map((r) => r.account)).toEqual(['800101', '800110']);
    expect(filterCreditors(rows, '', false)).toHaveLength(4);
  });

  it('sorts by any column both ways, ties by creditor number (numeric)', () => {
    expect(sortCreditors(rows, { key: 'account', desc: false }).map((r) => r.account)).toEqual(['800101', '800102', '800103', '800110']);
    expect(sortCreditors(rows, { key: 'oldest', desc: true }).map((r) => r.account)).toEqual(['800101', '800110', '800103', '800102']);
    expect(sortCreditors(rows, { key: 'status', desc: false }).map((r) => r.account)).toEqual(['800101', '800110', '800102', '800103']);
    expect(sortCreditors(rows, { key: 'difference', desc: true }).map((r) => r.account)).toEqual(['800110', '800101', '800102', '800103']);
    expect(sortCreditors(rows, { key: 'name', desc: false }).map((r) => r.name)).toEqual(['A. de Vries', 'B. Jansen', 'C. Bakker', 'K. Vos']);
  });
});
