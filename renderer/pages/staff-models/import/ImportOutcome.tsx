import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatBytes } from '../../../components/format-bytes';
import { TransferProgress } from '../../../components/TransferProgress';
import { ModelJobProgress } from '../lines/JobOutcomes';
import { findLine, useModelLines } from '../model-queries';
import type { useImportFlow } from './use-import-flow';

type Flow = ReturnType<typeof useImportFlow>;

/** The upload's and then the import job's progress, or why either failed. */
export function ImportProgress({ flow }: { flow: Flow }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const upload = flow.uploadState;
  if (flow.uploading) {
    return (
      <TransferProgress
        phase={
          upload
            ? t('models.import.uploadPhase', { path: upload.currentPath, index: upload.fileIndex + 1, count: upload.fileCount })
            : t('models.job.starting')
        }
        done={upload?.loaded ?? 0}
        total={upload?.total ?? null}
        unit="bytes"
        rate={upload?.rate ?? null}
        etaSeconds={upload?.etaSeconds ?? null}
        onCancel={flow.cancel}
        testId="upload-progress"
      />
    );
  }
  if (flow.job.running) return <ModelJobProgress job={flow.job} testId="import-progress" />;
  const error = flow.uploadError ?? flow.job.error;
  if (!error) return null;
  return (
    <div className="stack stack--tight">
      <ApiErrorMessage error={error} role={user.role} testId="import-error" />
      {flow.uploadedFolder && (
        <p className="field__hint" data-testid="import-uploaded-folder">
          {t('models.import.uploadedFolder', { folder: flow.uploadedFolder })}
        </p>
      )}
    </div>
  );
}

/** The new version, and whether it became the active one (or why not). */
export function ImportOutcome({ flow, line, onClose }: { flow: Flow; line: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lines = useModelLines();
  const close = useRef<HTMLButtonElement>(null);
  const result = flow.job.result;
  // The form (and the focused button) just gave way to this outcome: keep the keyboard in the dialog.
  useEffect(() => close.current?.focus(), []);
  if (!result) return null;
  const summary = findLine(lines.data, line);
  const current = summary?.versions.find((v) => v.version === result.version);
  const active = current ? current.active : result.active;
  const activeVersion = summary?.activeVersion ?? null;

  return (
    <div className="stack stack--tight">
      <div className="alert alert--success" role="status" data-testid="import-result" data-active={String(active)}>
        <p className="alert__text">
          <strong>{t('models.import.done', { line: result.line, version: result.version })}</strong>{' '}
          {t('models.import.doneDetail', {
            count: result.fileCount,
            size: formatBytes(result.totalBytes, i18n.resolvedLanguage ?? 'en'),
            format: result.format,
          })}
        </p>
        <p className="alert__text" data-testid="import-result-active">
          {active
            ? t('models.import.nowActive', { version: result.version })
            : summary?.pinnedVersion
              ? t('models.import.notActivePinned', { active: activeVersion ?? '—' })
              : t('models.import.notActive', { active: activeVersion ?? '—' })}
        </p>
        {result.warnings.length > 0 && <p className="alert__meta">{t('models.import.withWarnings', { count: result.warnings.length })}</p>}
        {result.sample && <p className="alert__meta">{t('models.import.isSample')}</p>}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose} ref={close} data-testid="import-close">
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
