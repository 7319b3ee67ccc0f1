import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSharedApiEvent } from '../../api/event-hub';
import { isOwnJob } from '../../api/job-hooks';
import { PageHeader } from '../../components/PageHeader';
import { BACKUP_QUERIES, useIsBackupAdmin } from './backup-queries';
import { BackUpNowCard } from './BackUpNowCard';
import { HistoryCard } from './history/HistoryCard';
import { ScheduleCard } from './schedule/ScheduleCard';
import { TargetsCard } from './targets/TargetsCard';
import './backups.css';

/** Backups (issue #6): schedule and next run, back up now, targets, and the history with verify, drill and restore. */
export function BackupsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const isAdmin = useIsBackupAdmin();

  // The schedule, another admin or the CLI may back up, verify or restore meanwhile: when such a
  // job ends, the lists follow. Our own jobs refresh them already when their call returns.
  useSharedApiEvent('job.progress', (job) => {
    if (job.state === 'running' || isOwnJob(job.jobId) || !job.procedure.startsWith('backup.')) return;
    void client.invalidateQueries({ predicate: (query) => (BACKUP_QUERIES as readonly unknown[]).includes(query.queryKey[0]) });
  });

  return (
    <>
      <PageHeader title={t('pages.backups.title')} subtitle={t('pages.backups.subtitle')} />
      <div className="stack" data-testid="backups-page">
        <div className={isAdmin ? 'backups-top' : 'backups-top backups-top--single'}>
          <ScheduleCard />
          {isAdmin && <BackUpNowCard />}
        </div>
        <TargetsCard />
        <HistoryCard />
      </div>
    </>
  );
}
