import { useTranslation } from 'react-i18next';
import type { JobHandle, JobName } from '../../api/job-hooks';
import { useSession } from '../../app/session-context';
import { ApiErrorMessage } from '../../components/ApiErrorMessage';
import { JobProgressBar } from '../../components/JobProgressBar';

type PhaseKey =
  | 'registry'
  | 'modelFiles'
  | 'copyingFile'
  | 'manifest'
  | 'done'
  | 'verifying'
  | 'scratch'
  | 'openingDatabase'
  | 'snapshot'
  | 'restoringFile'
  | 'unreferenced'
  | 'repairing';

/** The server reports phases in English; the known ones are shown in the reader's language. */
const PHASES: ReadonlyArray<[RegExp, PhaseKey]> = [
  [/^copying the registry$/, 'registry'],
  [/^copying model files$/, 'modelFiles'],
  [/^copying ([0-9a-f]+) \((\d+)\/(\d+)\)$/, 'copyingFile'],
  [/^writing the manifest$/, 'manifest'],
  [/^done$/, 'done'],
  [/^verifying (.+)$/, 'verifying'],
  [/^restoring (.+) into the scratch folder$/, 'scratch'],
  [/^opening the restored database$/, 'openingDatabase'],
  [/^backing up the current state/, 'snapshot'],
  [/^restoring model file ([0-9a-f]+) \((\d+)\/(\d+)\)$/, 'restoringFile'],
  [/^finding unreferenced files$/, 'unreferenced'],
  [/^repairing (.+)$/, 'repairing'],
];

export function useBackupPhaseText(): (phase: string | undefined) => string {
  const { t } = useTranslation();
  return (phase) => {
    if (!phase || phase === 'starting') return t('backups.phases.starting');
    for (const [pattern, key] of PHASES) {
      const match = pattern.exec(phase);
      if (match) return t(`backups.phases.${key}`, { name: match[1] ?? '', index: match[2] ?? '', total: match[3] ?? '' });
    }
    return phase;
  };
}

/** A running backup job's progress bar, in the backup screen's phase wording. */
export function BackupJobProgress<N extends JobName>({ job, testId }: { job: JobHandle<N>; testId: string }) {
  return <JobProgressBar job={job} testId={testId} phaseText={useBackupPhaseText()} />;
}

/** A failed job's error with a Dismiss link. */
export function JobError<N extends JobName>({ job, testId }: { job: JobHandle<N>; testId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!job.error || job.running) return null;
  return (
    <div className="stack stack--tight">
      <ApiErrorMessage error={job.error} role={user.role} testId={testId} />
      <button type="button" className="button button--link backups-dismiss" onClick={job.reset}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
