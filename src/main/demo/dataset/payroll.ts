// Simulates half a year of Nmbrs payroll per administration (seed 002; profiles.md): one run entry
// per month in the payroll journal (net wages per employee or in one line, payroll tax, pension),
// the salary batch the bank pays the day before (one SEPA batch, PREF), the Belastingdienst payment
// and the pension fund's collection the next month; and, planted, the problems a controller meets.
// Lines that clear each other share a group; a group clears once all its lines are booked and sum
// to zero, which is how the truth knows what is open.
import type { Cents } from '../../../shared/money';
import { addDays, monthEnd, weekday } from './calendar';
import type { DraftEntry, DraftLine } from './entries';
import { ACC } from './master';
import { createRng, type Rng } from './prng';

export interface PayrollOptions {
  unitId: number;
  seed: number;
  employees: number;
  /** Months paid, YYYY-MM, in order. */
  months: string[];
  /** First month with a pension scheme (YYYY-MM), or null for none. */
  pensionFrom: string | null;
  planted: boolean;
}

interface Employee {
  id: number;
  name: string;
  iban: string;
  gross: Cents;
}

const INITIALS = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.', 'I.', 'J.', 'K.', 'L.', 'M.', 'N.', 'P.', 'R.', 'S.', 'T.', 'W.', 'Y.'];
const SURNAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Berg', 'van Dijk', 'Koster', 'Prins'];
const BANKS = [['INGB', 'INGBNL2A'], ['ABNA', 'ABNANL2A'], ['RABO', 'RABONL2U'], ['TRIO', 'TRIONL2U']] as const;

/** The Belastingdienst's account for payments of loonheffingen. */
const BELASTINGDIENST = { iban: 'NL86INGB0002445588', bic: 'INGBNL2A', name: 'BELASTINGDIENST' };
const PENSION_FUND = { iban: 'NL29ABNA0559876543', bic: 'ABNANL2A', name: 'STICHTING PENSIOENFONDS ZORG', csid: 'NL64ZZZ411234560000' };

/** The bank feed's texts (the company banks with ING): batch, transfer, return, tax, direct debit. */
export const payrollText = {
  batch: (pref: string, count: number, what: string) => `/PREF/${pref}/NRTX/${count}/TRTP/SEPA BATCH OVERBOEKING/REMI/${what}`,
  transfer: (e: Employee, remittance: string, eref: string) => `/EREF/${eref}//CNTP/${e.iban}/${bicOf(e.iban)}/${e.name.toUpperCase()}/UTRECHT///REMI/USTD//${remittance}/`,
  returned: (e: Employee, code: string, remittance: string, eref: string) => `/RTRN/${code}/EREF/${eref}//CNTP/${e.iban}/${bicOf(e.iban)}/${e.name.toUpperCase()}/UTRECHT///REMI/USTD//${remittance}/`,
  tax: (kenmerk: string) => `/EREF/NOTPROVIDED//CNTP/${BELASTINGDIENST.iban}/${BELASTINGDIENST.bic}/${BELASTINGDIENST.name}/APELDOORN///REMI/STRD/CUR/${kenmerk}/`,
  pension: (mandate: string, what: string, eref: string) =>
    `/TRTP/SEPA Incasso algemeen doorlopend/CSID/${PENSION_FUND.csid}/NAME/${PENSION_FUND.name}/MARF/${mandate}/REMI/${what}/IBAN/${PENSION_FUND.iban}/BIC/${PENSION_FUND.bic}/EREF/${eref}`,
};

function bicOf(iban: string): string {
  return BANKS.find(([code]) => iban.slice(4, 8) === code)?.[1] ?? 'INGBNL2A';
}

/** The working day on or before the date (salary and tax payments are not made at weekends). */
function workday(date: string): string {
  let d = date;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, -1);
  return d;
}

const label = (ym: string) => `${ym.slice(5, 7)}-${ym.slice(0, 4)}`;
const nextMonth = (ym: string) => {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** A 16-digit betalingskenmerk per return (one per administration and period). */
function kenmerk(unitId: number, ym: string): string {
  return `${unitId % 10}0812345676${ym.slice(2, 4)}${ym.slice(5, 7)}0`;
}

const ledger = (account: string, debit: Cents, credit: Cents, text: string, extra: Partial<DraftLine> = {}): DraftLine => ({ account, creditor: false, debit, credit, text, ...extra });

function hire(rng: Rng, n: number, unitId: number): Employee[] {
  const out: Employee[] = [];
  for (let i = 0; i < n; i++) {
    const [code] = rng.pick(BANKS);
    const account = String(rng.int(100_000_000, 999_999_999)).padStart(10, '0');
    out.push({
      id: unitId * 1000 + i + 1,
      name: `${rng.pick(INITIALS)} ${SURNAMES[(i * 7 + unitId) % SURNAMES.length]}`,
      iban: `NL${String(rng.int(10, 99))}${code}${account}`,
      gross: rng.int(2_800, 7_500) * 100 + rng.int(0, 99),
    });
  }
  return out;
}

interface Run {
  date: string;
  nets: Map<number, Cents>;
  netTotal: Cents;
  tax: Cents;
  pension: Cents;
  entry: DraftEntry;
}

export function simulatePayroll(o: PayrollOptions): DraftEntry[] {
  const rng = createRng(o.seed);
  const staff = hire(rng, o.employees, o.unitId);
  const entries: DraftEntry[] = [];
  const planted = o.planted;
  const prefix = o.unitId === 1 ? '' : `${o.unitId}-`;

  const bankEntry = (date: string, account: string, amount: Cents, text: string, extra: Partial<DraftLine>): void => {
    entries.push({
      unitId: o.unitId,
      journalId: 'BNK',
      date,
      invoiceId: null,
      description: 'Bankafschrift ING',
      nullZeroSide: true,
      lines: amount >= 0 ? [ledger(account, amount, 0, text, extra), ledger(ACC.bank, 0, amount, text)] : [ledger(account, 0, -amount, text, extra), ledger(ACC.bank, -amount, 0, text)],
    });
  };

  /** One run entry; `perEmployee` false books the net wages in one line. */
  const runEntry = (ym: string, perEmployee: boolean, group: (e: Employee) => string, holiday: boolean): Run => {
    const date = workday(`${ym}-25`);
    const pensionOn = o.pensionFrom !== null && ym >= o.pensionFrom;
    const nets = new Map<number, Cents>();
    const used = new Set<Cents>();
    let gross = 0;
    let wageTax = 0;
    let pensionEmployee = 0;
    for (const e of staff) {
      // Hours, overtime and allowances move the gross a little every month; May adds holiday pay.
      let g = e.gross + rng.int(-5_000, 25_000);
      if (holiday) g += Math.round(e.gross * 0.96);
      const pe = pensionOn ? Math.round(g * 0.05) : 0;
      const rate = g > 500_000 ? 0.37 : g > 350_000 ? 0.3 : 0.24;
      const tax = Math.round((g - pe) * rate);
      let net = g - pe - tax;
      while (used.has(net)) net += 1; // one employee's net is never another's (1:1 stays unique)
      used.add(net);
      const adjusted = g - pe - net; // the cent moved onto the wage tax keeps the entry balanced
      nets.set(e.id, net);
      gross += g;
      wageTax += adjusted;
      pensionEmployee += pe;
    }
    const employerCharges = Math.round(gross * 0.18);
    const employerPension = pensionOn ? Math.round(gross * 0.1) : 0;
    const tax = wageTax + employerCharges;
    const pension = pensionEmployee + employerPension;
    const netTotal = [...nets.values()].reduce((s, n) => s + n, 0);
    const text = (what: string) => `${what} ${label(ym)}`;
    const lines: DraftLine[] = [
      ledger(ACC.wages, gross, 0, text('Brutolonen')),
      ledger(ACC.socialCharges, employerCharges, 0, text('Werkgeverslasten')),
      ...(pensionOn ? [ledger(ACC.pensionCosts, employerPension, 0, text('Pensioenlasten werkgever'))] : []),
      ...(perEmployee
        ? staff.map((e) => ledger(ACC.netWages, 0, nets.get(e.id)!, `Netto loon ${e.id} ${e.name}`, { group: group(e) }))
        : [ledger(ACC.netWages, 0, netTotal, text('Netto lonen'), { group: group(staff[0]!) })]),
      ledger(ACC.payrollTax, 0, tax, text('Af te dragen loonheffing'), { group: `lh:${ym}` }),
      ...(pensionOn ? [ledger(ACC.pension, 0, pension, text('Af te dragen pensioenpremie'), { group: `pf:${ym}` })] : []),
    ];
    const entry: DraftEntry = { unitId: o.unitId, journalId: 'LON', date, invoiceId: null, description: `Nmbrs loonjournaal ${label(ym)} run ${prefix}${ym}-1`, lines };
    entries.push(entry);
    return { date, nets, netTotal, tax, pension, entry };
  };

  const runs: Run[] = [];
  for (const ym of o.months) {
    const month = Number(ym.slice(5, 7));
    // How the run books and the bank pays: a batch for the run, except (administration 1) one
    // line for all in February and one transfer per employee in March.
    const oneLine = planted && month === 2;
    const perTransfer = planted && month === 3;
    const batchGroup = `nw:${ym}`;
    const r = runEntry(ym, !oneLine, (e) => (perTransfer ? `nw:${ym}:${e.id}` : batchGroup), month === 5);
    runs.push(r);
    if (perTransfer) {
      const split = staff[3]!;
      for (const e of staff) {
        const net = r.nets.get(e.id)!;
        const remi = `Salaris ${label(ym)} ${e.id}`;
        if (e === split) {
          // One employee has part of the salary paid to a savings account: 1:N.
          bankEntry(r.date, ACC.netWages, 100_000, payrollText.transfer(e, `${remi} spaarrekening`, `SAL${ym.replace('-', '')}${e.id}S`), { group: `nw:${ym}:${e.id}` });
          bankEntry(r.date, ACC.netWages, net - 100_000, payrollText.transfer(e, remi, `SAL${ym.replace('-', '')}${e.id}`), { group: `nw:${ym}:${e.id}` });
        } else bankEntry(r.date, ACC.netWages, net, payrollText.transfer(e, remi, `SAL${ym.replace('-', '')}${e.id}`), { group: `nw:${ym}:${e.id}` });
      }
    } else {
      bankEntry(workday(addDays(r.date, -1)), ACC.netWages, r.netTotal, payrollText.batch(`NMBRS-${prefix}${ym}-1`, staff.length, `Salarisbetaling ${label(ym)}`), { group: batchGroup });
    }
    if (planted) plantInRun(ym, r);
  }

  // Payroll tax of each month is paid on the 20th of the next; pension collected on the 15th.
  for (const r of runs) {
    const ym = r.date.slice(0, 7);
    const next = nextMonth(ym);
    if (!o.months.includes(next)) continue; // paid after the demo's last month
    const rounded = planted && ym.endsWith('-05');
    // Administration 1 rounds May's payment down to whole euros (a rounding suggestion, not a match).
    const paid = rounded ? (r.tax % 100 === 0 ? r.tax - 50 : r.tax - (r.tax % 100)) : r.tax;
    const taxLine = r.entry.lines.find((l) => l.account === ACC.payrollTax)!;
    if (rounded) taxLine.problem = 'tax-rounding';
    bankEntry(workday(`${next}-${o.unitId === 1 ? '20' : '21'}`), ACC.payrollTax, paid, payrollText.tax(kenmerk(o.unitId, ym)), { group: `lh:${ym}`, ...(rounded ? { problem: 'tax-rounding' as const } : {}) });
    if (r.pension > 0) {
      bankEntry(workday(`${next}-15`), ACC.pension, r.pension, payrollText.pension(`PF-${o.unitId}-00123`, `Premie pensioen ${label(ym)}`, `PF${ym.replace('-', '')}`), { group: `pf:${ym}` });
    }
  }

  function plantInRun(ym: string, r: Run): void {
    if (ym.endsWith('-04')) {
      // Nmbrs sent April's journal twice: an identical second entry. The first pairs, the copy stays open.
      for (const l of r.entry.lines) if (l.group) l.doubleExport = 'run-twice';
      entries.push({ ...r.entry, lines: r.entry.lines.map((l) => (l.group ? { ...l, group: `${l.group}:copy`, problem: 'run-posted-twice' as const } : { ...l })) });
      // The pension fund collected a premium for March, when there was no pension scheme yet.
      bankEntry('2025-04-11', ACC.pension, 425_000, payrollText.pension(`PF-${o.unitId}-00123`, 'Voorschotpremie pensioen 03-2025', 'PF202503'), { group: 'pf:planted:without-credits', problem: 'payment-without-credits' });
    }
    if (ym.endsWith('-05')) {
      // A transfer in May's batch comes back (account closed) and is paid again in June.
      const e = staff[11]!;
      const net = r.nets.get(e.id)!;
      bankEntry('2025-05-27', ACC.netWages, -net, payrollText.returned(e, 'AC04', `Salaris ${label(ym)} ${e.id}`, `NMBRS-${ym}-1-${e.id}`), { group: `nw:return:${ym}` });
      bankEntry('2025-06-03', ACC.netWages, net, payrollText.transfer({ ...e, iban: 'NL44RABO0123456789' }, `Salaris ${label(ym)} ${e.id} opnieuw`, `SAL${ym.replace('-', '')}${e.id}R`), { group: `nw:return:${ym}` });
    }
    if (ym.endsWith('-06')) {
      // A June transfer comes back (wrong account number) and is not paid again by the month's end.
      const e = staff[27 % staff.length]!;
      bankEntry('2025-06-27', ACC.netWages, -r.nets.get(e.id)!, payrollText.returned(e, 'AC01', `Salaris ${label(ym)} ${e.id}`, `NMBRS-${ym}-1-${e.id}`), { group: 'nw:planted:returned', problem: 'returned-transfer' });
      // An advance paid from the bank straight onto net wages, with no run line behind it.
      const a = staff[5]!;
      bankEntry('2025-06-12', ACC.netWages, 75_000, payrollText.transfer(a, `Voorschot salaris ${a.id}`, `VOORSCHOT${a.id}`), { group: 'nw:planted:advance', problem: 'payment-without-run' });
      // A correction booked onto the payroll tax account from the memorial journal.
      entries.push({
        unitId: o.unitId,
        journalId: 'MEM',
        date: monthEnd(2025, 6),
        invoiceId: null,
        description: 'Correctie loonheffing',
        nullZeroSide: true,
        lines: [ledger(ACC.payrollTax, 15_000, 0, 'Correctie loonheffing mei', { group: 'lh:planted:memorial', problem: 'payroll-other-journal' }), ledger(ACC.suspense, 0, 15_000, 'Correctie loonheffing mei')],
      });
    }
  }
  return entries;
}
