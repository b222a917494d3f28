// Simulates half a year of Moss card spend and wallet top-ups per administration, following the
// Moss booking logic (domain.md), and plants the problems a controller meets at month-end.
import type { Cents } from '../../../shared/money';
import { addDays, weekday } from './calendar';
import type { DraftEntry, DraftLine } from './entries';
import { ACC, DEFAULT_SUPPLIER, SPEND_CATEGORIES } from './master';
import { createRng } from './prng';

export interface WalletEvent {
  date: string;
  /** + top-up / refund, - spend */
  amount: Cents;
}

export interface UnitScenario {
  unitId: number;
  entries: DraftEntry[];
  /** What really happened in the Moss wallet (what Moss reports), independent of the export. */
  wallet: WalletEvent[];
}

export interface ScenarioOptions {
  unitId: number;
  seed: number;
  from: string;
  to: string;
  /** Card transactions per day (a range, or one per date: busy months at scale). */
  perDay: [number, number] | ((date: string) => [number, number]);
  /** Top up (on Mondays and Thursdays) when the wallet is below this. */
  topUpBelow: Cents;
  topUpRange: [Cents, Cents];
  planted: boolean;
}

/** Moss's account at its bank, as the company's bank feed shows the counterparty. */
const MOSS_IBAN = 'NL91ABNA0417164300';
const MOSS_BIC = 'ABNANL2A';
const MOSS_NAME = 'MOSS FINANCIAL SERVICES B.V.';

/**
 * Bank-feed texts as AFAS imports them from MT940/CAMT.053: the SEPA structured description of
 * the company's bank (the demo banks with ING; one payment of each other form is planted).
 */
export const bankText = {
  ing: (remittance: string, endToEnd = 'NOTPROVIDED') => `/EREF/${endToEnd}//CNTP/${MOSS_IBAN}/${MOSS_BIC}/${MOSS_NAME}/AMSTERDAM///REMI/USTD//${remittance}/`,
  abnAmro: (remittance: string, endToEnd = 'NOTPROVIDED') => `/TRTP/SEPA OVERBOEKING/IBAN/${MOSS_IBAN}/BIC/${MOSS_BIC}/NAME/${MOSS_NAME}/REMI/${remittance}/EREF/${endToEnd}`,
  rabobank: (remittance: string, date: string, endToEnd = 'NOTPROVIDED') => `/EREF/${endToEnd}//BENM//NAME/${MOSS_NAME}/REMI/${remittance}/ISDT/${date}`,
};

const ledger = (account: string, debit: Cents, credit: Cents, text: string, extra: Partial<DraftLine> = {}): DraftLine => ({
  account,
  creditor: false,
  debit,
  credit,
  text,
  ...extra,
});
const creditorLine = (account: string, debit: Cents, credit: Cents, text: string, group: string, extra: Partial<DraftLine> = {}): DraftLine => ({
  account,
  creditor: true,
  debit,
  credit,
  text,
  group,
  ...extra,
});

export function simulateUnit(o: ScenarioOptions): UnitScenario {
  const rng = createRng(o.seed);
  const entries: DraftEntry[] = [];
  const wallet: WalletEvent[] = [];
  const usedTopUpAmounts = new Set<Cents>();
  let balance = 0;
  let txSeq = 0;
  let topUpSeq = 0;
  const prefix = o.unitId === 1 ? 'MS' : `MS${o.unitId}-`;

  const topUpAmount = (): Cents => {
    for (;;) {
      const a = rng.int(o.topUpRange[0] / 100, o.topUpRange[1] / 100) * 100 + rng.int(0, 99);
      if (!usedTopUpAmounts.has(a)) {
        usedTopUpAmounts.add(a);
        return a;
      }
    }
  };
  const nextTopUpRef = () => `TU-${o.unitId}-${String(++topUpSeq).padStart(4, '0')}`;

  const mossTopUp = (date: string, amount: Cents, ref: string, group: string, problem?: DraftLine['problem']): void => {
    entries.push({
      unitId: o.unitId,
      journalId: 'MOSB',
      date,
      invoiceId: null,
      description: `Moss export ${date}`,
      mossRef: ref,
      lines: [
        ledger(ACC.mossBalance, amount, 0, `Moss top-up ${ref}`),
        ledger(ACC.cashInTransit, 0, amount, `Moss top-up ${ref}`, { group, problem }),
      ],
    });
  };
  const bankPayment = (date: string, amount: Cents, text: string, group: string, problem?: DraftLine['problem']): void => {
    entries.push({
      unitId: o.unitId,
      journalId: 'BNK',
      date,
      invoiceId: null,
      // The statement's own text carries no reference: only the SEPA description says what was paid.
      description: 'Bankafschrift ING',
      nullZeroSide: true,
      lines: [ledger(ACC.cashInTransit, amount, 0, text, { group, problem }), ledger(ACC.bank, 0, amount, text)],
    });
  };

  /** A regular top-up: the bank pays 0..5 days before Moss books it. */
  const topUp = (date: string, amount: Cents, text: (ref: string) => string = (ref) => bankText.ing(ref, ref)): string => {
    const ref = nextTopUpRef();
    const group = `cit:${ref}`;
    const lag = date <= addDays(o.from, 5) ? 0 : rng.int(0, 5);
    bankPayment(addDays(date, -lag), amount, text(ref), group);
    mossTopUp(date, amount, ref, group);
    wallet.push({ date, amount });
    balance += amount;
    return ref;
  };

  /** An entry booked again, as Moss's second export of it: the copy stays open (to be reversed). */
  const exportAgain = (entry: DraftEntry, name: string): void => {
    for (const l of entry.lines) if (l.group) l.doubleExport = name;
    entries.push({
      ...entry,
      lines: entry.lines.map((l) => (l.group ? { ...l, group: `${l.group}:copy`, problem: 'duplicate-export' as const, doubleExport: name } : { ...l })),
    });
  };

  /** One card transaction (refund when negative), both Moss entries; `exportPayment` false = planted. */
  const cardTransaction = (date: string, opts: { exportPayment?: boolean; problem?: DraftLine['problem'] } = {}): DraftEntry[] => {
    const cat = rng.pick(SPEND_CATEGORIES);
    const merchant = rng.pick(cat.merchants);
    const supplier = merchant.creditor && rng.chance(0.7) ? merchant.creditor : DEFAULT_SUPPLIER;
    const rate = rng.pick(cat.vatRates);
    // Spend skews small: most card payments are a few tens of euros.
    const u = rng.next();
    let gross = Math.max(cat.min, Math.round(cat.min + (cat.max - cat.min) * u * u * u));
    const refund = rng.chance(0.02);
    const vat = Math.round((gross * rate) / (100 + rate));
    const net = gross - vat;
    const ref = `${prefix}${date.slice(0, 4)}${String(++txSeq).padStart(6, '0')}`;
    const group = `sup:${ref}`;
    const text = `${merchant.name}${refund ? ' (refund)' : ''}`;
    const vatCode = rate === 21 ? 'HOOG' : rate === 9 ? 'LAAG' : 'GEEN';
    const costCentre = rng.pick(['100', '200', '300']);
    const purchaseLines: DraftLine[] = refund
      ? [
          creditorLine(supplier, gross, 0, text, group, { problem: opts.problem }),
          ledger(cat.account, 0, net, text, { vatCode, vatAmt: vat, costCentre }),
          ...(vat ? [ledger(ACC.vat, 0, vat, text, { vatCode, vatAmt: vat })] : []),
        ]
      : [
          ledger(cat.account, net, 0, text, { vatCode, vatAmt: vat, costCentre }),
          ...(vat ? [ledger(ACC.vat, vat, 0, text, { vatCode, vatAmt: vat })] : []),
          creditorLine(supplier, 0, gross, text, group, { problem: opts.problem }),
        ];
    const purchase: DraftEntry = { unitId: o.unitId, journalId: 'MOSI', date, invoiceId: ref, description: `Moss ${ref} ${merchant.name}`, lines: purchaseLines, mossRef: ref };
    const made = [purchase];
    if (opts.exportPayment !== false) {
      made.push({
        unitId: o.unitId,
        journalId: 'MOSB',
        date,
        invoiceId: ref,
        description: `Moss ${ref} ${merchant.name}`,
        mossRef: ref,
        lines: refund
          ? [ledger(ACC.mossBalance, gross, 0, text), creditorLine(supplier, 0, gross, text, group)]
          : [creditorLine(supplier, gross, 0, text, group), ledger(ACC.mossBalance, 0, gross, text)],
      });
    }
    entries.push(...made);
    if (refund) gross = -gross;
    wallet.push({ date, amount: -gross });
    balance -= gross;
    return made;
  };

  // Noise the sync must leave out: rent and bank costs through the bank, a sales invoice.
  const monthlyNoise = (date: string): void => {
    entries.push({
      unitId: o.unitId,
      journalId: 'BNK',
      date,
      invoiceId: null,
      description: `Bankafschrift ING ${date}`,
      nullZeroSide: true,
      lines: [ledger(ACC.rent, 425_000, 0, 'Huur kantoor'), ledger(ACC.bank, 0, 425_000, 'Huur kantoor'), ledger(ACC.bankCosts, 1_250, 0, 'Kosten zakelijk pakket'), ledger(ACC.bank, 0, 1_250, 'Kosten zakelijk pakket')],
    });
    entries.push({
      unitId: o.unitId,
      journalId: 'VRK',
      date,
      invoiceId: `F${date.slice(0, 7).replace('-', '')}01`,
      description: 'Verkoopfactuur dienstverlening',
      lines: [ledger(ACC.revenue, 0, 1_815_000, 'Dienstverlening'), ledger(ACC.bank, 1_815_000, 0, 'Dienstverlening')],
    });
  };

  for (let date = o.from; date <= o.to; date = addDays(date, 1)) {
    if (date.endsWith('-01')) monthlyNoise(date);
    const day = weekday(date);
    if (date === o.from || ((day === 1 || day === 4) && balance < o.topUpBelow)) topUp(date, topUpAmount());
    const [least, most] = typeof o.perDay === 'function' ? o.perDay(date) : o.perDay;
    const n = rng.int(least, most);
    for (let k = 0; k < n; k++) cardTransaction(date);
    if (o.planted) plant(date);
  }

  // The problems a controller meets, dated so they show in May and June (the demo's last period).
  function plant(date: string): void {
    switch (date) {
      case '2025-05-27':
        // A bank payment to Moss that Moss never booked (yet): open more than 30 days by June's end.
        bankPayment(date, 187_540, bankText.abnAmro('TU-ONBEKEND'), 'cit:planted:bank-without-moss', 'bank-without-moss');
        break;
      case '2025-06-24': {
        // Moss booked a top-up the bank feed never shows (paid from another account).
        const ref = nextTopUpRef();
        mossTopUp(date, 400_000, ref, 'cit:planted:moss-without-bank', 'moss-without-bank');
        wallet.push({ date, amount: 400_000 });
        balance += 400_000;
        break;
      }
      case '2025-06-11': {
        // One top-up paid in two bank transfers (1:2).
        const ref = nextTopUpRef();
        const group = `cit:${ref}`;
        // Paid from a Rabobank account; the remittance itself contains a '/'.
        bankPayment('2025-06-09', 300_000, bankText.rabobank(`${ref} deel 1/2`, '2025-06-09'), group);
        bankPayment('2025-06-10', 200_000, bankText.rabobank(`${ref} deel 2/2`, '2025-06-10'), group);
        mossTopUp(date, 500_000, ref, group);
        wallet.push({ date, amount: 500_000 });
        balance += 500_000;
        break;
      }
      case '2025-06-18': {
        // The bank paid 2,500.00; Moss credited 2,499.65 after a 0.35 fee.
        const ref = nextTopUpRef();
        const group = 'cit:planted:fee-difference';
        bankPayment('2025-06-17', 250_000, bankText.ing(ref, ref), group, 'fee-difference');
        mossTopUp(date, 249_965, ref, group, 'fee-difference');
        wallet.push({ date, amount: 249_965 });
        balance += 249_965;
        break;
      }
      case '2025-06-13': {
        // The same card transaction exported twice: the supplier still clears, Moss Balance is off.
        const made = cardTransaction(date);
        // Which copy is "the" duplicate is the controller's call: all four supplier lines stay open.
        for (const e of made) for (const l of e.lines) if (l.group) l.problem = 'exported-twice';
        for (const e of made) {
          entries.push({ ...e, lines: e.lines.map((l) => ({ ...l, group: l.group ? `${l.group}:twice` : undefined })) });
        }
        break;
      }
      case '2025-06-03':
        // Paid from an ABN AMRO account: the SEPA text names Moss (IBAN, BIC) but no Moss
        // reference; the only exact amount in the window, so it matches on its own.
        topUp(date, topUpAmount(), () => bankText.abnAmro('Opwaardering Moss wallet'));
        break;
      case '2025-06-05': {
        // Moss exported a card payment twice: the purchase pairs with the first, the copy is open.
        const [, payment] = cardTransaction(date);
        if (payment) exportAgain(payment, 'payment-twice');
        break;
      }
      case '2025-06-12': {
        // Moss exported a purchase twice against its one payment.
        const [purchase] = cardTransaction(date);
        if (purchase) exportAgain(purchase, 'purchase-twice');
        break;
      }
      case '2025-06-16': {
        // Moss exported a top-up entry twice against one bank payment.
        topUp(date, topUpAmount());
        const moss = entries.findLast((e) => e.journalId === 'MOSB' && e.date === date && e.invoiceId === null);
        if (moss) exportAgain(moss, 'top-up-twice');
        break;
      }
      case '2025-06-20':
        // A purchase whose payment entry was never exported: the supplier keeps it open.
        cardTransaction(date, { exportPayment: false, problem: 'payment-not-exported' });
        break;
      case '2025-06-26':
        // A correction posted straight onto Cash in Transit from the memorial journal.
        entries.push({
          unitId: o.unitId,
          journalId: 'MEM',
          date,
          invoiceId: null,
          description: 'Correctie kruisposten',
          nullZeroSide: true,
          lines: [
            ledger(ACC.cashInTransit, 12_000, 0, 'Correctie kruisposten', { group: 'cit:planted:unexpected-journal', problem: 'unexpected-journal' }),
            ledger(ACC.suspense, 0, 12_000, 'Correctie kruisposten'),
          ],
        });
        break;
      default:
        break;
    }
  }
  return { unitId: o.unitId, entries, wallet };
}
