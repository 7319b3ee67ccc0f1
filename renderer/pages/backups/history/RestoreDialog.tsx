import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry, InputOf } from '../../../../electron/api/index.js';
import { useProcedureQuery } from '../../../api/hooks';
import { useJobProcedure } from '../../../api/job-hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { formatDateTimeShort } from '../../../components/format-date';
import { BackupJobProgress, JobError } from '../BackupJobProgress';
import { REFRESH, useLanguage } from '../backup-queries';
import { RestoreChanges } from './RestorePreview';

type Scope = 'whole' | 'line' | 'staff';

/**
 * Restore a backup whole, one model line or one staff member. A dry run first lists what would
 * change; the confirmation then names what will be replaced. The server backs up the current
 * state first and rolls back to it if any step fails.
 */
export function RestoreDialog({ backup, onClose }: { backup: BackupListEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const language = useLanguage();
  const ids = useId();
  const contents = useProcedureQuery('backup.show', { id: backup.id });
  const preview = useJobProcedure('backup.restore', REFRESH.nothing);
  const restore = useJobProcedure('backup.restore', REFRESH.restore);
  const [scope, setScope] = useState<Scope>('whole');
  const [line, setLine] = useState('');
  const [staff, setStaff] = useState('');
  const [understood, setUnderstood] = useState(false);
  const lines = contents.data?.lines ?? [];
  const members = contents.data?.staff ?? [];
  const chosenLine = line || lines[0]?.line || '';
  const chosenStaff = staff || members[0]?.code || '';
  const ready = scope === 'whole' || (scope === 'line' ? chosenLine !== '' : chosenStaff !== '');
  const busy = preview.running || restore.running;
  const time = formatDateTimeShort(backup.createdAt, language);
  const member = members.find((each) => each.code === chosenStaff);
  const what =
    scope === 'whole'
      ? t('backups.restore.whatWhole')
      : scope === 'line'
        ? t('backups.restore.whatLine', { line: chosenLine })
        : t('backups.restore.whatStaff', { name: member?.name ?? chosenStaff, code: chosenStaff });

  function input(dryRun: boolean): InputOf<'backup.restore'> {
    const base = { id: backup.id, dryRun };
    if (scope === 'line') return { ...base, line: chosenLine };
    if (scope === 'staff') return { ...base, staff: chosenStaff };
    return base;
  }

  function changeScope(next: () => void): void {
    next();
    preview.reset();
    setUnderstood(false);
  }

  const done = restore.result !== undefined && !restore.running;
  return (
    <Dialog title={t('backups.restore.title', { time, target: backup.target })} onClose={onClose} busy={busy} testId="restore-dialog" wide>
      <div className="stack stack--tight">
        {contents.isError && <ApiErrorMessage error={contents.error} role={user.role} testId="restore-contents-error" />}
        <fieldset className="fieldset" disabled={busy || done}>
          <legend className="field__label">{t('backups.restore.scopeLabel')}</legend>
          <label className="checkbox">
            <input type="radio" name={`${ids}-scope`} checked={scope === 'whole'} onChange={() => changeScope(() => setScope('whole'))} data-testid="restore-scope-whole" />
            <span>{t('backups.restore.scopeWhole')}</span>
          </label>
          <div className="backups-inline">
            <label className="checkbox">
              <input type="radio" name={`${ids}-scope`} checked={scope === 'line'} onChange={() => changeScope(() => setScope('line'))} disabled={lines.length === 0} data-testid="restore-scope-line" />
              <span>{t('backups.restore.scopeLine')}</span>
            </label>
            <select className="select" value={chosenLine} onChange={(e) => changeScope(() => { setScope('line'); setLine(e.target.value); })} disabled={lines.length === 0} aria-label={t('backups.restore.lineLabel')} data-testid="restore-line">
              {lines.map((each) => (
                <option key={each.line} value={each.line}>
                  {each.line} ({each.versions.join(', ')})
                </option>
              ))}
            </select>
          </div>
          <div className="backups-inline">
            <label className="checkbox">
              <input type="radio" name={`${ids}-scope`} checked={scope === 'staff'} onChange={() => changeScope(() => setScope('staff'))} disabled={members.length === 0} data-testid="restore-scope-staff" />
              <span>{t('backups.restore.scopeStaff')}</span>
            </label>
            <select className="select" value={chosenStaff} onChange={(e) => changeScope(() => { setScope('staff'); setStaff(e.target.value); })} disabled={members.length === 0} aria-label={t('backups.restore.staffLabel')} data-testid="restore-staff">
              {members.map((each) => (
                <option key={each.code} value={each.code}>
                  {each.name} ({each.code})
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        {preview.running && <BackupJobProgress job={preview} testId="restore-preview-progress" />}
        <JobError job={preview} testId="restore-preview-error" />
        {preview.result && !preview.running && !done && (
          <>
            <h3 className="subsection__title">{t('backups.restore.previewTitle')}</h3>
            <RestoreChanges result={preview.result} />
            <div className="alert alert--error backups-confirm" data-testid="restore-confirm-text">
              <p className="alert__text">
                <strong>{t('backups.restore.confirmHeading', { what })}</strong> {t('backups.restore.confirmBody', { time, target: backup.target })}
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} disabled={busy} data-testid="restore-understood" />
                <span>{t('backups.restore.understood', { what })}</span>
              </label>
            </div>
          </>
        )}
        {restore.running && <BackupJobProgress job={restore} testId="restore-progress" />}
        <JobError job={restore} testId="restore-error" />
        {done && restore.result && (
          <div className="alert alert--success" role="status" data-testid="restore-result">
            <p className="alert__text">
              <strong>{t('backups.restore.doneHeading', { what })}</strong>{' '}
              {restore.result.snapshotBackupId && t('backups.restore.snapshot', { id: restore.result.snapshotBackupId })}
            </p>
            <RestoreChanges result={restore.result} />
          </div>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
            {t(done ? 'common.close' : 'common.cancel')}
          </button>
          {!done && (
            <button type="button" className="button button--secondary" onClick={() => void preview.start(input(true))} disabled={busy || !ready} data-testid="restore-preview" data-autofocus>
              {t(preview.result ? 'backups.restore.previewAgain' : 'backups.restore.preview')}
            </button>
          )}
          {!done && preview.result && (
            <button type="button" className="button button--danger" onClick={() => void restore.start(input(false))} disabled={busy || !understood} data-testid="restore-confirm">
              {t('backups.restore.submit')}
            </button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
