import type { JobHandle, JobName } from '../api/job-hooks';
import { TransferProgress } from './TransferProgress';

/**
 * A running job's progress bar (bytes, rate, ETA, cancel), fed by its 'job.progress' events.
 * `phaseText` turns the server's phase into the reader's language; each screen knows its phases.
 */
export function JobProgressBar<N extends JobName>({
  job,
  testId,
  phaseText,
}: {
  job: JobHandle<N>;
  testId: string;
  phaseText: (phase: string | undefined) => string;
}) {
  const p = job.progress;
  return (
    <TransferProgress
      phase={phaseText(p?.phase)}
      done={p?.done ?? 0}
      total={p?.total ?? null}
      unit={p?.unit ?? 'bytes'}
      rate={p?.rate ?? null}
      etaSeconds={p?.etaSeconds ?? null}
      onCancel={job.cancel}
      cancelling={job.cancelling}
      testId={testId}
    />
  );
}
