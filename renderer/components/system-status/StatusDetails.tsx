import { useTranslation } from 'react-i18next';
import type { Status } from '../../../electron/api/index.js';
import { formatDateTime } from '../format-date';
import { StatusField } from './StatusField';
import { OwnerDescription } from './ServiceBadge';

export function StatusDetails({ status }: { status: Status }) {
  const { t, i18n } = useTranslation();
  const { database, engine, host } = status;
  const schemaCurrent = database.schemaVersion === database.latestSchemaVersion;

  return (
    <div className="status-grid">
      <div className="status-group">
        <h3 className="status-group__title">{t('status.groups.application')}</h3>
        <dl className="status-group__list">
          <StatusField label={t('status.appVersion')} testId="status-app-version" mono>
            {status.appVersion}
          </StatusField>
          <StatusField label={t('status.frontDoor')}>
            <span data-testid="status-front-door" data-door={status.frontDoor}>
              {t(`status.doors.${status.frontDoor}`)}
            </span>
          </StatusField>
          <StatusField label={t('status.startedAt')}>
            <time dateTime={status.startedAt} data-testid="status-started-at" title={status.startedAt}>
              {formatDateTime(status.startedAt, i18n.resolvedLanguage ?? 'en')}
            </time>
          </StatusField>
          <StatusField label={t('status.dataDir')} testId="status-data-dir" mono>
            {status.dataDir}
          </StatusField>
          <StatusField label={t('service.owner')}>
            <OwnerDescription ownership={status.ownership} />
          </StatusField>
        </dl>
      </div>

      <div className="status-group">
        <h3 className="status-group__title">{t('status.groups.database')}</h3>
        <dl className="status-group__list">
          <StatusField label={t('status.databasePath')} testId="status-database-path" mono>
            {database.path}
          </StatusField>
          <StatusField label={t('status.schemaVersion')}>
            <span className="status-number" data-testid="status-schema-version">
              {database.schemaVersion}
            </span>{' '}
            <span className="muted">
              ({t('status.latestSchema', { version: database.latestSchemaVersion })}
              <span className="visually-hidden" data-testid="status-latest-schema-version">
                {database.latestSchemaVersion}
              </span>
              )
            </span>{' '}
            <span className={schemaCurrent ? 'badge badge--ok' : 'badge badge--warn'} data-testid="status-schema-state">
              {t(schemaCurrent ? 'status.schemaCurrent' : 'status.schemaBehind')}
            </span>
          </StatusField>
          <StatusField label={t('status.journalMode')} testId="status-journal-mode" mono>
            {database.journalMode}
          </StatusField>
        </dl>
      </div>

      <div className="status-group">
        <h3 className="status-group__title">{t('status.groups.engine')}</h3>
        <dl className="status-group__list">
          <StatusField label={t('status.runtime')} testId="status-engine-runtime" mono>
            {engine.runtime}
          </StatusField>
          <StatusField label={t('status.availability')}>
            <span
              className={engine.available ? 'badge badge--ok' : 'badge badge--error'}
              data-testid="status-engine-available"
              data-available={String(engine.available)}
            >
              {t(engine.available ? 'status.available' : 'status.unavailable')}
            </span>
          </StatusField>
          <StatusField label={t('status.engineVersion')} testId="status-engine-version" mono>
            {engine.version ?? t('status.notKnown')}
          </StatusField>
          <StatusField label={t('status.backends')}>
            {engine.backends.length === 0 ? (
              <span className="muted">{t('status.noBackends')}</span>
            ) : (
              <ul className="chip-list" data-testid="status-engine-backends">
                {engine.backends.map((backend) => (
                  <li
                    key={backend.name}
                    className={backend.bundled ? 'chip chip--on' : 'chip'}
                    data-testid={`status-engine-backend-${backend.name}`}
                    data-bundled={String(backend.bundled)}
                  >
                    <span className="chip__name">{backend.name}</span>
                    <span className="chip__detail">{t(backend.bundled ? 'status.bundled' : 'status.notBundled')}</span>
                  </li>
                ))}
              </ul>
            )}
          </StatusField>
          {engine.error && (
            <StatusField label={t('status.engineError')} testId="status-engine-error">
              {engine.error}
            </StatusField>
          )}
        </dl>
      </div>

      <div className="status-group">
        <h3 className="status-group__title">{t('status.groups.host')}</h3>
        <dl className="status-group__list">
          <StatusField label={t('status.platform')} testId="status-host-platform" mono>
            {host.platform} / {host.arch}
          </StatusField>
          <StatusField label={t('status.node')} testId="status-host-node" mono>
            {host.node}
          </StatusField>
          <StatusField label={t('status.hostname')} testId="status-host-hostname" mono>
            {host.hostname}
          </StatusField>
        </dl>
      </div>
    </div>
  );
}
