// Sync progress on stderr: a redrawn bar on a terminal, plain lines (one per change of phase or
// slice) when piped, so logs stay readable.
import type { Lang } from '../../shared/domain';
import type { SyncProgressView } from '../app/types';

export interface ProgressPrinter {
  update(p: SyncProgressView): void;
  done(): void;
}

export function progressPrinter(stream: NodeJS.WriteStream, lang: Lang): ProgressPrinter {
  const tty = stream.isTTY === true;
  let lastLine = '';
  const rows = lang === 'nl' ? 'regels' : 'rows';
  return {
    update(p) {
      if (tty) {
        const total = p.estimatedTotal ?? 0;
        const frac = total > 0 ? Math.min(1, p.rowsFetched / total) : p.slicesTotal > 0 ? p.slicesDone / p.slicesTotal : 0;
        const width = 28;
        const filled = Math.round(frac * width);
        const eta = p.etaSeconds !== null && p.etaSeconds > 0 ? ` ~${Math.ceil(p.etaSeconds)}s` : '';
        const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(frac * 100)).padStart(3)}% ${p.rowsFetched} ${rows} ${p.phase}${p.slice ? ` ${p.slice}` : ''}${eta}`;
        stream.write(`\r${line.padEnd(lastLine.length)}`);
        lastLine = line;
        return;
      }
      const line = `sync: ${p.phase}${p.slice ? ` ${p.slice}` : ''} (${p.slicesDone}/${p.slicesTotal})`;
      if (line !== lastLine) {
        stream.write(`${line} ${p.rowsFetched} ${rows}\n`);
        lastLine = line;
      }
    },
    done() {
      if (tty && lastLine) stream.write('\n');
    },
  };
}
