import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProcedureQuery } from '../../../api/hooks';
import { localPathOf, pickedFolderPath } from '../../../api/desktop-files';
import type { Door } from '../../../api/transport';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatBytes } from '../../../components/format-bytes';
import { IncomingEntries } from './IncomingEntries';
import type { ImportSource } from './use-import-flow';
import { planUpload } from './upload-names';
import { UploadPlanSummary } from './UploadPlanSummary';

type Mode = 'upload' | 'incoming' | 'folder' | 'file';

interface ImportSourceFieldsProps {
  door: Door;
  source: ImportSource | null;
  onChange: (source: ImportSource | null) => void;
  disabled: boolean;
}

/** Marks a file input as a folder picker; the attribute is not in React's types. */
function folderPicker(input: HTMLInputElement | null): void {
  input?.setAttribute('webkitdirectory', '');
}

export function ImportSourceFields({ door, source, onChange, disabled }: ImportSourceFieldsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const ids = useId();
  const [mode, setMode] = useState<Mode>(door === 'desktop' ? 'folder' : 'upload');
  const [localProblem, setLocalProblem] = useState(false);
  const filesInput = useRef<HTMLInputElement | null>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);
  const incoming = useProcedureQuery('incoming.list', {}, { enabled: mode === 'incoming' });
  const modes: Mode[] = door === 'desktop' ? ['folder', 'file'] : ['upload', 'incoming'];

  function choose(next: Mode): void {
    setMode(next);
    setLocalProblem(false);
    onChange(null);
  }

  function picked(event: ChangeEvent<HTMLInputElement>): void {
    const files = [...(event.target.files ?? [])];
    // Files or a folder, whichever was picked last: the other picker no longer shows a choice.
    const other = event.target === filesInput.current ? folderInput.current : filesInput.current;
    if (other) other.value = '';
    if (files.length === 0) return onChange(null);
    if (door === 'headless') return onChange({ kind: 'upload', plan: planUpload(files) });
    const path = mode === 'folder' ? pickedFolderPath(files) : localPathOf(files[0]!);
    setLocalProblem(path === null);
    onChange(path ? { kind: 'local', path } : null);
  }

  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend className="field__label">{t('models.import.sourceLegend')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('models.import.sourceLegend')}>
        {modes.map((each) => (
          <label key={each} className={mode === each ? 'segmented__option segmented__option--on' : 'segmented__option'}>
            <input
              type="radio"
              name={`${ids}-mode`}
              value={each}
              checked={mode === each}
              onChange={() => choose(each)}
              data-testid={`import-source-${each}`}
            />
            <span>{t(`models.import.modes.${each}`)}</span>
          </label>
        ))}
      </div>

      {mode === 'upload' && (
        <div className="stack stack--tight source-panel">
          <p className="field__hint">{t('models.import.uploadHint')}</p>
          <div className="picker-row">
            <label className="field">
              <span className="field__label field__label--small">{t('models.import.pickFiles')}</span>
              <input type="file" multiple ref={filesInput} className="file-input" onChange={picked} data-testid="import-files-input" />
            </label>
            <label className="field">
              <span className="field__label field__label--small">{t('models.import.pickFolder')}</span>
              <input
                type="file"
                ref={(input) => {
                  folderPicker(input);
                  folderInput.current = input;
                }}
                className="file-input"
                onChange={picked}
                data-testid="import-folder-input"
              />
            </label>
          </div>
          {source?.kind === 'upload' && <UploadPlanSummary plan={source.plan} />}
        </div>
      )}

      {mode === 'incoming' && (
        <div className="stack stack--tight source-panel">
          <p className="field__hint">{t('models.import.incomingHint')}</p>
          {incoming.isPending && <p className="muted">{t('models.import.incomingLoading')}</p>}
          {incoming.isError && <ApiErrorMessage error={incoming.error} onRetry={() => void incoming.refetch()} testId="incoming-error" />}
          {incoming.data && incoming.data.length === 0 && (
            <p className="muted" data-testid="incoming-empty">
              {t('models.import.incomingEmpty')}
            </p>
          )}
          {incoming.data && incoming.data.length > 0 && (
            <div className="field">
              <label className="field__label field__label--small" htmlFor={`${ids}-incoming`}>
                {t('models.import.incomingLabel')}
              </label>
              <div className="input-with-button">
                <select
                  id={`${ids}-incoming`}
                  className="select"
                  value={source?.kind === 'incoming' ? source.name : ''}
                  onChange={(event) => onChange(event.target.value ? { kind: 'incoming', name: event.target.value } : null)}
                  data-testid="import-incoming-select"
                >
                  <option value="">{t('models.import.incomingChoose')}</option>
                  {incoming.data.map((entry) => (
                    <option key={entry.name} value={entry.name}>
                      {t(entry.kind === 'folder' ? 'models.import.incomingFolder' : 'models.import.incomingFile', {
                        name: entry.name,
                        count: entry.files,
                        size: formatBytes(entry.bytes, language),
                      })}
                    </option>
                  ))}
                </select>
                <button type="button" className="button button--secondary button--small" onClick={() => void incoming.refetch()} data-testid="incoming-refresh">
                  {t('models.import.refresh')}
                </button>
              </div>
            </div>
          )}
          {incoming.data && (
            <IncomingEntries
              entries={incoming.data}
              onRemoved={(name) => {
                if (source?.kind === 'incoming' && source.name === name) onChange(null);
              }}
            />
          )}
        </div>
      )}

      {(mode === 'folder' || mode === 'file') && (
        <div className="stack stack--tight source-panel">
          <p className="field__hint">{t('models.import.localHint')}</p>
          <label className="field">
            <span className="field__label field__label--small">{t(mode === 'folder' ? 'models.import.pickLocalFolder' : 'models.import.pickLocalFile')}</span>
            <input
              key={mode}
              type="file"
              ref={mode === 'folder' ? folderPicker : undefined}
              className="file-input"
              onChange={picked}
              data-testid="import-local-input"
            />
          </label>
          {source?.kind === 'local' && (
            <p className="field__hint">
              {t('models.import.localPath')} <code data-testid="import-local-path">{source.path}</code>
            </p>
          )}
          {localProblem && <p className="field__hint field__hint--error">{t('models.import.localPathUnknown')}</p>}
        </div>
      )}
    </fieldset>
  );
}
