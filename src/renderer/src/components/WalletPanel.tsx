import { useState } from 'react';
import { parseEuroInput } from '../../../shared/money';
import type { Rollforward } from '../../../shared/reconcile';
import { useT } from '../i18n';
import { WALLET_INPUT_ID } from './StatusBadge';
import { useMonth } from '../state/month';

/** The wallet balance Moss reports, and the rollforward of the Moss Balance account against it. */
export function WalletPanel({ rollforward }: { rollforward: Rollforward }) {
  const { t, euro, lang, bi } = useT();
  const setWallet = useMonth((s) => s.setWallet);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  // One wallet panel on screen: a fixed id lets the Moss Balance card's link focus the field.
  const id = WALLET_INPUT_ID;
  const rows: [string, number | null][] = [
    [t('wallet.opening'), rollforward.opening],
    [t('wallet.topUps'), rollforward.topUps],
    [t('wallet.spend'), rollforward.spend],
    [t('wallet.refunds'), rollforward.refunds],
    [t('wallet.other'), rollforward.other],
  ];
  return (
    <section className="panel wallet" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('wallet.title')}</h3>
      {rollforward.wallet === null && (
        <p className="wallet-missing small" role="note">
          {t('wallet.enterHint')}
        </p>
      )}
      <form
        className="row wrap"
        onSubmit={(e) => {
          e.preventDefault();
          try {
            const cents = parseEuroInput(text, lang);
            setInvalid(false);
            void setWallet(cents);
          } catch {
            setInvalid(true);
          }
        }}
      >
        <label className="field" htmlFor={id}>
          <span>{t('wallet.balance')}</span>
          <input id={id} className="num" inputMode="decimal" value={text} aria-invalid={invalid} aria-describedby={invalid ? `${id}-err` : undefined} placeholder={euro(rollforward.wallet ?? 0)} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" disabled={!text.trim()}>
          {t('wallet.save')}
        </button>
        {rollforward.wallet !== null && (
          <button type="button" className="ghost" onClick={() => void setWallet(null)}>
            {t('wallet.clear')}
          </button>
        )}
        {invalid && (
          <span id={`${id}-err`} className="bad" role="alert">
            {t('wallet.invalid')}
          </span>
        )}
      </form>
      <table className="rollforward">
        <tbody>
          {rows.map(([label, v]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{euro(v ?? 0)}</td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">{t('wallet.closing')}</th>
            <td className="num">{euro(rollforward.closing)}</td>
          </tr>
          <tr>
            <th scope="row">{t('wallet.wallet')}</th>
            <td className="num">{rollforward.wallet === null ? '—' : euro(rollforward.wallet)}</td>
          </tr>
          <tr className="total">
            <th scope="row">{t('wallet.difference')}</th>
            <td className={`num ${rollforward.difference === null ? 'muted' : rollforward.difference ? 'bad' : 'ok'}`}>{rollforward.difference === null ? t('wallet.notEntered') : euro(rollforward.difference)}</td>
          </tr>
        </tbody>
      </table>
      {rollforward.likelyCauses.length > 0 && (
        <>
          <h4>{t('wallet.causes')}</h4>
          <ul>
            {rollforward.likelyCauses.map((c, i) => (
              <li key={i}>{bi(c)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
