// Command dispatch for the CLI; each command lives in its own module.
export async function runCli(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === '--version') {
    process.stdout.write('kruispost 0.1.0\n');
    return 0;
  }
  process.stderr.write('Usage: kruispost reconcile --config FILE --period YYYY-MM [--out FILE.xlsx] [--report FILE.json]\n       kruispost demo\n');
  return command === undefined || command === '--help' ? 0 : 2;
}
