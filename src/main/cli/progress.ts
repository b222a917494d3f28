// Progress on stderr: a redrawn bar on a terminal; plain lines when piped (one per change of phase,
// slice or step, and the current one again at least every 5 s, so a log shows the job is alive).
import type { Lang } from '../../shared/domain';
import type { SyncProgressView } from '../app/types';

export interface ProgressPrinter {
  update(p: SyncProgressView): void;
  done(): void;
}

const HEARTBEAT_MS = 5_000;

const STEP: Record<Lang, Record<string, string>> = {
  nl: { read: 'regels lezen', match: 'afletteringen zoeken', persist: 'afletteringen opslaan', reconcile: 'aansluiting berekenen', export: 'werkmap schrijven' },
  en: { read: 'reading lines', match: 'finding matches', persist: 'saving matches', reconcile: 'computing the reconciliation', export: 'writing the workbook' },
};

function stepText(p: SyncProgressView, lang: Lang): string {
  const s = p.step;
  if (!s) return '';
  const count = s.total ? ` ${s.done}/${s.total}` : '';
  return ` — ${STEP[lang][s.label] ?? s.label}${count}`;
}

export function progressPrinter(stream: NodeJS.WriteStream, lang: Lang, now: () => number = Date.now): ProgressPrinter {
  const tty = stream.isTTY === true;
  let lastLine = '';
  let lastWrite = 0;
  const rows = lang === 'nl' ? 'regels' : 'rows';
  return {
    update(p) {
      const what = p.kind === 'export' ? 'workbook' : 'sync';
      if (tty) {
        const total = p.estimatedTotal ?? 0;
        const frac = p.step?.total ? p.step.done / p.step.total : total > 0 ? Math.min(1, p.rowsFetched / total) : p.slicesTotal > 0 ? p.slicesDone / p.slicesTotal : 0;
        const width = 28;
        const filled = Math.round(frac * width);
        const eta = p.etaSeconds !== null && p.etaSeconds > 0 ? ` ~${Math.ceil(p.etaSeconds)}s` : '';
        const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(frac * 100)).padStart(3)}% ${p.rowsFetched} ${rows} ${p.phase}${p.slice ? ` ${p.slice}` : ''}${stepText(p, lang)}${eta}`;
        stream.write(`\r${line.padEnd(lastLine.length)}`);
        lastLine = line;
        return;
      }
      const line = `${what}: ${p.phase}${p.slice ? ` ${p.slice}` : ''} (${p.slicesDone}/${p.slicesTotal})${stepText(p, lang)}`;
      const t = now();
      if (line !== lastLine || t - lastWrite >= HEARTBEAT_MS) {
        stream.write(`${line} ${p.rowsFetched} ${rows}\n`);
        lastLine = line;
        lastWrite = t;
      }
    },
    done() {
      if (tty && lastLine) stream.write('\n');
    },
  };
}
