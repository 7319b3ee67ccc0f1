import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSharedApiEvent } from '../../api/event-hub';
import { isOwnJob } from '../../api/job-hooks';
import { PageHeader } from '../../components/PageHeader';
import { MODEL_QUERIES } from './model-queries';
import { SamplePackPanel } from './sample-pack/SamplePackPanel';
import { SharedModelsView } from './lines/SharedModelsView';
import { StaffDetailView } from './staff/StaffDetailView';
import { StaffListView } from './staff/StaffListView';
import { hrefForView, tabOf, useStaffModelsView, type StaffModelsTab } from './staff-models-route';
import { StorageView } from './storage/StorageView';

const TABS: readonly { tab: StaffModelsTab; labelKey: `models.tabs.${StaffModelsTab}` }[] = [
  { tab: 'staff', labelKey: 'models.tabs.staff' },
  { tab: 'shared', labelKey: 'models.tabs.shared' },
  { tab: 'storage', labelKey: 'models.tabs.storage' },
];

export function StaffModelsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useStaffModelsView();
  const viewKey = hrefForView(current);
  const firstView = useRef<string | null>(viewKey);
  const body = useRef<HTMLDivElement>(null);

  // Another admin, a script or the CLI may import, verify or export meanwhile: when such a job
  // ends, the lists follow. Our own jobs refresh them already when their call returns.
  useSharedApiEvent('job.progress', (job) => {
    if (job.state === 'running' || isOwnJob(job.jobId)) return;
    void client.invalidateQueries({ predicate: (query) => (MODEL_QUERIES as readonly unknown[]).includes(query.queryKey[0]) });
  });

  // Moving between views inside the page: focus the new view's heading, as the shell does for pages.
  useEffect(() => {
    if (firstView.current === viewKey) return;
    firstView.current = null;
    body.current?.querySelector<HTMLElement>('[data-view-heading]')?.focus();
  }, [viewKey]);

  const tab = tabOf(current);
  return (
    <>
      <PageHeader title={t('pages.staffModels.title')} subtitle={t('pages.staffModels.subtitle')} />
      <nav className="subnav" aria-label={t('models.tabs.label')}>
        {TABS.map((item) => (
          <a
            key={item.tab}
            href={hrefForView(item.tab === 'staff' ? { view: 'staff' } : { view: item.tab })}
            className={item.tab === tab ? 'subnav__link subnav__link--active' : 'subnav__link'}
            aria-current={item.tab === tab ? 'page' : undefined}
            data-testid={`models-tab-${item.tab}`}
          >
            {t(item.labelKey)}
          </a>
        ))}
      </nav>
      <div ref={body} className="stack">
        {current.view === 'staff' && <StaffListView />}
        {current.view === 'staff' && <SamplePackPanel />}
        {current.view === 'member' && <StaffDetailView code={current.code} />}
        {current.view === 'shared' && <SharedModelsView />}
        {current.view === 'storage' && <StorageView />}
      </div>
    </>
  );
}
