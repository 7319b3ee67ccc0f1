import { useTranslation } from 'react-i18next';
import type { EngineStatusReport } from '../../../../electron/api/index.js';
import { useProcedureQuery } from '../../../api/hooks';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { useSampleVersions } from '../../../components/sample-versions';
import { useSession } from '../../../app/session-context';
import { LineMetricsTable, LoadedTable, PreloadsList } from './EngineModels';
import { ProviderList, QueueAndCache } from './EngineOverview';

/** Every 5 s while the page is shown; react-query pauses the interval while the tab is hidden. */
export const ENGINE_REFRESH_MS = 5_000;

function RuntimeBadge({ runtime }: { runtime: EngineStatusReport['runtime'] }) {
  const { t } = useTranslation();
  if (!runtime.available) {
    return (
      <span className="badge badge--error" data-testid="engine-runtime" data-available="false">
        {t('engine.panel.runtimeMissing')}
      </span>
    );
  }
  return (
    <span className="badge badge--neutral mono-badge" data-testid="engine-runtime" data-available="true">
      {runtime.version ? t('engine.panel.runtime', { version: runtime.version }) : t('engine.panel.runtimeUnknown')}
    </span>
  );
}

function EngineDetails({ report }: { report: EngineStatusReport }) {
  const { t } = useTranslation();
  const samples = useSampleVersions();
  return (
    <div className="stack">
      {report.runtime.error && (
        <div className="alert alert--error" role="alert" data-testid="engine-runtime-error">
          <p className="alert__text">{report.runtime.error}</p>
        </div>
      )}
      {!report.started && (
        <div className="alert alert--info" data-testid="engine-not-started">
          <p className="alert__text">
            <strong>{t('engine.panel.notStartedTitle')}</strong> {t('engine.panel.notStarted')}
          </p>
        </div>
      )}
      {report.workerRestarts > 0 && (
        <div className="alert alert--warn" data-testid="engine-restarts">
          <p className="alert__text">{t('engine.panel.restarts', { count: report.workerRestarts })}</p>
        </div>
      )}
      <div className="engine-grid">
        <ProviderList report={report} />
        <QueueAndCache report={report} />
      </div>
      {report.started && (
        <>
          <PreloadsList report={report} samples={samples} />
          <LoadedTable report={report} samples={samples} />
          <LineMetricsTable report={report} samples={samples} />
        </>
      )}
    </div>
  );
}

/**
 * The inference engine as `engine.status` reports it (the same report as `voiceops engine
 * status`): providers and why each unused one is not used, queue, cache, models and latency.
 */
export function EnginePanel() {
  const { t } = useTranslation();
  const { user } = useSession();
  const status = useProcedureQuery('engine.status', {}, { refetchInterval: ENGINE_REFRESH_MS });
  const report = status.data;
  return (
    <section
      className="card"
      aria-labelledby="engine-panel-title"
      data-testid="engine-panel"
      data-started={report ? String(report.started) : undefined}
    >
      <div className="card__header">
        <div>
          <h2 className="card__title" id="engine-panel-title">
            {t('engine.panel.title')}
          </h2>
          <p className="card__subtitle">{t('engine.panel.subtitle')}</p>
        </div>
        <div className="button-row">
          {report && <RuntimeBadge runtime={report.runtime} />}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void status.refetch()}
            data-testid="engine-refresh"
          >
            {t('engine.panel.refresh')}
          </button>
        </div>
      </div>
      {status.isPending && (
        <p className="muted" role="status">
          {t('engine.panel.loading')}
        </p>
      )}
      {status.isError && <ApiErrorMessage error={status.error} role={user.role} onRetry={() => void status.refetch()} testId="engine-error" />}
      {report && <EngineDetails report={report} />}
    </section>
  );
}
