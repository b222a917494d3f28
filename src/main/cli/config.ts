// The `--config FILE` of `kruispost reconcile`: JSON validated with zod; a mistake names the field.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AdministrationConfig, EnvironmentConfig } from '../../shared/domain';
import { parsePeriodId, PROFILE_IDS } from '../../shared/domain';
import { accountConflicts } from '../reconcile/profiles';
import { UsageError } from './errors';
import { closestKey } from './suggest';

const code = z.string().trim().min(1);
const moss = z
  .object({
    balanceAccount: code,
    cashInTransitAccount: code,
    defaultSupplier: code,
    purchaseJournal: code,
    bankJournal: code,
    bankAccounts: z.array(code).min(1),
    merchantCreditors: z.array(code).optional(),
    citWindowDays: z.number().int().min(0).max(60).optional(),
    openDaysThreshold: z.number().int().min(1).max(3650).optional(),
  })
  .loose();

const nmbrs = z
  .object({
    journal: code,
    netWagesAccount: code,
    payrollTaxAccount: code,
    pensionAccount: code.optional(),
    bankAccounts: z.array(code).min(1),
  })
  .loose();

const declaree = z
  .object({
    journal: code,
    paymentsInTransitAccount: code,
    bankAccounts: z.array(code).min(1).optional(),
    employeeCreditors: z.array(code).optional(),
    paymentCycleDays: z.number().int().min(0).max(366).optional(),
  })
  .strict();

const spendcloud = z
  .object({
    journal: code,
    transitoryAccounts: z.array(code).min(1),
  })
  .loose();

const environment = z
  .object({
    number: z.string().trim().min(1),
    type: z.enum(['production', 'test', 'accept']).default('production'),
    baseUrl: z.string().optional(),
  })
  .loose();
// Each profile key is optional, at least one is present; "profile": "moss" (the old shape) only
// names a key that must then be there.
const administration = z
  .object({
    unitId: z.number().int().positive(),
    name: z.string().optional(),
    profile: z.enum(PROFILE_IDS).optional(),
    moss: moss.optional(),
    nmbrs: nmbrs.optional(),
    declaree: declaree.optional(),
    spendcloud: spendcloud.optional(),
  })
  .loose()
  .superRefine((a, ctx) => {
    if (!PROFILE_IDS.some((p) => a[p] !== undefined)) ctx.addIssue({ code: 'custom', message: `name at least one profile: ${PROFILE_IDS.join(', ')}`, path: [] });
    if (a.profile !== undefined && a[a.profile] === undefined) ctx.addIssue({ code: 'custom', message: `"profile": "${a.profile}" needs the key "${a.profile}"`, path: [a.profile] });
  });

const schema = z
  .object({
    environment,
    administrations: z.array(administration).min(1),
    syncFrom: z
      .string()
      .refine((s) => parsePeriodId(s) !== null, { message: 'expected YYYY-MM' })
      .optional(),
  })
  .loose();

export interface CliConfig {
  environment: EnvironmentConfig;
  administrations: AdministrationConfig[];
  syncFrom: string | null;
}

/** `administrations[0].moss.balanceAccount` style path of a zod issue. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(root)';
}

interface Problem {
  field: string;
  nl: string;
  en: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keys the schema does not know, at every level: a typo (`merchantCreditor`) would otherwise be
 * ignored and the setting silently missing. `$schema`/`$comment` are left for editors.
 */
function unknownKeys(value: unknown): Problem[] {
  const out: Problem[] = [];
  const check = (obj: unknown, known: readonly string[], at: string) => {
    if (!isObject(obj)) return;
    for (const key of Object.keys(obj)) {
      if (known.includes(key) || key.startsWith('$')) continue;
      const field = at ? `${at}.${key}` : key;
      const meant = closestKey(key, known);
      out.push({
        field,
        nl: `${field}: onbekende sleutel${meant ? ` — bedoelt u "${meant}"?` : ''}`,
        en: `${field}: unknown key${meant ? ` — did you mean "${meant}"?` : ''}`,
      });
    }
  };
  check(value, Object.keys(schema.shape), '');
  if (!isObject(value)) return out;
  check(value.environment, Object.keys(environment.shape), 'environment');
  if (Array.isArray(value.administrations)) {
    value.administrations.forEach((a, i) => {
      check(a, ['unitId', 'name', 'profile', ...PROFILE_IDS], `administrations[${i}]`);
      if (isObject(a)) {
        check(a.moss, Object.keys(moss.shape), `administrations[${i}].moss`);
        check(a.nmbrs, Object.keys(nmbrs.shape), `administrations[${i}].nmbrs`);
        check(a.declaree, Object.keys(declaree.shape), `administrations[${i}].declaree`);
        check(a.spendcloud, Object.keys(spendcloud.shape), `administrations[${i}].spendcloud`);
      }
    });
  }
  return out;
}

export function parseConfig(value: unknown, file: string): CliConfig {
  const r = schema.safeParse(value);
  const problems = [
    ...unknownKeys(value),
    ...(r.success ? [] : r.error.issues.map((i) => ({ field: fieldPath(i.path), nl: `${fieldPath(i.path)}: ${i.message}`, en: `${fieldPath(i.path)}: ${i.message}` }))),
  ].slice(0, 8);
  if (problems.length > 0 || !r.success) {
    const lines = (lang: 'nl' | 'en') => problems.map((p) => `  ${p[lang]}`).join('\n');
    throw new UsageError(
      {
        nl: `Het configuratiebestand ${file} klopt niet:\n${lines('nl')}`,
        en: `The configuration file ${file} is not valid:\n${lines('en')}`,
      },
      {
        nl: 'Verbeter de genoemde velden. Voorbeeld: {"environment":{"number":"12345","type":"production"},"administrations":[{"unitId":1,"moss":{…},"nmbrs":{…},"declaree":{…},"spendcloud":{"journal":"INK","transitoryAccounts":["24302"]}}],"syncFrom":"2025-01"}',
        en: 'Fix the fields named. Example: {"environment":{"number":"12345","type":"production"},"administrations":[{"unitId":1,"moss":{…},"nmbrs":{…},"declaree":{…},"spendcloud":{"journal":"INK","transitoryAccounts":["24302"]}}],"syncFrom":"2025-01"}',
      },
      problems.map((p) => p.field),
    );
  }
  const d = r.data;
  const units = d.administrations.map((a) => a.unitId);
  const dup = units.find((u, i) => units.indexOf(u) !== i);
  if (dup !== undefined) {
    throw new UsageError(
      { nl: `administrations: administratie ${dup} staat er twee keer in.`, en: `administrations: administration ${dup} is listed twice.` },
      { nl: 'Noem elke administratie één keer.', en: 'List each administration once.' },
      ['administrations'],
    );
  }
  return {
    environment: { number: d.environment.number, type: d.environment.type, ...(d.environment.baseUrl ? { baseUrl: d.environment.baseUrl } : {}) },
    administrations: d.administrations.map((a, i) => {
      const out = administrationOf(a);
      const conflict = accountConflicts(out)[0];
      if (conflict) {
        throw new UsageError(
          {
            nl: `administrations[${i}]: rekening ${conflict.account} staat bij ${conflict.fields.join(' en ')}; een tussenrekening hoort bij één rol.`,
            en: `administrations[${i}]: account ${conflict.account} is given for ${conflict.fields.join(' and ')}; a clearing account has one role.`,
          },
          { nl: 'Kies voor elke rol een eigen rekening.', en: 'Choose a separate account for each role.' },
          conflict.fields.map((f) => `administrations[${i}].${f}`),
        );
      }
      return out;
    }),
    syncFrom: d.syncFrom ?? null,
  };
}

/** The configuration as the app stores it: known fields only, each profile as given. */
function administrationOf(a: z.infer<typeof administration>): AdministrationConfig {
  const m = a.moss;
  const n = a.nmbrs;
  const d = a.declaree;
  const sc = a.spendcloud;
  return {
    unitId: a.unitId,
    ...(a.name ? { name: a.name } : {}),
    ...(a.profile ? { profile: a.profile } : {}),
    ...(m
      ? {
          moss: {
            balanceAccount: m.balanceAccount,
            cashInTransitAccount: m.cashInTransitAccount,
            defaultSupplier: m.defaultSupplier,
            purchaseJournal: m.purchaseJournal,
            bankJournal: m.bankJournal,
            bankAccounts: m.bankAccounts,
            ...(m.merchantCreditors ? { merchantCreditors: m.merchantCreditors } : {}),
            ...(m.citWindowDays !== undefined ? { citWindowDays: m.citWindowDays } : {}),
            ...(m.openDaysThreshold !== undefined ? { openDaysThreshold: m.openDaysThreshold } : {}),
          },
        }
      : {}),
    ...(n
      ? {
          nmbrs: {
            journal: n.journal,
            netWagesAccount: n.netWagesAccount,
            payrollTaxAccount: n.payrollTaxAccount,
            ...(n.pensionAccount ? { pensionAccount: n.pensionAccount } : {}),
            bankAccounts: n.bankAccounts,
          },
        }
      : {}),
    ...(d
      ? {
          declaree: {
            journal: d.journal,
            paymentsInTransitAccount: d.paymentsInTransitAccount,
            ...(d.bankAccounts ? { bankAccounts: d.bankAccounts } : {}),
            ...(d.employeeCreditors ? { employeeCreditors: d.employeeCreditors } : {}),
            ...(d.paymentCycleDays !== undefined ? { paymentCycleDays: d.paymentCycleDays } : {}),
          },
        }
      : {}),
    ...(sc ? { spendcloud: { journal: sc.journal, transitoryAccounts: sc.transitoryAccounts } } : {}),
  };
}

export function readConfigFile(file: string): CliConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(
      { nl: `--config: het bestand ${file} is niet te lezen.`, en: `--config: cannot read the file ${file}.` },
      { nl: 'Controleer het pad en de rechten.', en: 'Check the path and the permissions.' },
      ['--config'],
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(
      { nl: `--config: ${file} is geen geldige JSON (${why}).`, en: `--config: ${file} is not valid JSON (${why}).` },
      { nl: 'Verbeter de JSON-syntaxis.', en: 'Fix the JSON syntax.' },
      ['--config'],
    );
  }
  return parseConfig(json, file);
}
