import { useTranslation } from 'react-i18next';
import type { RestoreResult } from '../../../../electron/api/index.js';
import { formatBytes } from '../../../components/format-bytes';
import { useLanguage } from '../backup-queries';

const CHANGE_BADGE: Record<RestoreResult['changes'][number]['change'], string> = {
  add: 'badge badge--ok',
  remove: 'badge badge--error',
  update: 'badge badge--warn',
};

/** What a restore would change (dry run) or changed: one row per staff member, line, version or setting. */
export function RestoreChanges({ result }: { result: RestoreResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="stack stack--tight" data-testid="restore-changes" data-count={result.changes.length}>
      <p className="muted" data-testid="restore-copy-summary">
        {result.changes.length === 0
          ? t('backups.restore.noChanges')
          : t('backups.restore.changeCount', { count: result.changes.length })}{' '}
        {result.blobsToCopy > 0 && t('backups.restore.filesToCopy', { count: result.blobsToCopy, size: formatBytes(result.bytesToCopy, language) })}
      </p>
      {result.changes.length > 0 && (
        <div className="table-wrap backups-changes">
          <table className="table table--compact">
            <caption className="visually-hidden">{t('backups.restore.changesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backups.restore.change')}</th>
                <th scope="col">{t('backups.restore.what')}</th>
                <th scope="col">{t('backups.restore.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((change, index) => (
                <tr key={`${change.kind}-${change.name}-${index}`} data-testid="restore-change" data-change={change.change}>
                  <td>
                    <span className={CHANGE_BADGE[change.change]}>{t(`backups.restore.changes.${change.change}`)}</span>
                  </td>
                  <th scope="row" className="table__name">
                    <span className="cell-main mono">{change.name}</span>
                    <span className="cell-sub">{t(`backups.restore.kinds.${change.kind}`)}</span>
                  </th>
                  <td className="muted">{change.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
