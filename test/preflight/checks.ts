// What `npm test` needs besides npm packages, checked before any suite runs: each missing part is
// named with the suites that need it and the command that installs it (Debian/Ubuntu, as .ci/run).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Part {
  name: string;
  /** Which suites need it. */
  neededBy: string;
  /** Debian/Ubuntu package(s). */
  packages: string[];
  /** Extra advice (e.g. an environment variable that points elsewhere). */
  hint?: string;
  present(env: NodeJS.ProcessEnv): boolean;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether a program is on the PATH of `env`. */
export function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  return (env['PATH'] ?? '').split(delimiter).some((dir) => dir && executable(join(dir, program)));
}

export const PARTS: Part[] = [
  {
    name: 'Chromium',
    neededBy: 'the e2e suite (Playwright drives Debian’s Chromium; never `npx playwright install`)',
    packages: ['chromium'],
    hint: 'or point CHROMIUM_PATH at a Chromium/Chrome binary',
    present: (env) => executable(env['CHROMIUM_PATH'] || '/usr/bin/chromium'),
  },
  {
    name: 'LibreOffice Calc (libreoffice)',
    neededBy: 'the workbook tests (LibreOffice recalculates and prints the workbook)',
    packages: ['libreoffice-calc'],
    present: (env) => onPath('libreoffice', env),
  },
  {
    name: 'poppler-utils (pdfinfo, pdftotext)',
    neededBy: 'the workbook tests (page count and text of the printed PDF)',
    packages: ['poppler-utils'],
    present: (env) => onPath('pdfinfo', env) && onPath('pdftotext', env),
  },
  {
    name: 'gnome-keyring (gnome-keyring-daemon)',
    neededBy: 'the keychain suite (a throw-away Secret Service)',
    packages: ['gnome-keyring', 'libsecret-1-dev'],
    present: (env) => onPath('gnome-keyring-daemon', env),
  },
  {
    name: 'D-Bus (dbus-run-session)',
    neededBy: 'the keychain suite (a private session bus for the keyring)',
    packages: ['dbus'],
    present: (env) => onPath('dbus-run-session', env),
  },
];

export function missingParts(env: NodeJS.ProcessEnv = process.env, parts: readonly Part[] = PARTS): Part[] {
  return parts.filter((p) => !p.present(env));
}

/** The message: one line per missing part, then one command that installs them all. */
export function report(missing: readonly Part[]): string {
  if (missing.length === 0) return '';
  const lines = ['npm test cannot run: these parts are missing on this machine.', ''];
  for (const p of missing) {
    lines.push(`  ✗ ${p.name}: needed by ${p.neededBy}.`);
    lines.push(`      install: sudo apt-get install -y ${p.packages.join(' ')}${p.hint ? `   (${p.hint})` : ''}`);
  }
  const all = [...new Set(missing.flatMap((p) => p.packages))].join(' ');
  lines.push('', `All at once (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y ${all}`, 'Or run `bash .ci/run`, which installs them and runs the tests.');
  return lines.join('\n');
}
