import type { Cents } from '../../../shared/money';
import { useT } from '../i18n';

const W = 260;
const H = 64;
const PAD = 4;

/** End-of-day balance over the period with the zero line: does it come back to zero? */
export function BalanceChart({ points, expected }: { points: { date: string; balance: Cents }[]; expected: Cents }) {
  const { t, euro, date } = useT();
  if (points.length === 0) return null;
  const values = points.map((p) => p.balance);
  const lo = Math.min(0, expected, ...values);
  const hi = Math.max(0, expected, ...values);
  const span = hi - lo || 1;
  const x = (i: number) => PAD + (i * (W - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (v: number) => PAD + ((hi - v) * (H - 2 * PAD)) / span;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.balance).toFixed(1)}`).join(' ');
  const last = points[points.length - 1]!;
  const back = last.balance === expected;
  const summary = `${t('dash.chart')}: ${date(points[0]!.date)} ${euro(points[0]!.balance)} → ${date(last.date)} ${euro(last.balance)}. ${t(back ? 'dash.chartBackToZero' : 'dash.chartNotZero')}.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} role="img" aria-label={summary}>
        <line x1={PAD} x2={W - PAD} y1={y(expected)} y2={y(expected)} className="chart-zero" />
        <path d={path} className={back ? 'chart-line ok' : 'chart-line bad'} />
        <circle cx={x(points.length - 1)} cy={y(last.balance)} r={3} className={back ? 'chart-dot ok' : 'chart-dot bad'} />
      </svg>
      <figcaption className="muted small">
        {t('dash.chart')} · {t(back ? 'dash.chartBackToZero' : 'dash.chartNotZero')}
      </figcaption>
    </figure>
  );
}
