import type { Cents } from '../../../shared/money';
import { useT } from '../i18n';

const W = 260;
const H = 64;
const PAD = 4;

/**
 * End-of-day balance over the period against the expected line, with its scale in euros (highest,
 * lowest, expected): a line without amounts makes −34,35 look like −2.004. The verdict ("comes
 * back to zero") only when there is something to compare with.
 */
export function BalanceChart({ points, expected, judged }: { points: { date: string; balance: Cents }[]; expected: Cents; judged: boolean }) {
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
  const verdict = !judged ? t('dash.chartNoVerdict') : expected === 0 ? t(back ? 'dash.chartBackToZero' : 'dash.chartNotZero') : t(back ? 'dash.chartBackToExpected' : 'dash.chartNotExpected');
  const tone = !judged ? 'neutral' : back ? 'ok' : 'bad';
  const summary = `${t('dash.chart')}: ${date(points[0]!.date)} ${euro(points[0]!.balance)} → ${date(last.date)} ${euro(last.balance)}. ${verdict}.`;
  return (
    <figure className="chart">
      <div className="chart-box">
        {/* The scale beside the line, in euros: its top, its bottom. */}
        <div className="chart-scale muted" aria-hidden="true">
          <span>{euro(hi)}</span>
          <span>{euro(lo)}</span>
        </div>
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" height={H} role="img" aria-label={summary} preserveAspectRatio="none">
          <line x1={PAD} x2={W - PAD} y1={y(expected)} y2={y(expected)} className="chart-zero" />
          <path d={path} className={`chart-line ${tone}`} />
          <circle cx={x(points.length - 1)} cy={y(last.balance)} r={3} className={`chart-dot ${tone}`} />
        </svg>
      </div>
      <figcaption className="muted small">
        {t('dash.chart')} · {verdict} · <span className="num">{t('dash.chartAxis', { hi: euro(Math.max(...values)), lo: euro(Math.min(...values)) })}</span>
      </figcaption>
    </figure>
  );
}
