import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiCallError, WizardState } from '../../../electron/api/index.js';
import { callProcedure } from '../../api/hooks';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';

/** On the Settings screen, for admins: back to the wizard's first step (earlier work stays). */
export function RerunSetupCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const client = useQueryClient();
  // The answer is the wizard's state: cached as it is, the Setup screen opens without asking again.
  const restart = useMutation<WizardState, ApiCallError, Record<string, never>>({
    mutationFn: (input) => callProcedure('setup.restart', input),
    onSuccess: (state) => {
      client.setQueryData(['setup.state', {}], state);
      window.location.hash = hrefFor('setup');
    },
  });
  if (user.role !== 'admin') return null;
  return (
    <section className="card" aria-labelledby="rerun-setup-title" data-testid="rerun-setup">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="rerun-setup-title">
            {t('setupWizard.rerun.title')}
          </h2>
          <p className="card__subtitle">{t('setupWizard.rerun.help')}</p>
        </div>
      </div>
      {restart.isError && <ApiErrorMessage error={restart.error} role={user.role} />}
      <button type="button" className="button button--secondary" onClick={() => restart.mutate({})} disabled={restart.isPending} data-testid="rerun-setup-button">
        {t('setupWizard.rerun.button')}
      </button>
    </section>
  );
}
