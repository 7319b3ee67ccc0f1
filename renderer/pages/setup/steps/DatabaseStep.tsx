import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatBytes } from '../../../components/format-bytes';
import { StepFrame } from '../StepFrame';
import { Fact } from './Fact';

export function DatabaseStep() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const language = i18n.resolvedLanguage ?? 'en';
  const db = useProcedureQuery('setup.database', {});
  const d = db.data;
  return (
    <StepFrame step="database" intro={t('setupWizard.database.intro')} canConfirm={d?.check === 'ok'}>
      <p className="muted">{t('setupWizard.database.honest')}</p>
      {db.isError && <ApiErrorMessage error={db.error} role={user.role} onRetry={() => void db.refetch()} />}
      {d && (
        <dl className="wizard-facts" data-testid="wizard-database">
          <Fact label={t('setupWizard.database.path')} value={<code className="wrap-anywhere">{d.path}</code>} />
          <Fact label={t('setupWizard.database.size')} value={formatBytes(d.sizeBytes, language)} />
          <Fact label={t('setupWizard.database.schema')} value={t('setupWizard.database.schemaValue', { version: d.schemaVersion, latest: d.latestSchemaVersion })} testId="wizard-database-schema" />
          <Fact label={t('setupWizard.database.journal')} value={d.journalMode} />
          <Fact label={t('setupWizard.database.check')} value={d.check === 'ok' ? t('setupWizard.database.ok') : d.check} testId="wizard-database-check" />
        </dl>
      )}
    </StepFrame>
  );
}
