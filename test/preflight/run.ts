// `npm test` starts here: before typecheck, lint or any suite, say what the machine lacks.
import { missingParts, report } from './checks';

const missing = missingParts();
if (missing.length > 0) {
  process.stderr.write(`${report(missing)}\n`);
  process.exit(1);
}
process.stdout.write('preflight: Chromium, LibreOffice, poppler-utils, gnome-keyring and D-Bus are here.\n');
