import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../../electron/api/index.js';
import { formatFactor, formatNumber } from '../format-numbers';

interface ClipFactsProps {
  preview: Preview | null;
  testId: string;
  /** A/B shows the text's emotion once for both sides. */
  showEmotion?: boolean;
}

const KNOWN_EMOTIONS = ['neutral', 'satisfied', 'frustrated', 'angry'] as const;

/** Beside the player: length, synthesis time, real-time factor, where it ran, the text's emotion. */
export function ClipFacts({ preview, testId, showEmotion = true }: ClipFactsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const ready = preview?.state === 'ready';
  const pending = t('preview.facts.pending');
  const emotion = preview?.emotion?.label;

  return (
    <dl className="clip-facts" aria-label={t('preview.facts.label')} data-testid={testId}>
      <div className="clip-facts__item">
        <dt>{t('preview.facts.duration')}</dt>
        <dd data-testid={`${testId}-duration`} data-seconds={ready ? String(preview.durationSeconds) : ''}>
          {ready && preview.durationSeconds !== null ? t('preview.seconds', { value: formatNumber(preview.durationSeconds, language, 2) }) : pending}
        </dd>
      </div>
      <div className="clip-facts__item">
        <dt>{t('preview.facts.synthesis')}</dt>
        <dd data-testid={`${testId}-synthesis`}>
          {ready && preview.synthesisMs !== null ? t('preview.milliseconds', { value: formatNumber(preview.synthesisMs, language, 0) }) : pending}
        </dd>
      </div>
      <div className="clip-facts__item">
        <dt title={t('preview.facts.rtfHint')}>{t('preview.facts.rtf')}</dt>
        <dd data-testid={`${testId}-rtf`}>
          {ready && preview.realTimeFactor !== null ? t('preview.times', { value: formatFactor(preview.realTimeFactor, language) }) : pending}
        </dd>
      </div>
      <div className="clip-facts__item">
        <dt>{t('preview.facts.provider')}</dt>
        <dd data-testid={`${testId}-provider`}>{preview?.provider ? t(`preview.providers.${preview.provider}`) : pending}</dd>
      </div>
      {showEmotion && (
        <div className="clip-facts__item">
          <dt>{t('preview.facts.emotion')}</dt>
          <dd data-testid={`${testId}-emotion`} className={emotion === undefined ? 'muted' : undefined}>
            {preview ? <EmotionName label={emotion} /> : pending}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** The emotion model's label in the reader's language (labels it does not know are shown as they are). */
export function EmotionName({ label }: { label: string | undefined }) {
  const { t } = useTranslation();
  if (label === undefined) return <>{t('preview.facts.noEmotion')}</>;
  return <>{(KNOWN_EMOTIONS as readonly string[]).includes(label) ? t(`preview.emotions.${label as (typeof KNOWN_EMOTIONS)[number]}`) : label}</>;
}
