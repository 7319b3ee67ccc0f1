import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../electron/api/index.js';
import { useProcedureMutation } from '../../api/hooks';
import { useSession } from '../../app/session-context';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';
import { NewTokenNotice } from './NewTokenNotice';

export function AddAccountForm() {
  const { t } = useTranslation();
  const { user } = useSession();
  const ids = useId();
  const [name, setName] = useState('');
  // Supervisor first: most new accounts are team leads who only listen and rate.
  const [role, setRole] = useState<Role>('supervisor');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const add = useProcedureMutation('users.add', {
    onSuccess: (result) => {
      setCreated({ name: result.user.name, token: result.token });
      setName('');
    },
  });

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setCreated(null);
    // Names are checked by the server (one rule for every front door); its answer is shown below.
    add.mutate({ name: name.trim(), role });
  }

  return (
    <div className="subsection">
      <h3 className="subsection__title">{t('accounts.addTitle')}</h3>
      <form className="form-row" onSubmit={submit} data-testid="add-account-form" noValidate>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-name`}>
            {t('accounts.nameLabel')}
          </label>
          <input
            id={`${ids}-name`}
            className="input"
            data-testid="add-account-name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            aria-describedby={`${ids}-name-hint`}
          />
          <p className="field__hint" id={`${ids}-name-hint`}>
            {t('accounts.nameHint')}
          </p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-role`}>
            {t('accounts.roleLabel')}
          </label>
          <select
            id={`${ids}-role`}
            className="select"
            data-testid="add-account-role"
            value={role}
            onChange={(event) => setRole(event.target.value === 'admin' ? 'admin' : 'supervisor')}
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`roles.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--action">
          <button type="submit" className="button button--primary" data-testid="add-account-submit" disabled={add.isPending}>
            {add.isPending ? t('accounts.adding') : t('accounts.addSubmit')}
          </button>
        </div>
      </form>
      {add.isError && <ApiErrorMessage error={add.error} role={user.role} testId="add-account-error" />}
      {created && <NewTokenNotice name={created.name} token={created.token} onDismiss={() => setCreated(null)} />}
    </div>
  );
}
