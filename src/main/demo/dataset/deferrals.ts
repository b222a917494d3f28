// Simulates Spend Cloud's invoices with a cost period (seed 004; profiles.md, transitory): each
// invoice books its net amount on the transitory account in the purchase journal INK (VAT and the
// creditors' control beside it), and one release entry per cost period moves a part to the cost
// account, dated on the period's last day and carrying the invoice's VoucherNo. The releases of
// future periods are booked at once, so they exist in AFAS beyond the demo's last month. Planted
// in administration 1: the problems a controller meets on a transitory account.
import type { Cents } from '../../../shared/money';
import { monthEnd } from './calendar';
import type { DraftEntry, DraftLine, PlantedProblem } from './entries';
import { ACC } from './master';
import { createRng } from './prng';

export interface DeferralOptions {
  unitId: number;
  seed: number;
  /** Invoices booked per month of `months`. */
  perMonth: number;
  months: string[];
  planted: boolean;
}

/** One invoice as made: what the truth needs to know by construction. */
export interface DemoInvoice {
  unitId: number;
  voucherNo: string;
  /** Booked on (YYYY-MM-DD); null for an orphan release. */
  bookedOn: string | null;
  total: Cents;
  /** YYYY-MM of each cost period, in order. */
  periods: string[];
  problem?: PlantedProblem;
}

const SUPPLIERS: [string, string, string][] = [
  ['Microsoft Ireland', 'Microsoft 365 licenties', ACC.software],
  ['Adobe Systems', 'Creative Cloud jaarabonnement', ACC.software],
  ['Vastgoed Utrecht B.V.', 'Huur kwartaal vooruit', ACC.rent],
  ['Centraal Beheer', 'Bedrijfsaansprakelijkheidsverzekering', ACC.office],
  ['NS Zakelijk', 'Businesscard jaarabonnement', ACC.travel],
  ['Atlassian', 'Jira en Confluence', ACC.software],
  ['Exact Online', 'Koppeling abonnement', ACC.software],
];

const ym = (start: string, i: number) => {
  const n = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + i;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
};
const lastDay = (m: string) => monthEnd(Number(m.slice(0, 4)), Number(m.slice(5, 7)));
const label = (m: string) => `${m.slice(5, 7)}-${m.slice(0, 4)}`;
const line = (account: string, debit: Cents, credit: Cents, text: string, extra: Partial<DraftLine> = {}): DraftLine => ({ account, creditor: false, debit, credit, text, ...extra });

/** Equal parts, the last one taking what the division leaves (so the invoice nets to zero). */
export function spread(total: Cents, n: number): Cents[] {
  const part = Math.trunc(total / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - part * (n - 1) : part));
}

export function simulateDeferrals(o: DeferralOptions): { entries: DraftEntry[]; invoices: DemoInvoice[] } {
  const rng = createRng(o.seed);
  const entries: DraftEntry[] = [];
  const invoices: DemoInvoice[] = [];
  let seq = 0;
  const bookedOn = new Map<string, string>();
  const voucherOf = () => `${o.unitId === 1 ? '' : `${o.unitId}`}25${String(++seq).padStart(4, '0')}`;

  /** The invoice's booking entry: Dr transitory (net), Dr VAT, Cr creditors. */
  const book = (voucherNo: string, date: string, total: Cents, supplier: [string, string, string], periods: string[], problem?: PlantedProblem) => {
    bookedOn.set(voucherNo, date);
    const vat = Math.round(total * 0.21);
    const text = `${supplier[0]}: ${supplier[1]} ${label(periods[0]!)} t/m ${label(periods[periods.length - 1]!)}`;
    entries.push({
      unitId: o.unitId,
      journalId: 'INK',
      date,
      invoiceId: `SC-${voucherNo}`,
      description: `Spend Cloud factuur ${voucherNo}`,
      voucherNo,
      lines: [
        line(ACC.transitory, total, 0, text, { group: `sc:${voucherNo}`, ...(problem ? { problem } : {}) }),
        line(ACC.vat, vat, 0, `Btw ${text}`),
        line(ACC.creditorsControl, 0, total + vat, text),
      ],
    });
  };
  /** One release: Dr costs, Cr transitory, dated on its period's last day. */
  const release = (voucherNo: string, period: string, part: Cents, cost: string, problem?: PlantedProblem, journalId = 'INK') => {
    // Created with the invoice (the whole schedule at once), or on its own date when it has none.
    const booked = bookedOn.get(voucherNo);
    entries.push({
      ...(booked && booked < lastDay(period) ? { createdOn: booked } : {}),
      unitId: o.unitId,
      journalId,
      date: lastDay(period),
      invoiceId: null,
      description: `Vrijval transitoria ${voucherNo} periode ${label(period)}`,
      voucherNo,
      nullZeroSide: journalId !== 'INK',
      lines: [line(cost, part, 0, `Vrijval ${voucherNo} ${label(period)}`), line(ACC.transitory, 0, part, `Vrijval ${voucherNo} ${label(period)}`, { group: `sc:${voucherNo}`, ...(problem ? { problem } : {}) })],
    });
  };

  for (const m of o.months) {
    for (let k = 0; k < o.perMonth; k++) {
      const supplier = rng.pick(SUPPLIERS);
      const months = rng.int(2, 12);
      const total = rng.int(240, 9_600) * 100 + rng.pick([0, 0, 50, 99]);
      const date = `${m}-${String(rng.int(2, 27)).padStart(2, '0')}`;
      const periods = Array.from({ length: months }, (_, i) => ym(m, i));
      const voucherNo = voucherOf();
      book(voucherNo, date, total, supplier, periods);
      spread(total, months).forEach((part, i) => release(voucherNo, periods[i]!, part, supplier[2]));
      invoices.push({ unitId: o.unitId, voucherNo, bookedOn: date, total, periods });
    }
  }
  if (o.planted) plant();

  function plant(): void {
    const sw = SUPPLIERS[0]!;
    // A release missing: six periods February … July, April's never booked.
    {
      const v = voucherOf();
      const periods = Array.from({ length: 6 }, (_, i) => ym('2025-02', i));
      book(v, '2025-02-06', 180_000, sw, periods, 'release-missing');
      spread(180_000, 6).forEach((part, i) => {
        if (periods[i] !== '2025-04') release(v, periods[i]!, part, sw[2], 'release-missing');
      });
      invoices.push({ unitId: o.unitId, voucherNo: v, bookedOn: '2025-02-06', total: 180_000, periods, problem: 'release-missing' });
    }
    // A release booked twice: May's release of a twelve-month insurance, exported again.
    {
      const s = SUPPLIERS[3]!;
      const v = voucherOf();
      const periods = Array.from({ length: 12 }, (_, i) => ym('2025-01', i));
      book(v, '2025-01-14', 462_000, s, periods, 'release-twice');
      spread(462_000, 12).forEach((part, i) => release(v, periods[i]!, part, s[2], 'release-twice'));
      release(v, '2025-05', 38_500, s[2], 'release-twice');
      invoices.push({ unitId: o.unitId, voucherNo: v, bookedOn: '2025-01-14', total: 462_000, periods, problem: 'release-twice' });
    }
    // A partial export: the invoice reached AFAS, its period distribution never did.
    {
      const s = SUPPLIERS[5]!;
      const v = voucherOf();
      book(v, '2025-05-19', 72_600, s, [ym('2025-05', 0), ym('2025-05', 5)], 'never-released');
      invoices.push({ unitId: o.unitId, voucherNo: v, bookedOn: '2025-05-19', total: 72_600, periods: [], problem: 'never-released' });
    }
    // Rounding: € 1.000,00 over three periods released as 3 × € 333,33: a cent stays.
    {
      const s = SUPPLIERS[6]!;
      const v = voucherOf();
      const periods = ['2025-04', '2025-05', '2025-06'];
      book(v, '2025-04-03', 100_000, s, periods, 'release-rounding');
      for (const p of periods) release(v, p, 33_333, s[2], 'release-rounding');
      invoices.push({ unitId: o.unitId, voucherNo: v, bookedOn: '2025-04-03', total: 100_000, periods, problem: 'release-rounding' });
    }
    // A release whose invoice was exported under another number: no booking behind it.
    {
      const v = '25999001';
      release(v, '2025-06', 12_500, ACC.software, 'release-without-booking');
      invoices.push({ unitId: o.unitId, voucherNo: v, bookedOn: null, total: 0, periods: ['2025-06'], problem: 'release-without-booking' });
    }
    // A cost period that starts before the invoice was booked (February, booked in March): nets to zero.
    {
      const s = SUPPLIERS[1]!;
      const v = voucherOf();
      const periods = Array.from({ length: 4 }, (_, i) => ym('2025-02', i));
      book(v, '2025-03-12', 96_000, s, periods, 'release-before-booking');
      spread(96_000, 4).forEach((part, i) => release(v, periods[i]!, part, s[2], i === 0 ? 'release-before-booking' : undefined));
      invoices.push({ unitId: o.unitId, voucherNo: v, bookedOn: '2025-03-12', total: 96_000, periods, problem: 'release-before-booking' });
    }
    // Part of June's release booked by hand in the memorial journal (the voucher still nets to zero).
    {
      const s = SUPPLIERS[2]!;
      const v = voucherOf();
      const periods = Array.from({ length: 6 }, (_, i) => ym('2025-04', i));
      book(v, '2025-04-01', 450_000, s, periods);
      spread(450_000, 6).forEach((part, i) => {
        if (periods[i] !== '2025-06') {
          release(v, periods[i]!, part, s[2]);
          return;
        }
        release(v, periods[i]!, part - 25_000, s[2]);
        release(v, periods[i]!, 25_000, s[2], 'transitory-other-journal', 'MEM');
      });
      invoices.push({ unitId: o.unitId, voucherNo: v, bookedOn: '2025-04-01', total: 450_000, periods, problem: 'transitory-other-journal' });
    }
  }
  return { entries, invoices };
}
