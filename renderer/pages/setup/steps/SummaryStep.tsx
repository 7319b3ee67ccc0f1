import { useTranslation } from 'react-i18next';
import type { WizardState } from '../../../../electron/api/index.js';
import { hrefFor } from '../../../app/routes';
import { StepFrame } from '../StepFrame';

export function SummaryStep({ state }: { state: WizardState }) {
  const { t } = useTranslation();
  const skipped = (id: string) => state.steps.find((s) => s.id === id)?.state === 'skipped';
  return (
    <StepFrame step="summary" intro={t('setupWizard.summary.intro')} confirmLabel={t('setupWizard.finish')}>
      <ul className="wizard-list" data-testid="wizard-summary">
        {state.steps
          .filter((s) => s.id !== 'summary')
          .map((s) => (
            <li key={s.id} data-testid={`summary-${s.id}`} data-state={s.state}>
              {t(`setupWizard.steps.${s.id}`)}: {t(`setupWizard.stepStates.${s.state}`)}
            </li>
          ))}
      </ul>
      {skipped('backup') && <p className="alert alert--warn" data-testid="summary-no-backup">{t('setupWizard.summary.skippedBackup')}</p>}
      {skipped('samples') && <p className="alert alert--info">{t('setupWizard.summary.skippedSamples')}</p>}
      <h3 className="subsection__title">{t('setupWizard.summary.nextTitle')}</h3>
      <ol className="wizard-list wizard-list--numbered">
        <li>
          <a href={hrefFor('staff-models')}>{t('setupWizard.summary.nextImport')}</a>
        </li>
        <li>
          <a href={hrefFor('voice-preview')}>{t('setupWizard.summary.nextPreview')}</a>
        </li>
        <li>
          <a href={hrefFor('backups')}>{t('setupWizard.summary.nextBackup')}</a>
        </li>
        <li>
          <a href={hrefFor('dashboard')}>{t('setupWizard.summary.nextDashboard')}</a>
        </li>
      </ol>
      {state.completedAt && <p className="muted" data-testid="summary-done">{t('setupWizard.summary.done')}</p>}
    </StepFrame>
  );
}
