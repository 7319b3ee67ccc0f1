import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupListEntry, CheckReport } from '../../../../electron/api/index.js';
import { useJobProcedure } from '../../../api/job-hooks';
import { Dialog } from '../../../components/Dialog';
import { formatBytes } from '../../../components/format-bytes';
import { formatDateTimeShort } from '../../../components/format-date';
import { BackupJobProgress, JobError } from '../BackupJobProgress';
import { REFRESH, useLanguage } from '../backup-queries';

function CheckResult({ report }: { report: CheckReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const key = report.kind === 'verify' ? 'verify' : 'drill';
  return (
    <div className={report.ok ? 'alert alert--success' : 'alert alert--error'} role="status" data-testid="check-result" data-ok={String(report.ok)}>
      <p className="alert__text">
        <strong>{report.ok ? t(`backups.check.${key}Passed`) : t(`backups.check.${key}Failed`, { count: report.problems.length })}</strong>{' '}
        {t('backups.check.summary', {
          count: report.checkedFiles,
          size: formatBytes(report.checkedBytes, language),
          seconds: (report.durationMs / 1000).toFixed(1),
        })}
      </p>
      {report.problems.length > 0 && (
        <ul className="finding-list" data-testid="check-problems">
          {report.problems.map((problem) => (
            <li key={`${problem.path}-${problem.state}`} className="finding">
              <span className="badge badge--error">{t(`backups.check.states.${problem.state}`)}</span>
              <code className="finding__file">{problem.path}</code>
              <span>{problem.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Verify (re-hash all files of the backup, or a random share of the model files) or drill
 * (restore into a scratch folder, open the database, check every entry, delete the scratch).
 */
export function CheckDialog({ kind, backup, onClose }: { kind: 'verify' | 'drill'; backup: BackupListEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const verify = useJobProcedure('backup.verify', REFRESH.checks);
  const drill = useJobProcedure('backup.drill', REFRESH.checks);
  const job = kind === 'verify' ? verify : drill;
  const [share, setShare] = useState<'all' | 'subset'>('all');
  const [percent, setPercent] = useState('10');
  const percentValue = Number(percent);
  const percentOk = /^\d{1,3}$/.test(percent) && percentValue >= 1 && percentValue <= 100;
  const time = formatDateTimeShort(backup.createdAt, i18n.resolvedLanguage ?? 'en');

  function start(): void {
    if (kind === 'drill') void drill.start({ id: backup.id });
    else void verify.start(share === 'all' ? { id: backup.id } : { id: backup.id, subset: percentValue });
  }

  return (
    <Dialog title={t(`backups.check.${kind}Title`, { time, target: backup.target })} onClose={onClose} busy={job.running} testId={`${kind}-dialog`}>
      <div className="stack stack--tight">
        <p>{t(`backups.check.${kind}Intro`)}</p>
        {kind === 'verify' && (
          <fieldset className="fieldset" disabled={job.running}>
            <legend className="field__label">{t('backups.check.shareLabel')}</legend>
            <label className="checkbox">
              <input type="radio" name={`${ids}-share`} checked={share === 'all'} onChange={() => setShare('all')} data-testid="verify-all" />
              <span>{t('backups.check.all')}</span>
            </label>
            <div className="backups-inline">
              <label className="checkbox">
                <input type="radio" name={`${ids}-share`} checked={share === 'subset'} onChange={() => setShare('subset')} data-testid="verify-subset" />
                <span>{t('backups.check.subset')}</span>
              </label>
              <input
                className="input backups-input--short"
                inputMode="numeric"
                value={percent}
                onChange={(event) => setPercent(event.target.value.trim())}
                onFocus={() => setShare('subset')}
                aria-label={t('backups.check.percentLabel')}
                aria-invalid={share === 'subset' && !percentOk}
                data-testid="verify-percent"
              />
              <span aria-hidden="true">%</span>
            </div>
          </fieldset>
        )}
        {job.running && <BackupJobProgress job={job} testId={`${kind}-progress`} />}
        <JobError job={job} testId={`${kind}-error`} />
        {!job.running && job.result && <CheckResult report={job.result} />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={job.running}>
            {t('common.close')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={start}
            disabled={job.running || (kind === 'verify' && share === 'subset' && !percentOk)}
            data-testid={`${kind}-start`}
            data-autofocus
          >
            {job.result || job.error ? t(`backups.check.${kind}Again`) : t(`backups.check.${kind}Start`)}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
