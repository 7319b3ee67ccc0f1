import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceSettings } from '../voice-settings';

interface SamplingFieldsProps {
  settings: VoiceSettings;
  onSettings: (settings: VoiceSettings) => void;
}

type Key = 'topK' | 'topP' | 'temperature' | 'seed';

const FIELDS: readonly { key: Key; min: number; max: number; step: number; placeholder: string; integer: boolean }[] = [
  { key: 'topK', min: 1, max: 100, step: 1, placeholder: '15', integer: true },
  { key: 'topP', min: 0.01, max: 1, step: 0.01, placeholder: '1.0', integer: false },
  { key: 'temperature', min: 0.01, max: 2, step: 0.01, placeholder: '1.0', integer: false },
  { key: 'seed', min: 0, max: 2147483647, step: 1, placeholder: '', integer: true },
];

/**
 * top-k, top-p, temperature and seed: shown only for formats whose decoder samples
 * (gpt-sovits-v2). No format the engine runs today samples, so Piper voices never show them.
 */
export function SamplingFields({ settings, onSettings }: SamplingFieldsProps) {
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
      </div>
    </fieldset>
  );
}
