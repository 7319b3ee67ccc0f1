import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LineSummary } from '../../../../electron/api/index.js';
import { useJobProcedure } from '../../../api/job-hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { ImportDialog } from '../import/ImportDialog';
import { useIsAdmin, useLineMutation } from '../model-queries';
import { AuditTrailDialog } from './AuditTrailDialog';
import { DeleteVersionDialog } from './DeleteVersionDialog';
import { ExportOutcome, VerifyOutcome } from './JobOutcomes';
import { VersionsTable } from './VersionsTable';

interface LinePanelProps {
  line: string;
  /** Undefined until the line's first version is imported. */
  summary: LineSummary | undefined;
  loading: boolean;
  title: string;
  /** False for a retired staff member: no new versions for them. */
  canImport: boolean;
}

type LineDialog = { kind: 'import' } | { kind: 'audit' } | { kind: 'delete'; version: string } | null;

/** One model line: its active version, the line's actions, and the versions table. */
export function LinePanel({ line, summary, loading, title, canImport }: LinePanelProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = useIsAdmin();
  const ids = useId();
  const [dialog, setDialog] = useState<LineDialog>(null);
  const promote = useLineMutation('models.promote');
  const rollback = useLineMutation('models.rollback');
  const unpin = useLineMutation('models.unpin');
  const verify = useJobProcedure('models.verify');
  const exporter = useJobProcedure('models.export');

  const versions = summary?.versions ?? [];
  const pinned = summary?.pinnedVersion ?? null;
  const lineError = promote.error ?? rollback.error ?? unpin.error;
  const busy = promote.isPending || rollback.isPending || unpin.isPending;
  const testKey = line.replace(/[^A-Za-z0-9_-]/g, '-');

  function clearOutcomes(): void {
    promote.reset();
    rollback.reset();
    unpin.reset();
  }

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid={`line-panel-${testKey}`} data-line={line}>
      <div className="card__header">
        <div>
          <h2 className="card__title" id={`${ids}-title`}>
            {title}
          </h2>
          <p className="card__subtitle" data-testid="line-state">
            <span className="mono">{line}</span>
            {' · '}
            {summary?.activeVersion
              ? t(pinned ? 'models.line.activePinned' : 'models.line.activeLatest', { version: summary.activeVersion })
              : t('models.line.noActive')}
          </p>
        </div>
        {isAdmin && canImport && (
          <button type="button" className="button button--primary button--small" onClick={() => setDialog({ kind: 'import' })} data-testid="line-import">
            {t('models.line.import')}
          </button>
        )}
      </div>
      {summary && (
        <div className="line-actions" role="group" aria-label={t('models.line.actionsLabel')}>
          {isAdmin && (
            <>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  clearOutcomes();
                  void verify.start({ line });
                }}
                disabled={verify.running}
                data-testid="line-verify"
              >
                {t('models.line.verify')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  clearOutcomes();
                  rollback.mutate({ line });
                }}
                disabled={busy || !summary.activeVersion}
                data-testid="line-rollback"
              >
                {t('models.line.rollback')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  clearOutcomes();
                  unpin.mutate({ line });
                }}
                disabled={busy || !pinned}
                title={pinned ? undefined : t('models.line.followLatestHint')}
                data-testid="line-follow-latest"
              >
                {t('models.line.followLatest')}
              </button>
              <span className="line-actions__divider" aria-hidden="true" />
            </>
          )}
          <button type="button" className="button button--secondary button--small" onClick={() => setDialog({ kind: 'audit' })} data-testid="line-audit">
            {t('models.line.audit')}
          </button>
        </div>
      )}

      <div className="line-outcomes" aria-live="polite">
        {lineError && <ApiErrorMessage error={lineError} role={user.role} testId="line-error" />}
        <VerifyOutcome job={verify} />
        <ExportOutcome job={exporter} />
      </div>

      {loading && (
        <p className="muted" role="status">
          {t('models.line.loading')}
        </p>
      )}
      {!loading && versions.length === 0 && (
        <div className="empty-state" data-testid="versions-empty">
          <p className="empty-state__title">{t('models.line.emptyTitle')}</p>
          <p className="muted">{t(isAdmin && canImport ? 'models.line.emptyAdmin' : 'models.line.emptyReadOnly')}</p>
        </div>
      )}
      {versions.length > 0 && (
        <VersionsTable
          versions={versions}
          isAdmin={isAdmin}
          busy={busy}
          exporting={exporter.running}
          onPromote={(version) => {
            clearOutcomes();
            promote.mutate({ line, version });
          }}
          onDelete={(version) => setDialog({ kind: 'delete', version })}
          onExport={(version) => void exporter.start({ line, version })}
        />
      )}

      {dialog?.kind === 'import' && (
<ImportDialog initialLine={line} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'audit' && <AuditTrailDialog line={line} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && <DeleteVersionDialog line={line} version={dialog.version} onClose={() => setDialog(null)} />}
    </section>
  );
}
