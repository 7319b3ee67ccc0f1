import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/TextField';
import { formatBytes } from '../../../components/format-bytes';
import { useModelMutation } from '../model-queries';

interface MemberDialogProps {
  member: StaffMember;
  onClose: () => void;
}

export function RenameStaffDialog({ member, onClose }: MemberDialogProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [name, setName] = useState(member.name);
  const rename = useModelMutation('staff.rename', { onSuccess: onClose });

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    rename.mutate({ code: member.code, name: name.trim() });
  }

  return (
    <Dialog title={t('models.rename.title', { code: member.code })} onClose={onClose} busy={rename.isPending} testId="rename-staff-dialog">
      <form className="stack stack--tight" onSubmit={submit} noValidate>
        <TextField
          label={t('models.addStaff.nameLabel')}
          value={name}
          onChange={setName}
          maxLength={100}
          hint={t('models.rename.hint')}
          testId="rename-staff-name"
          autoFocus
        />
        {rename.isError && <ApiErrorMessage error={rename.error} role={user.role} testId="rename-staff-error" />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={rename.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={rename.isPending || name.trim() === ''} data-testid="rename-staff-submit">
            {t('models.rename.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function RetireStaffDialog({ member, onClose }: MemberDialogProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const retire = useModelMutation('staff.retire', { onSuccess: onClose });
  return (
    <Dialog title={t('models.retire.title', { name: member.name })} onClose={onClose} busy={retire.isPending} testId="retire-staff-dialog">
      <div className="stack stack--tight">
        <p>{t('models.retire.body', { code: member.code })}</p>
        {retire.isError && <ApiErrorMessage error={retire.error} role={user.role} testId="retire-staff-error" />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={retire.isPending} data-autofocus>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => retire.mutate({ code: member.code })}
            disabled={retire.isPending}
            data-testid="retire-staff-confirm"
          >
            {t('models.retire.submit')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** Purge cannot be undone: the procedure needs the staff code typed again, and so does this form. */
export function PurgeStaffDialog({ member, onClose, onPurged }: MemberDialogProps & { onPurged: () => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const ids = useId();
  const [typed, setTyped] = useState('');
  const purge = useModelMutation('staff.purge', { onSuccess: onPurged });
  const matches = typed === member.code;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (matches) purge.mutate({ code: member.code, confirm: typed });
  }

  return (
    <Dialog title={t('models.purge.title', { name: member.name })} onClose={onClose} busy={purge.isPending} testId="purge-staff-dialog">
      <form className="stack stack--tight" onSubmit={submit} noValidate>
        <div className="alert alert--error">
          <p className="alert__text">
            {t('models.purge.warning', {
              count: member.versionCount,
              size: formatBytes(member.totalBytes, i18n.resolvedLanguage ?? 'en'),
            })}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-confirm`}>
            {t('models.purge.confirmLabel', { code: member.code })}
          </label>
          <input
            id={`${ids}-confirm`}
            className="input input--mono"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            data-testid="purge-staff-confirm-input"
            data-autofocus
          />
        </div>
        {purge.isError && <ApiErrorMessage error={purge.error} role={user.role} testId="purge-staff-error" />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={purge.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--danger" disabled={!matches || purge.isPending} data-testid="purge-staff-submit">
            {t('models.purge.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
