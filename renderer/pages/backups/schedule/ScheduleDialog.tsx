import { useId, useMemo, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BackupSchedule } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { REFRESH, SCHEDULE_KEY, useBackupMutation } from '../backup-queries';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Taipei', 'UTC'];
  }
}

/** Every N hours or a cron expression (parsed by the server with croner) in a time zone. */
export function ScheduleDialog({ schedule, onClose }: { schedule: BackupSchedule; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const ids = useId();
  const [mode, setMode] = useState(schedule.mode);
  const [hours, setHours] = useState(String(schedule.everyHours ?? 24));
  const [cron, setCron] = useState(schedule.cron ?? '0 2 * * *');
  const [timezone, setTimezone] = useState(schedule.timezone);
  const zones = useMemo(timeZones, []);
  const client = useQueryClient();
  // The answer is the new schedule with its next run: it goes straight into the cache, no refetch.
  const save = useBackupMutation('backup.schedule', REFRESH.nothing, {
    onSuccess: (next) => {
      client.setQueryData(SCHEDULE_KEY, next);
      onClose();
    },
  });
  const hoursValue = Number(hours);
  const hoursOk = /^\d{1,4}$/.test(hours) && hoursValue >= 1 && hoursValue <= 8760;
  const valid = (mode === 'every' ? hoursOk : cron.trim() !== '') && timezone.trim() !== '';

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!valid) return;
    const tz = timezone.trim();
    save.mutate(mode === 'every' ? { every: `${hoursValue}h`, tz } : { cron: cron.trim(), tz });
  }

  return (
    <Dialog title={t('backups.schedule.editTitle')} onClose={onClose} busy={save.isPending} testId="schedule-dialog">
      <form className="stack stack--tight" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend className="field__label">{t('backups.schedule.modeLabel')}</legend>
          <label className="checkbox">
            <input type="radio" name={`${ids}-mode`} checked={mode === 'every'} onChange={() => setMode('every')} data-testid="schedule-mode-every" />
            <span>{t('backups.schedule.modeEvery')}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name={`${ids}-mode`} checked={mode === 'cron'} onChange={() => setMode('cron')} data-testid="schedule-mode-cron" />
            <span>{t('backups.schedule.modeCron')}</span>
          </label>
        </fieldset>
        {mode === 'every' ? (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-hours`}>
              {t('backups.schedule.hoursLabel')}
            </label>
            <input
              id={`${ids}-hours`}
              className="input backups-input--short"
              inputMode="numeric"
              value={hours}
              onChange={(event) => setHours(event.target.value.trim())}
              aria-invalid={!hoursOk}
              aria-describedby={`${ids}-hours-hint`}
              data-testid="schedule-hours"
            />
            <p className={hoursOk ? 'field__hint' : 'field__hint field__hint--error'} id={`${ids}-hours-hint`}>
              {t('backups.schedule.hoursHint')}
            </p>
          </div>
        ) : (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-cron`}>
              {t('backups.schedule.cronLabel')}
            </label>
            <input
              id={`${ids}-cron`}
              className="input input--mono"
              value={cron}
              onChange={(event) => setCron(event.target.value)}
              maxLength={200}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${ids}-cron-hint`}
              data-testid="schedule-cron"
            />
            <p className="field__hint" id={`${ids}-cron-hint`}>
              {t('backups.schedule.cronHint')}
            </p>
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-tz`}>
            {t('backups.schedule.timezoneLabel')}
          </label>
          <input
            id={`${ids}-tz`}
            className="input"
            list={`${ids}-zones`}
            value={timezone}
            onChange={(event) => setTimezone(event.target.value)}
            maxLength={64}
            spellCheck={false}
            autoComplete="off"
            data-testid="schedule-timezone"
          />
          <datalist id={`${ids}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        {save.isError && <ApiErrorMessage error={save.error} role={user.role} testId="schedule-error" />}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending || !valid} data-testid="schedule-save">
            {t('backups.schedule.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
