// The one API contract: argument schemas per method (validated in main), result types, and the
// envelope every call resolves to. Used by the preload, createHandlers and the e2e harness alike.
import { z } from 'zod';
import { PROFILE_IDS, type AppError, type Lang } from './domain';
import type { Method } from './methods';
import type { AdministrationResult } from './reconcile';
import { ITEM_CATEGORIES } from './reconcile';
import type { AccountLine, AccountLinesView, ChoiceLists, LineHistoryEntry, ReadinessItem, SyncProgressView, WorkspaceView } from './views';

export const lang = z.enum(['nl', 'en']);

// Bounded everywhere: the renderer is trusted less than main.
const text = (max: number) => z.string().max(max);
const unitId = z.number().int().min(0).max(1_000_000_000);
const cents = z.number().int().refine(Number.isSafeInteger);
const accountNo = text(40).min(1);
/** unitId/journal/entryNo/seqNo as lineKey() writes them: safe integers, no leading zeros, no 1e+21. */
const lineKeyArg = text(120)
  .regex(/^(0|[1-9]\d*)\/[^/]+\/(0|[1-9]\d*)\/(0|[1-9]\d*)$/)
  .refine((key) => {
    const parts = key.split('/');
    return [parts[0], parts[parts.length - 2], parts[parts.length - 1]].every((p) => Number.isSafeInteger(Number(p)));
  }, 'not a line key');
const person = text(120).trim().min(1);
const id = text(200).min(1);
const category = z.enum(ITEM_CATEGORIES);
/** How a difference is explained: category and reason; "to book" names the counter account. */
const explanation = z
  .object({ category, reason: text(500).optional(), counterAccount: text(40).optional(), aboveTolerance: z.boolean().optional() })
  .strict();

export const period = z.object({ year: z.number().int().min(2000).max(2100), month: z.number().int().min(1).max(12) }).strict();

/** 12345, or the O12345AA form AFAS shows; the handler checks it and says what is wrong. */
export const environment = z
  .object({
    number: text(40).min(1),
    type: z.enum(['production', 'test', 'accept']),
    baseUrl: z.url().max(300).optional(),
  })
  .strict();

const mossProfile = z
  .object({
    balanceAccount: accountNo,
    cashInTransitAccount: accountNo,
    defaultSupplier: accountNo,
    purchaseJournal: text(40).min(1),
    bankJournal: text(40).min(1),
    bankAccounts: z.array(accountNo).max(50),
    merchantCreditors: z.array(accountNo).max(500).optional(),
    citWindowDays: z.number().int().min(0).max(60).optional(),
    openDaysThreshold: z.number().int().min(1).max(366).optional(),
  })
  .strict();

const nmbrsProfile = z
  .object({
    journal: text(40).min(1),
    netWagesAccount: accountNo,
    payrollTaxAccount: accountNo,
    pensionAccount: accountNo.optional(),
    bankAccounts: z.array(accountNo).max(50),
  })
  .strict();

const declareeProfile = z
  .object({
    journal: text(40).min(1),
    paymentsInTransitAccount: accountNo,
    bankAccounts: z.array(accountNo).max(50).optional(),
    employeeCreditors: z.array(accountNo).max(10_000).optional(),
    paymentCycleDays: z.number().int().min(0).max(366).optional(),
  })
  .strict();

const spendcloudProfile = z
  .object({
    journal: text(40).min(1),
    transitoryAccounts: z.array(accountNo).min(1).max(50),
  })
  .strict();

/** Each profile key optional, at least one present; `profile` (the old shape) names a present key. */
export const administration = z
  .object({
    unitId,
    name: text(200).optional(),
    profile: z.enum(PROFILE_IDS).optional(),
    moss: mossProfile.optional(),
    nmbrs: nmbrsProfile.optional(),
    declaree: declareeProfile.optional(),
    spendcloud: spendcloudProfile.optional(),
  })
  .strict()
  .refine((a) => PROFILE_IDS.some((p) => a[p] !== undefined), 'choose at least one profile (moss, nmbrs, declaree, spendcloud)')
  .refine((a) => a.profile === undefined || a[a.profile] !== undefined, 'profile names a key that is missing');

export const contract = {
  getSettings: z.tuple([]),
  setLanguage: z.tuple([lang]),
  getAppInfo: z.tuple([]),
  getWorkspace: z.tuple([]),
  saveEnvironment: z.tuple([environment]),
  storeClassicToken: z.tuple([text(20_000).min(1)]),
  /** The OAuth client id registered for Kruispost at AFAS (configuration, not a secret). */
  signInWithAfas: z.tuple([text(200).trim().regex(/^[\w.:-]*$/)]),
  signOutAfas: z.tuple([]),
  testConnection: z.tuple([]),
  getReadiness: z.tuple([administration]),
  getChoices: z.tuple([unitId]),
  saveAdministration: z.tuple([administration]),
  startDemo: z.tuple([]),
  leaveDemo: z.tuple([]),
  startSync: z.tuple([period]),
  getSyncStatus: z.tuple([]),
  cancelSync: z.tuple([]),
  getResult: z.tuple([unitId, period]),
  /** unitId, account, period, offset, limit: one slice of the account's lines in compact form. */
  getAccountLines: z.tuple([unitId, accountNo, period, z.number().int().min(0).max(10_000_000), z.number().int().min(1).max(200_000)]),
  /** unitId, account, period, line key: everything about one line (the table shows a digest). */
  getLineDetail: z.tuple([unitId, accountNo, period, lineKeyArg]),
  /** unitId, account, line keys, stated difference (cents), reason, by, explanation (with a difference) */
  confirmMatch: z.tuple([unitId, accountNo, z.array(lineKeyArg).min(2).max(10_000), cents, text(500).nullable(), person, explanation.optional()]),
  /** unitId, period, matchId, by, explanation (a suggestion with a difference) */
  acceptSuggestion: z.tuple([unitId, period, id, person, explanation.optional()]),
  /** unitId, period, account, by: every suggestion of the account that adds up to zero, one undo. */
  acceptExactSuggestions: z.tuple([unitId, period, accountNo, person]),
  /** unitId, period, line key, category (null clears), reason, counter account ("to book"), by */
  categoriseItem: z.tuple([unitId, period, lineKeyArg, category.nullable(), text(500), text(40).nullable(), person]),
  /** unitId, matchId, by, reason */
  unmatch: z.tuple([unitId, id, person, text(500).nullable()]),
  undo: z.tuple([person]),
  addNote: z.tuple([unitId, lineKeyArg, text(2000), person]),
  signOff: z.tuple([unitId, accountNo, period, z.enum(['preparer', 'reviewer']), person]),
  /** unitId, account, period, comment, by (the reviewer): the account is open again. */
  rejectSignOff: z.tuple([unitId, accountNo, period, text(1000).trim().min(1), person]),
  /** unitId, period, account, cents, permille (10 = 1 %), by */
  setTolerance: z.tuple([unitId, period, accountNo, cents.refine((c) => c >= 0, 'not negative'), z.number().int().min(0).max(1000), person]),
  /** unitId, line key: who did what to the line, in words. */
  getLineHistory: z.tuple([unitId, lineKeyArg]),
  /** unitId, period, wallet balance (cents) or null, by */
  setWalletBalance: z.tuple([unitId, period, cents.nullable(), person]),
  /** unitId, period, language of the workbook. Main asks where to save. */
  exportWorkbook: z.tuple([unitId, period, lang]),
} satisfies Record<Method, z.ZodTuple>;

export interface Settings {
  language: Lang;
}

export interface AppInfo {
  name: string;
  version: string;
}

export type { AccountLine, AccountLinesView, ChoiceLists, LineHistoryEntry, ReadinessItem, SyncProgressView, WorkspaceView };

/**
 * A slice of an account's lines as the matching table needs them, in columns: 100,000 lines as
 * objects are ~42 MB of JSON, in columns a sixth of that. Lines come sorted by (entry date, key);
 * index i of every column is one line. The line key is unitId/journal/entryNo/seqNo (lineKey()).
 */
export interface CompactLines {
  account: string;
  unitId: number;
  /** All lines of the answer; this slice starts at `offset`. */
  total: number;
  offset: number;
  journals: string[];
  dates: string[];
  texts: string[];
  /** Index into journals / dates / texts. */
  journal: number[];
  date: number[];
  text: number[];
  entryNo: number[];
  seqNo: number[];
  /** Voucher number, else invoice, else the entry number: what the table's column shows. */
  voucher: string[];
  amount: number[];
  /** [index within this slice, note text] for the lines that have a note. */
  notes: [number, string][];
}

export interface Results {
  getSettings: Settings;
  setLanguage: Settings;
  getAppInfo: AppInfo;
  getWorkspace: WorkspaceView;
  saveEnvironment: WorkspaceView;
  storeClassicToken: WorkspaceView;
  signInWithAfas: WorkspaceView;
  signOutAfas: WorkspaceView;
  testConnection: { profitVersion: string; administrations: { unitId: number; name: string }[] };
  getReadiness: ReadinessItem[];
  getChoices: ChoiceLists;
  saveAdministration: WorkspaceView;
  startDemo: WorkspaceView;
  leaveDemo: WorkspaceView;
  startSync: { runId: string };
  getSyncStatus: SyncProgressView | null;
  cancelSync: null;
  getResult: AdministrationResult;
  getAccountLines: CompactLines;
  getLineDetail: AccountLine | null;
  confirmMatch: AdministrationResult;
  acceptSuggestion: AdministrationResult;
  acceptExactSuggestions: { result: AdministrationResult; accepted: number };
  categoriseItem: AdministrationResult;
  unmatch: AdministrationResult;
  undo: { undone: string | null };
  addNote: null;
  signOff: AdministrationResult;
  rejectSignOff: AdministrationResult;
  setTolerance: AdministrationResult;
  getLineHistory: LineHistoryEntry[];
  setWalletBalance: AdministrationResult;
  /** null when the controller cancelled the save dialog. */
  exportWorkbook: { path: string } | null;
}

export type Args<M extends Method> = z.infer<(typeof contract)[M]>;
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** window.kruispost */
export type KruispostApi = { [M in Method]: (...args: Args<M>) => Promise<Envelope<Results[M]>> };

/** Plain async functions that may throw AppFailure, one per method. */
export type Handlers = { [M in Method]: (...args: Args<M>) => Promise<Results[M]> };

/** Served by the host itself, not the backend: the demo is a workspace of its own. */
export type HostMethod = 'startDemo' | 'leaveDemo';

/** What createHandlers returns: the backend's share of the contract. */
export type BackendHandlers = Omit<Handlers, HostMethod>;
