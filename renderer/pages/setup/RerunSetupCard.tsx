import { useTranslation } from 'react-i18next';
import { useProcedureMutation } from '../../api/hooks';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';

/** On the Settings screen, for admins: back to the wizard's first step (earlier work stays). */
export function RerunSetupCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const restart = useProcedureMutation('setup.restart', {
    onSuccess: () => {
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
