import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LINE_PATTERN, MODEL_FORMATS, type ModelFormat } from '../../../../electron/api/index.js';
import { currentDoor } from '../../../api/transport';
import { Dialog } from '../../../components/Dialog';
import { findLine, useModelLines, useStaffList } from '../model-queries';
import { ImportOutcome, ImportProgress } from './ImportOutcome';
import { ImportSourceFields } from './ImportSourceFields';
import { isSemver, suggestNextVersion } from './suggest-version';
import { useImportFlow, type ImportSource } from './use-import-flow';

/** The line choice that asks for the name of a new pretrained/<name> line. */
export const NEW_PRETRAINED = '__new-pretrained__';

const FORMATS_OF: Record<string, readonly ModelFormat[]> = {
  voice: ['gpt-sovits-v2', 'piper'],
  emotion: ['emotion-text', 'emotion-audio'],
  pretrained: ['pretrained'],
};

interface ImportDialogProps {
  /** The line to preselect (voice/<code> from a staff member's page). */
  initialLine: string;
  onClose: () => void;
}

export function ImportDialog({ initialLine, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const door = currentDoor();
  const staff = useStaffList();
  const lines = useModelLines();
  const flow = useImportFlow();

  const [lineChoice, setLineChoice] = useState(initialLine);
  const [pretrainedName, setPretrainedName] = useState('');
  const line = lineChoice === NEW_PRETRAINED ? `pretrained/${pretrainedName.trim()}` : lineChoice;
  const existing = useMemo(() => findLine(lines.data, line)?.versions.map((v) => v.version) ?? [], [lines.data, line]);
  const suggested = suggestNextVersion(existing);
  const [typedVersion, setTypedVersion] = useState<string | null>(null);
  const version = typedVersion ?? suggested;
  const [format, setFormat] = useState<ModelFormat | ''>('');
  const [source, setSource] = useState<ImportSource | null>(null);
  const [checked, setChecked] = useState(false);

  const lineOptions = useMemo(() => {
    const voices = (staff.data ?? []).filter((m) => m.retiredAt === null).map((m) => `voice/${m.code}`);
    const pretrained = (lines.data ?? []).filter((l) => l.family === 'pretrained').map((l) => l.line);
    const all = new Set([...voices, 'emotion/basic', 'emotion/advanced', ...pretrained]);
    if (initialLine !== NEW_PRETRAINED) all.add(initialLine);
    return [...all];
  }, [staff.data, lines.data, initialLine]);

  const family = line.split('/')[0] ?? 'voice';
  const formats = FORMATS_OF[family] ?? MODEL_FORMATS;
  const lineValid = LINE_PATTERN.test(line);
  const versionValid = isSemver(version);
  const versionTaken = existing.includes(version);
  const uploadBlocked = source?.kind === 'upload' && (source.plan.items.length === 0 || source.plan.collisions.length > 0);
  const finished = flow.job.result !== undefined;
  const busy = flow.busy;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setChecked(true);
    if (!lineValid || !versionValid || !source || uploadBlocked) return;
    void flow.run({ source, line, version, format: format || null });
  }

  return (
    <Dialog title={t('models.import.title')} onClose={onClose} busy={busy} testId="import-dialog" wide>
      {finished ? (
        <ImportOutcome flow={flow} line={line} onClose={onClose} />
      ) : (
        <form className="stack stack--tight" onSubmit={submit} noValidate>
          <div className="form-grid">
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-line`}>
                {t('models.import.line')}
              </label>
              <select
                id={`${ids}-line`}
                className="select input--mono"
                value={lineChoice}
                onChange={(event) => {
                  setLineChoice(event.target.value);
                  setFormat('');
                }}
                disabled={busy}
                data-testid="import-line"
              >
                {lineOptions.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
                <option value={NEW_PRETRAINED}>{t('models.import.newPretrained')}</option>
              </select>
              {lineChoice === NEW_PRETRAINED && (
                <input
                  className="input input--mono"
                  aria-label={t('models.import.pretrainedName')}
                  placeholder={t('models.import.pretrainedName')}
                  value={pretrainedName}
                  onChange={(event) => setPretrainedName(event.target.value)}
                  aria-invalid={checked && !lineValid}
                  disabled={busy}
                  data-testid="import-pretrained-name"
                />
              )}
              {checked && !lineValid && <p className="field__hint field__hint--error">{t('models.import.lineInvalid')}</p>}
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-version`}>
                {t('models.import.version')}
              </label>
              <input
                id={`${ids}-version`}
                className="input input--mono"
                value={version}
                onChange={(event) => setTypedVersion(event.target.value.trim())}
                aria-invalid={checked && !versionValid}
                aria-describedby={`${ids}-version-hint`}
                disabled={busy}
                spellCheck={false}
                autoComplete="off"
                data-testid="import-version"
                data-autofocus
              />
              <p
                className={(checked && !versionValid) || versionTaken ? 'field__hint field__hint--error' : 'field__hint'}
                id={`${ids}-version-hint`}
                data-testid="import-version-hint"
              >
                {checked && !versionValid
                  ? t('models.import.versionInvalid')
                  : versionTaken
                    ? t('models.import.versionTaken', { version })
                    : existing.length > 0
                      ? t('models.import.versionSuggested', { version: suggested })
                      : t('models.import.versionFirst')}
              </p>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-format`}>
                {t('models.import.format')}
              </label>
              <select
                id={`${ids}-format`}
                className="select"
                value={format}
                onChange={(event) => setFormat(event.target.value as ModelFormat | '')}
                disabled={busy}
                data-testid="import-format"
              >
                <option value="">{t('models.import.formatDetect')}</option>
                {formats.map((each) => (
                  <option key={each} value={each}>
                    {each}
                  </option>
                ))}
              </select>
            </div>
          </div>

          <ImportSourceFields door={door} source={source} onChange={setSource} disabled={busy} />
          {checked && !source && (
            <p className="field__hint field__hint--error" role="alert" data-testid="import-source-missing">
              {t('models.import.sourceMissing')}
            </p>
          )}

          <ImportProgress flow={flow} />

          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
              {t('common.close')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy || uploadBlocked} data-testid="import-submit">
              {flow.uploading ? t('models.import.uploading') : flow.job.running ? t('models.import.importing') : t('models.import.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
