import { useEffect, useMemo } from 'react';
import type { ViewLine } from '../state/line-columns';
import type { LineKey } from '../../../shared/domain';
import type { AccountRole } from '../../../shared/reconcile';
import { LineTable } from '../components/LineTable';
import { SignOffPanel } from '../components/SignOffPanel';
import { shownStatus, StatusBadge } from '../components/StatusBadge';
import { isField } from '../components/Toast';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { buildSides, matchIndex, sortLines, sumSelected } from '../state/line-view';
import { useMatching } from '../state/matching';
import { useMonth } from '../state/month';
import { FilterBar } from './matching/FilterBar';
import { BatchPanel } from './matching/BatchPanel';
import { LineDetail } from './matching/LineDetail';
import { NoteEditor } from './matching/NoteEditor';
import { SelectionBar } from './matching/SelectionBar';
import { Shortcuts } from './matching/Shortcuts';
import { Suggestions } from './matching/Suggestions';
import { VoucherView } from './matching/VoucherView';

const SIDES: Record<AccountRole, [MessageKey, MessageKey]> = {
  cashInTransit: ['match.side.bank', 'match.side.moss'],
  defaultSupplier: ['match.side.payments', 'match.side.purchases'],
  creditor: ['match.side.payments', 'match.side.purchases'],
  mossBalance: ['match.side.in', 'match.side.out'],
  netWages: ['match.side.salaryPayments', 'match.side.runLines'],
  payrollTax: ['match.side.taxPayments', 'match.side.taxLines'],
  pension: ['match.side.premiumPayments', 'match.side.premiumLines'],
  transitory: ['match.side.bookings', 'match.side.releases'],
};

/** Both sides of one account, the suggestions, the selection and its sum, notes and shortcuts. */
export function MatchingView({ account }: { account: string }) {
  const { t, lang, euro } = useT();
  const { result, openAccount, period } = useMonth();
  const m = useMatching();
  const { load } = m;
  useEffect(() => {
    void load(account);
  }, [account, load]);
  const acct = result?.accounts.find((a) => a.account === account);
  const matches = useMemo(() => matchIndex(result, account), [result, account]);
  const sorted = useMemo(() => sortLines(m.lines, m.sort), [m.lines, m.sort]);
  const sides = useMemo(() => buildSides(sorted, m.filters, matches, lang), [sorted, m.filters, matches, lang]);
  const suggestions = useMemo(() => (result?.matches ?? []).filter((g) => g.account === account && g.status === 'suggested'), [result, account]);
  // Only the lines the side panel names (suggestions, the note's line): no 100,000-key map.
  const byKey = useMemo(() => {
    const wanted = new Set<LineKey>(suggestions.slice(0, 50).flatMap((g) => g.lines));
    if (m.noteFor) wanted.add(m.noteFor);
    const found = new Map<LineKey, ViewLine>();
    if (wanted.size > 0) for (const l of m.lines) if (wanted.has(l.key)) found.set(l.key, l);
    return found;
  }, [m.lines, suggestions, m.noteFor]);
  const sum = useMemo(() => sumSelected(m.lines, m.selected), [m.lines, m.selected]);
  const focusMatch = m.focus ? (matches.get(m.focus)?.status !== 'suggested' ? (matches.get(m.focus)?.id ?? null) : null) : null;
  const noteLine = m.noteFor ? byKey.get(m.noteFor) : undefined;
  const focusGroup = useMemo(() => {
    const id = m.focus ? matches.get(m.focus)?.id : undefined;
    return id ? result?.matches.find((g) => g.id === id && g.account === account) : undefined;
  }, [m.focus, matches, result, account]);

  // The focused line's full detail, fetched when the focus settles on it.
  const { focus, loadDetail } = m;
  useEffect(() => {
    if (!focus) return;
    const timer = setTimeout(() => void loadDetail(focus), 120);
    return () => clearTimeout(timer);
  }, [focus, loadDetail]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = useMatching.getState();
      if (e.key === 'Enter' && suggestions[0] && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        void s.accept(suggestions[0].id);
      } else if (e.key.toLowerCase() === 'm' && s.selected.size >= 2 && sum === 0) {
        void s.matchSelection(0, null);
      } else if (e.key.toLowerCase() === 'u' && focusMatch) {
        void s.unmatch(focusMatch);
      } else if (e.key.toLowerCase() === 'n' && s.focus) {
        e.preventDefault();
        s.openNote(s.focus);
      } else if (e.key === 'Escape') {
        s.clearSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [suggestions, sum, focusMatch]);

  const [debitTitle, creditTitle] = SIDES[acct?.role ?? 'mossBalance'];
  const table = (id: string, title: MessageKey, lines: ViewLine[]) => (
    <LineTable
      id={id}
      title={t(title)}
      lines={lines}
      total={Math.max(sides.total, m.expected)}
      matches={matches}
      notes={m.notes}
      selected={m.selected}
      focus={m.focus}
      sort={m.sort}
      onSort={m.setSort}
      onFocus={m.setFocus}
      onSelect={(key, mode) => m.select(key, mode, lines.map((l) => l.key))}
    />
  );
  return (
    <div className="matching">
      <header className="row between matching-head">
        <div className="row">
          <button type="button" className="ghost" onClick={() => openAccount(null)}>
            {t('match.back')}
          </button>
          <h2>{t('match.title', { account: `${acct ? t(`dash.role.${acct.role}`) : ''} ${account}` })}</h2>
          {acct && <StatusBadge status={shownStatus(acct, result?.rollforward)} />}
        </div>
        {acct && (
          <span className={`num ${acct.difference === 0 ? 'ok' : 'bad'}`}>
            {t('dash.difference')}: {euro(acct.difference)}
          </span>
        )}
      </header>
      {/* A transitory account is read per voucher first; its lines stay below for notes and detail. */}
      {acct?.vouchers && <VoucherView account={acct} period={result?.period ?? period} />}
      <FilterBar />
      <SelectionBar count={m.selected.size} sum={sum} onMatch={(d, r) => void m.matchSelection(d, r)} onClear={m.clearSelection} matchOfFocus={focusMatch} onUnmatch={(id) => void m.unmatch(id)} />
      <div className="matching-body">
        <div className="tables" aria-busy={m.loading || m.loadingRest}>
          {m.loading || m.loadingRest ? (
            <p className="muted small loading-note" role="status">
              {m.loading ? t('match.loading') : t('match.loadingRest', { n: m.lines.length.toLocaleString(lang), total: m.expected.toLocaleString(lang) })}
            </p>
          ) : null}
          {table('debit', debitTitle, sides.debit)}
          {table('credit', creditTitle, sides.credit)}
        </div>
        <aside className="side">
          {noteLine && <NoteEditor key={noteLine.key} line={noteLine} initial={m.notes.get(noteLine.key) ?? noteLine.note ?? ''} onSave={(text) => void m.saveNote(noteLine.key, text)} onClose={() => m.openNote(null)} />}
          {/* The previous line's detail stays (dimmed) until the new one arrives: no jump. */}
          {!noteLine && m.focus && m.detail && <LineDetail line={{ ...m.detail, note: m.notes.get(m.detail.key) ?? m.detail.note }} stale={m.detail.key !== m.focus} match={matches.get(m.detail.key)} onNote={() => m.openNote(m.focus)} />}
          {!noteLine && m.focus && !m.detail && (
            <button type="button" onClick={() => m.openNote(m.focus)}>
              {t('match.note')} <kbd>N</kbd>
            </button>
          )}
          {!noteLine && m.focus && <BatchPanel focus={m.focus} detail={m.detail} lines={m.lines} group={focusGroup} matches={matches} onSelectEntry={m.selectKeys} />}
          <Suggestions suggestions={suggestions} byKey={byKey} onAccept={(id) => void m.accept(id)} />
          {acct && (
            <section className="panel">
              <SignOffPanel account={acct} />
            </section>
          )}
          <Shortcuts />
        </aside>
      </div>
    </div>
  );
}
