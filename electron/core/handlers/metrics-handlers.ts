import type { AlertService, RuleChange } from '../../services/alerts/alert-service.js';
import type { MetricsHistory } from '../../services/metrics/metrics-history.js';
import type { MetricsSampler } from '../../services/metrics/metrics-sampler.js';
import type { HealthService } from '../../services/status/health-service.js';
import type { HandlersFor } from './handler-types.js';

type MetricsProcedure = 'metrics.current' | 'metrics.history' | 'alerts.list' | 'alerts.rules' | 'alerts.updateRule' | 'alerts.resetRules' | 'health.get';

export interface MetricsHandlerServices {
  sampler: MetricsSampler;
  history: MetricsHistory;
  alerts: AlertService;
  health: HealthService;
}

export function metricsHandlers({ sampler, history, alerts, health }: MetricsHandlerServices): HandlersFor<MetricsProcedure> {
  return {
    'metrics.current': () => sampler.current(),
    'metrics.history': ({ range }) => history.query(range, Date.now()),
    'alerts.list': ({ limit }) => alerts.report(limit),
    'alerts.rules': () => alerts.rules(),
    'alerts.updateRule': ({ id, ...given }) => {
      // Only the fields given change; an absent option is not a null threshold.
      const change = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as RuleChange;
      return alerts.updateRule(id, change);
    },
    'alerts.resetRules': () => alerts.resetRules(),
    'health.get': () => health.check(),
  };
}
