import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeature } from '../../components/PlannedFeature';

export function SetupPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.setup.title')} subtitle={t('pages.setup.subtitle')} />
      <PlannedFeature issue={7} title={t('pages.setup.plannedTitle')} description={t('pages.setup.planned')} />
    </>
  );
}
