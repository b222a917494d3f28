// Starts scale-main.ts as a child process (its own process group, stopped whole) and talks to it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { ScaleServed } from './scale-main';

export type { ScaleServed };

export interface ScaleAfas {
  served: ScaleServed;
  pid: number;
  /** Corrects one earlier line in AFAS; resolves with its key. */
  change(): Promise<string>;
  stop(): void;
}

export async function startScaleAfas(token: string, opts: { busyPerDay?: string; execArgv?: string[] } = {}): Promise<ScaleAfas> {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const main = fileURLToPath(new URL('./scale-main.ts', import.meta.url));
  const child = spawn(process.execPath, [...(opts.execArgv ?? []), '--import', tsx, main, '--busy-per-day', opts.busyPerDay ?? '2800-3500'], {
    detached: true,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, KRUISPOST_FAKE_TOKEN: token },
  });
  const lines = createInterface({ input: child.stdout });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`fake AFAS exited ${code}`)));
    });
  const served = JSON.parse(await next()) as ScaleServed;
  return {
    served,
    pid: child.pid!,
    async change() {
      child.stdin.write('change\n');
      return (JSON.parse(await next()) as { changed: string }).changed;
    },
    stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
