import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SystemStatusPanel } from '../../components/system-status/SystemStatusPanel';
import { EmotionTryBox } from './engine/EmotionTryBox';
import { EnginePanel } from './engine/EnginePanel';
import { MetricsSection } from './metrics/MetricsSection';

export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.dashboard.title')} subtitle={t('pages.dashboard.subtitle')} />
      <div className="stack">
        <MetricsSection />
        <EnginePanel />
        <EmotionTryBox />
        <SystemStatusPanel />
      </div>
    </>
  );
}
