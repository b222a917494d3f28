// `kruispost reconcile --config FILE --period YYYY-MM [--out X.xlsx] [--report X.json]
//   [--wallet-balance UNIT=AMOUNT]… [--base-url URL] [--data-dir DIR] [--lang nl|en]`
import { parseArgs } from 'node:util';
import type { Lang, Period } from '../../shared/domain';
import { parsePeriodId } from '../../shared/domain';
import { isAppFailure } from '../../shared/errors';
import { toCents, type Cents } from '../../shared/money';
import { parseClassicToken } from '../afas/classic-token';
import { loadToken, tokenAccount } from '../afas/credentials';
import { parseEnvironment, type Environment } from '../afas/environment';
import { memorySecretStore } from '../secrets/memory';
import { readConfigFile } from './config';
import { defaultDataDir } from './data-dir';
import { EXIT, UsageError } from './errors';
import { runJob } from './job';
import type { BackendEntry } from '../backend/entry';

export const TOKEN_ENV = 'KRUISPOST_AFAS_TOKEN';

export function langFrom(value: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (value === 'nl' || value === 'en') return value;
  return /^nl/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '') ? 'nl' : 'en';
}

function parseWalletBalances(values: string[], units: number[]): Map<number, Cents> {
  const out = new Map<number, Cents>();
  for (const v of values) {
    const m = /^(\d+)=(-?\d+(?:\.\d{1,2})?)$/.exec(v.trim());
    if (!m) {
      throw new UsageError(
        { nl: `--wallet-balance "${v}" is ongeldig.`, en: `--wallet-balance "${v}" is not valid.` },
        { nl: 'Schrijf UNIT=BEDRAG met een punt als decimaalteken, bijv. --wallet-balance 1=12345.67', en: 'Write UNIT=AMOUNT with a dot as decimal separator, e.g. --wallet-balance 1=12345.67' },
        ['--wallet-balance'],
      );
    }
    const unit = Number(m[1]);
    if (!units.includes(unit)) {
      throw new UsageError(
        { nl: `--wallet-balance: administratie ${unit} staat niet in de configuratie.`, en: `--wallet-balance: administration ${unit} is not in the configuration.` },
        { nl: `Gebruik een van: ${units.join(', ')}.`, en: `Use one of: ${units.join(', ')}.` },
        ['--wallet-balance'],
      );
    }
    out.set(unit, toCents(m[2] as string));
  }
  return out;
}

export async function reconcileCommand(argv: string[], io: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv; backend?: BackendEntry }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        config: { type: 'string' },
        period: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        'wallet-balance': { type: 'string', multiple: true },
        'base-url': { type: 'string' },
        'data-dir': { type: 'string' },
        lang: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError({ nl: `Ongeldige optie: ${why}`, en: `Invalid option: ${why}` }, { nl: 'Zie kruispost --help.', en: 'See kruispost --help.' });
  }
  const v = parsed.values;
  const lang = langFrom(v.lang, io.env);
  if (v.lang !== undefined && v.lang !== 'nl' && v.lang !== 'en') {
    throw new UsageError({ nl: `--lang "${v.lang}" is ongeldig.`, en: `--lang "${v.lang}" is not valid.` }, { nl: 'Gebruik --lang nl of --lang en.', en: 'Use --lang nl or --lang en.' }, ['--lang']);
  }
  if (!v.config) {
    throw new UsageError({ nl: '--config ontbreekt.', en: '--config is missing.' }, { nl: 'Geef het configuratiebestand op: --config kruispost.json', en: 'Name the configuration file: --config kruispost.json' }, ['--config']);
  }
  if (!v.period) {
    throw new UsageError({ nl: '--period ontbreekt.', en: '--period is missing.' }, { nl: 'Geef de periode op als JJJJ-MM, bijv. --period 2025-06', en: 'Give the period as YYYY-MM, e.g. --period 2025-06' }, ['--period']);
  }
  const period: Period | null = parsePeriodId(v.period);
  if (!period) {
    throw new UsageError({ nl: `--period "${v.period}" is geen periode.`, en: `--period "${v.period}" is not a period.` }, { nl: 'Schrijf JJJJ-MM, bijv. 2025-06.', en: 'Write YYYY-MM, e.g. 2025-06.' }, ['--period']);
  }
  if (v.out !== undefined && !/\.xlsx$/i.test(v.out)) {
    throw new UsageError({ nl: `--out "${v.out}" moet op .xlsx eindigen.`, en: `--out "${v.out}" must end in .xlsx.` }, undefined, ['--out']);
  }
  const config = readConfigFile(v.config);
  const walletBalances = parseWalletBalances(v['wallet-balance'] ?? [], config.administrations.map((a) => a.unitId));

  // The token is bound to the environment AND the address it goes to (see secret-scope.ts). An
  // address that is not allowed is reported by runJob, naming the field; no token is looked up for it.
  let env: Environment | null;
  try {
    env = parseEnvironment({ ...config.environment, ...(v['base-url'] ? { baseUrl: v['base-url'] } : {}) });
  } catch {
    env = null;
  }
  const number = env?.number ?? config.environment.number.trim();
  // The token: the environment variable (CI, headless), else the OS keychain the app uses.
  let token: string | null = null;
  const fromEnv = io.env[TOKEN_ENV];
  // Read once, then gone: nothing started from here (or a crash report) inherits the secret.
  delete io.env[TOKEN_ENV];
  if (fromEnv && fromEnv.trim()) {
    try {
      token = parseClassicToken(fromEnv);
    } catch (e) {
      if (isAppFailure(e)) throw new UsageError({ nl: `${TOKEN_ENV}: ${e.appError.message.nl}`, en: `${TOKEN_ENV}: ${e.appError.message.en}` }, e.appError.action, [TOKEN_ENV]);
      throw e;
    }
  } else if (env) {
    try {
      const { keytarSecretStore } = await import('../secrets/keychain');
      token = await loadToken(keytarSecretStore(), env);
    } catch {
      token = null;
    }
  }
  if (env && !token) {
    throw new UsageError(
      { nl: `Geen AFAS-token voor omgeving ${number} op ${new URL(env.baseUrl).origin}.`, en: `No AFAS token for environment ${number} at ${new URL(env.baseUrl).origin}.` },
      {
        nl: `Sla de token op in de Kruispost-app (sleutelhanger), of zet de omgevingsvariabele ${TOKEN_ENV} (de token-XML of alleen het data-deel).`,
        en: `Store the token in the Kruispost app (keychain), or set the environment variable ${TOKEN_ENV} (the token XML or only its data part).`,
      },
      [TOKEN_ENV],
    );
  }
  const r = await runJob({
    ...(io.backend ? { backend: io.backend } : {}),
    config,
    period,
    out: v.out ?? null,
    report: v.report ?? null,
    walletBalances,
    baseUrl: v['base-url'] ?? null,
    dataDir: v['data-dir'] ?? defaultDataDir(io.env),
    lang,
    secrets: memorySecretStore(env && token ? { [tokenAccount(env)]: token } : {}),
    // The CLI spends the classic token it was handed, whatever the data folder says the app uses.
    classicTokenOnly: true,
    stdout: io.stdout,
    stderr: io.stderr,
  });
  return r.code;
}

export { EXIT };
