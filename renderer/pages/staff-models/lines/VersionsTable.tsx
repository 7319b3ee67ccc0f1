import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';
import { formatDateTime, formatDateTimeShort } from '../../../components/format-date';
import { useVersionRatings, VersionRating } from '../../voice-preview/ratings/version-ratings';

interface VersionsTableProps {
  versions: readonly VersionSummary[];
  isAdmin: boolean;
  busy: boolean;
  exporting: boolean;
  onPromote: (version: string) => void;
  onDelete: (version: string) => void;
  onExport: (version: string) => void;
}

const VERIFY_BADGE = { ok: 'badge badge--ok', corrupt: 'badge badge--error', missing: 'badge badge--error' } as const;

export function VersionsTable({ versions, isAdmin, busy, exporting, onPromote, onDelete, onExport }: VersionsTableProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const [expanded, setExpanded] = useState<string | null>(null);
  // Voice versions show what supervisors rated them in Voice Preview.
  const ratedLine = versions[0]?.line.startsWith('voice/') ? versions[0].line : undefined;
  const ratings = useVersionRatings(ratedLine);
  const columns = (isAdmin ? 6 : 5) + (ratedLine ? 1 : 0);

  return (
    <div className="table-wrap">
      <table className="table table--versions" data-testid="versions-table">
        <caption className="visually-hidden">{t('models.versions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('models.versions.version')}</th>
            <th scope="col">{t('models.versions.imported')}</th>
            <th scope="col" className="table__num">
              {t('models.versions.size')}
            </th>
            <th scope="col">{t('models.versions.verification')}</th>
            {ratedLine && <th scope="col">{t('preview.versions.ratingColumn')}</th>}
            <th scope="col">{t('models.versions.warnings')}</th>
            {isAdmin && (
              <th scope="col" className="table__actions">
                <span className="visually-hidden">{t('models.versions.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const open = expanded === v.version;
            const protectedReason = v.pinned ? t('models.versions.deletePinned') : v.active ? t('models.versions.deleteActive') : null;
            const detailId = `warnings-${v.line}-${v.version}`.replace(/[^A-Za-z0-9_-]/g, '-');
            return (
              <Fragment key={v.version}>
                <tr
                  data-testid={`version-row-${v.version}`}
                  data-active={String(v.active)}
                  data-pinned={String(v.pinned)}
                  className={v.active ? 'table__row--active' : undefined}
                >
                  <th scope="row" className="table__name">
                    <span className="version-cell">
                      <span className="mono">{v.version}</span>
                      {v.active && (
                        <span className="badge badge--ok" data-testid="version-active">
                          {t('models.versions.active')}
                        </span>
                      )}
                      {v.pinned && (
                        <span className="badge badge--info" data-testid="version-pinned" title={t('models.versions.pinnedHint')}>
                          {t('models.versions.pinned')}
                        </span>
                      )}
                      {v.sample && (
                        <span className="badge badge--warn" data-testid="version-sample" title={t('models.versions.sampleHint')}>
                          {t('models.versions.sample')}
                        </span>
                      )}
                    </span>
                    <span className="cell-sub">
                      <span className="visually-hidden">{t('models.versions.format')}: </span>
                      <code className="format-tag" data-testid="version-format">
                        {v.format}
                      </code>
                    </span>
                  </th>
                  <td>
                    <span className="cell-main" title={formatDateTime(v.importedAt, language)}>
                      {formatDateTimeShort(v.importedAt, language)}
                    </span>
                    <span className="cell-sub" data-testid="version-imported-by">
                      {t('models.versions.by', { name: v.importedBy })}
                    </span>
                  </td>
                  <td className="table__num">
                    <span className="cell-main">{formatBytes(v.totalBytes, language)}</span>
                    <span className="cell-sub">{t('models.versions.files', { count: v.fileCount })}</span>
                  </td>
                  <td>
                    <span className={VERIFY_BADGE[v.verifyState]} data-testid="version-verify-state" data-state={v.verifyState}>
                      {t(`models.versions.verify.${v.verifyState}`)}
                    </span>
                    <span className="cell-sub cell-sub--wrap">
                      {v.verifiedAt
                        ? t('models.versions.verifiedAt', { date: formatDateTimeShort(v.verifiedAt, language) })
                        : t('models.versions.notVerifiedYet')}
                    </span>
                  </td>
                  {ratedLine && (
                    <td>
                      <VersionRating summary={ratings.get(v.version)} />
                    </td>
                  )}
                  <td>
                    {v.warnings.length === 0 ? (
                      <span className="muted">{t('models.versions.noWarnings')}</span>
                    ) : (
                      <button
                        type="button"
                        className="disclosure"
                        aria-expanded={open}
                        aria-controls={detailId}
                        onClick={() => setExpanded(open ? null : v.version)}
                        data-testid="version-warnings-toggle"
                      >
                        <span className="disclosure__chevron" aria-hidden="true" />
                        {t('models.versions.warningCount', { count: v.warnings.length })}
                      </button>
                    )}
                  </td>
                  {isAdmin && (
                    <td className="table__actions">
                      <div className="button-row button-row--end">
                        {!v.pinned && (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => onPromote(v.version)}
                            disabled={busy || v.verifyState !== 'ok'}
                            title={v.verifyState !== 'ok' ? t('models.versions.promoteUnhealthy') : t('models.versions.promoteHint')}
                            data-testid="version-promote"
                          >
                            {t('models.versions.promote')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => onExport(v.version)}
                          disabled={exporting}
                          data-testid="version-export"
                        >
                          {t('models.versions.export')}
                        </button>
                        <button
                          type="button"
                          className="button button--danger-outline button--small"
                          aria-disabled={protectedReason !== null}
                          title={protectedReason ?? undefined}
                          onClick={() => {
                            if (protectedReason === null) onDelete(v.version);
                          }}
                          data-testid="version-delete"
                        >
                          {t('models.versions.delete')}
                          {protectedReason && <span className="visually-hidden"> ({protectedReason})</span>}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
                {open && (
                  <tr className="table__detail-row" id={detailId} data-testid={`version-warnings-${v.version}`}>
                    <td colSpan={columns}>
                      <ul className="finding-list">
                        {v.warnings.map((finding, index) => (
                          <li key={`${finding.file}-${finding.code}-${index}`} className="finding">
                            <span className={finding.level === 'error' ? 'badge badge--error' : 'badge badge--warn'}>{finding.code}</span>
                            <code className="finding__file">{finding.file}</code>
                            <span>{finding.message}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
