import { useEffect, useMemo } from 'react';
import { periodBounds } from '../../../shared/dates';
import { periodLabel, type LineKey } from '../../../shared/domain';
import type { AccountRole } from '../../../shared/reconcile';
import { LineTable } from '../components/LineTable';
import { SignOffPanel } from '../components/SignOffPanel';
import { judged, shownStatus, SignOffBadge, StatusBadge } from '../components/StatusBadge';
import { isField } from '../components/Toast';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import type { ViewLine } from '../state/line-columns';
import { buildSides, matchIndex, sortLines, sumSelected } from '../state/line-view';
import { useMatching } from '../state/matching';
import { useMonth } from '../state/month';
import { useNotice } from '../state/notice';
import { ExplainDifference } from './matching/ExplainDifference';
import { FilterBar } from './matching/FilterBar';
import { BatchPanel } from './matching/BatchPanel';
import { LineDetail } from './matching/LineDetail';
import { NoteEditor } from './matching/NoteEditor';
import { SelectionBar } from './matching/SelectionBar';
import { Shortcuts } from './matching/Shortcuts';
import { Suggestions } from './matching/Suggestions';
import { ToleranceEditor } from './matching/ToleranceEditor';
import { VoucherView } from './matching/VoucherView';

const SIDES: Record<AccountRole, [MessageKey, MessageKey]> = {
  cashInTransit: ['match.side.bank', 'match.side.moss'],
  defaultSupplier: ['match.side.payments', 'match.side.purchases'],
  creditor: ['match.side.payments', 'match.side.purchases'],
  mossBalance: ['match.side.in', 'match.side.out'],
  netWages: ['match.side.salaryPayments', 'match.side.runLines'],
  payrollTax: ['match.side.taxPayments', 'match.side.taxLines'],
  pension: ['match.side.premiumPayments', 'match.side.premiumLines'],
  employeeCreditor: ['match.side.reimbursements', 'match.side.reports'],
  paymentsInTransit: ['match.side.bankDebits', 'match.side.orderLines'],
  transitory: ['match.side.bookings', 'match.side.releases'],
};

/** Both sides of one account, the suggestions, the selection and its sum, notes and shortcuts. */
export function MatchingView({ account }: { account: string }) {
  const { t, tn, lang, euro, num } = useT();
  const { result, openAccount, flagged, clearFlagged, period } = useMonth();
  const m = useMatching();
  const { load } = m;
  useEffect(() => {
    void load(account);
  }, [account, load]);
  const acct = result?.accounts.find((a) => a.account === account);
  const matches = useMemo(() => matchIndex(result, account), [result, account]);
  const sorted = useMemo(() => sortLines(m.lines, m.sort), [m.lines, m.sort]);
  const only = useMemo(() => (flagged ? new Set<LineKey>(flagged.lines) : null), [flagged]);
  const sides = useMemo(() => buildSides(sorted, m.filters, matches, lang, only), [sorted, m.filters, matches, lang, only]);
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
  // The suggestion Enter accepts: the one of the focused line, never another.
  const focusedSuggestion = m.focus ? (suggestions.find((s) => s.lines.includes(m.focus!)) ?? null) : null;
  const noteLine = m.noteFor ? byKey.get(m.noteFor) : undefined;
  // "16 lines: 15 in 06-2025, 1 open from earlier months" — the card's count plus what is carried in.
  const first = periodBounds(period).first;
  const carried = useMemo(() => m.lines.reduce((n, l) => (l.entryDate < first ? n + 1 : n), 0), [m.lines, first]);
  const focusGroup = useMemo(() => {
    const id = m.focus ? matches.get(m.focus)?.id : undefined;
    return id ? result?.matches.find((g) => g.id === id && g.account === account) : undefined;
  }, [m.focus, matches, result, account]);

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
      if (s.explain) return; // the difference form has the keyboard
      if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        if (focusedSuggestion) void s.accept(focusedSuggestion.id);
        else if (s.focus) useNotice.getState().say('match.focusHasNoSuggestion');
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
  }, [focusedSuggestion, sum, focusMatch]);

  const [debitTitle, creditTitle] = SIDES[acct?.role ?? 'mossBalance'];
  const table = (id: string, title: MessageKey, lines: ViewLine[]) => (
    <LineTable
      id={id}
      title={t(title)}
      lines={lines}
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
  const total = Math.max(m.expected, m.lines.length);
  return (
    <div className="matching">
      <header className="matching-head">
        <div className="row wrap">
          <button type="button" className="ghost" onClick={() => openAccount(null)}>
            {t('match.back')}
          </button>
          <h2>{t('match.title', { account: `${acct ? t(`dash.role.${acct.role}`) : ''} ${account}` })}</h2>
          {acct && <StatusBadge status={shownStatus(acct, result?.rollforward)} />}
          {acct && <SignOffBadge account={acct} />}
        </div>
        {acct && judged(acct) && (
          <span className="num head-figures">
            <span className={acct.difference === 0 ? 'ok' : 'bad'}>
              {t('dash.difference')}: {euro(acct.difference)}
            </span>
            {acct.unexplained !== undefined && acct.unexplained !== null && (
              <span className={acct.unexplained === 0 ? 'ok' : 'bad'} data-testid="unexplained">
                {t('dash.unexplained')}: {euro(acct.unexplained)}
              </span>
            )}
          </span>
        )}
      </header>
      <p className="muted small line-count" data-testid="line-count">
        {carried > 0 ? t('match.total', { total: num(total), inPeriod: num(total - carried), carried: num(carried), period: periodLabel(period) }) : t('match.totalNoCarried', { total: num(total), period: periodLabel(period) })}
      </p>
      {flagged && (
        <p className="flagged-note" role="status" data-testid="flagged-note">
          <span>
            {tn('match.flagged', flagged.lines.length)}: {flagged.label}
          </span>
          <button type="button" className="link" onClick={clearFlagged}>
            {t('match.flaggedAll')}
          </button>
        </p>
      )}
      {/* A transitory account is read per voucher first; its lines stay below for notes and detail. */}
      {acct?.vouchers && <VoucherView account={acct} period={result?.period ?? period} />}
      <FilterBar />
      <SelectionBar count={m.selected.size} sum={sum} onMatch={(d) => void m.matchSelection(d, null)} onClear={m.clearSelection} matchOfFocus={focusMatch} onUnmatch={(id) => void m.unmatch(id)} />
      <div className="matching-body">
        <div className="tables" aria-busy={m.loading || m.loadingRest}>
          {m.loading || m.loadingRest ? (
            <p className="muted small loading-note" role="status">
              {m.loading ? t('match.loading') : t('match.loadingRest', { n: num(m.lines.length), total: num(m.expected) })}
            </p>
          ) : null}
          {table('debit', debitTitle, sides.debit)}
          {table('credit', creditTitle, sides.credit)}
        </div>
        <aside className="side">
          {m.explain && acct && <ExplainDifference key={JSON.stringify(m.explain)} request={m.explain} account={acct} onConfirm={(x) => void m.confirmExplained(x)} onCancel={m.cancelExplain} />}
          {noteLine && <NoteEditor key={noteLine.key} line={noteLine} initial={m.notes.get(noteLine.key) ?? noteLine.note ?? ''} onSave={(text) => void m.saveNote(noteLine.key, text)} onClose={() => m.openNote(null)} />}
          {/* The previous line's detail stays (dimmed) until the new one arrives: no jump. */}
          {!noteLine && m.focus && m.detail && (
            <LineDetail
              line={{ ...m.detail, note: m.notes.get(m.detail.key) ?? m.detail.note }}
              stale={m.detail.key !== m.focus}
              match={matches.get(m.detail.key)}
              account={acct}
              history={m.history}
              onNote={() => m.openNote(m.focus)}
              onCategorise={(category, reason, counter) => void m.categorise(m.detail!.key, category, reason, counter)}
            />
          )}
          {!noteLine && m.focus && !m.detail && (
            <button type="button" onClick={() => m.openNote(m.focus)}>
              {t('match.note')} <kbd>N</kbd>
            </button>
          )}
          {!noteLine && m.focus && <BatchPanel focus={m.focus} detail={m.detail} lines={m.lines} group={focusGroup} matches={matches} onSelectEntry={m.selectKeys} />}
          <Suggestions suggestions={suggestions} byKey={byKey} focused={focusedSuggestion?.id ?? null} onAccept={(id) => void m.accept(id)} onAcceptAll={() => void m.acceptAllExact()} />
          {acct && (
            <section className="panel">
              <ToleranceEditor account={acct} />
              <SignOffPanel account={acct} />
            </section>
          )}
          <Shortcuts />
        </aside>
      </div>
    </div>
  );
}
