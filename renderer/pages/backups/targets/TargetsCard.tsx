import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupTarget } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { formatBytes } from '../../../components/format-bytes';
import { formatDateTime, formatDateTimeShort } from '../../../components/format-date';
import { REFRESH, useBackupMutation, useBackupTargets, useIsBackupAdmin, useLanguage } from '../backup-queries';
import { AddTargetDialog } from './AddTargetDialog';

/** Backup targets: folders on another disk or a mounted share, with their free space. */
export function TargetsCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = useIsBackupAdmin();
  const language = useLanguage();
  const ids = useId();
  const targets = useBackupTargets();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<BackupTarget | null>(null);

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="backup-targets">
      <div className="card__header">
        <div>
          <h2 className="card__title" id={`${ids}-title`}>
            {t('backups.targets.title')}
          </h2>
          <p className="card__subtitle">{t(isAdmin ? 'backups.targets.subtitleAdmin' : 'backups.targets.subtitleReadOnly')}</p>
        </div>
        {isAdmin && (
          <button type="button" className="button button--secondary" onClick={() => setAdding(true)} data-testid="add-target-open">
            {t('backups.targets.add')}
          </button>
        )}
      </div>
      {targets.isPending && (
        <p className="muted" role="status">
          {t('backups.targets.loading')}
        </p>
      )}
      {targets.isError && <ApiErrorMessage error={targets.error} role={user.role} onRetry={() => void targets.refetch()} testId="targets-error" />}
      {targets.data && targets.data.length === 0 && (
        <div className="empty-state" data-testid="targets-empty">
          <p className="empty-state__title">{t('backups.targets.emptyTitle')}</p>
          <p className="muted">{t(isAdmin ? 'backups.targets.emptyAdmin' : 'backups.targets.emptyReadOnly')}</p>
        </div>
      )}
      {targets.data && targets.data.length > 0 && (
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('backups.targets.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backups.targets.name')}</th>
                <th scope="col">{t('backups.targets.folder')}</th>
                <th scope="col" className="table__num">
                  {t('backups.targets.free')}
                </th>
                <th scope="col">{t('backups.targets.backups')}</th>
                {isAdmin && (
                  <th scope="col" className="table__actions">
                    <span className="visually-hidden">{t('backups.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {targets.data.map((target) => (
                <tr key={target.name} data-testid={`target-row-${target.name}`}>
                  <th scope="row" className="table__name">
                    {target.name}
                  </th>
                  <td>
                    <code className="wrap-anywhere" data-testid="target-path">
                      {target.path}
                    </code>
                  </td>
                  <td className="table__num">
                    {target.reachable && target.freeBytes !== null ? (
                      <span data-testid="target-free">{formatBytes(target.freeBytes, language)}</span>
                    ) : (
                      <span className="badge badge--error" data-testid="target-unreachable">
                        {t('backups.targets.unreachable')}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="cell-main" data-testid="target-count">
                      {t('backups.targets.count', { count: target.backupCount })}
                    </span>
                    <span className="cell-sub" title={target.lastBackupAt ? formatDateTime(target.lastBackupAt, language) : undefined}>
                      {target.lastBackupAt
                        ? t('backups.targets.last', { date: formatDateTimeShort(target.lastBackupAt, language) })
                        : t('backups.targets.never')}
                    </span>
                  </td>
                  {isAdmin && (
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--danger-outline button--small"
                        onClick={() => setRemoving(target)}
                        aria-label={t('backups.targets.removeNamed', { name: target.name })}
                        data-testid="target-remove"
                      >
                        {t('backups.targets.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding && <AddTargetDialog onClose={() => setAdding(false)} />}
      {removing && <RemoveTargetDialog target={removing} onClose={() => setRemoving(null)} />}
    </section>
  );
}

function RemoveTargetDialog({ target, onClose }: { target: BackupTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const remove = useBackupMutation('backup.targetRemove', REFRESH.targetsAndBackups, { onSuccess: onClose });
  return (
    <Dialog title={t('backups.removeTarget.title', { name: target.name })} onClose={onClose} busy={remove.isPending} testId="remove-target-dialog">
      <div className="stack stack--tight">
        <p>{t('backups.removeTarget.body', { path: target.path, count: target.backupCount })}</p>
        {remove.isError && <ApiErrorMessage error={remove.error} role={user.role} testId="remove-target-error" />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={remove.isPending} data-autofocus>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => remove.mutate({ name: target.name })}
            disabled={remove.isPending}
            data-testid="remove-target-confirm"
          >
            {t('backups.removeTarget.submit')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
