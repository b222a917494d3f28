// Simulates half a year of Declaree expense claims in administration 1 (seed 001; profiles.md):
// each approved report credits the employee's creditor in the Declaree journal (InvoiceId = the
// report number). Half the employees are paid by a direct transfer naming the report (sometimes
// two reports at once), the other half by the weekly AFAS payment order (Dr creditor / Cr payments
// in transit) that the bank debits as one SEPA batch the next working day. And, planted, the
// problems a controller chases. Lines that clear each other share a group (as in payroll.ts).
import type { Cents } from '../../../shared/money';
import { addDays, weekday } from './calendar';
import type { DraftEntry, DraftLine, PlantedProblem } from './entries';
import { ACC, EMPLOYEES } from './master';
import { createRng } from './prng';

export interface DeclareeOptions {
  unitId: number;
  seed: number;
  /** Months with reports, YYYY-MM, in order. */
  months: string[];
  planted: boolean;
}

/** The demo's Declaree journal and the payment orders' journal. */
export const DECLAREE_JOURNAL = 'DEC';
export const ORDER_JOURNAL = 'BTO';

interface Report {
  number: string;
  employee: number;
  date: string;
  amount: Cents;
  /** The credit on the creditor (its group is the payment's: set when two are paid at once). */
  credit: DraftLine;
}

const BIC: Record<string, string> = { INGB: 'INGBNL2A', ABNA: 'ABNANL2A', RABO: 'RABONL2U' };
const line = (account: string, debit: Cents, credit: Cents, text: string, extra: Partial<DraftLine> = {}): DraftLine => ({ account, creditor: false, debit, credit, text, ...extra });
const workday = (date: string) => {
  let d = date;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
};

/** The bank feed's texts (ING): a transfer naming the report(s), its return, a payment order's batch. */
export const declareeText = {
  transfer: (e: (typeof EMPLOYEES)[number], remittance: string, eref: string, iban = e.iban) =>
    `/EREF/${eref}//CNTP/${iban}/${BIC[iban.slice(4, 8)] ?? 'INGBNL2A'}/${e.name.toUpperCase()}/UTRECHT///REMI/USTD//${remittance}/`,
  returned: (e: (typeof EMPLOYEES)[number], code: string, remittance: string, eref: string) =>
    `/RTRN/${code}/EREF/${eref}//CNTP/${e.iban}/${BIC[e.iban.slice(4, 8)] ?? 'INGBNL2A'}/${e.name.toUpperCase()}/UTRECHT///REMI/USTD//${remittance}/`,
  batch: (pref: string, count: number) => `/PREF/${pref}/NRTX/${count}/TRTP/SEPA BATCH OVERBOEKING/REMI/Declaraties`,
};

export function simulateDeclaree(o: DeclareeOptions): DraftEntry[] {
  const rng = createRng(o.seed);
  const entries: DraftEntry[] = [];
  const used = new Set<Cents>([25_000]); // the planted advance's amount stays unique
  let seq = 0;
  const staff = EMPLOYEES;
  const direct = (i: number) => i % 2 === 0; // even employees by transfer, odd by payment order
  const amount = () => {
    let a = rng.int(1_250, 48_000);
    while (used.has(a)) a += 1; // one report's amount is never another's: amount pairs stay unique
    used.add(a);
    return a;
  };

  const reportEntry = (employee: number, date: string, cents: Cents, number: string, problem?: PlantedProblem, account = staff[employee]!.id, group = `dc:${number}`): Report => {
    const e = staff[employee]!;
    const vat = Math.round((cents * 21) / 121);
    const credit = line(account, 0, cents, `Declaratie ${number} ${e.name}`, { creditor: true, group, ...(problem ? { problem } : {}) });
    entries.push({
      unitId: o.unitId,
      journalId: DECLAREE_JOURNAL,
      date,
      invoiceId: number,
      description: `Declaree rapport ${number} ${e.name}`,
      lines: [
        line(rng.chance(0.5) ? ACC.travel : ACC.meals, cents - vat, 0, `Declaratie ${number}`),
        line(ACC.vat, vat, 0, `Btw declaratie ${number}`),
        credit,
      ],
    });
    return { number, employee, date, amount: cents, credit };
  };
  const bank = (date: string, account: string, cents: Cents, text: string, extra: Partial<DraftLine>, creditor: boolean) => {
    entries.push({
      unitId: o.unitId,
      journalId: 'BNK',
      date,
      invoiceId: null,
      description: 'Bankafschrift ING',
      nullZeroSide: true,
      lines: cents >= 0
        ? [line(account, cents, 0, text, { creditor, ...extra }), line(ACC.bank, 0, cents, text)]
        : [line(account, 0, -cents, text, { creditor, ...extra }), line(ACC.bank, -cents, 0, text)],
    });
  };
  const transfer = (date: string, reports: Report[], extra: Partial<DraftLine> = {}, remi?: string) => {
    const e = staff[reports[0]!.employee]!;
    const total = reports.reduce((s, r) => s + r.amount, 0);
    const text = declareeText.transfer(e, remi ?? `Declaratie ${reports.map((r) => r.number).join(', ')}`, `EXP${reports[0]!.number.replace(/-/g, '')}`);
    bank(date, e.id, total, text, { group: reports[0]!.credit.group!, ...extra }, true);
  };

  const reports: Report[] = [];
  const last = `${o.months[o.months.length - 1]!}-31`;
  for (const ym of o.months) {
    for (let i = 0; i < staff.length; i++) {
      const n = rng.int(0, 2);
      let date = workday(`${ym}-${String(rng.int(1, 24)).padStart(2, '0')}`);
      for (let k = 0; k < n; k++) {
        const r = reportEntry(i, date, amount(), `DCL-${ym.slice(0, 4)}-${String(++seq).padStart(4, '0')}`);
        reports.push(r);
        date = workday(addDays(date, rng.int(1, 4)));
      }
    }
  }

  // Planted (numbers from 9001, apart from the normal ones).
  const paidTwice = new Set<Report>();
  if (o.planted) {
    // A report Declaree exported twice onto employee 0 (a re-export after the entry was deleted and restored).
    const twice = reportEntry(0, '2025-04-08', amount(), 'DCL-2025-9001');
    reports.push(twice);
    reportEntry(0, '2025-04-09', twice.amount, twice.number, 'report-exported-twice', staff[0]!.id, 'dc:planted:copy');
    // A report booked on the wrong employee (4) and then on the right one (5): one number, two creditors.
    const wrongAmount = amount();
    reportEntry(5, '2025-05-06', wrongAmount, 'DCL-2025-9002', 'report-wrong-creditor', staff[4]!.id, 'dc:planted:wrong-creditor');
    reports.push(reportEntry(5, '2025-05-07', wrongAmount, 'DCL-2025-9002'));
    // A March report of employee 6 nobody paid.
    reportEntry(6, '2025-03-04', amount(), 'DCL-2025-9003', 'report-unpaid', staff[6]!.id, 'dc:planted:unpaid');
    // An advance to employee 10 without a report.
    const advance = line(staff[10]!.id, 0, 0, '', { group: 'dc:planted:advance' });
    transfer('2025-04-15', [{ number: 'VOORSCHOT', employee: 10, date: '2025-04-15', amount: 25_000, credit: advance }], { problem: 'payment-without-report' }, 'Voorschot reiskosten');
    // A June report of employee 1, paid by the order of 5 June and again by hand.
    const both = reportEntry(1, '2025-06-02', amount(), 'DCL-2025-9004');
    reports.push(both);
    paidTwice.add(both);
    // Employee 8's May reimbursement comes back (account closed); paid again to the new account in June.
    const back = reportEntry(8, '2025-05-12', amount(), 'DCL-2025-9005');
    const e8 = staff[8]!;
    transfer('2025-05-16', [back]);
    bank('2025-05-21', e8.id, -back.amount, declareeText.returned(e8, 'AC04', `Declaratie ${back.number}`, `EXP${back.number.replace(/-/g, '')}`), { group: 'dc:return:9005', problem: 'reimbursement-returned' }, true);
    bank('2025-06-04', e8.id, back.amount, declareeText.transfer(e8, `Declaratie ${back.number} opnieuw`, `EXP${back.number.replace(/-/g, '')}R`, 'NL44RABO0123456789'), { group: 'dc:return:9005' }, true);
    // A correction onto employee 12's creditor from the memorial journal.
    entries.push({
      unitId: o.unitId,
      journalId: 'MEM',
      date: '2025-06-30',
      invoiceId: null,
      description: 'Correctie declaratie',
      nullZeroSide: true,
      lines: [line(staff[12]!.id, 0, 1_000, 'Correctie declaratie mei', { creditor: true, group: 'dc:planted:memorial', problem: 'declaree-other-journal' }), line(ACC.suspense, 1_000, 0, 'Correctie declaratie mei')],
    });
  }

  reports.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.number < b.number ? -1 : 1));

  // Direct transfers: 3…9 days after the report; two reports of one employee days apart at once.
  const byEmployee = new Map<number, Report[]>();
  for (const r of reports) if (direct(r.employee)) byEmployee.set(r.employee, [...(byEmployee.get(r.employee) ?? []), r]);
  for (const [i, list] of byEmployee) {
    for (let k = 0; k < list.length; k++) {
      const r = list[k]!;
      const next = list[k + 1];
      const together = next !== undefined && i % 4 === 0 && next.date <= addDays(r.date, 4);
      const pay = workday(addDays(together ? next.date : r.date, rng.int(3, 9)));
      if (pay > last) continue; // paid after the demo's last month
      const paid = together ? [r, next] : [r];
      if (together) {
        next.credit.group = r.credit.group; // one transfer, one group
        k++;
      }
      transfer(pay, paid);
    }
  }

  // Payment orders: every Thursday, the approved reports of the order employees (2+ days old);
  // the bank debits the batch the next working day.
  const waiting = reports.filter((r) => !direct(r.employee));
  for (let day = `${o.months[0]!}-01`; day <= last; day = addDays(day, 1)) {
    if (weekday(day) !== 4) continue;
    const due = waiting.filter((r) => r.date <= addDays(day, -2));
    if (due.length === 0) continue;
    for (const r of due) waiting.splice(waiting.indexOf(r), 1);
    const debit = workday(addDays(day, 1));
    const notExecuted = o.planted && day === '2025-06-12';
    const group = notExecuted ? 'bto:planted:not-executed' : `bto:${day}`;
    const total = due.reduce((s, r) => s + r.amount, 0);
    entries.push({
      unitId: o.unitId,
      journalId: ORDER_JOURNAL,
      date: day,
      invoiceId: null,
      description: `Betaalopdracht declaraties ${day}`,
      lines: due.flatMap((r) => [
        line(staff[r.employee]!.id, r.amount, 0, `Betaalopdracht ${r.number}`, { creditor: true, group: r.credit.group!, invoiceId: r.number }),
        line(ACC.paymentsInTransit, 0, r.amount, `Betaalopdracht ${r.number}`, { group, invoiceId: r.number, ...(notExecuted ? { problem: 'order-not-executed' as const } : {}) }),
      ]),
    });
    if (!notExecuted && debit <= last) bank(debit, ACC.paymentsInTransit, total, declareeText.batch(`BTO-${day}`, due.length), { group }, false);
    for (const r of due) {
      if (!paidTwice.has(r)) continue;
      // Paid by the order and again by hand: the second payment has no report left to pay.
      const e = staff[r.employee]!;
      bank(workday(addDays(day, 4)), e.id, r.amount, declareeText.transfer(e, `Declaratie ${r.number}`, `EXP${r.number.replace(/-/g, '')}H`), { group: 'dc:planted:paid-twice', problem: 'paid-twice' }, true);
    }
  }
  return entries;
}
