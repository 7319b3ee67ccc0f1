import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiCallError, MAX_TEXT_CHARS, type OutputOf } from '../../../../electron/api/index.js';
import { callProcedure } from '../../../api/hooks';
import { hrefFor } from '../../../app/routes';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { SampleBadge } from '../../../components/SampleBadge';
import { useSampleVersions } from '../../../components/sample-versions';
import { en } from '../../../i18n/en';
import { PROVIDER_NAMES, formatMs, formatRatio } from './engine-format';

type EmotionResult = OutputOf<'emotion.analyze'>;
type KnownLabel = keyof typeof en.engine.tryEmotion.labels;
type HintCode = keyof typeof en.engine.tryEmotion.hints;

function isKnownLabel(label: string): label is KnownLabel {
  return Object.hasOwn(en.engine.tryEmotion.labels, label);
}

function isHintCode(code: string): code is HintCode {
  return Object.hasOwn(en.engine.tryEmotion.hints, code);
}

/** What to do about a failed reading, for the failures that have an answer (no model yet, busy, …). */
function FailureHint({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!(error instanceof ApiCallError) || !isHintCode(error.code)) return null;
  return (
    <p className="emotion-hint" data-testid="emotion-hint">
      {t(`engine.tryEmotion.hints.${error.code}`)}{' '}
      {error.code === 'NOT_FOUND' &&
        (user.role === 'admin' ? (
          <>
            {t('engine.tryEmotion.installHintAdmin')} <a href={hrefFor('staff-models')}>{t('engine.tryEmotion.installLink')}</a>
          </>
        ) : (
          t('engine.tryEmotion.installHintReadOnly')
        ))}
    </p>
  );
}

function EmotionResultView({ result }: { result: EmotionResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const samples = useSampleVersions();
  const labelText = (label: string): string => (isKnownLabel(label) ? t(`engine.tryEmotion.labels.${label}`) : label);
  const scores = Object.entries(result.scores).sort(([, a], [, b]) => b - a);
  return (
    <div className="emotion-result" role="status" data-testid="emotion-result" data-label={result.label}>
      <p className="emotion-result__headline">
        <span className="muted">{t('engine.tryEmotion.resultLabel')}</span>{' '}
        <strong className="emotion-result__label" data-testid="emotion-label">
          {labelText(result.label)}
        </strong>
        {samples.isSample(result.line, result.version) && <SampleBadge kind="model" testId="emotion-sample" />}
      </p>
      <ul className="score-list" aria-label={t('engine.tryEmotion.scoresCaption')}>
        {scores.map(([label, score]) => (
          <li
            key={label}
            className={label === result.label ? 'score-list__item score-list__item--top' : 'score-list__item'}
            data-testid={`emotion-score-${label}`}
            data-score={score.toFixed(4)}
          >
            <span className="score-list__name">{labelText(label)}</span>
            <svg className="score-list__bar" width="100%" height="10" aria-hidden="true" focusable="false">
              <rect x="0" y="0" width="100%" height="10" rx="5" className="score-list__track" />
              <rect x="0" y="0" width={`${Math.max(0, Math.min(1, score)) * 100}%`} height="10" rx="5" className="score-list__fill" />
            </svg>
            <span className="score-list__value">{formatRatio(score, language)}</span>
          </li>
        ))}
      </ul>
      <p className="emotion-result__meta" data-testid="emotion-meta" data-provider={result.provider} data-version={result.version}>
        {t('engine.tryEmotion.ranBy', {
          line: result.line,
          version: result.version,
          provider: PROVIDER_NAMES[result.provider],
          ms: formatMs(result.latencyMs, language),
        })}
      </p>
    </div>
  );
}

/** Type a sentence, read its emotion with the active text emotion model, see every score. */
export function EmotionTryBox() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { user } = useSession();
  const ids = useId();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const analyze = useMutation<EmotionResult, ApiCallError, string>({
    mutationFn: (sentence) => callProcedure('emotion.analyze', { text: sentence }),
    // The engine panel shows the new request (and a model loaded for it) without waiting 5 s.
    onSettled: () => client.invalidateQueries({ queryKey: ['engine.status'] }),
  });
  const length = text.trim().length;
  const number = new Intl.NumberFormat(language);
  const problem = length === 0 ? t('engine.tryEmotion.empty') : length > MAX_TEXT_CHARS ? t('engine.tryEmotion.tooLong', { max: MAX_TEXT_CHARS, over: length - MAX_TEXT_CHARS }) : null;
  const showProblem = tried && problem !== null;

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    setTried(true);
    if (problem === null) analyze.mutate(text.trim());
  }

  return (
    <section className="card" aria-labelledby={`${ids}-title`} data-testid="emotion-try">
      <div className="card__header">
        <div>
          <h2 className="card__title" id={`${ids}-title`}>
            {t('engine.tryEmotion.title')}
          </h2>
          <p className="card__subtitle">{t('engine.tryEmotion.subtitle')}</p>
        </div>
      </div>
      <div className="emotion-try">
        <form className="emotion-try__form" onSubmit={submit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-text`}>
              {t('engine.tryEmotion.label')}
            </label>
            <textarea
              id={`${ids}-text`}
              className="input textarea"
              rows={3}
              value={text}
              placeholder={t('engine.tryEmotion.placeholder')}
              aria-invalid={showProblem || length > MAX_TEXT_CHARS}
              aria-describedby={`${ids}-count${showProblem ? ` ${ids}-problem` : ''}`}
              onChange={(event) => setText(event.target.value)}
              data-testid="emotion-text"
            />
            <div className="emotion-try__below">
              {showProblem ? (
                <span className="field__hint field__hint--error" id={`${ids}-problem`} data-testid="emotion-text-problem">
                  {problem}
                </span>
              ) : (
                <span />
              )}
              <span className={length > MAX_TEXT_CHARS ? 'field__hint field__hint--error' : 'field__hint'} id={`${ids}-count`} data-testid="emotion-count">
                {t('engine.tryEmotion.counter', { length: number.format(length), max: number.format(MAX_TEXT_CHARS) })}
              </span>
            </div>
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={analyze.isPending} data-testid="emotion-submit">
              {analyze.isPending ? t('engine.tryEmotion.analyzing') : t('engine.tryEmotion.submit')}
            </button>
          </div>
        </form>
        <div className="emotion-try__outcome" aria-live="polite">
          {analyze.isError && (
            <div className="stack stack--tight">
              <ApiErrorMessage error={analyze.error} role={user.role} testId="emotion-error" />
              <FailureHint error={analyze.error} />
            </div>
          )}
          {analyze.data && !analyze.isError && <EmotionResultView result={analyze.data} />}
        </div>
      </div>
    </section>
  );
}
