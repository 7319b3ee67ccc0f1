import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { ImportDialog, NEW_PRETRAINED } from '../import/ImportDialog';
import { findLine, useIsAdmin, useModelLines } from '../model-queries';
import { LinePanel } from './LinePanel';

const EMOTION_LINES = ['emotion/basic', 'emotion/advanced'] as const;

/** The models every staff member's voice shares: emotion recognition and the pretrained base models. */
export function SharedModelsView() {
  const { t } = useTranslation();
  const { user } = useSession();
  const isAdmin = useIsAdmin();
  const ids = useId();
  const lines = useModelLines();
  const [importingPretrained, setImportingPretrained] = useState(false);
  const pretrained = (lines.data ?? []).filter((line) => line.family === 'pretrained');

  return (
    <>
      <div className="section-heading">
        <h2 className="section-heading__title" tabIndex={-1} data-view-heading id={`${ids}-emotion`}>
          {t('models.shared.emotionTitle')}
        </h2>
        <p className="section-heading__text">{t('models.shared.emotionText')}</p>
      </div>
      {lines.isError && <ApiErrorMessage error={lines.error} role={user.role} onRetry={() => void lines.refetch()} testId="lines-error" />}
      {EMOTION_LINES.map((line) => (
        <LinePanel
          key={line}
          line={line}
          summary={findLine(lines.data, line)}
          loading={lines.isPending}
          title={t(line === 'emotion/basic' ? 'models.shared.emotionBasic' : 'models.shared.emotionAdvanced')}
          canImport
        />
      ))}

      <div className="section-heading section-heading--with-action">
        <div>
          <h2 className="section-heading__title">{t('models.shared.pretrainedTitle')}</h2>
          <p className="section-heading__text">{t('models.shared.pretrainedText')}</p>
        </div>
        {isAdmin && (
          <button type="button" className="button button--primary button--small" onClick={() => setImportingPretrained(true)} data-testid="pretrained-import">
            {t('models.shared.pretrainedImport')}
          </button>
        )}
      </div>
      {!lines.isPending && pretrained.length === 0 && (
        <div className="card empty-state" data-testid="pretrained-empty">
          <p className="empty-state__title">{t('models.shared.pretrainedEmpty')}</p>
        </div>
      )}
      {pretrained.map((line) => (
        <LinePanel key={line.line} line={line.line} summary={line} loading={false} title={line.line.replace(/^pretrained\//, '')} canImport />
      ))}
      {importingPretrained && <ImportDialog initialLine={NEW_PRETRAINED} onClose={() => setImportingPretrained(false)} />}
    </>
  );
}
