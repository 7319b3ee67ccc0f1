import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSchedule } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatDateTimeShort } from '../../../components/format-date';
import { useBackupSchedule, useIsBackupAdmin, useLanguage } from '../backup-queries';
import { ScheduleDialog } from './ScheduleDialog';

/** A time in the schedule's own zone, with the zone named ("Mar 3, 2025, 02:00 GMT+8"). */
export function formatInZone(iso: string, timezone: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    // dateStyle/timeStyle cannot be combined with timeZoneName, hence the separate fields.
    return new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: timezone,
      timeZoneName: 'short',
    }).format(date);
  } catch {
    return formatDateTimeShort(iso, language);
  }
}

function useDescribe(): (schedule: BackupSchedule) => string {
  const { t } = useTranslation();
  return (schedule) =>
    schedule.mode === 'every'
      ? t('backups.schedule.every', { count: schedule.everyHours ?? 24 })
      : t('backups.schedule.cron', { cron: schedule.cron ?? '' });
}

export function ScheduleCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = useIsBackupAdmin();
  const language = useLanguage();
  const ids = useId();
  const schedule = useBackupSchedule();
  const describe = useDescribe();
  const [editing, setEditing] = useState(false);
  const s = schedule.data;

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="backup-schedule">
      <div className="card__header">
        <div>
          <h2 className="card__title" id={`${ids}-title`}>
            {t('backups.schedule.title')}
          </h2>
          <p className="card__subtitle">{t('backups.schedule.subtitle')}</p>
        </div>
        {isAdmin && s && (
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)} data-testid="schedule-edit">
            {t('backups.schedule.edit')}
          </button>
        )}
      </div>
      {schedule.isPending && (
        <p className="muted" role="status">
          {t('backups.schedule.loading')}
        </p>
      )}
      {schedule.isError && <ApiErrorMessage error={schedule.error} role={user.role} onRetry={() => void schedule.refetch()} testId="schedule-load-error" />}
      {s && (
        <dl className="fact-grid backups-facts">
          <div className="fact">
            <dt className="fact__label">{t('backups.schedule.rule')}</dt>
            <dd className="fact__value" data-testid="schedule-rule">
              {describe(s)}
            </dd>
            <dd className="fact__note">{t('backups.schedule.timezone', { zone: s.timezone })}</dd>
          </div>
          <div className="fact">
            <dt className="fact__label">{t('backups.schedule.next')}</dt>
            <dd className="fact__value" data-testid="schedule-next">
              {t('backups.schedule.nextAt', { time: formatInZone(s.nextRunAt, s.timezone, language) })}
            </dd>
            <dd className="fact__note" data-testid="schedule-last">
              {s.lastRunAt ? t('backups.schedule.lastRun', { time: formatInZone(s.lastRunAt, s.timezone, language) }) : t('backups.schedule.neverRun')}
            </dd>
          </div>
        </dl>
      )}
      {s?.lastError && s.lastRunAt && (
        <div className="alert alert--error" role="alert" data-testid="schedule-last-error">
          <p className="alert__text">
            <strong>{t('backups.schedule.lastFailed', { time: formatInZone(s.lastRunAt, s.timezone, language) })}</strong> {s.lastError}
          </p>
        </div>
      )}
      {editing && s && <ScheduleDialog schedule={s} onClose={() => setEditing(false)} />}
    </section>
  );
}
