import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_CODE_PATTERN } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { TextField } from '../../../components/TextField';
import { useModelMutation } from '../model-queries';

interface AddStaffDialogProps {
  onClose: () => void;
  onAdded: (code: string) => void;
}

export function AddStaffDialog({ onClose, onAdded }: AddStaffDialogProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [checked, setChecked] = useState(false);
  const add = useModelMutation('staff.add', { onSuccess: (member) => onAdded(member.code) });

  const codeProblem = code.trim() === '' ? 'models.addStaff.codeMissing' : STAFF_CODE_PATTERN.test(code.trim()) ? null : 'models.addStaff.codeInvalid';
  const nameProblem = name.trim() === '' ? 'models.addStaff.nameMissing' : null;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setChecked(true);
    if (codeProblem || nameProblem) return;
    add.mutate({ code: code.trim(), name: name.trim() });
  }

  return (
    <Dialog title={t('models.addStaff.title')} onClose={onClose} busy={add.isPending} testId="add-staff-dialog">
      <form className="stack stack--tight" onSubmit={submit} noValidate>
        <TextField
          label={t('models.addStaff.codeLabel')}
          value={code}
          onChange={setCode}
          maxLength={32}
          mono
          spellCheck={false}
          hint={t('models.addStaff.codeHint')}
          error={checked && codeProblem ? t(codeProblem) : null}
          testId="add-staff-code"
          autoFocus
        />
        <TextField
          label={t('models.addStaff.nameLabel')}
          value={name}
          onChange={setName}
          maxLength={100}
          error={checked && nameProblem ? t(nameProblem) : null}
          testId="add-staff-name"
        />
        {add.isError && <ApiErrorMessage error={add.error} role={user.role} testId="add-staff-error" />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={add.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={add.isPending} data-testid="add-staff-submit">
            {add.isPending ? t('models.addStaff.adding') : t('models.addStaff.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
