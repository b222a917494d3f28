// Where the backend worker's code is: beside the bundle that starts it (out/main/backend.js, built
// by electron-vite), or its TypeScript source run through tsx (tests, benchmarks, `tsx` scripts).
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BackendEntry {
  file: string;
  execArgv: string[];
}

/** `from`: the import.meta.url of the entry that starts the backend (a bundle's entry passes its own). */
export function backendEntry(from: string = import.meta.url): BackendEntry {
  if (from.endsWith('.ts')) {
    // tsx found from here, not from the working directory (the CLI runs anywhere).
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    return { file: fileURLToPath(new URL('./worker.ts', import.meta.url)), execArgv: ['--import', tsx] };
  }
  return { file: fileURLToPath(new URL('./backend.js', from)), execArgv: [] };
}
