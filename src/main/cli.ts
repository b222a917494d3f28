// The headless entry: `kruispost reconcile …` and `kruispost demo`. Same services as the app.
import { runCli } from './cli/run';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
