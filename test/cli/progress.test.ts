// The CLI's progress when its stderr is a log, not a terminal: one line per change of phase, slice
// or step, and the current line again at least every 5 s however long a step takes.
import { describe, expect, it } from 'vitest';
import type { SyncProgressView } from '../../src/shared/views';
import { progressPrinter } from '../../src/main/cli/progress';

const view = (over: Partial<SyncProgressView> = {}): SyncProgressView => ({
  runId: 'r', kind: 'sync', state: 'running', phase: 'lines', rowsFetched: 10, estimatedTotal: null, slice: '1:2025-06', slicesDone: 1, slicesTotal: 6,
  rowsPerSecond: 0, etaSeconds: null, error: null, step: null, beat: 0, ...over,
});

function printer() {
  const lines: string[] = [];
  let t = 0;
  const stream = { isTTY: false, write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WriteStream;
  const p = progressPrinter(stream, 'nl', () => t);
  return { lines, p, at: (ms: number) => (t = ms) };
}

describe('CLI progress on a non-terminal', () => {
  it('prints each phase, slice and step once, and again after 5 s of the same', () => {
    const { lines, p, at } = printer();
    p.update(view());
    p.update(view({ rowsFetched: 20 }));
    at(4_900);
    p.update(view({ rowsFetched: 30 }));
    expect(lines).toHaveLength(1);
    at(5_000);
    p.update(view({ rowsFetched: 40 }));
    expect(lines).toHaveLength(2);
    p.update(view({ phase: 'match', step: { label: 'persist', done: 5_000, total: 200_000 } }));
    expect(lines[2]).toContain('match');
    expect(lines[2]).toContain('afletteringen opslaan 5000/200000');
    p.update(view({ kind: 'export', phase: 'export', step: { label: 'export', done: 0, total: null } }));
    expect(lines[3]).toMatch(/^workbook: export .*werkmap schrijven/);
  });
});
