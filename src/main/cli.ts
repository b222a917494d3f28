// The headless entry: `kruispost reconcile …` and `kruispost demo`. Same backend as the app, in
// its worker beside this bundle.
import { backendEntry } from './backend/entry';
import { runCli } from './cli/run';

void runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), backend: backendEntry(import.meta.url) }).then((code) => {
  process.exitCode = code;
});
