import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSharedApiEvent } from '../../api/event-hub';
import { EVENT_FED, useProcedureQuery } from '../../api/hooks';
import { hrefFor } from '../../app/routes';
import { formatMetric, METRIC_LABEL } from './metric-format';

const ALERTS_INPUT = { limit: 20 } as const;

/**
 * Active alerts and the latest log entries: read once, then kept current by the alerts.changed
 * events the owner pushes (each carries the same report), so no screen polls for alerts.
 */
export function useAlertsReport() {
  const client = useQueryClient();
  const report = useProcedureQuery('alerts.list', ALERTS_INPUT, { refetchOnWindowFocus: false, meta: EVENT_FED });
  useSharedApiEvent('alerts.changed', (payload) => client.setQueryData(['alerts.list', ALERTS_INPUT], payload));
  return report;
}

/** A strip under the header on every page while any alert is active. */
export function AlertBanner() {
  const { t, i18n } = useTranslation();
  const report = useAlertsReport();
  const active = report.data?.active ?? [];
  if (active.length === 0) return null;
  const critical = active.some((a) => a.level === 'critical');
  return (
    <div className={critical ? 'alert alert--error alert-banner' : 'alert alert--warn alert-banner'} role="alert" aria-label={t('metrics.banner.label')} data-testid="alert-banner">
      <p className="alert__text">
        <strong>{t('metrics.banner.summary', { count: active.length })}</strong>{' '}
        {active
          .map((a) =>
            t('metrics.banner.item', {
              metric: t(`metrics.metric.${METRIC_LABEL[a.metric]}`),
              level: t(`metrics.levels.${a.level}`),
              value: formatMetric(a.metric, a.value, i18n.language),
            }),
          )
          .join(' · ')}{' '}
        <a href={hrefFor('dashboard')}>{t('metrics.banner.open')}</a>
      </p>
    </div>
  );
}
