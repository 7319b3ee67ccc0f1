import { useTranslation } from 'react-i18next';
import type { BackupListEntry } from '../../../../electron/api/index.js';
import { useProcedureQuery } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { formatDateTimeShort } from '../../../components/format-date';
import { useLanguage } from '../backup-queries';

/** What one backup holds: its model lines with their versions, and its staff members (read-only). */
export function ContentsDialog({ backup, onClose }: { backup: BackupListEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const language = useLanguage();
  const contents = useProcedureQuery('backup.show', { id: backup.id });
  const data = contents.data;
  return (
    <Dialog title={t('backups.contents.title', { time: formatDateTimeShort(backup.createdAt, language) })} onClose={onClose} testId="contents-dialog">
      <div className="stack stack--tight">
        <p className="muted">
          <code className="wrap-anywhere">{backup.id}</code> · {t('backups.contents.app', { version: backup.appVersion })}
        </p>
        {contents.isPending && <p className="muted">{t('backups.contents.loading')}</p>}
        {contents.isError && <ApiErrorMessage error={contents.error} role={user.role} testId="contents-error" />}
        {data && (
          <>
            <h3 className="subsection__title">{t('backups.contents.lines', { count: data.lines.length })}</h3>
            <ul className="backups-list" data-testid="contents-lines">
              {data.lines.map((line) => (
                <li key={line.line}>
                  <code>{line.line}</code> <span className="muted">{line.versions.join(', ')}</span>
                </li>
              ))}
            </ul>
            <h3 className="subsection__title">{t('backups.contents.staff', { count: data.staff.length })}</h3>
            {data.staff.length === 0 ? (
              <p className="muted">{t('backups.contents.noStaff')}</p>
            ) : (
              <ul className="backups-list" data-testid="contents-staff">
                {data.staff.map((member) => (
                  <li key={member.code}>
                    {member.name} <span className="muted">({member.code})</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
