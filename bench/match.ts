// Benchmark of the reconciliation engine: 1,000,000 lines over Moss Balance, Cash in Transit and
// the Default Supplier (a year of card spend with some top-ups, noise included), timed through
// autoMatch + reconcileAdministration, against one hash pass over the same lines as a baseline.
// Lines are fed in the order the store returns them (entry date, journal, entry, sequence, as
// queryLines does); --generation-order keeps the generator's order (days at random).
// Run: npx tsx bench/match.ts [lines] [--generation-order]   Target: ≤ 3 s for the engine.
import { performance } from 'node:perf_hooks';
import { autoMatch, reconcileAdministration, reconcileWithAutoMatch } from '../src/main/reconcile';
import type { AdministrationConfig, MutationLine } from '../src/shared/domain';

const args = process.argv.slice(2);
const TARGET = Number(args.find((a) => !a.startsWith('--')) ?? 1_000_000);
const storeOrder = !args.includes('--generation-order');
const config: AdministrationConfig = {
  unitId: 1,
  profile: 'moss',
  moss: { balanceAccount: '1090', cashInTransitAccount: '1950', defaultSupplier: '70000', purchaseJournal: 'INK', bankJournal: 'MOSS', bankAccounts: ['1100'] },
};

let seed = 42;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const dates: string[] = [];
for (let m = 1; m <= 12; m++) for (let d = 1; d <= 28; d++) dates.push(`2025-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const merchants = ['Adobe', 'Google Ads', 'KLM', 'Uber', 'Slack', 'AWS', 'Albert Heijn', 'NS', 'Coolblue', 'Bol.com'];

const lines: MutationLine[] = [];
let seq = 0;
const entries: Record<string, number> = {};
function add(account: string, journal: string, entryNo: number, dateIdx: number, amount: number, invoiceId: string | null, description: string) {
  const entryDate = dates[Math.max(0, Math.min(dates.length - 1, dateIdx))]!;
  seq++;
  lines.push({
    key: `1/${journal}/${entryNo}/${seq}`,
    unitId: 1,
    journalId: journal,
    entryNo,
    seqNo: seq,
    year: 2025,
    period: Number(entryDate.slice(5, 7)),
    accountNo: account,
    accountType: null,
    entryDate,
    voucherDate: entryDate,
    voucherNo: String(entryNo),
    invoiceId,
    description,
    lineDescription: null,
    debit: amount > 0 ? amount : 0,
    credit: amount < 0 ? -amount : 0,
    amount,
    modified: null,
  });
}
const entry = (j: string) => (entries[j] = (entries[j] ?? 0) + 1);

let tx = 0;
while (lines.length < TARGET) {
  const di = Math.floor(rnd() * dates.length);
  if (rnd() < 0.04) {
    // Top-up: Moss export (Dr balance / Cr CIT) and bank feed (Dr CIT), bank 0..5 days earlier.
    const a = Math.round(rnd() * 2_000_000) + 10_000;
    const e = entry('MOSS');
    const ref = `TOPUP${tx++}`;
    add('1090', 'MOSS', e, di, a, null, `Moss top-up ${ref}`);
    add('1950', 'MOSS', e, di, -a, null, `Moss top-up ${ref}`);
    const lag = Math.floor(rnd() * 6);
    const r = rnd();
    if (r < 0.05) {
      const half = Math.floor(a / 2);
      add('1950', 'ING', entry('ING'), di - lag, half, null, `Overboeking Moss ${ref}`);
      add('1950', 'ING', entry('ING'), di - lag, a - half, null, `Overboeking Moss ${ref}`);
    } else if (r < 0.07) add('1950', 'ING', entry('ING'), di - lag, a + 250, null, `Overboeking Moss ${ref}`);
    else if (r > 0.98) {
      /* bank payment missing */
    } else add('1950', 'ING', entry('ING'), di - lag, a, null, `Overboeking Moss ${ref}`);
  } else {
    // Card transaction (5% refunds): purchase Cr supplier, payment Dr supplier / Cr balance.
    const a = (rnd() < 0.05 ? -1 : 1) * (Math.round(rnd() * 50_000) + 100);
    const m = pick(merchants);
    const inv = rnd() < 0.9 ? `TX${tx++}` : null;
    const r = rnd();
    if (r > 0.01) add('70000', 'INK', entry('INK'), di, -a, inv, `Card ${m}`);
    if (r < 0.99) {
      const e = entry('MOSS');
      add('70000', 'MOSS', e, di, a, inv, `Card ${m}`);
      add('1090', 'MOSS', e, di, -a, inv, `Card ${m}`);
    }
    if (r > 0.995) {
      const e = entry('MOSS'); // exported twice
      add('70000', 'MOSS', e, di, a, inv, `Card ${m}`);
      add('1090', 'MOSS', e, di, -a, inv, `Card ${m}`);
    }
  }
}

if (storeOrder) {
  lines.sort((a, b) =>
    a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : a.journalId < b.journalId ? -1 : a.journalId > b.journalId ? 1 : a.entryNo - b.entryNo || a.seqNo - b.seqNo,
  );
  // Fresh objects and flat strings in that order, as rows read from the store are: template
  // literals make rope strings, which hash and compare far slower than anything SQLite returns.
  const rows = JSON.parse(JSON.stringify(lines)) as MutationLine[];
  for (let i = 0; i < lines.length; i++) lines[i] = rows[i]!;
}

const base = { config, period: { year: 2025, month: 6 }, lines, notes: [], signOffs: [], walletBalance: null, today: '2025-07-10' };

// Wall seconds and this process's CPU seconds: on a shared, loaded machine the CPU time and the
// ratio to the hash pass (measured in the same run) are the fairer figures. --runs=N repeats the
// engine and the hash pass N times, alternating, and reports the best run of each.
const runs = Math.max(1, Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** Times f; keeps only what `keep` takes from its result, so no run holds the previous one's heap. */
function timed<R, K>(f: () => R, keep: (r: R) => K): { r: K; wall: number; cpu: number } {
  const t0 = performance.now();
  const c0 = cpu();
  const r = f();
  const wall = (performance.now() - t0) / 1000;
  return { r: keep(r), wall, cpu: cpu() - c0 };
}
function hashPass(): number {
  const hash = new Map<string, number>();
  for (const l of lines) {
    const k = `${l.accountNo}|${l.amount}`;
    hash.set(k, (hash.get(k) ?? 0) + 1);
  }
  return hash.size;
}

type Timed<K> = { r: K; wall: number; cpu: number };
type Counts = { confirmed: number; suggested: number; flags: number };
const counts = (r: ReturnType<typeof reconcileAdministration>): Counts => ({ confirmed: r.matchCounts.confirmed, suggested: r.matchCounts.suggested, flags: r.flags.length });
let best: { auto: Timed<number>; rec: Timed<Counts> } | null = null;
let bestHash: Timed<number> | null = null;
let bestBoth: Timed<number> | null = null;
const walls: number[] = [];
for (let i = 0; i < runs; i++) {
  let matches: ReturnType<typeof autoMatch> = [];
  const auto = timed(
    () => autoMatch({ ...base, storedMatches: [] }),
    (r) => (matches = r).length,
  );
  const rec = timed(() => reconcileAdministration({ ...base, storedMatches: matches }), counts);
  matches = [];
  walls.push(auto.wall + rec.wall);
  if (!best || auto.wall + rec.wall < best.auto.wall + best.rec.wall) best = { auto, rec };
  const h = timed(hashPass, (k) => k);
  if (!bestHash || h.wall < bestHash.wall) bestHash = h;
  const both = timed(
    () => reconcileWithAutoMatch({ ...base, storedMatches: [] }),
    (r) => r.autoMatches.length,
  );
  if (!bestBoth || both.wall < bestBoth.wall) bestBoth = both;
}
const { auto, rec } = best!;
const tHash = bestHash!.wall;
const engine = auto.wall + rec.wall;
const n = lines.length;
console.log(`lines                      ${n} (${storeOrder ? 'store order' : 'generation order'}${runs > 1 ? `; best of ${runs} runs, all: ${walls.map((w) => w.toFixed(2)).join(' ')} s` : ''})`);
console.log(`autoMatch                  ${auto.wall.toFixed(3)} s  (cpu ${auto.cpu.toFixed(3)} s; ${auto.r} matches)`);
console.log(
  `reconcileAdministration    ${rec.wall.toFixed(3)} s  (cpu ${rec.cpu.toFixed(3)} s; ${rec.r.confirmed} confirmed, ${rec.r.suggested} suggested in period, ${rec.r.flags} flags)`,
);
console.log(`engine total               ${engine.toFixed(3)} s  (cpu ${(auto.cpu + rec.cpu).toFixed(3)} s)  ${Math.round(n / engine).toLocaleString('en')} lines/s`);
console.log(`reconcileWithAutoMatch     ${bestBoth!.wall.toFixed(3)} s  (cpu ${bestBoth!.cpu.toFixed(3)} s; both in one call, lines prepared once)`);
console.log(`hash pass (account+amount) ${tHash.toFixed(3)} s  ${Math.round(n / tHash).toLocaleString('en')} lines/s  (${bestHash!.r} keys)`);
console.log(`ratio engine / hash pass   ${(engine / tHash).toFixed(1)}×`);
console.log(`target ≤ 3 s for ${n} lines: ${engine <= 3 ? 'MET' : 'NOT MET'} (${engine.toFixed(3)} s wall)`);
