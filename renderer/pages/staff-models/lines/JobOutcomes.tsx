import { useTranslation } from 'react-i18next';
import type { JobHandle, JobName } from '../../../api/job-hooks';
import { currentDoor } from '../../../api/transport';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatBytes } from '../../../components/format-bytes';
import { JobProgressBar } from '../../../components/JobProgressBar';

const PHASES: ReadonlyArray<[RegExp, 'checking' | 'checkingGraphs' | 'copying' | 'registering' | 'verifying' | 'verified' | 'writing' | 'done']> = [
  [/^checking files$/, 'checking'],
  [/^checking the graphs$/, 'checkingGraphs'],
  [/^copying (.+)$/, 'copying'],
  [/^registering$/, 'registering'],
  [/^verifying (.+)$/, 'verifying'],
  [/^verified (.+)$/, 'verified'],
  [/^writing (.+)$/, 'writing'],
  [/^done$/, 'done'],
];

/** The server reports phases in English ("copying voice.onnx"); the known ones are shown in the reader's language. */
export function usePhaseText(): (phase: string | undefined) => string {
  const { t } = useTranslation();
  return (phase) => {
    if (!phase || phase === 'starting') return t('models.job.starting');
    for (const [pattern, key] of PHASES) {
      const match = pattern.exec(phase);
      if (match) return t(`models.job.phases.${key}`, { name: match[1] ?? '' });
    }
    return phase;
  };
}

/** A running model-store job's progress bar, in the Staff & Models phase wording. */
export function ModelJobProgress<N extends JobName>({ job, testId }: { job: JobHandle<N>; testId: string }) {
  return <JobProgressBar job={job} testId={testId} phaseText={usePhaseText()} />;
}

function Dismiss({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--link" onClick={onClick}>
      {t('common.dismiss')}
    </button>
  );
}

export function VerifyOutcome({ job }: { job: JobHandle<'models.verify'> }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  if (job.running) return <ModelJobProgress job={job} testId="verify-progress" />;
  if (job.error) {
    return (
      <div className="stack stack--tight">
        <ApiErrorMessage error={job.error} role={user.role} testId="verify-error" />
        <Dismiss onClick={job.reset} />
      </div>
    );
  }
  const report = job.result;
  if (!report) return null;
  const size = formatBytes(report.checkedBytes, i18n.resolvedLanguage ?? 'en');
  const clean = report.problems.length === 0;
  return (
    <div className={clean ? 'alert alert--success' : 'alert alert--error'} role="status" data-testid="verify-result" data-problems={report.problems.length}>
      <p className="alert__text">
        <strong>{clean ? t('models.verifyResult.clean') : t('models.verifyResult.problems', { count: report.problems.length })}</strong>{' '}
        {t('models.verifyResult.checked', { files: report.checkedFiles, versions: report.checkedVersions, size })}
      </p>
      {!clean && (
        <ul className="finding-list">
          {report.problems.map((problem) => (
            <li key={`${problem.version}-${problem.path}`} className="finding">
              <span className="badge badge--error">{t(`models.versions.verify.${problem.state}`)}</span>
              <span className="mono">{problem.version}</span>
              <code className="finding__file">{problem.path}</code>
            </li>
          ))}
        </ul>
      )}
      <Dismiss onClick={job.reset} />
    </div>
  );
}

export function ExportOutcome({ job }: { job: JobHandle<'models.export'> }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  if (job.running) return <ModelJobProgress job={job} testId="export-progress" />;
  if (job.error) {
    return (
      <div className="stack stack--tight">
        <ApiErrorMessage error={job.error} role={user.role} testId="export-error" />
        <Dismiss onClick={job.reset} />
      </div>
    );
  }
  const bundle = job.result;
  if (!bundle) return null;
  return (
    <div className="alert alert--success" role="status" data-testid="export-result" data-bytes={bundle.bytes}>
      <p className="alert__text">
        <strong>{t('models.exportResult.title', { versions: bundle.versions.join(', ') })}</strong>{' '}
        {t('models.exportResult.size', { size: formatBytes(bundle.bytes, i18n.resolvedLanguage ?? 'en') })}
      </p>
      <p className="alert__meta">
        {t('models.exportResult.where')} <code data-testid="export-file">{bundle.file}</code>
      </p>
      {/* A plain link: the browser sends the session cookie; the desktop window has the file on disk already. */}
      {bundle.downloadPath && currentDoor() === 'headless' && (
        <p className="alert__meta export-download">
          <a className="button button--secondary button--small" href={bundle.downloadPath} download data-testid="export-download">
            {t('modelFiles.download')}
          </a>
          <span>{t('modelFiles.downloadHint')}</span>
        </p>
      )}
      <p className="alert__meta">
        SHA-256 <code className="hash">{bundle.sha256}</code>
      </p>
      <Dismiss onClick={job.reset} />
    </div>
  );
}
