import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { Dialog } from '../../../components/Dialog';
import { formatDateTime } from '../../../components/format-date';

const AUDIT_LIMIT = 100;

/** Who did what to a model line, newest first (models.audit, readable by every role). */
export function AuditTrailDialog({ line, onClose }: { line: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { user } = useSession();
  const audit = useProcedureQuery('models.audit', { line, limit: AUDIT_LIMIT });

  return (
    <Dialog title={t('models.audit.title', { line })} onClose={onClose} testId="audit-dialog" wide>
      {audit.isPending && (
        <p className="muted" role="status">
          {t('models.audit.loading')}
        </p>
      )}
      {audit.isError && <ApiErrorMessage error={audit.error} role={user.role} onRetry={() => void audit.refetch()} testId="audit-error" />}
      {audit.data && audit.data.length === 0 && <p className="muted">{t('models.audit.empty')}</p>}
      {audit.data && audit.data.length > 0 && (
        <div className="table-wrap table-wrap--scroll">
          <table className="table table--compact" data-testid="audit-table">
            <caption className="visually-hidden">{t('models.audit.title', { line })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('models.audit.at')}</th>
                <th scope="col">{t('models.audit.actor')}</th>
                <th scope="col">{t('models.audit.action')}</th>
                <th scope="col">{t('models.audit.target')}</th>
                <th scope="col">{t('models.audit.result')}</th>
                <th scope="col">{t('models.audit.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry, index) => (
                <tr key={`${entry.at}-${index}`} data-testid="audit-row">
                  <td className="nowrap">{formatDateTime(entry.at, language)}</td>
                  <td>{entry.actor}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    <code className="wrap-anywhere">{entry.target ?? '—'}</code>
                  </td>
                  <td>
                    <span className={entry.success ? 'badge badge--ok' : 'badge badge--error'}>
                      {t(entry.success ? 'models.audit.succeeded' : 'models.audit.failed')}
                    </span>
                  </td>
                  <td>{entry.origin}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.data && audit.data.length >= AUDIT_LIMIT && <p className="card__note">{t('models.audit.limited', { count: AUDIT_LIMIT })}</p>}
    </Dialog>
  );
}
