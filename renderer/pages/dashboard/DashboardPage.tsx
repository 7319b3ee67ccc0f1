import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PlannedFeature } from '../../components/PlannedFeature';
import { SystemStatusPanel } from '../../components/system-status/SystemStatusPanel';
import { EmotionTryBox } from './engine/EmotionTryBox';
import { EnginePanel } from './engine/EnginePanel';

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.dashboard.title')} subtitle={t('pages.dashboard.subtitle')} />
      <div className="stack">
        <EnginePanel />
        <EmotionTryBox />
        <SystemStatusPanel />
        <PlannedFeature issue={7} title={t('pages.dashboard.plannedTitle')} description={t('pages.dashboard.planned')} />
      </div>
    </>
  );
}
