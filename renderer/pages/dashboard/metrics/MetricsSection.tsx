import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../../../api/hooks';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { useAlertsReport } from '../../../components/metrics/AlertBanner';
import { AlertsPanel } from './AlertsPanel';
import { CurrentFigures } from './CurrentFigures';
import { HealthPanel } from './HealthPanel';
import { MetricsCharts } from './MetricsCharts';
import { formatClock } from '../../../components/metrics/metric-format';
import { useLiveMetrics } from './use-live-metrics';
import './metrics.css';

/** Live metrics, their history, the alerts and the health check (issue #7). */
export function MetricsSection() {
  const { t, i18n } = useTranslation();
  const { sample, points, receiving, first } = useLiveMetrics();
  const rules = useProcedureQuery('alerts.rules', {});
  const alerts = useAlertsReport();
  return (
    <>
      <section className="card" aria-labelledby="live-metrics-title" data-testid="metrics-panel" data-live={receiving}>
        <div className="card__header">
          <div>
            <h2 className="card__title" id="live-metrics-title">
              {t('metrics.live.title')}
            </h2>
            <p className="card__subtitle">{t('metrics.live.subtitle')}</p>
          </div>
          {sample && (
            <span className="badge badge--neutral" data-testid="metrics-updated" data-at={sample.at}>
              {t('metrics.live.updated', { time: formatClock(Date.parse(sample.at), i18n.language, false) })}
            </span>
          )}
        </div>
        {first.isPending && !sample && <p className="muted">{t('metrics.live.loading')}</p>}
        {first.isError && !sample && <ApiErrorMessage error={first.error} onRetry={() => void first.refetch()} testId="metrics-error" />}
        {sample && <CurrentFigures sample={sample} />}
        {sample && !receiving && <p className="muted metric-waiting">{t('metrics.live.waiting')}</p>}
        <MetricsCharts live={points} rules={rules.data ?? []} showGpu={sample?.gpu.available ?? false} />
      </section>
      {alerts.data && <AlertsPanel report={alerts.data} rules={rules.data ?? []} />}
      <HealthPanel />
    </>
  );
}
