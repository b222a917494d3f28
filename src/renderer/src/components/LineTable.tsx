import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type MouseEvent } from 'react';
import type { LineKey } from '../../../shared/domain';
import { useT } from '../i18n';
import type { ViewLine } from '../state/line-columns';
import type { LineMatch } from '../state/line-view';
import type { SortKey } from '../state/matching';

const ROW = 30;
const STATUS_ICON = { confirmed: '✓', suggested: '◆', stale: '!' } as const;

export interface LineTableProps {
  id: string;
  title: string;
  lines: ViewLine[];
  matches: Map<LineKey, LineMatch>;
  notes: Map<LineKey, string>;
  selected: Set<LineKey>;
  focus: LineKey | null;
  sort: { key: SortKey; dir: 1 | -1 };
  onSort(key: SortKey): void;
  onSelect(key: LineKey, mode: 'only' | 'toggle' | 'range'): void;
  onFocus(key: LineKey): void;
}

/** One side of the account, virtualized: only the visible rows exist in the DOM. */
export function LineTable(p: LineTableProps) {
  const { t, euro, date, num } = useT();
  const scroller = useRef<HTMLDivElement>(null);
  // The sticky header sits inside the scroller above the rows: scrolling to a row at the bottom
  // needs one row more.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is the point here
  const v = useVirtualizer({ count: p.lines.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12, scrollPaddingEnd: ROW });
  const focusIndex = p.focus ? p.lines.findIndex((l) => l.key === p.focus) : -1;
  const click = (key: LineKey, e: MouseEvent) => p.onSelect(key, e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only');
  const move = (delta: number) => {
    const index = Math.max(0, Math.min(p.lines.length - 1, (focusIndex < 0 ? -1 : focusIndex) + delta));
    const next = p.lines[index];
    if (!next) return;
    p.onFocus(next.key);
    // Only keyboard moves scroll: a clicked row is already in view and must stay under the mouse.
    v.scrollToIndex(index, { align: 'auto' });
  };
  // [sort key, visible label, full name (title / screen readers), class]
  const cols: [SortKey | null, string, string, string][] = [
    ['entryDate', t('match.col.date'), t('match.col.date'), 'c-date'],
    [null, t('match.col.journal'), t('match.col.journalFull'), 'c-jrnl'],
    ['voucherNo', t('match.col.voucher'), t('match.col.voucher'), 'c-voucher'],
    ['description', t('match.col.description'), t('match.col.description'), 'c-desc'],
    ['amount', t('match.col.amount'), t('match.col.amount'), 'c-amount num'],
    [null, '', t('match.col.status'), 'c-status'],
  ];
  return (
    <section className="line-table" aria-labelledby={`${p.id}-h`}>
      <h3 id={`${p.id}-h`} className="row between">
        <span>{p.title}</span>
        <span className="muted small" data-testid={`${p.id}-count`}>{t('match.count', { shown: num(p.lines.length) })}</span>
      </h3>
      <div
        ref={scroller}
        className="grid-scroll"
        role="grid"
        aria-labelledby={`${p.id}-h`}
        aria-multiselectable="true"
        aria-rowcount={p.lines.length + 1}
        tabIndex={0}
        aria-activedescendant={focusIndex >= 0 ? `${p.id}-r${focusIndex}` : undefined}
        data-testid={`table-${p.id}`}
        // Focus without scrolling the page: a click must land on the row it was aimed at.
        onMouseDown={(e) => {
          if (e.target instanceof HTMLElement && e.target.closest('button')) return;
          e.preventDefault();
          scroller.current?.focus({ preventScroll: true });
        }}
        onFocus={() => {
          if (focusIndex < 0 && p.lines[0]) p.onFocus(p.lines[0].key);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(e.key === 'ArrowDown' ? 1 : -1);
            if (e.shiftKey && p.lines[focusIndex]) p.onSelect(p.lines[focusIndex]!.key, 'toggle');
          } else if (e.key === ' ' && p.focus) {
            e.preventDefault();
            p.onSelect(p.focus, 'toggle');
          }
        }}
      >
        <div className="grid-row head" role="row" aria-rowindex={1}>
          {cols.map(([key, label, full, cls]) => (
            <div key={cls} role="columnheader" className={cls} title={full} aria-label={full !== label ? full : undefined} aria-sort={key && p.sort.key === key ? (p.sort.dir === 1 ? 'ascending' : 'descending') : undefined}>
              {key ? (
                <button type="button" className="sort" tabIndex={-1} onClick={() => p.onSort(key)}>
                  {label}
                  {p.sort.key === key ? (p.sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                label
              )}
            </div>
          ))}
        </div>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const l = p.lines[item.index]!;
            const m = p.matches.get(l.key);
            const note = p.notes.get(l.key) ?? l.note;
            const sel = p.selected.has(l.key);
            return (
              <div
                key={l.key}
                id={`${p.id}-r${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={sel}
                data-key={l.key}
                className={`grid-row${sel ? ' selected' : ''}${item.index === focusIndex ? ' focused' : ''}${m ? ` m-${m.status}` : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={(e) => click(l.key, e)}
              >
                <div role="gridcell" className="c-date">
                  {date(l.entryDate)}
                </div>
                <div role="gridcell" className="c-jrnl">
                  {l.journalId}
                </div>
                <div role="gridcell" className="c-voucher" title={l.voucher}>
                  {l.voucher}
                </div>
                <div role="gridcell" className="c-desc" title={l.text}>
                  {note && (
                    <span className="note-mark" title={note} aria-label={`${t('match.note')}: ${note}`}>
                      ✎{' '}
                    </span>
                  )}
                  {l.text}
                </div>
                <div role="gridcell" className="c-amount num">
                  {euro(l.amount)}
                </div>
                <div role="gridcell" className="c-status" title={m ? t(`match.status.${m.status}`) : undefined}>
                  {m ? (
                    <>
                      <span aria-hidden="true">{STATUS_ICON[m.status]}</span>
                      <span className="sr-only">{t(`match.status.${m.status}`)}</span>
                    </>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
