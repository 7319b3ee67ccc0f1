import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeature } from '../../components/PlannedFeature';

export function VoicePreviewPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.voicePreview.title')} subtitle={t('pages.voicePreview.subtitle')} />
      <PlannedFeature issue={5} title={t('pages.voicePreview.plannedTitle')} description={t('pages.voicePreview.planned')} />
    </>
  );
}
