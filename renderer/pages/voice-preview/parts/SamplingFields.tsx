import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceSettings } from '../voice-settings';

interface SamplingFieldsProps {
  settings: VoiceSettings;
  onSettings: (settings: VoiceSettings) => void;
  /** Where the last synthesis sampled: 'graph' means the seed could not be honoured. */
  report: { where: 'host' | 'graph'; seed: number | null } | null;
}

type Key = 'topK' | 'topP' | 'temperature' | 'repetitionPenalty' | 'seed';
const LANGUAGES = ['auto', 'zh', 'en'] as const;

const FIELDS: readonly { key: Key; min: number; max: number; step: number; placeholder: string; integer: boolean }[] = [
  { key: 'topK', min: 1, max: 100, step: 1, placeholder: '15', integer: true },
  { key: 'topP', min: 0.01, max: 1, step: 0.01, placeholder: '1.0', integer: false },
  { key: 'temperature', min: 0.01, max: 2, step: 0.01, placeholder: '1.0', integer: false },
  { key: 'repetitionPenalty', min: 1, max: 2, step: 0.05, placeholder: '1.35', integer: false },
  { key: 'seed', min: 0, max: 2147483647, step: 1, placeholder: '', integer: true },
];

/**
 * top-k, top-p, temperature, repetition penalty, seed and the text's language: shown only for
 * formats whose decoder samples (gpt-sovits-v2). After a synthesis it says whether the seed was
 * honoured: an export that samples inside its graphs cannot be seeded.
 */
export function SamplingFields({ settings, onSettings, report }: SamplingFieldsProps) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <fieldset className="fieldset sampling" data-testid="preview-sampling">
      <legend className="field__label">{t('preview.compose.samplingTitle')}</legend>
      <p className="field__hint">{t('preview.compose.samplingHint')}</p>
      <div className="sampling__grid">
        {FIELDS.map((field) => (
          <label className="field" key={field.key} htmlFor={`${ids}-${field.key}`}>
            <span className="field__label field__label--small">{t(`preview.compose.${field.key}`)}</span>
            <input
              id={`${ids}-${field.key}`}
              className="input"
              type="number"
              inputMode={field.integer ? 'numeric' : 'decimal'}
              min={field.min}
              max={field.max}
              step={field.step}
              placeholder={field.key === 'seed' ? t('preview.compose.seedPlaceholder') : field.placeholder}
              value={settings[field.key] ?? ''}
              onChange={(event) => {
                const raw = event.target.value.trim();
                const value = raw === '' ? null : Number(raw);
                onSettings({ ...settings, [field.key]: value === null || Number.isNaN(value) ? null : value });
              }}
            />
          </label>
        ))}
        <label className="field" htmlFor={`${ids}-language`}>
          <span className="field__label field__label--small">{t('preview.compose.language')}</span>
          <select
            id={`${ids}-language`}
            className="select"
            value={settings.language ?? 'auto'}
            onChange={(event) => onSettings({ ...settings, language: event.target.value === 'auto' ? null : (event.target.value as 'zh' | 'en') })}
            data-testid="preview-language"
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`preview.compose.languages.${language}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {report?.where === 'graph' && (
        <p className="field__hint" role="note" data-testid="preview-seed-note">
          {t('preview.compose.seedNotHonoured')}
        </p>
      )}
      {report?.where === 'host' && report.seed !== null && settings.seed === null && (
        <p className="field__hint" data-testid="preview-seed-used">
          {t('preview.compose.seedUsed', { seed: report.seed })}
        </p>
      )}
    </fieldset>
  );
}
