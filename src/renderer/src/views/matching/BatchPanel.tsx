import { useMemo } from 'react';
import type { LineKey } from '../../../../shared/domain';
import type { MatchGroup } from '../../../../shared/reconcile';
import { BatchSummary } from '../../components/BatchSummary';
import { useT } from '../../i18n';
import { methodLabel } from '../../i18n/methods';
import { batchOf, entryLines } from '../../state/batch-view';
import type { ViewLine } from '../../state/line-columns';
import type { LineMatch } from '../../state/line-view';
import type { AccountLine } from '../../../../shared/contract';

/**
 * Beside the focused line: the batch its match group is (one bank line against a run's lines), and
 * a way to select the whole entry of a run line for a match by hand (N:1).
 */
export function BatchPanel({ focus, detail, lines, group, matches, onSelectEntry }: { focus: LineKey; detail: AccountLine | null; lines: ViewLine[]; group: MatchGroup | undefined; matches: Map<LineKey, LineMatch>; onSelectEntry(keys: LineKey[]): void }) {
  const { t, euro, lang } = useT();
  // Most groups are pairs: only a group of three or more lines is looked up among the lines.
  const batch = useMemo(() => {
    if (!group || group.lines.length < 3) return null;
    const keys = new Set(group.lines);
    return batchOf(lines.filter((l) => keys.has(l.key)));
  }, [lines, group]);
  // The focused line's entry (date, journal, number) from its detail, fetched when the focus settles.
  const entry = useMemo(() => (detail && detail.key === focus ? entryLines(lines, detail, (k) => matches.get(k)?.status === 'confirmed') : []), [lines, detail, focus, matches]);
  if (!batch && entry.length === 0) return null;
  return (
    <section className="panel batch-panel" aria-labelledby="batch-h">
      <h3 id="batch-h">
        {t('batch.title')}
        {group && batch && <span className="muted small"> · {methodLabel(group.method, lang)} · {t(`match.status.${group.status}`)}</span>}
      </h3>
      {batch && <BatchSummary batch={batch} />}
      {entry.length > 0 && (
        <button type="button" onClick={() => onSelectEntry(entry.map((l) => l.key))}>
          {t('entry.select', { n: entry.length, sum: euro(entry.reduce((s, l) => s + l.amount, 0)) })}
        </button>
      )}
    </section>
  );
}
