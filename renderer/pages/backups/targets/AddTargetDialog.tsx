import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SAFE_NAME_PATTERN, type OutputOf } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/TextField';
import { formatBytes } from '../../../components/format-bytes';
import { REFRESH, useBackupMutation, useLanguage } from '../backup-queries';

/**
 * Adds a target: the server checks the folder (absolute, exists, writable, outside the data
 * folder from a browser) and measures its free space; the dialog then shows that result, with
 * any warning, before it is closed. Backups the folder already holds (another installation's,
 * or a removed target's) are listed by the server and counted here.
 */
export function AddTargetDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const language = useLanguage();
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [added, setAdded] = useState<OutputOf<'backup.targetAdd'> | null>(null);
  const add = useBackupMutation('backup.targetAdd', REFRESH.targetsAndBackups, { onSuccess: (target) => setAdded(target) });
  const nameOk = SAFE_NAME_PATTERN.test(name.trim()) && !name.includes('..');

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (nameOk && folder.trim()) add.mutate({ name: name.trim(), folder: folder.trim() });
  }

  if (added) {
    return (
      <Dialog title={t('backups.addTarget.addedTitle', { name: added.name })} onClose={onClose} testId="add-target-dialog">
        <div className="stack stack--tight">
          <div className="alert alert--success" role="status" data-testid="add-target-result">
            <p className="alert__text">
              <strong>{t('backups.addTarget.checked')}</strong>{' '}
              {added.freeBytes !== null
                ? t('backups.addTarget.free', { free: formatBytes(added.freeBytes, language) })
                : t('backups.targets.unreachable')}
            </p>
            <p className="alert__meta">
              <code className="wrap-anywhere">{added.path}</code>
            </p>
          </div>
          {added.adoptedBackups > 0 && (
            <div className="alert alert--info" role="status" data-testid="add-target-adopted">
              <p className="alert__text">{t('backups.addTarget.adopted', { count: added.adoptedBackups })}</p>
            </div>
          )}
          {added.warnings.map((warning) => (
            <div key={warning} className="alert alert--error" data-testid="add-target-warning">
              <p className="alert__text">{warning}</p>
            </div>
          ))}
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={onClose} data-autofocus data-testid="add-target-done">
              {t('common.close')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={t('backups.addTarget.title')} onClose={onClose} busy={add.isPending} testId="add-target-dialog">
      <form className="stack stack--tight" onSubmit={submit} noValidate>
        <TextField
          label={t('backups.addTarget.nameLabel')}
          value={name}
          onChange={setName}
          maxLength={64}
          spellCheck={false}
          hint={t('backups.addTarget.nameHint')}
          testId="add-target-name"
          autoFocus
        />
        <TextField
          label={t('backups.addTarget.folderLabel')}
          value={folder}
          onChange={setFolder}
          maxLength={4096}
          mono
          spellCheck={false}
          placeholder="/mnt/nas/voiceops"
          hint={t('backups.addTarget.folderHint')}
          testId="add-target-folder"
        />
        {add.isError && <ApiErrorMessage error={add.error} role={user.role} testId="add-target-error" />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={add.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={add.isPending || !nameOk || !folder.trim()} data-testid="add-target-submit">
            {add.isPending ? t('backups.addTarget.checking') : t('backups.addTarget.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
