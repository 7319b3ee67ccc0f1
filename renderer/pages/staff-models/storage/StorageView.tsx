import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StorageReport } from '../../../../electron/api/index.js';
import { useProcedureQuery } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatBytes } from '../../../components/format-bytes';
import { useStaffList } from '../model-queries';
import { CategoryBreakdown } from './CategoryBreakdown';
import { DiskUsageBar } from './DiskUsageBar';
import { DISK_LIMIT_PERCENT, staffRoomLeft } from './storage-categories';

/** The model store's disk limit (settings), the brief's 90 % until the settings have answered. */
function useDiskLimit(): number {
  const settings = useProcedureQuery('settings.get', {});
  return settings.data?.['modelStore.diskLimitPercent'] ?? DISK_LIMIT_PERCENT;
}

export function StorageView() {
  const { t } = useTranslation();
  const { user } = useSession();
  const ids = useId();
  const report = useProcedureQuery('storage.report', {});
  const limit = useDiskLimit();

  return (
    <>
      <section className="card" aria-labelledby={`${ids}-disk`} data-testid="storage-view">
        <div className="card__header">
          <div>
            <h2 className="card__title" id={`${ids}-disk`} tabIndex={-1} data-view-heading>
              {t('models.storage.diskTitle')}
            </h2>
            <p className="card__subtitle">
              {report.data ? t('models.storage.diskSubtitle', { dir: report.data.dataDir }) : t('models.storage.diskSubtitleLoading')}
            </p>
          </div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void report.refetch()}
            disabled={report.isFetching}
            data-testid="storage-refresh"
          >
            {t('status.refresh')}
          </button>
        </div>
        {report.isPending && (
          <p className="muted" role="status">
            {t('models.storage.loading')}
          </p>
        )}
        {report.isError && <ApiErrorMessage error={report.error} role={user.role} onRetry={() => void report.refetch()} testId="storage-error" />}
        {report.data && <DiskUsageBar report={report.data} limitPercent={limit} />}
      </section>
      {report.data && <StorageDetails report={report.data} limitPercent={limit} />}
    </>
  );
}

function StorageDetails({ report, limitPercent }: { report: StorageReport; limitPercent: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const ids = useId();
  const staff = useStaffList();
  const nameOf = (code: string): string | undefined => staff.data?.find((member) => member.code === code)?.name;
  const measured = report.newStaffMemberEstimateBasis === 'measured';
  const room = staffRoomLeft(report, limitPercent);

  return (
    <>
      <section className="card" aria-labelledby={`${ids}-where`}>
        <div className="card__header">
          <div>
            <h2 className="card__title" id={`${ids}-where`}>
              {t('models.storage.whereTitle')}
            </h2>
            <p className="card__subtitle">{t('models.storage.whereSubtitle')}</p>
          </div>
        </div>
        <CategoryBreakdown report={report} />
      </section>

      <div className="fact-grid">
        <div className="fact" data-testid="storage-dedup">
          <span className="fact__label">{t('models.storage.dedupLabel')}</span>
          <span className="fact__value">{formatBytes(report.dedupSavedBytes, language)}</span>
          <span className="fact__note">{t('models.storage.dedupNote', { stored: formatBytes(report.storedBytes, language) })}</span>
        </div>
        <div className="fact" data-testid="storage-estimate" data-basis={report.newStaffMemberEstimateBasis}>
          <span className="fact__label">{t('models.storage.estimateLabel')}</span>
          <span className="fact__value">{t('models.storage.estimateValue', { size: formatBytes(report.newStaffMemberEstimateBytes, language) })}</span>
          <span className="fact__note">{t(measured ? 'models.storage.estimateMeasured' : 'models.storage.estimateBrief')}</span>
        </div>
        <div className="fact" data-testid="storage-room">
          <span className="fact__label">{t('models.storage.roomLabel', { limit: limitPercent })}</span>
          <span className="fact__value">{t('models.storage.roomValue', { count: room, number: new Intl.NumberFormat(language).format(room) })}</span>
          <span className="fact__note">{t('models.storage.roomNote')}</span>
        </div>
      </div>

      <section className="card" aria-labelledby={`${ids}-staff`}>
        <div className="card__header">
          <div>
            <h2 className="card__title" id={`${ids}-staff`}>
              {t('models.storage.staffTitle')}
            </h2>
            <p className="card__subtitle">{t('models.storage.staffSubtitle')}</p>
          </div>
        </div>
        {report.staff.length === 0 ? (
          <p className="muted" data-testid="storage-staff-empty">
            {t('models.storage.staffEmpty')}
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table table--compact" data-testid="storage-staff">
              <caption className="visually-hidden">{t('models.storage.staffTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('models.staff.code')}</th>
                  <th scope="col">{t('models.staff.name')}</th>
                  <th scope="col" className="table__num">
                    {t('models.storage.modelBytes')}
                  </th>
                  <th scope="col" className="table__num">
                    {t('models.storage.referenceBytes')}
                  </th>
                  <th scope="col" className="table__num">
                    {t('models.storage.totalRow')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.staff.map((entry) => (
                  <tr key={entry.code} data-testid={`storage-staff-${entry.code}`}>
                    <th scope="row" className="mono">
                      {entry.code}
                    </th>
                    <td>{nameOf(entry.code) ?? <span className="muted">—</span>}</td>
                    <td className="table__num">{formatBytes(entry.modelBytes, language)}</td>
                    <td className="table__num">{formatBytes(entry.referenceAudioBytes, language)}</td>
                    <td className="table__num">
                      <strong>{formatBytes(entry.modelBytes + entry.referenceAudioBytes, language)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
