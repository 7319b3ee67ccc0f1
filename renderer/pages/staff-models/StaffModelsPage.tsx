import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeature } from '../../components/PlannedFeature';

export function StaffModelsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.staffModels.title')} subtitle={t('pages.staffModels.subtitle')} />
      <PlannedFeature issue={3} title={t('pages.staffModels.plannedTitle')} description={t('pages.staffModels.planned')} />
    </>
  );
}
