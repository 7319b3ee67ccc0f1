import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../electron/api/index.js';
import { useJobProcedure, type JobHandle } from '../../../api/job-hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { TransferProgress } from '../../../components/TransferProgress';
import { usePhaseText } from '../lines/JobOutcomes';
import { useIsAdmin } from '../model-queries';

type Report = OutputOf<'samplePack.install'>;
const STEP = /^sample pack: (.+)$/;

/** The server's step names ("sample pack: sample-mei") in the reader's language. */
function useStepText(): (step: string) => string {
  const { t } = useTranslation();
  return (step) => {
    if (step === 'emotion model') return t('samplePack.phases.emotion');
    if (step === 'training the emotion model') return t('samplePack.phases.training');
    if (step === 'done') return t('samplePack.phases.done');
    return t('samplePack.phases.member', { code: step });
  };
}

/** The pack's steps, with the import running inside each one ("Sample voice sample-mei · Copying voice.onnx"). */
function InstallProgress({ job }: { job: JobHandle<'samplePack.install'> }) {
  const { t } = useTranslation();
  const phaseText = usePhaseText();
  const stepText = useStepText();
  const [step, setStep] = useState<string | null>(null);
  const p = job.progress;
  const phase = p?.phase;
  useEffect(() => {
    const match = phase ? STEP.exec(phase) : null;
    if (match?.[1]) setStep(match[1]);
  }, [phase]);
  const own = phase ? STEP.exec(phase) : null;
  let text = phaseText(phase);
  if (own?.[1]) text = stepText(own[1]);
  else if (step && phase) text = `${stepText(step)} · ${phaseText(phase)}`;
  // While a version is copied, its bytes; between imports (training, adding staff) only the step.
  if (p?.unit === 'bytes' && p.total) {
    return (
      <TransferProgress
        phase={text}
        done={p.done}
        total={p.total}
        unit="bytes"
        rate={p.rate ?? null}
        etaSeconds={null}
        onCancel={job.cancel}
        cancelling={job.cancelling}
        testId="sample-pack-progress"
      />
    );
  }
  return (
    <div className="transfer" data-testid="sample-pack-progress">
      <div className="transfer__top">
        <span className="transfer__phase" data-testid="sample-pack-progress-phase">
          {text}
        </span>
      </div>
      <progress className="transfer__bar" aria-label={text} />
      <div className="transfer__bottom">
        <span />
        <button type="button" className="button button--secondary button--small" onClick={job.cancel} disabled={job.cancelling}>
          {job.cancelling ? t('common.cancelling') : t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

function InstallResult({ report, onDismiss }: { report: Report; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const percent =
    report.emotionAccuracy === null ? null : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(report.emotionAccuracy);
  return (
    <div className="alert alert--success" role="status" data-testid="sample-pack-result">
      <p className="alert__text">
        <strong>{report.installed.length > 0 ? t('samplePack.doneTitle') : t('samplePack.nothingNew')}</strong>
      </p>
      {percent !== null && (
        <p className="alert__text">
          {t('samplePack.accuracy')}{' '}
          <strong data-testid="sample-pack-accuracy" data-accuracy={report.emotionAccuracy ?? undefined}>
            {percent}
          </strong>{' '}
          <span className="alert__meta">({t('samplePack.accuracyNote')})</span>
        </p>
      )}
      <div className="sample-pack__lists">
        {report.installed.length > 0 && (
          <div>
            <p className="sample-pack__list-title">{t('samplePack.installed', { count: report.installed.length })}</p>
            <ul className="sample-pack__list" data-testid="sample-pack-installed">
              {report.installed.map((item) => (
                <li key={item} className="mono">
                  {item}
                </li>
              ))}
            </ul>
          </div>
        )}
        {report.skipped.length > 0 && (
          <div>
            <p className="sample-pack__list-title">{t('samplePack.skipped', { count: report.skipped.length })}</p>
            <ul className="sample-pack__list" data-testid="sample-pack-skipped">
              {report.skipped.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <button type="button" className="button button--link" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

/**
 * Admins only: installs the sample pack (a trained text emotion model and three synthetic sample
 * voices, not cloned voices) through the normal import path, as a job with progress.
 */
export function SamplePackPanel() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = useIsAdmin();
  const ids = useId();
  const job = useJobProcedure('samplePack.install');
  if (!isAdmin) return null;
  return (
    <section className="card sample-pack" aria-labelledby={`${ids}-title`} data-testid="sample-pack">
      <div className="card__header">
        <div>
          <h2 className="card__title" id={`${ids}-title`}>
            {t('samplePack.title')}
          </h2>
          <p className="card__subtitle sample-pack__text">{t('samplePack.text')}</p>
        </div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            if (job.running) return;
            job.reset();
            void job.start({});
          }}
          // aria-disabled, not disabled: a keyboard user's focus stays on the button while it runs.
          aria-disabled={job.running}
          data-testid="sample-pack-install"
        >
          {job.running ? t('samplePack.installing') : t('samplePack.install')}
        </button>
      </div>
      <div className="line-outcomes" aria-live="polite">
        {job.running && <InstallProgress job={job} />}
        {!job.running && job.error && (
          <div className="stack stack--tight">
            <ApiErrorMessage error={job.error} role={user.role} testId="sample-pack-error" />
            <button type="button" className="button button--link" onClick={job.reset}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
        {!job.running && job.result && <InstallResult report={job.result} onDismiss={job.reset} />}
      </div>
      <p className="card__note">{t('samplePack.again')}</p>
    </section>
  );
}
