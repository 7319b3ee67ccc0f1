import { useTranslation } from 'react-i18next';
import type { WizardState } from '../../../electron/api/index.js';
import { useProcedureQuery } from '../../api/hooks';
import { useSession } from '../../app/session-context';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format-date';
import { WizardSteps } from './WizardSteps';
import { LanguageStep } from './steps/LanguageStep';
import { HardwareStep } from './steps/HardwareStep';
import { DataFolderStep } from './steps/DataFolderStep';
import { DatabaseStep } from './steps/DatabaseStep';
import { AccountsStep } from './steps/AccountsStep';
import { BackupStep } from './steps/BackupStep';
import { SamplesStep } from './steps/SamplesStep';
import { SummaryStep } from './steps/SummaryStep';
import './setup.css';

/** The step the server says the wizard is at: a reload or a restart of the console lands here again. */
function CurrentStep({ state }: { state: WizardState }) {
  switch (state.current) {
    case 'language':
      return <LanguageStep state={state} />;
    case 'hardware':
      return <HardwareStep state={state} />;
    case 'data-folder':
      return <DataFolderStep state={state} />;
    case 'database':
      return <DatabaseStep />;
    case 'accounts':
      return <AccountsStep />;
    case 'backup':
      return <BackupStep />;
    case 'samples':
      return <SamplesStep />;
    case 'summary':
      return <SummaryStep state={state} />;
  }
}

export function SetupPage() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const state = useProcedureQuery('setup.state', {});
  return (
    <>
      <PageHeader title={t('pages.setup.title')} subtitle={t('pages.setup.subtitle')} />
      {state.isPending && (
        <p className="muted" role="status">
          {t('setupWizard.loading')}
        </p>
      )}
      {state.isError && <ApiErrorMessage error={state.error} role={user.role} onRetry={() => void state.refetch()} testId="setup-error" />}
      {state.data && (
        <div className="wizard" data-testid="setup-wizard" data-current-step={state.data.current}>
          <WizardSteps state={state.data} />
          <div className="stack">
            {state.data.completedAt && (
              <p className="alert alert--success" data-testid="wizard-completed">
                {t('setupWizard.completed', { date: formatDateTime(state.data.completedAt, i18n.resolvedLanguage ?? 'en') })}
              </p>
            )}
            <CurrentStep key={state.data.current} state={state.data} />
          </div>
        </div>
      )}
    </>
  );
}
