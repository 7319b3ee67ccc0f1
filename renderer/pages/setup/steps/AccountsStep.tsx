import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { AccountsTable } from '../../settings/AccountsTable';
import { AddAccountForm } from '../../settings/AddAccountForm';
import { StepFrame } from '../StepFrame';

/** The Settings screen's accounts list and form: each add is its own confirm, with its token shown once. */
export function AccountsStep() {
  const { t } = useTranslation();
  const { user } = useSession();
  const users = useProcedureQuery('users.list', {});
  return (
    <StepFrame step="accounts" intro={t('setupWizard.accounts.intro')}>
      <p className="alert alert--warn">{t('setupWizard.accounts.tokenOnce')}</p>
      {users.isError && <ApiErrorMessage error={users.error} role={user.role} onRetry={() => void users.refetch()} />}
      {users.data && <AccountsTable users={users.data} />}
      <AddAccountForm />
    </StepFrame>
  );
}
