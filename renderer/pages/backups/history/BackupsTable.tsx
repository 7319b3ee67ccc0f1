import { useTranslation } from 'react-i18next';
import type { BackupListEntry } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';
import { formatDateTime, formatDateTimeShort } from '../../../components/format-date';
import { useFormatDuration } from '../../../components/TransferProgress';
import { useIsBackupAdmin, useLanguage } from '../backup-queries';

export type BackupAction = 'verify' | 'drill' | 'restore' | 'delete' | 'contents';

const KIND_BADGE: Record<BackupListEntry['kind'], string> = {
  manual: 'badge badge--neutral',
  scheduled: 'badge badge--info',
  'pre-restore': 'badge badge--warn',
};

type Check = BackupListEntry['lastVerify'];

function CheckCell({ check, kind, testId }: { check: Check; kind: 'verify' | 'drill'; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!check) {
    return (
      <span className="backups-check">
        <span className="muted" data-testid={testId} data-state="never">
          {t(kind === 'verify' ? 'backups.history.neverVerified' : 'backups.history.neverDrilled')}
        </span>
      </span>
    );
  }
  const label = check.ok
    ? t(kind === 'verify' ? 'backups.history.verifyOk' : 'backups.history.drillOk')
    : t(kind === 'verify' ? 'backups.history.verifyProblems' : 'backups.history.drillProblems', { count: check.problems });
  return (
    <span className="backups-check">
      <span className={check.ok ? 'badge badge--ok' : 'badge badge--error'} data-testid={testId} data-state={check.ok ? 'ok' : 'failed'}>
        {label}
      </span>
      <span className="cell-sub cell-sub--wrap" title={formatDateTime(check.at, language)}>
        {formatDateTimeShort(check.at, language)}
        {kind === 'verify' && check.subsetPercent < 100 && <> · {t('backups.history.subsetShort', { percent: check.subsetPercent })}</>}
      </span>
    </span>
  );
}

/** Complete backups, newest first: time, target, size, new bytes, versions, last verify and drill. */
export function BackupsTable({ backups, onAction }: { backups: BackupListEntry[]; onAction: (action: BackupAction, backup: BackupListEntry) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const isAdmin = useIsBackupAdmin();
  const formatDuration = useFormatDuration();

  return (
    <div className="table-wrap">
      <table className="table table--compact backups-table" data-testid="backups-table">
        <caption className="visually-hidden">{t('backups.history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backups.history.time')}</th>
            <th scope="col">{t('backups.history.target')}</th>
            <th scope="col" className="table__num">
              {t('backups.history.size')}
            </th>
            <th scope="col">{t('backups.history.versions')}</th>
            <th scope="col">{t('backups.history.checks')}</th>
            {isAdmin && (
              <th scope="col" className="table__actions">
                {t('backups.actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.id} data-testid={`backup-row-${backup.id}`} data-kind={backup.kind}>
              <th scope="row" className="table__name">
                <span className="cell-main" title={formatDateTime(backup.createdAt, language)} data-testid="backup-time">
                  {formatDateTimeShort(backup.createdAt, language)}
                </span>
                <span className="cell-sub backups-row-meta">
                  <span className={KIND_BADGE[backup.kind]}>{t(`backups.kinds.${backup.kind}`)}</span>
                  <span>{formatDuration(backup.durationMs / 1000)}</span>
                </span>
              </th>
              <td data-testid="backup-target">{backup.target}</td>
              <td className="table__num">
                <span className="cell-main" data-testid="backup-size">
                  {formatBytes(backup.totalBytes, language)}
                </span>
                <span className="cell-sub" data-testid="backup-new">
                  {t('backups.history.newBytes', { size: formatBytes(backup.newBytes, language) })}
                </span>
              </td>
              <td>
                <span className="cell-main" data-testid="backup-versions">
                  {t('backups.history.versionCount', { count: backup.versionCount })}
                </span>
                <button
                  type="button"
                  className="button button--link backups-contents-link"
                  onClick={() => onAction('contents', backup)}
                  data-testid="backup-contents"
                >
                  {t('backups.history.contents')}
                </button>
              </td>
              <td>
                <CheckCell check={backup.lastVerify} kind="verify" testId="backup-verify-state" />
                <CheckCell check={backup.lastDrill} kind="drill" testId="backup-drill-state" />
              </td>
              {isAdmin && (
                <td className="table__actions">
                  <div className="button-row button-row--end backups-row-actions">
                    {(['verify', 'drill', 'restore', 'delete'] as const).map((action) => (
                      <button
                        key={action}
                        type="button"
                        className={action === 'delete' ? 'button button--danger button--small' : 'button button--secondary button--small'}
                        onClick={() => onAction(action, backup)}
                        aria-label={t(`backups.rowActions.${action}Named`, { time: formatDateTimeShort(backup.createdAt, language) })}
                        data-testid={`backup-${action}`}
                      >
                        {t(`backups.rowActions.${action}`)}
                      </button>
                    ))}
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
