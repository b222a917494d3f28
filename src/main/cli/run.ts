// Command dispatch for the CLI; each command lives in its own module. Errors become a bilingual
// message with what to fix and an exit code (2 usage/config, 3 AFAS/connection); never a stack.
import { isAppFailure } from '../../shared/errors';
import { demoCommand } from './demo';
import { describeError, EXIT, UsageError } from './errors';
import { langFrom, reconcileCommand } from './reconcile';
import type { BackendEntry } from '../backend/entry';

const USAGE = `Usage / Gebruik:
  kruispost reconcile --config FILE --period YYYY-MM [--out FILE.xlsx] [--report FILE.json]
                      [--wallet-balance UNIT=AMOUNT]... [--base-url URL] [--data-dir DIR] [--lang nl|en]
  kruispost demo [--lang nl|en]
  kruispost --version

Token: KRUISPOST_AFAS_TOKEN (token XML or its data part), else the OS keychain of the Kruispost app.
Exit codes: 0 everything clears, 1 something does not clear, 2 usage or configuration error,
            3 AFAS or connection error.
`;

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where the backend worker is (the bundle passes the file beside it). */
  backend?: BackendEntry;
}

export async function runCli(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }): Promise<number> {
  const [command, ...rest] = argv;
  const langArg = rest[rest.indexOf('--lang') + 1];
  const lang = langFrom(rest.includes('--lang') ? langArg : undefined, io.env);
  try {
    switch (command) {
      case '--version':
        io.stdout.write('kruispost 0.1.0\n');
        return 0;
      case undefined:
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case 'reconcile':
        return await reconcileCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      default:
        io.stderr.write(describeError({ message: { nl: `Onbekend commando "${command}".`, en: `Unknown command "${command}".` } }, lang));
        io.stderr.write(USAGE);
        return EXIT.usage;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(describeError({ message: e.text, ...(e.action ? { action: e.action } : {}) }, lang));
      return EXIT.usage;
    }
    if (isAppFailure(e)) {
      const err = e.appError;
      io.stderr.write(describeError({ message: err.message, ...(err.action ? { action: err.action } : {}), ...(err.reference ? { reference: err.reference } : {}), code: err.code }, lang));
      return EXIT.afas;
    }
    io.stderr.write(describeError({ message: { nl: 'Er ging iets onverwachts mis.', en: 'Something unexpected went wrong.' }, action: { nl: 'Probeer het opnieuw; blijft het misgaan, meld het dan.', en: 'Try again; if it keeps failing, report it.' } }, lang));
    if (io.env.KRUISPOST_DEBUG) io.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.afas;
  }
}
