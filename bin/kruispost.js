#!/usr/bin/env node
// Kruispost's CLI needs Node 22 or newer (better-sqlite3 13, undici 8). `npm run`/`npx` use the
// project's pinned Node 22; a bare older `node` gets a clear message instead of a crash.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `Kruispost needs Node 22 or newer (this is ${process.version}). Run it through npm: \`npx kruispost …\` or \`npm run demo\`.\n` +
      `Kruispost heeft Node 22 of nieuwer nodig (dit is ${process.version}). Start via npm: \`npx kruispost …\` of \`npm run demo\`.\n`,
  );
  process.exit(2);
}
await import('../out/main/cli.js');
