import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatBytes } from '../../../components/format-bytes';
import { formatDateTime } from '../../../components/format-date';
import { SampleBadge } from '../../../components/SampleBadge';
import { sampleVersionsOf } from '../../../components/sample-versions';
import { LinePanel } from '../lines/LinePanel';
import { findLine, useIsAdmin, useModelLines, useStaffList, voiceLine } from '../model-queries';
import { hrefForView, navigateTo } from '../staff-models-route';
import { PurgeStaffDialog, RenameStaffDialog, RetireStaffDialog } from './StaffActionDialogs';

type MemberDialog = 'rename' | 'retire' | 'purge' | null;

export function StaffDetailView({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { user } = useSession();
  const isAdmin = useIsAdmin();
  const ids = useId();
  const staff = useStaffList();
  const lines = useModelLines();
  const [dialog, setDialog] = useState<MemberDialog>(null);
  const member = staff.data?.find((each) => each.code === code);
  const line = voiceLine(code);

  const back = (
    <a className="back-link" href={hrefForView({ view: 'staff' })} data-testid="staff-back">
      <span aria-hidden="true">←</span> {t('models.member.back')}
    </a>
  );

  if (staff.isPending) {
    return (
      <p className="muted" role="status">
        {t('models.staff.loading')}
      </p>
    );
  }
  if (staff.isError) return <ApiErrorMessage error={staff.error} role={user.role} onRetry={() => void staff.refetch()} testId="staff-error" />;
  if (!member) {
    return (
      <section className="card" data-testid="member-not-found">
        {back}
        <h2 className="card__title" tabIndex={-1} data-view-heading>
          {t('models.member.notFoundTitle', { code })}
        </h2>
        <p className="card__body-text">{t('models.member.notFound')}</p>
      </section>
    );
  }

  const retired = member.retiredAt !== null;
  return (
    <>
      <section className="card member-card" aria-labelledby={`${ids}-title`} data-testid="member-detail" data-code={member.code}>
        {back}
        <div className="card__header member-card__header">
          <div>
            <h2 className="member-card__name" id={`${ids}-title`} tabIndex={-1} data-view-heading data-testid="member-name">
              {member.name} <span className="member-card__code mono">{member.code}</span>
            </h2>
            <p className="card__subtitle">
              {t('models.member.addedAt', { date: formatDateTime(member.createdAt, language) })}
              {sampleVersionsOf(lines.data).staff.has(member.code) && (
                <>
                  {' · '}
                  <SampleBadge kind="staff" testId="member-sample" />
                </>
              )}
              {retired && (
                <>
                  {' · '}
                  <span className="badge badge--neutral" data-testid="member-retired">
                    {t('models.member.retiredAt', { date: formatDateTime(member.retiredAt ?? '', language) })}
                  </span>
                </>
              )}
            </p>
          </div>
          {isAdmin && (
            <div className="button-row" data-testid="member-admin-actions">
              <button type="button" className="button button--secondary button--small" onClick={() => setDialog('rename')} data-testid="member-rename">
                {t('models.member.rename')}
              </button>
              {!retired && (
                <button type="button" className="button button--secondary button--small" onClick={() => setDialog('retire')} data-testid="member-retire">
                  {t('models.member.retire')}
                </button>
              )}
              {retired && (
                <button type="button" className="button button--danger button--small" onClick={() => setDialog('purge')} data-testid="member-purge">
                  {t('models.member.purge')}
                </button>
              )}
            </div>
          )}
        </div>
        <dl className="stat-row">
          <div className="stat">
            <dt className="stat__label">{t('models.member.activeVersion')}</dt>
            <dd className="stat__value mono" data-testid="member-active-version">
              {member.activeVersion ?? '—'}
            </dd>
          </div>
          <div className="stat">
            <dt className="stat__label">{t('models.member.versionCount')}</dt>
            <dd className="stat__value">{member.versionCount}</dd>
          </div>
          <div className="stat">
            <dt className="stat__label">{t('models.member.size')}</dt>
            <dd className="stat__value">{formatBytes(member.totalBytes, language)}</dd>
          </div>
          <div className="stat">
            <dt className="stat__label">{t('models.member.line')}</dt>
            <dd className="stat__value stat__value--small mono">{line}</dd>
          </div>
        </dl>
      </section>

      {lines.isError ? (
        <ApiErrorMessage error={lines.error} role={user.role} onRetry={() => void lines.refetch()} testId="lines-error" />
      ) : (
        <LinePanel
          line={line}
          summary={findLine(lines.data, line)}
          loading={lines.isPending}
          title={t('models.member.versionsTitle')}
          canImport={!retired}
        />
      )}

      {dialog === 'rename' && <RenameStaffDialog member={member} onClose={() => setDialog(null)} />}
      {dialog === 'retire' && <RetireStaffDialog member={member} onClose={() => setDialog(null)} />}
      {dialog === 'purge' && (
        <PurgeStaffDialog
          member={member}
          onClose={() => setDialog(null)}
          onPurged={() => {
            setDialog(null);
            navigateTo({ view: 'staff' });
          }}
        />
      )}
    </>
  );
}
