import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../../api/hooks';
import { ApiErrorMessage } from '../ApiErrorMessage';
import { StatusDetails } from './StatusDetails';
import { ServiceBadge } from './ServiceBadge';

/**
 * The System Status panel: every value comes from the live `status.get` procedure, the same one
 * that `voiceops status` prints, so the window, the browser and the command line agree.
 */
export function SystemStatusPanel() {
  const { t } = useTranslation();
  const status = useProcedureQuery('status.get', {});
  return (
    <section className="card" aria-labelledby="system-status-title" data-testid="status-panel" aria-busy={status.isFetching}>
      <div className="card__header">
        <div>
          <h2 className="card__title" id="system-status-title">
            {t('status.title')}
          </h2>
          <p className="card__subtitle">{t('status.subtitle')}</p>
          {status.data && <ServiceBadge ownership={status.data.ownership} />}
        </div>
        <button
          type="button"
          className="button button--secondary button--small"
          data-testid="status-refresh"
          onClick={() => void status.refetch()}
          disabled={status.isFetching}
        >
          {t('status.refresh')}
        </button>
      </div>
      {status.isPending && (
        <p className="muted" role="status">
          {t('status.loading')}
        </p>
      )}
      {status.isError && <ApiErrorMessage error={status.error} onRetry={() => void status.refetch()} testId="status-error" />}
      {status.data && <StatusDetails status={status.data} />}
    </section>
  );
}
