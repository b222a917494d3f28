import { useId, useMemo, useState } from 'react';
import type { AccountResult } from '../../../shared/reconcile';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/messages';
import { creditorRows, filterCreditors, sortCreditors, type CreditorSort, type CreditorSortKey } from '../state/creditor-rows';
import { SignOffBadge, StatusBadge } from './StatusBadge';

const COLUMNS: { key: CreditorSortKey; label: MessageKey; num?: boolean }[] = [
  { key: 'account', label: 'emp.creditor' },
  { key: 'name', label: 'emp.name' },
  { key: 'status', label: 'emp.status' },
  { key: 'open', label: 'emp.open', num: true },
  { key: 'oldest', label: 'emp.oldest', num: true },
  { key: 'amount', label: 'emp.amount', num: true },
  { key: 'difference', label: 'emp.difference', num: true },
];

/**
 * Employee creditors (possibly hundreds) as one compact table: sortable by every column, filtered
 * by number or name and to those that do not clear. The ones that do not clear come first.
 */
export function EmployeeTable({ accounts, suggested, onOpen }: { accounts: AccountResult[]; suggested(account: string): number; onOpen(account: string): void }) {
  const { t, tn, euro, num, date } = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [sort, setSort] = useState<CreditorSort>({ key: 'status', desc: false });
  const rows = useMemo(() => creditorRows(accounts), [accounts]);
  const shown = useMemo(() => sortCreditors(filterCreditors(rows, text, onlyProblems), sort), [rows, text, onlyProblems, sort]);
  const clearing = rows.filter((r) => r.clears).length;
  const open = rows.reduce((s, r) => s + r.open, 0);
  const toggle = (key: CreditorSortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }));
  return (
    <section className="panel employee-creditors" aria-labelledby={`${id}-h`} data-testid="employee-creditors">
      <h2 id={`${id}-h`} className="section-title">
        {t('emp.title')} <span className="muted small">{tn('emp.summary', open, { clear: num(clearing), total: num(rows.length) })}</span>
      </h2>
      <div className="row wrap">
        <input type="search" aria-label={t('emp.filter')} placeholder={t('emp.filter')} value={text} onChange={(e) => setText(e.target.value)} />
        <label className="check">
          <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> {t('emp.onlyProblems')}
        </label>
      </div>
      <table className="employee-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className={c.num ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="link" onClick={() => toggle(c.key)} aria-label={t('emp.sortBy', { column: t(c.label) })}>
                  {t(c.label)}
                  {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">{t('dash.openAccount')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const n = suggested(r.account);
            return (
              <tr key={r.account} data-account={r.account} className={`status-${r.status}`}>
                <th scope="row">{r.account}</th>
                <td>{r.name}</td>
                <td>
                  <span className="badges">
                    <StatusBadge status={r.status} />
                    <SignOffBadge account={r.result} />
                  </span>
                </td>
                <td className="num">
                  {r.open}
                  {n ? <span className="muted small"> · {tn('dash.matchesSuggested', n)}</span> : null}
                </td>
                <td className="num" title={r.oldestDate ? date(r.oldestDate) : undefined}>
                  {r.oldestDays === null ? '—' : t('emp.days', { n: r.oldestDays })}
                </td>
                <td className="num">{r.status === 'not-fetched' ? '—' : euro(r.closing)}</td>
                <td className={`num ${r.judged ? (r.difference === 0 ? 'ok' : 'bad') : 'muted'}`}>{r.judged ? euro(r.difference) : '—'}</td>
                <td>
                  <button type="button" className="ghost nowrap" onClick={() => onOpen(r.account)} aria-label={`${t('dash.openAccount')} ${r.account}`} disabled={r.status === 'not-fetched'}>
                    {t('dash.openAccount')} →
                  </button>
                </td>
              </tr>
            );
          })}
          {shown.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="muted">
                {t('emp.none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
