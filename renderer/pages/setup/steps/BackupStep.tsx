import { useTranslation } from 'react-i18next';
import { ScheduleCard } from '../../backups/schedule/ScheduleCard';
import { TargetsCard } from '../../backups/targets/TargetsCard';
import { StepFrame } from '../StepFrame';
import '../../backups/backups.css';

/** The Backups screen's own target and schedule cards, each with its own dialog and confirm. */
export function BackupStep() {
  const { t } = useTranslation();
  return (
    <StepFrame step="backup" intro={t('setupWizard.backup.intro')} skippable skipWarning={t('setupWizard.backup.skipWarning')}>
      <TargetsCard />
      <ScheduleCard />
    </StepFrame>
  );
}
