import { useTranslation } from 'react-i18next';
import { formatBytes } from './format-bytes';

export interface TransferProgressProps {
  /** What is happening now ("uploading voice.onnx", "copying voice.onnx"). */
  phase: string;
  done: number;
  total: number | null;
  unit: 'bytes' | 'files' | 'steps';
  /** Units per second, null until measurable. */
  rate: number | null;
  etaSeconds: number | null;
  onCancel?: (() => void) | undefined;
  cancelling?: boolean;
  testId: string;
}

/** Seconds as "45 s", "3 min 10 s", "1 h 5 min". */
export function useFormatDuration(): (seconds: number) => string {
  const { t } = useTranslation();
  return (seconds) => {
    const s = Math.max(0, Math.round(seconds));
    if (s < 60) return t('common.duration.seconds', { count: s });
    if (s < 3600) return t('common.duration.minutes', { minutes: Math.floor(s / 60), seconds: s % 60 });
    return t('common.duration.hours', { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60) });
  };
}

/** A progress bar with done/total, rate and ETA, and a Cancel button: used for uploads and jobs. */
export function TransferProgress({ phase, done, total, unit, rate, etaSeconds, onCancel, cancelling = false, testId }: TransferProgressProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const formatDuration = useFormatDuration();
  const amount = (value: number): string =>
    unit === 'bytes' ? formatBytes(value, language) : new Intl.NumberFormat(language).format(value);
  const percent = total && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;

  return (
    <div className="transfer" data-testid={testId}>
      <div className="transfer__top">
        <span className="transfer__phase" data-testid={`${testId}-phase`}>
          {phase}
        </span>
        {percent !== null && <span className="transfer__percent">{percent} %</span>}
      </div>
      <progress
        className="transfer__bar"
        max={total && total > 0 ? total : undefined}
        value={total && total > 0 ? Math.min(done, total) : undefined}
        aria-label={phase}
        data-testid={`${testId}-bar`}
      />
      <div className="transfer__bottom">
        <span className="transfer__numbers" data-testid={`${testId}-numbers`}>
          {total !== null ? t('common.progress.doneOfTotal', { done: amount(done), total: amount(total) }) : amount(done)}
          {rate !== null && rate > 0 && (
            <> · {unit === 'bytes' ? t('common.progress.rateBytes', { rate: formatBytes(rate, language) }) : t('common.progress.rate', { rate: amount(rate) })}</>
          )}
          {etaSeconds !== null && etaSeconds > 0 && <> · {t('common.progress.eta', { time: formatDuration(etaSeconds) })}</>}
        </span>
        {onCancel && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onCancel}
            disabled={cancelling}
            data-testid={`${testId}-cancel`}
          >
            {cancelling ? t('common.cancelling') : t('common.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}
