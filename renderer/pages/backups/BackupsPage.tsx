import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeature } from '../../components/PlannedFeature';

export function BackupsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.backups.title')} subtitle={t('pages.backups.subtitle')} />
      <PlannedFeature issue={6} title={t('pages.backups.plannedTitle')} description={t('pages.backups.planned')} />
    </>
  );
}
