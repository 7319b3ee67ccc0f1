import { useTranslation } from 'react-i18next';
import type { WizardState } from '../../../../electron/api/index.js';
import { useProcedureQuery } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatBytes } from '../../../components/format-bytes';
import { StepFrame } from '../StepFrame';
import { Fact } from './Fact';
import { FitVerdict } from './FitVerdict';

/** The folder the console runs on, its free space against the plan, its folders; confirm creates what is missing. */
export function DataFolderStep({ state }: { state: WizardState }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const language = i18n.resolvedLanguage ?? 'en';
  const folder = useProcedureQuery('setup.dataFolder', {});
  const d = folder.data;
  return (
    <StepFrame step="data-folder" intro={t('setupWizard.dataFolder.intro')} canConfirm={!!d && d.writable && d.storage.verdict !== 'needs-more'}>
      <p className="alert alert--info" data-testid="wizard-data-folder-honest">
        {t('setupWizard.dataFolder.honest')}
      </p>
      {folder.isError && <ApiErrorMessage error={folder.error} role={user.role} onRetry={() => void folder.refetch()} />}
      {d && (
        <>
          <dl className="wizard-facts" data-testid="wizard-data-folder">
            <Fact label={t('setupWizard.dataFolder.path')} value={<code className="wrap-anywhere">{d.path}</code>} testId="wizard-data-folder-path" />
            <Fact label={t('setupWizard.dataFolder.free')} value={`${formatBytes(d.freeBytes, language)} / ${formatBytes(d.sizeBytes, language)}`} />
            <Fact label={t('setupWizard.dataFolder.writable')} value={d.writable ? t('setupWizard.dataFolder.yes') : t('setupWizard.dataFolder.notWritable')} />
            <Fact
              label={t('setupWizard.dataFolder.folders')}
              value={
                <ul className="wizard-list">
                  {d.folders.map((f) => (
                    <li key={f.name} data-testid={`data-folder-${f.name.replace('/', '-')}`} data-exists={f.exists}>
                      <code>{f.name}/</code> {f.exists ? t('setupWizard.dataFolder.exists') : t('setupWizard.dataFolder.missing')}
                    </li>
                  ))}
                </ul>
              }
            />
          </dl>
          <FitVerdict label={t('setupWizard.dataFolder.preflight', { count: state.staffCount })} storage={d.storage} testId="data-folder-preflight" />
        </>
      )}
    </StepFrame>
  );
}
