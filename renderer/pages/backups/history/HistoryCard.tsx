import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { useBackupList, useIsBackupAdmin } from '../backup-queries';
import { BackupsTable, type BackupAction } from './BackupsTable';
import { CheckDialog } from './CheckDialog';
import { ContentsDialog } from './ContentsDialog';
import { DeleteBackupDialog, PruneDialog, RepairDialog } from './MaintenanceDialogs';
import { RestoreDialog } from './RestoreDialog';

type Open = { action: BackupAction; backup: BackupListEntry } | { action: 'prune' | 'repair' } | null;

/** Every complete backup, newest first, with verify, drill and restore per backup, and prune and repair. */
export function HistoryCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = useIsBackupAdmin();
  const ids = useId();
  const backups = useBackupList();
  const [open, setOpen] = useState<Open>(null);
  const close = (): void => setOpen(null);

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="backup-history">
      <div className="card__header">
        <div>
          <h2 className="card__title" id={`${ids}-title`}>
            {t('backups.history.title')}
          </h2>
          <p className="card__subtitle">{t(isAdmin ? 'backups.history.subtitleAdmin' : 'backups.history.subtitleReadOnly')}</p>
        </div>
        {isAdmin && (
          <div className="button-row backups-header-actions">
            <button type="button" className="button button--secondary" onClick={() => setOpen({ action: 'repair' })} data-testid="repair-open">
              {t('backups.repair.open')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen({ action: 'prune' })} data-testid="prune-open">
              {t('backups.prune.open')}
            </button>
          </div>
        )}
      </div>
      {backups.isPending && (
        <p className="muted" role="status">
          {t('backups.history.loading')}
        </p>
      )}
      {backups.isError && <ApiErrorMessage error={backups.error} role={user.role} onRetry={() => void backups.refetch()} testId="backups-error" />}
      {backups.data && backups.data.length === 0 && (
        <div className="empty-state" data-testid="backups-empty">
          <p className="empty-state__title">{t('backups.history.emptyTitle')}</p>
          <p className="muted">{t(isAdmin ? 'backups.history.emptyAdmin' : 'backups.history.emptyReadOnly')}</p>
        </div>
      )}
      {backups.data && backups.data.length > 0 && <BackupsTable backups={backups.data} onAction={(action, backup) => setOpen({ action, backup })} />}
      {open && 'backup' in open && open.action === 'contents' && <ContentsDialog backup={open.backup} onClose={close} />}
      {open && 'backup' in open && (open.action === 'verify' || open.action === 'drill') && (
        <CheckDialog kind={open.action} backup={open.backup} onClose={close} />
      )}
      {open && 'backup' in open && open.action === 'restore' && <RestoreDialog backup={open.backup} onClose={close} />}
      {open && 'backup' in open && open.action === 'delete' && <DeleteBackupDialog backup={open.backup} onClose={close} />}
      {open?.action === 'prune' && <PruneDialog onClose={close} />}
      {open?.action === 'repair' && <RepairDialog onClose={close} />}
    </section>
  );
}
