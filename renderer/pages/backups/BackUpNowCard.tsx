import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobProcedure } from '../../api/job-hooks';
import { formatBytes } from '../../components/format-bytes';
import { BackupJobProgress, JobError } from './BackupJobProgress';
import { REFRESH, useBackupTargets, useLanguage } from './backup-queries';

const EVERY_TARGET = '';

/** "Back up now" to one target or every target, with a progress bar and the outcome. Admins only. */
export function BackUpNowCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const ids = useId();
  const targets = useBackupTargets();
  const job = useJobProcedure('backup.run', REFRESH.targetsAndBackups);
  const [target, setTarget] = useState(EVERY_TARGET);
  const names = (targets.data ?? []).map((each) => each.name);
  const chosen = names.includes(target) ? target : EVERY_TARGET;
  const none = targets.data !== undefined && names.length === 0;

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="backup-now">
      <div className="card__header">
        <div>
          <h2 className="card__title" id={`${ids}-title`}>
            {t('backups.now.title')}
          </h2>
          <p className="card__subtitle">{t('backups.now.subtitle')}</p>
        </div>
      </div>
      <div className="backups-now">
        <div className="field backups-now__target">
          <label className="field__label" htmlFor={`${ids}-target`}>
            {t('backups.now.targetLabel')}
          </label>
          <select
            id={`${ids}-target`}
            className="select"
            value={chosen}
            onChange={(event) => setTarget(event.target.value)}
            disabled={job.running || none}
            data-testid="backup-now-target"
          >
            <option value={EVERY_TARGET}>{t('backups.now.everyTarget')}</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void job.start(chosen ? { target: chosen } : {})}
          disabled={job.running || none}
          data-testid="backup-now-start"
        >
          {job.running ? t('backups.now.running') : t('backups.now.start')}
        </button>
      </div>
      {none && <p className="muted">{t('backups.now.needTarget')}</p>}
      {job.running && <BackupJobProgress job={job} testId="backup-now-progress" />}
      <JobError job={job} testId="backup-now-error" />
      {!job.running && job.result && (
        <div className="alert alert--success" role="status" data-testid="backup-now-result">
          {job.result.map((backup) => (
            <p className="alert__text" key={backup.id}>
              <strong>{t('backups.now.done', { target: backup.target })}</strong>{' '}
              {t('backups.now.summary', {
                size: formatBytes(backup.totalBytes, language),
                fresh: formatBytes(backup.newBytes, language),
                count: backup.versionCount,
                seconds: (backup.durationMs / 1000).toFixed(1),
              })}
            </p>
          ))}
          <button type="button" className="button button--link backups-dismiss" onClick={job.reset}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
