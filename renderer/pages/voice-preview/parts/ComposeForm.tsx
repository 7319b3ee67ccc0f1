import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PREVIEW_TEXT_MAX_CHARS, previewTextLength, type PreviewVersion } from '../../../../electron/api/index.js';
import type { PreviewProblem } from '../preview-checks';
import { READY_MADE_SENTENCES } from '../ready-made-sentences';
import { DEFAULT_SETTINGS, type VoiceSettings } from '../voice-settings';
import { SamplingFields } from './SamplingFields';
import './compose.css';

export type PreviewMode = 'single' | 'compare';

interface ComposeFormProps {
  staffName: string;
  mode: PreviewMode;
  onMode: (mode: PreviewMode) => void;
  text: string;
  onText: (text: string) => void;
  settings: VoiceSettings;
  onSettings: (settings: VoiceSettings) => void;
  /** The version picked on the left (sampling controls appear only for formats that sample). */
  version: PreviewVersion | undefined;
  /** Where the last synthesis sampled (GPT-SoVITS), for the seed note. */
  samplingReport?: { where: 'host' | 'graph'; seed: number | null } | null;
  versions: readonly PreviewVersion[];
  compareWith: string | null;
  onCompareWith: (version: string) => void;
  blind: boolean;
  onBlind: (blind: boolean) => void;
  problem: PreviewProblem | null;
  showProblem: boolean;
  busy: boolean;
  onSubmit: () => void;
  children?: ReactNode;
}

/** The sentence, the voice settings, one version or A/B, and the Synthesize button. */
export function ComposeForm(props: ComposeFormProps) {
  const { t } = useTranslation();
  const ids = useId();
  const textArea = useRef<HTMLTextAreaElement>(null);
  const { settings, onSettings, problem } = props;
  const count = previewTextLength(props.text);
  const tooLong = count > PREVIEW_TEXT_MAX_CHARS;
  const blocking = problem !== null && (problem.kind !== 'empty-text' || props.showProblem);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (problem?.kind === 'empty-text' || problem?.kind === 'text-too-long') textArea.current?.focus();
    props.onSubmit();
  }

  function problemText(p: PreviewProblem): string {
    switch (p.kind) {
      case 'blocked': {
        const reason = t(`preview.versions.blocked.${p.block}`);
        return t('preview.compose.checks.blocked', { reason });
      }
      case 'text-too-long':
        return t('preview.compose.checks.text-too-long', { count: p.count, max: PREVIEW_TEXT_MAX_CHARS });
      default:
        return t(`preview.compose.checks.${p.kind}`, { name: props.staffName });
    }
  }

  return (
    <form className="compose" onSubmit={submit} noValidate data-testid="preview-compose">
      <div className="compose__top">
        <div className="segmented" role="radiogroup" aria-label={t('preview.compose.modeLabel')}>
          {(['single', 'compare'] as const).map((mode) => (
            <label key={mode} className={props.mode === mode ? 'segmented__option segmented__option--on' : 'segmented__option'}>
              <input
                type="radio"
                className="visually-hidden"
                name={`${ids}-mode`}
                checked={props.mode === mode}
                onChange={() => props.onMode(mode)}
                data-testid={`preview-mode-${mode}`}
              />
              {mode === 'single' ? t('preview.compose.modeSingle') : t('preview.compose.modeCompare')}
            </label>
          ))}
        </div>
        <label className="compose__ready" htmlFor={`${ids}-ready`}>
          <span className="visually-hidden">{t('preview.compose.readyMade')}</span>
          <select
            id={`${ids}-ready`}
            className="select"
            value=""
            onChange={(event) => {
              if (event.target.value) props.onText(event.target.value);
            }}
            data-testid="preview-ready-made"
          >
            <option value="">{t('preview.compose.readyMade')}…</option>
            <optgroup label={t('preview.compose.readyMadeZh')}>
              {READY_MADE_SENTENCES.filter((s) => s.language === 'zh-TW').map((s) => (
                <option key={s.text} value={s.text}>
                  {s.text}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('preview.compose.readyMadeEn')}>
              {READY_MADE_SENTENCES.filter((s) => s.language === 'en').map((s) => (
                <option key={s.text} value={s.text}>
                  {s.text}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      </div>

      <div className="field">
        <span className="compose__label-row">
          <label className="field__label" htmlFor={`${ids}-text`}>
            {t('preview.compose.textLabel')}
          </label>
          <span className={tooLong ? 'compose__counter compose__counter--over' : 'compose__counter'} id={`${ids}-count`} data-testid="preview-text-count">
            {t('preview.compose.counter', { count, max: PREVIEW_TEXT_MAX_CHARS })}
          </span>
        </span>
        <textarea
          ref={textArea}
          id={`${ids}-text`}
          className="input compose__text"
          rows={3}
          value={props.text}
          placeholder={t('preview.compose.textPlaceholder')}
          aria-invalid={tooLong || (props.showProblem && problem?.kind === 'empty-text')}
          aria-describedby={`${ids}-count`}
          onChange={(event) => props.onText(event.target.value)}
          data-testid="preview-text"
        />
      </div>

      {!props.version?.supportsSampling && (
        <fieldset className="fieldset compose__settings">
          <legend className="visually-hidden">{t('preview.compose.settingsTitle')}</legend>
          <SettingSlider
            id={`${ids}-speed`}
            label={t('preview.compose.speed')}
            hint={t('preview.compose.speedHint')}
            min={0.5}
            max={2}
            step={0.05}
            value={settings.lengthScale}
            fallback={DEFAULT_SETTINGS.lengthScale}
            onChange={(lengthScale) => onSettings({ ...settings, lengthScale })}
            testId="preview-speed"
          />
          <SettingSlider
            id={`${ids}-noise`}
            label={t('preview.compose.noise')}
            hint={t('preview.compose.noiseHint')}
            min={0}
            max={1}
            step={0.01}
            value={settings.noiseScale}
            fallback={DEFAULT_SETTINGS.noiseScale}
            onChange={(noiseScale) => onSettings({ ...settings, noiseScale })}
            testId="preview-noise"
          />
        </fieldset>
      )}
      {props.version?.supportsSampling && <SamplingFields settings={settings} onSettings={onSettings} report={props.samplingReport ?? null} />}

      {props.mode === 'compare' && (
        <div className="compose__compare">
          <label className="field" htmlFor={`${ids}-b`}>
            <span className="field__label">{t('preview.compose.compareWith')}</span>
            <select
              id={`${ids}-b`}
              className="select"
              value={props.compareWith ?? ''}
              onChange={(event) => props.onCompareWith(event.target.value)}
              data-testid="preview-compare-with"
            >
              {props.versions.map((v) => (
                <option key={v.version} value={v.version} disabled={v.blocked !== null || v.version === props.version?.version}>
                  {v.version}
                  {v.active ? ` (${t('preview.versions.active')})` : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox compose__blind">
            <input type="checkbox" checked={props.blind} onChange={(event) => props.onBlind(event.target.checked)} data-testid="preview-blind" />
            {t('preview.compose.blind')}
          </label>
          <p className="field__hint">{t('preview.compose.compareSame')}</p>
        </div>
      )}

      <div className="compose__actions">
        <button type="submit" className="button button--primary" disabled={props.busy || (blocking && problem?.kind !== 'empty-text')} data-testid="preview-synthesize">
          {props.busy && <span className="spinner spinner--small" aria-hidden="true" />}
          {props.busy ? t('preview.compose.synthesizing') : t('preview.compose.synthesize')}
        </button>
        <div className="compose__status" aria-live="polite">
          {blocking && problem && (
            <p className="compose__problem" data-testid="preview-problem" data-problem={problem.kind}>
              {problemText(problem)}
            </p>
          )}
          {props.children}
        </div>
      </div>
    </form>
  );
}

interface SettingSliderProps {
  id: string;
  label: string;
  hint: string;
  min: number;
  max: number;
  step: number;
  /** null: the voice's own default is used (nothing is sent). */
  value: number | null;
  fallback: number;
  onChange: (value: number | null) => void;
  testId: string;
}

function SettingSlider({ id, label, hint, min, max, step, value, fallback, onChange, testId }: SettingSliderProps) {
  const { t, i18n } = useTranslation();
  const shown = value ?? fallback;
  const format = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div className="slider-field">
      <span className="slider-field__head">
        <label className="field__label slider-field__label" htmlFor={id}>
          {label}
        </label>
        <output className="slider-field__value" htmlFor={id} data-testid={`${testId}-value`}>
          <span className="mono">{format.format(shown)}</span>
          {value === null && <span className="muted"> · {t('preview.compose.voiceDefault')}</span>}
        </output>
        {value !== null && (
          <button type="button" className="button--text" onClick={() => onChange(null)}>
            {t('preview.compose.reset')}
          </button>
        )}
      </span>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={shown}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(Number(event.target.value))}
        data-testid={testId}
      />
      <span className="field__hint" id={`${id}-hint`}>
        {hint}
      </span>
    </div>
  );
}
