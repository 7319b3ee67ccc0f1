import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_CODE_PATTERN } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { useModelMutation } from '../model-queries';

interface AddStaffDialogProps {
  onClose: () => void;
  onAdded: (code: string) => void;
}

export function AddStaffDialog({ onClose, onAdded }: AddStaffDialogProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const ids = useId();
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
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-code`}>
            {t('models.addStaff.codeLabel')}
          </label>
          <input
            id={`${ids}-code`}
            className="input input--mono"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            maxLength={32}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={checked && codeProblem !== null}
            aria-describedby={`${ids}-code-hint`}
            data-testid="add-staff-code"
            data-autofocus
          />
          <p className={checked && codeProblem ? 'field__hint field__hint--error' : 'field__hint'} id={`${ids}-code-hint`}>
            {checked && codeProblem ? t(codeProblem) : t('models.addStaff.codeHint')}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-name`}>
            {t('models.addStaff.nameLabel')}
          </label>
          <input
            id={`${ids}-name`}
            className="input"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={100}
            autoComplete="off"
            aria-invalid={checked && nameProblem !== null}
            aria-describedby={checked && nameProblem ? `${ids}-name-hint` : undefined}
            data-testid="add-staff-name"
          />
          {checked && nameProblem && (
            <p className="field__hint field__hint--error" id={`${ids}-name-hint`}>
              {t(nameProblem)}
            </p>
          )}
        </div>
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
