// Hand-made engine output for the workbook tests and the benchmark: amounts chosen to trip binary
// floating point (0.10 + 0.20 − 0.30), signs both ways, text that must not become a formula, and a
// token that must never reach the file.
import type { LineKey, MutationLine } from '../../src/shared/domain';
import { lineKey } from '../../src/shared/domain';
import type { Cents } from '../../src/shared/money';
import { proposeCorrection } from '../../src/shared/correction-entry';
import type { AccountResult, AdministrationResult, AgeBucket, AuditEntry, MatchGroup, OpenItem, ReconcilingItem } from '../../src/shared/reconcile';
import { AGE_BUCKETS } from '../../src/shared/reconcile';
import type { WorkbookInput } from '../../src/main/workbook/writeWorkbook';

export const FIXTURE_TOKEN_DATA = 'D3ADBEEF5EC12E7A0C3F9B1E2D4C6A8F0E1D2C3B4A5968778695A4B3C2D1E0F9';
export const FIXTURE_TOKEN = `<token><version>1</version><data>${FIXTURE_TOKEN_DATA}</data></token>`;

export function line(unitId: number, journalId: string, entryNo: number, seqNo: number, accountNo: string, amount: Cents, extra: Partial<MutationLine> = {}): MutationLine {
  return {
    key: lineKey(unitId, journalId, entryNo, seqNo),
    unitId,
    journalId,
    entryNo,
    seqNo,
    year: 2025,
    period: 3,
    accountNo,
    accountType: null,
    entryDate: '2025-03-14',
    voucherDate: null,
    voucherNo: `B${entryNo}`,
    invoiceId: null,
    description: `Boeking ${entryNo}`,
    lineDescription: null,
    debit: amount > 0 ? amount : 0,
    credit: amount < 0 ? -amount : 0,
    amount,
    modified: null,
    ...extra,
  };
}

function bucketOf(ageDays: number): AgeBucket {
  if (ageDays <= 30) return '0-30';
  if (ageDays <= 60) return '31-60';
  if (ageDays <= 90) return '61-90';
  if (ageDays <= 180) return '91-180';
  return '180+';
}

export function openItem(l: MutationLine, ageDays: number, extra: Partial<OpenItem> = {}): OpenItem {
  return { line: l, ageDays, bucket: bucketOf(ageDays), flags: [], note: null, ...extra };
}

function aging(items: OpenItem[]): Record<AgeBucket, Cents> {
  const t = Object.fromEntries(AGE_BUCKETS.map((b) => [b, 0])) as Record<AgeBucket, Cents>;
  for (const i of items) t[i.bucket] += i.line.amount;
  return t;
}

export function account(partial: Partial<AccountResult> & Pick<AccountResult, 'role' | 'account' | 'closing'>): AccountResult {
  const openItems = partial.openItems ?? [];
  const expected = partial.expected ?? 0;
  const difference = partial.closing - expected;
  // Movements that add up: opening + debit − credit = closing.
  const opening = partial.opening ?? 0;
  const move = partial.closing - opening;
  return {
    name: null,
    opening,
    debit: move > 0 ? move : 0,
    credit: move < 0 ? -move : 0,
    expected,
    difference,
    clears: difference === 0,
    status: difference === 0 ? 'clears' : 'does-not-clear',
    lineCount: openItems.length,
    agingTotals: aging(openItems),
    dailyBalances: [],
    signOff: { preparer: null, reviewer: null, suspended: false, suspendedReason: null },
    ...partial,
    openItems,
  };
}

const CIT = '2030';
/** The fee of match m-2, to book against bank charges. */
export const FEE_CORRECTION = proposeCorrection(CIT, 5, '4610', 'Bankkosten € 0,05');

/** Administration 1: every sheet has something on it. */
export function richResult(): { result: AdministrationResult; lines: Map<LineKey, MutationLine> } {
  const timing = { category: 'timing' as const, reason: 'Moss boekt op 01-04', correction: null, by: 'Anna de Vries', at: '2025-04-02T09:00:00Z' };
  const citItems = [
    openItem(line(1, '50', 101, 1, CIT, 10, { entryDate: '2025-03-30' }), 1, { categorisation: timing }),
    openItem(line(1, '50', 102, 1, CIT, 20, { entryDate: '2025-03-01' }), 30),
    openItem(line(1, '50', 103, 1, CIT, -30, { entryDate: '2025-01-15' }), 75, { flags: ['open-too-long', 'missing-counterpart'] }),
    openItem(line(1, '20', 104, 1, CIT, 123456789, { invoiceId: 'F-2025-0042', entryDate: '2024-08-01' }), 242, {
      flags: ['open-too-long'],
      note: `Wacht op Moss-export. Pasted by mistake: ${FIXTURE_TOKEN}`,
    }),
    openItem(line(1, '20', 105, 2, CIT, -1, { lineDescription: '=HYPERLINK("http://example.invalid","klik")', entryDate: '2025-02-20' }), 39),
  ];
  const citClosing = citItems.reduce((s, i) => s + i.line.amount, 0); // 123456788
  const creditorItems = [openItem(line(1, '70', 201, 3, '16001', -4999, { invoiceId: 'INV-9', voucherNo: 'INV-9' }), 95)];

  const matched: MutationLine[] = [
    line(1, '50', 301, 1, CIT, 250000),
    line(1, '20', 302, 1, CIT, -250000),
    line(1, '50', 303, 1, CIT, 10005),
    line(1, '20', 304, 1, CIT, -10000), // matched with a stated difference of 5 cents (bank fee)
    line(1, '50', 305, 1, CIT, 7733),
    line(1, '20', 306, 1, CIT, -7700),
    line(1, '20', 306, 2, CIT, -33),
  ];
  const lines = new Map(matched.map((l) => [l.key, l]));
  const k = (i: number) => matched[i]!.key;
  const matches: MatchGroup[] = [
    { id: 'm-1', unitId: 1, account: CIT, lines: [k(0), k(1)], status: 'confirmed', method: 'cit-exact', difference: 0, reason: null, evidence: { amount: true, date: true, reference: true }, confirmedBy: 'Anna de Vries', confirmedAt: '2025-04-02T08:15:00Z' },
    { id: 'm-2', unitId: 1, account: CIT, lines: [k(2), k(3)], status: 'confirmed', method: 'amount-difference', difference: 5, reason: 'Bankkosten € 0,05', evidence: { amount: false, date: true, reference: false }, confirmedBy: 'Anna de Vries', confirmedAt: '2025-04-02T23:30:00Z', category: 'to-book', correction: FEE_CORRECTION },
    { id: 'sugg-1', unitId: 1, account: CIT, lines: [k(0), k(1)], status: 'suggested', method: 'cit-exact', difference: 0, reason: null, evidence: { amount: true, date: true, reference: false }, confirmedBy: null, confirmedAt: null },
    { id: 'm-3', unitId: 1, account: CIT, lines: [k(4), k(5), k(6)], status: 'stale', method: 'cit-subset', difference: 0, reason: null, evidence: { amount: true, date: true, reference: false }, confirmedBy: null, confirmedAt: null, staleReason: { nl: 'Bedrag van regel gewijzigd', en: 'Line amount changed' } },
  ];

  // Moss Balance: engine reports spend as a positive amount to subtract.
  const rollforward = { opening: 500000, topUps: 300000, spend: 254321, refunds: 1234, other: -10, closing: 546903, wallet: 546800, difference: 103, likelyCauses: [{ nl: 'Uitgave niet geëxporteerd', en: 'Spend not exported' }, { nl: 'Dubbele export', en: 'Exported twice' }] };

  const citReconciling: ReconcilingItem[] = [
    ...citItems.map((o) => ({ kind: 'open-item' as const, account: CIT, lines: [o.line.key], matchId: null, amount: o.line.amount, categorisation: o.categorisation ?? null })),
    { kind: 'match-difference', account: CIT, lines: [k(2), k(3)], matchId: 'm-2', amount: 5, categorisation: { category: 'to-book', reason: 'Bankkosten € 0,05', correction: FEE_CORRECTION, by: 'Anna de Vries', at: '2025-04-02T23:30:00Z' } },
  ];
  const accounts: AccountResult[] = [
    account({ role: 'mossBalance', account: '1100', name: 'Moss Balance', opening: 500000, debit: 301234, credit: 254331, closing: 546903, expected: 546800, lineCount: 87 }),
    account({ role: 'cashInTransit', account: CIT, name: 'Tussenrekening bank/Moss', closing: citClosing, openItems: citItems, lineCount: 12, reconcilingItems: citReconciling, categorised: 15, unexplained: citClosing - 15 }),
    account({
      role: 'defaultSupplier',
      account: '16000',
      name: 'Moss Default Supplier',
      closing: 0,
      lineCount: 40,
      signOff: { preparer: { by: 'Anna de Vries', at: '2025-04-03T09:00:00Z' }, reviewer: { by: 'Bram Jansen', at: '2025-04-04T15:45:00Z' }, suspended: false, suspendedReason: null },
    }),
    account({ role: 'creditor', account: '16001', name: "Bakker's & Zn [Utrecht]", closing: -4999, openItems: creditorItems, lineCount: 2 }),
  ];

  return {
    lines,
    result: {
      unitId: 1,
      name: 'Voorbeeld B.V.',
      period: { year: 2025, month: 3 },
      accounts,
      matches,
      flags: [
        { code: 'open-too-long', severity: 'warning', account: CIT, lines: [citItems[3]!.line.key], message: { nl: 'Open sinds 242 dagen', en: 'Open for 242 days' } },
        { code: 'wallet-difference', severity: 'error', account: '1100', lines: [], message: { nl: 'Verschil met wallet € 1,03', en: 'Wallet difference €1.03' } },
      ],
      rollforward,
      matchCounts: { suggested: 0, confirmed: 2, stale: 1 },
    },
  };
}

/** Administration 2: no name, no wallet entered, an empty clearing account. */
export function bareResult(): AdministrationResult {
  return {
    unitId: 2,
    name: null,
    period: { year: 2025, month: 3 },
    accounts: [
      account({ role: 'mossBalance', account: '1100', closing: -1, expected: -1, status: 'awaiting-balance', clears: false }),
      account({ role: 'cashInTransit', account: CIT, closing: 0 }),
    ],
    matches: [],
    flags: [],
    rollforward: { opening: 0, topUps: 0, spend: 0, refunds: 0, other: -1, closing: -1, wallet: null, difference: null, likelyCauses: [] },
    matchCounts: { suggested: 0, confirmed: 0, stale: 0 },
  };
}

export function auditTrail(): AuditEntry[] {
  return [
    { id: 1, at: '2025-04-02T08:15:00Z', by: 'auto', action: 'match.auto', unitId: 1, account: CIT, detail: JSON.stringify({ count: 1, matches: [{ matchId: 'm-1', method: 'cit-exact', lines: [{ key: '1/50/301/1', amount: 250000 }, { key: '1/20/302/1', amount: -250000 }] }] }), reason: null },
    {
      id: 2, at: '2025-04-02T23:30:00Z', by: 'Anna de Vries', action: 'match.confirm', unitId: 1, account: CIT,
      detail: JSON.stringify({ matchId: 'm-2', method: 'amount-difference', lines: [{ key: '1/50/303/1', amount: 10005 }, { key: '1/20/304/1', amount: -10000 }], difference: 5, category: 'to-book', correction: FEE_CORRECTION }),
      reason: 'Bankkosten € 0,05',
    },
    { id: 3, at: '2025-04-01T07:00:00Z', by: 'system', action: 'settings.token', unitId: null, account: null, detail: `token replaced ${FIXTURE_TOKEN}`, reason: null },
    { id: 4, at: '2025-04-03T09:00:00Z', by: 'Anna de Vries', action: 'wallet.set', unitId: 1, account: '1100', detail: JSON.stringify({ period: '2025-03', wallet: '5468.00' }), reason: null },
  ];
}

export function fixtureInput(): WorkbookInput {
  const rich = richResult();
  const sync = {
    environment: { number: '12345', type: 'production' as const },
    syncedAt: '2025-04-02T06:00:00Z',
    rowCounts: { Profit_Transactions_Allocated: 1234, Profit_Period_balance: 56 },
    administrations: [
      { unitId: 1, name: 'Voorbeeld B.V.' },
      { unitId: 2, name: null },
    ],
    // Not part of the type: a caller that passes more than it should must not leak it.
    token: FIXTURE_TOKEN,
  };
  return {
    results: [rich.result, bareResult()],
    audit: auditTrail(),
    sync,
    generatedAt: '2025-04-05T10:00:00Z',
    appVersion: '0.1.0',
    lines: rich.lines,
  };
}

/** A large administration for the benchmark: `openCount` open items, `matchedLines` lines in pairs. */
export function largeInput(openCount: number, matchedLines: number): WorkbookInput {
  const items: OpenItem[] = [];
  for (let i = 0; i < openCount; i++) {
    const amount = ((i * 7919) % 2000001) - 1000000 || 1;
    const day = 1 + (i % 28);
    items.push(
      openItem(line(1, i % 2 ? '50' : '20', 100000 + i, 1, CIT, amount, { entryDate: `2025-03-${String(day).padStart(2, '0')}`, invoiceId: i % 3 ? null : `F-${i}` }), 31 - day, {
        flags: i % 10 === 0 ? ['open-too-long'] : [],
        note: i % 50 === 0 ? 'Navragen bij bank' : null,
      }),
    );
  }
  const lines = new Map<LineKey, MutationLine>();
  const matches: MatchGroup[] = [];
  for (let g = 0; g < matchedLines / 2; g++) {
    const amount = 100 + ((g * 104729) % 500000);
    const a = line(1, '50', 500000 + g, 1, CIT, amount);
    const b = line(1, '20', 500000 + g, 2, CIT, -amount);
    lines.set(a.key, a);
    lines.set(b.key, b);
    matches.push({ id: `m-${g}`, unitId: 1, account: CIT, lines: [a.key, b.key], status: 'confirmed', method: 'cit-exact', difference: 0, reason: null, evidence: { amount: true, date: true, reference: true }, confirmedBy: 'Anna de Vries', confirmedAt: '2025-04-02T08:15:00Z' });
  }
  const closing = items.reduce((s, i) => s + i.line.amount, 0);
  const result: AdministrationResult = {
    unitId: 1,
    name: 'Groot B.V.',
    period: { year: 2025, month: 3 },
    accounts: [account({ role: 'cashInTransit', account: CIT, closing, openItems: items, lineCount: openCount + matchedLines })],
    matches,
    flags: [],
    rollforward: { opening: 0, topUps: 0, spend: 0, refunds: 0, other: 0, closing: 0, wallet: null, difference: null, likelyCauses: [] },
    matchCounts: { suggested: 0, confirmed: matches.length, stale: 0 },
  };
  return {
    results: [result],
    audit: [],
    sync: { environment: { number: '12345', type: 'production' }, syncedAt: null, rowCounts: {}, administrations: [{ unitId: 1, name: 'Groot B.V.' }] },
    generatedAt: '2025-04-05T10:00:00Z',
    appVersion: '0.1.0',
    lines,
  };
}
