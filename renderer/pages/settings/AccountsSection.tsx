import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../../api/hooks';
import { useSession } from '../../app/session-context';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';
import { AccountsTable } from './AccountsTable';
import { AddAccountForm } from './AddAccountForm';

/**
 * Accounts are admin-only. The list is still requested for every role on purpose: the server is
 * the one that decides, and a supervisor sees its refusal (FORBIDDEN) explained, not a hidden menu.
 */
export function AccountsSection() {
  const { t } = useTranslation();
  const { user } = useSession();
  const users = useProcedureQuery('users.list', {});
  const refusal = users.isError && users.error.code === 'FORBIDDEN';

  return (
    <section className="card" aria-labelledby="accounts-title" data-testid="accounts-section">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="accounts-title">
            {t('accounts.title')}
          </h2>
          <p className="card__subtitle">{t('accounts.subtitle')}</p>
        </div>
      </div>
      {users.isPending && (
        <p className="muted" role="status">
          {t('accounts.loading')}
        </p>
      )}
      {users.isError && (
        <ApiErrorMessage
          error={users.error}
          role={user.role}
          testId="accounts-error"
          onRetry={refusal ? undefined : () => void users.refetch()}
        />
      )}
      {users.data && (
        <>
          <AccountsTable users={users.data} />
          <AddAccountForm />
        </>
      )}
    </section>
  );
}
