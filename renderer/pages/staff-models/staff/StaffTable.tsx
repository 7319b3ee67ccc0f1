import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';
import { SampleBadge } from '../../../components/SampleBadge';
import { useSampleVersions } from '../../../components/sample-versions';
import { hrefForView } from '../staff-models-route';

export function StaffTable({ members }: { members: readonly StaffMember[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const samples = useSampleVersions();
  return (
    <div className="table-wrap">
      <table className="table table--interactive" data-testid="staff-table">
        <caption className="visually-hidden">{t('models.staff.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('models.staff.code')}</th>
            <th scope="col">{t('models.staff.name')}</th>
            <th scope="col" className="table__num">
              {t('models.staff.versions')}
            </th>
            <th scope="col">{t('models.staff.activeVersion')}</th>
            <th scope="col" className="table__num">
              {t('models.staff.size')}
            </th>
            <th scope="col">{t('models.staff.state')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.code} data-testid={`staff-row-${member.code}`} data-retired={String(member.retiredAt !== null)}>
              <th scope="row" className="table__name">
                <a href={hrefForView({ view: 'member', code: member.code })} className="table__link mono" data-testid={`staff-open-${member.code}`}>
                  {member.code}
                </a>
              </th>
              <td data-testid="staff-name">{member.name}</td>
              <td className="table__num" data-testid="staff-version-count">
                {member.versionCount}
              </td>
              <td data-testid="staff-active-version">
                {member.activeVersion ? <span className="mono">{member.activeVersion}</span> : <span className="muted">{t('models.staff.noActive')}</span>}
              </td>
              <td className="table__num" data-testid="staff-size">
                {formatBytes(member.totalBytes, language)}
              </td>
              <td>
                <span className="version-cell">
                  {member.retiredAt ? (
                    <span className="badge badge--neutral">{t('models.staff.retired')}</span>
                  ) : (
                    <span className="badge badge--ok">{t('models.staff.current')}</span>
                  )}
                  {samples.staff.has(member.code) && <SampleBadge kind="staff" testId="staff-sample" />}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
