import { useTranslation } from 'react-i18next';
import type { ActiveAlert, AlertRule, AlertsReport } from '../../../../electron/api/index.js';
import { formatDateTimeShort } from '../../../components/format-date';
import { formatMetric, METRIC_LABEL } from '../../../components/metrics/metric-format';

/** One line per active alert: what, how far past which threshold, since when. */
export function ActiveAlertLine({ alert, rule }: { alert: ActiveAlert; rule: AlertRule | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li className={`alert-line alert-line--${alert.level}`} data-testid={`alert-active-${alert.ruleId}`} data-level={alert.level}>
      <span className={alert.level === 'critical' ? 'badge badge--error' : 'badge badge--warn'}>{t(`metrics.levels.${alert.level}`)}</span>{' '}
      {t('metrics.alerts.activeLine', {
        metric: t(`metrics.metric.${METRIC_LABEL[alert.metric]}`),
        direction: t(rule?.direction === 'below' ? 'metrics.alerts.below' : 'metrics.alerts.above'),
        threshold: formatMetric(alert.metric, alert.threshold, lang),
        since: formatDateTimeShort(alert.since, lang),
        value: formatMetric(alert.metric, alert.value, lang),
      })}
    </li>
  );
}

/** Active alerts and the log of every change of level, newest first. */
export function AlertsPanel({ report, rules }: { report: AlertsReport; rules: AlertRule[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const byId = new Map(rules.map((r) => [r.id, r]));
  return (
    <section className="card" aria-labelledby="alerts-title" data-testid="alerts-panel">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="alerts-title">
            {t('metrics.alerts.title')}
          </h2>
          <p className="card__subtitle">{t('metrics.alerts.subtitle')}</p>
        </div>
      </div>
      <h3 className="engine-block__title">{t('metrics.alerts.active')}</h3>
      {report.active.length === 0 ? (
        <p className="muted" data-testid="alerts-none">
          {t('metrics.alerts.noneActive')}
        </p>
      ) : (
        <ul className="alert-lines">
          {report.active.map((a) => (
            <ActiveAlertLine key={a.ruleId} alert={a} rule={byId.get(a.ruleId)} />
          ))}
        </ul>
      )}
      <h3 className="engine-block__title">{t('metrics.alerts.log')}</h3>
      {report.log.length === 0 ? (
        <p className="muted">{t('metrics.alerts.emptyLog')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="alerts-log">
            <thead>
              <tr>
                <th scope="col">{t('metrics.alerts.columns.time')}</th>
                <th scope="col">{t('metrics.alerts.columns.metric')}</th>
                <th scope="col">{t('metrics.alerts.columns.change')}</th>
                <th scope="col">{t('metrics.alerts.columns.value')}</th>
                <th scope="col">{t('metrics.alerts.columns.threshold')}</th>
              </tr>
            </thead>
            <tbody>
              {report.log.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{formatDateTimeShort(e.at, lang)}</td>
                  <td>{t(`metrics.metric.${METRIC_LABEL[e.metric]}`)}</td>
                  <td>{t('metrics.alerts.change', { from: t(`metrics.levels.${e.from}`), to: t(`metrics.levels.${e.to}`) })}</td>
                  <td className="nowrap">{formatMetric(e.metric, e.value, lang)}</td>
                  <td className="nowrap">{formatMetric(e.metric, e.threshold, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
