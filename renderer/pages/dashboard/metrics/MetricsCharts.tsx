import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AlertRule, HistoryRange, MetricKey, MetricValues } from '../../../../electron/api/index.js';
import { useProcedureQuery } from '../../../api/hooks';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatClock, formatNumber, METRIC_LABEL } from '../../../components/metrics/metric-format';
import type { LivePoint } from './use-live-metrics';

/** The dashboard's ranges (the CLI also has 90d). */
const RANGES = ['5m', '1h', '24h', '7d'] as const satisfies readonly HistoryRange[];
const SPAN_MS: Record<(typeof RANGES)[number], number> = { '5m': 300_000, '1h': 3_600_000, '24h': 86_400_000, '7d': 604_800_000 };
const COLORS = ['#1d4ed8', '#b45309', '#047857', '#9333ea'];

interface Series {
  key: MetricKey;
  /** Shown value = stored value × scale (bytes/s → MB/s). */
  scale?: number;
}

interface ChartSpec {
  id: string;
  titleKey: 'cpu' | 'memory' | 'disk' | 'gpu' | 'io' | 'latency';
  series: Series[];
  domain?: [number, number];
}

/** One chart per subject, so each carries only its own rules' threshold lines. */
const CHARTS: ChartSpec[] = [
  { id: 'cpu', titleKey: 'cpu', series: [{ key: 'cpu.percent' }], domain: [0, 100] },
  { id: 'memory', titleKey: 'memory', series: [{ key: 'memory.percent' }, { key: 'swap.percent' }], domain: [0, 100] },
  { id: 'disk', titleKey: 'disk', series: [{ key: 'disk.percent' }], domain: [0, 100] },
  { id: 'gpu', titleKey: 'gpu', series: [{ key: 'gpu.percent' }, { key: 'gpu.memoryPercent' }], domain: [0, 100] },
  {
    id: 'io',
    titleKey: 'io',
    series: [
      { key: 'network.rxBytesPerSec', scale: 1e-6 },
      { key: 'network.txBytesPerSec', scale: 1e-6 },
      { key: 'disk.readBytesPerSec', scale: 1e-6 },
      { key: 'disk.writeBytesPerSec', scale: 1e-6 },
    ],
  },
  { id: 'latency', titleKey: 'latency', series: [{ key: 'engine.p50Ms' }, { key: 'engine.p95Ms' }] },
];

type Row = { t: number } & Partial<Record<MetricKey, number | null>>;

function toRow(t: number, values: MetricValues, series: readonly Series[]): Row {
  const row: Row = { t };
  for (const { key, scale } of series) {
    const v = values[key];
    row[key] = v === null || v === undefined ? null : v * (scale ?? 1);
  }
  return row;
}

function Chart({ spec, rows, rules, withDate }: { spec: ChartSpec; rows: Array<{ t: number; values: MetricValues }>; rules: AlertRule[]; withDate: boolean }) {
  const { t, i18n } = useTranslation();
  const data = rows.map((r) => toRow(r.t, r.values, spec.series));
  const keys = new Set(spec.series.map((s) => s.key));
  const thresholds = rules
    .filter((r) => r.enabled && keys.has(r.metric))
    .flatMap((r) => (['warning', 'critical'] as const).filter((level) => r[level] !== null).map((level) => ({ rule: r, level, value: r[level]! })));
  const hasData = data.some((row) => spec.series.some((s) => typeof row[s.key] === 'number'));
  return (
    <figure className="metric-chart" data-testid={`metric-chart-${spec.id}`} data-points={data.length}>
      <figcaption className="metric-chart__title">{t(`metrics.charts.${spec.titleKey}`)}</figcaption>
      {!hasData ? (
        <p className="muted metric-chart__empty">{t('metrics.charts.empty')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(ms: number) => formatClock(ms, i18n.language, withDate)} minTickGap={40} fontSize={11} />
            <YAxis domain={spec.domain ?? [0, 'auto']} width={44} fontSize={11} tickFormatter={(v: number) => formatNumber(v, i18n.language)} />
            <Tooltip
              labelFormatter={(ms) => formatClock(Number(ms), i18n.language, true)}
              formatter={(value) => (typeof value === 'number' ? formatNumber(value, i18n.language, 2) : '—')}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {spec.series.map((s, i) => (
              <Line key={s.key} dataKey={s.key} name={t(`metrics.metric.${METRIC_LABEL[s.key]}`)} stroke={COLORS[i % COLORS.length] ?? '#1d4ed8'} dot={false} isAnimationActive={false} connectNulls={false} strokeWidth={1.6} />
            ))}
            {thresholds.map(({ rule, level, value }) => (
              <ReferenceLine
                key={`${rule.id}-${level}`}
                y={value}
                stroke={level === 'critical' ? '#b42318' : '#b45309'}
                strokeDasharray="6 4"
                ifOverflow="extendDomain"
                label={{
                  value: t('metrics.charts.threshold', { metric: t(`metrics.metric.${METRIC_LABEL[rule.metric]}`), level: t(`metrics.levels.${level}`), value: formatNumber(value, i18n.language) }),
                  // Warning under its line, critical over it: close thresholds do not overprint.
                  position: level === 'critical' ? 'insideTopRight' : 'insideBottomRight',
                  fontSize: 10,
                  fill: level === 'critical' ? '#b42318' : '#8a5300',
                }}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

/**
 * History from SQLite for the chosen range; for the short ranges the live samples are appended
 * as they arrive, so the charts move without asking the server again. The long ranges refresh
 * once a minute (their points are minutes or half hours).
 */
export function MetricsCharts({ live, rules, showGpu }: { live: LivePoint[]; rules: AlertRule[]; showGpu: boolean }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<(typeof RANGES)[number]>('5m');
  const short = range === '5m' || range === '1h';
  const history = useProcedureQuery('metrics.history', { range }, { refetchInterval: short ? false : 60_000, refetchOnWindowFocus: false });
  const rows = useMemo(() => {
    const points = history.data?.points ?? [];
    if (!short) return points;
    const last = points.at(-1)?.t ?? 0;
    const step = (history.data?.stepSeconds ?? 1) * 1000;
    const fresh = live.filter((p) => p.t >= last + step);
    const newest = fresh.at(-1)?.t ?? last;
    return [...points, ...fresh].filter((p) => p.t >= newest - SPAN_MS[range]);
  }, [history.data, live, range, short]);
  return (
    <section className="metric-charts" aria-labelledby="metric-charts-title">
      <div className="metric-charts__head">
        <h3 className="engine-block__title" id="metric-charts-title">
          {t('metrics.charts.title')}
        </h3>
        <div className="range-switch" role="radiogroup" aria-label={t('metrics.charts.rangeLabel')} data-testid="metric-range">
          {RANGES.map((r) => (
            <button
              key={r}
              type="button"
              role="radio"
              aria-checked={range === r}
              className={range === r ? 'range-switch__item range-switch__item--on' : 'range-switch__item'}
              data-testid={`metric-range-${r}`}
              onClick={() => setRange(r)}
            >
              {t(`metrics.charts.ranges.${r}`)}
            </button>
          ))}
        </div>
      </div>
      {history.isPending && <p className="muted">{t('metrics.charts.loading')}</p>}
      {history.isError && <ApiErrorMessage error={history.error} onRetry={() => void history.refetch()} testId="metric-history-error" />}
      {history.data && (
        <div className="metric-charts__grid">
          {CHARTS.filter((c) => c.id !== 'gpu' || showGpu).map((spec) => (
            <Chart key={spec.id} spec={spec} rows={rows} rules={rules} withDate={!short} />
          ))}
        </div>
      )}
    </section>
  );
}
