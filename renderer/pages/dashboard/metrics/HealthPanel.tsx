import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../../../api/hooks';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';

const BADGE = { ok: 'badge badge--ok', warn: 'badge badge--warn', fail: 'badge badge--error' } as const;

/**
 * The health check (database, models, disk, engine), read again every 30 s while shown. It is
 * part of `status.get`, which the System Status panel beside it reads too: one request for both.
 */
export function HealthPanel() {
  const { t } = useTranslation();
  const status = useProcedureQuery('status.get', {}, { refetchInterval: 30_000 });
  const health = status.data?.health;
  return (
    <section className="card" aria-labelledby="health-title" data-testid="health-panel">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="health-title">
            {t('metrics.health.title')}
          </h2>
          <p className="card__subtitle">{t('metrics.health.subtitle')}</p>
        </div>
        {health && (
          <span className={BADGE[health.state]} data-testid="health-state" data-state={health.state}>
            {t(`metrics.health.states.${health.state}`)}
          </span>
        )}
      </div>
      {status.isError && <ApiErrorMessage error={status.error} onRetry={() => void status.refetch()} testId="health-error" />}
      {health && (
        <ul className="health-checks">
          {health.checks.map((check) => (
            <li key={check.name} data-testid={`health-${check.name}`} data-state={check.state}>
              <span className={BADGE[check.state]}>{t(`metrics.health.states.${check.state}`)}</span>
              <strong>{t(`metrics.health.names.${check.name}`)}</strong>
              <span className="muted">{check.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
