import { useTranslation } from 'react-i18next';
import type { BackupListEntry } from '../../../../electron/api/index.js';
import { useJobProcedure } from '../../../api/job-hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { formatBytes } from '../../../components/format-bytes';
import { formatDateTimeShort } from '../../../components/format-date';
import { BackupJobProgress, JobError } from '../BackupJobProgress';
import { REFRESH, useBackupMutation, useLanguage } from '../backup-queries';

/** Prune: retention (keep last N, daily, weekly, monthly), then the target files no kept backup names. */
export function PruneDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const language = useLanguage();
  const prune = useBackupMutation('backup.prune', REFRESH.targetsAndBackups);
  return (
    <Dialog title={t('backups.prune.title')} onClose={onClose} busy={prune.isPending} testId="prune-dialog">
      <div className="stack stack--tight">
        <p>{t('backups.prune.body')}</p>
        {prune.isError && <ApiErrorMessage error={prune.error} role={user.role} testId="prune-error" />}
        {prune.data && (
          <div className="alert alert--success" role="status" data-testid="prune-result">
            {prune.data.map((report) => (
              <p className="alert__text" key={report.target}>
                <strong>{report.target}:</strong>{' '}
                {t('backups.prune.result', {
                  removed: report.removedBackups.length,
                  kept: report.keptBackups,
                  files: report.removedBlobs,
                  size: formatBytes(report.freedBytes, language),
                })}
              </p>
            ))}
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={prune.isPending} data-autofocus>
            {t(prune.data ? 'common.close' : 'common.cancel')}
          </button>
          {!prune.data && (
            <button type="button" className="button button--danger" onClick={() => prune.mutate({})} disabled={prune.isPending} data-testid="prune-confirm">
              {prune.isPending ? t('backups.prune.running') : t('backups.prune.submit')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** Deletes one backup after a confirmation that says what goes with it (and warns for a pre-restore snapshot). */
export function DeleteBackupDialog({ backup, onClose }: { backup: BackupListEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const language = useLanguage();
  const remove = useBackupMutation('backup.delete', REFRESH.targetsAndBackups);
  const time = formatDateTimeShort(backup.createdAt, language);
  return (
    <Dialog title={t('backups.deleteBackup.title', { time })} onClose={onClose} busy={remove.isPending} testId="delete-backup-dialog">
      <div className="stack stack--tight">
        {!remove.data && <p>{t('backups.deleteBackup.body', { target: backup.target })}</p>}
        {!remove.data && backup.kind === 'pre-restore' && (
          <p className="alert alert--warn" data-testid="delete-backup-snapshot-note">
            {t('backups.deleteBackup.snapshotNote')}
          </p>
        )}
        {remove.isError && <ApiErrorMessage error={remove.error} role={user.role} testId="delete-backup-error" />}
        {remove.data && (
          <div className="alert alert--success" role="status" data-testid="delete-backup-result">
            <p className="alert__text">
              {t('backups.deleteBackup.result', { files: remove.data.removedBlobs, size: formatBytes(remove.data.freedBytes, language), kept: remove.data.keptBackups })}
            </p>
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={remove.isPending} data-autofocus>
            {t(remove.data ? 'common.close' : 'common.cancel')}
          </button>
          {!remove.data && (
            <button type="button" className="button button--danger" onClick={() => remove.mutate({ id: backup.id })} disabled={remove.isPending} data-testid="delete-backup-confirm">
              {remove.isPending ? t('backups.deleteBackup.running') : t('backups.deleteBackup.submit')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** Repair: fetch corrupt or missing model files of the store back from the newest backup that has them. */
export function RepairDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const job = useJobProcedure('backup.repair', REFRESH.repair);
  const result = !job.running ? job.result : undefined;
  const clean = result !== undefined && result.unrepaired.length === 0 && result.problemsAfter === 0;
  return (
    <Dialog title={t('backups.repair.title')} onClose={onClose} busy={job.running} testId="repair-dialog">
      <div className="stack stack--tight">
        <p>{t('backups.repair.body')}</p>
        {job.running && <BackupJobProgress job={job} testId="repair-progress" />}
        <JobError job={job} testId="repair-error" />
        {result && (
          <div className={clean ? 'alert alert--success' : 'alert alert--error'} role="status" data-testid="repair-result">
            <p className="alert__text">
              <strong>
                {result.repaired.length === 0 && clean
                  ? t('backups.repair.nothing')
                  : t('backups.repair.repaired', { count: result.repaired.length })}
              </strong>{' '}
              {result.unrepaired.length > 0 && t('backups.repair.unrepaired', { count: result.unrepaired.length })}{' '}
              {t('backups.repair.after', { count: result.problemsAfter })}
            </p>
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={job.running} data-autofocus>
            {t(result ? 'common.close' : 'common.cancel')}
          </button>
          {!result && (
            <button type="button" className="button button--primary" onClick={() => void job.start({})} disabled={job.running} data-testid="repair-start">
              {t('backups.repair.submit')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
