import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { useSession } from '../../../app/session-context';
import { useIsAdmin, useStaffList } from '../model-queries';
import { navigateTo } from '../staff-models-route';
import { AddStaffDialog } from './AddStaffDialog';
import { StaffTable } from './StaffTable';

export function StaffListView() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = useIsAdmin();
  const ids = useId();
  const staff = useStaffList();
  const [search, setSearch] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [adding, setAdding] = useState(false);

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (staff.data ?? []).filter(
      (member) =>
        (showRetired || member.retiredAt === null) &&
        (needle === '' || member.code.toLowerCase().includes(needle) || member.name.toLowerCase().includes(needle)),
    );
  }, [staff.data, search, showRetired]);
  const retiredCount = (staff.data ?? []).filter((member) => member.retiredAt !== null).length;

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="staff-list">
      <div className="card__header">
        <div>
          <h2 className="card__title" id={`${ids}-title`} tabIndex={-1} data-view-heading>
            {t('models.staff.title')}
          </h2>
          <p className="card__subtitle">{t(isAdmin ? 'models.staff.subtitleAdmin' : 'models.staff.subtitleReadOnly')}</p>
        </div>
        {isAdmin && (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)} data-testid="add-staff-open">
            {t('models.staff.add')}
          </button>
        )}
      </div>
      <div className="toolbar">
        <div className="field toolbar__search">
          <label className="visually-hidden" htmlFor={`${ids}-search`}>
            {t('models.staff.searchLabel')}
          </label>
          <input
            id={`${ids}-search`}
            className="input"
            type="search"
            placeholder={t('models.staff.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="staff-search"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={showRetired} onChange={(event) => setShowRetired(event.target.checked)} data-testid="staff-show-retired" />
          <span>{t('models.staff.showRetired', { count: retiredCount })}</span>
        </label>
      </div>
      {staff.isPending && (
        <p className="muted" role="status">
          {t('models.staff.loading')}
        </p>
      )}
      {staff.isError && <ApiErrorMessage error={staff.error} role={user.role} onRetry={() => void staff.refetch()} testId="staff-error" />}
      {staff.data && staff.data.length === 0 && (
        <div className="empty-state" data-testid="staff-empty">
          <p className="empty-state__title">{t('models.staff.emptyTitle')}</p>
          <p className="muted">{t(isAdmin ? 'models.staff.emptyAdmin' : 'models.staff.emptyReadOnly')}</p>
        </div>
      )}
      {staff.data && staff.data.length > 0 && shown.length === 0 && (
        <p className="muted" data-testid="staff-no-match">
          {t('models.staff.noMatch')}
        </p>
      )}
      {shown.length > 0 && <StaffTable members={shown} />}
      {adding && (
        <AddStaffDialog
          onClose={() => setAdding(false)}
          onAdded={(code) => {
            setAdding(false);
            navigateTo({ view: 'member', code });
          }}
        />
      )}
    </section>
  );
}
