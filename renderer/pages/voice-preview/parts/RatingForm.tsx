import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatNumber } from '../format-numbers';
import { useAddRating } from '../preview-queries';

interface RatingFormProps {
  preview: Preview;
  /** Blind A/B: the saved message must not name the version. */
  blind: boolean;
  testId: string;
  onRated?: (score: number) => void;
}

const SCORES = [1, 2, 3, 4, 5] as const;

/** 1 to 5 stars (a radio group: arrow keys move, Space picks) and an optional comment. */
export function RatingForm({ preview, blind, testId, onRated }: RatingFormProps) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const ids = useId();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  // Fixed for the form's life: a blind rating stays blind even once the test is revealed.
  const [blindAtStart] = useState(blind);
  const add = useAddRating(blindAtStart);
  const language = i18n.resolvedLanguage ?? 'en';

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (score === null) {
      setMissing(true);
      return;
    }
    add.mutate(
      { staff: preview.staff, version: preview.version, previewId: preview.id, score, ...(comment.trim() ? { comment: comment.trim() } : {}), ...(blind ? { blind } : {}) },
      { onSuccess: () => onRated?.(score) },
    );
  }

  if (add.isSuccess) {
    const saved = add.data.summary;
    return (
      <p className="alert alert--success rating-saved" role="status" data-testid={`${testId}-saved`}>
        {blind
          ? t('preview.rating.savedBlind', { score })
          : t('preview.rating.saved', { score, version: preview.version, average: formatNumber(saved.average, language, 1), count: saved.count })}
      </p>
    );
  }

  return (
    <form className="rating" onSubmit={submit} data-testid={testId} noValidate>
      <fieldset className="fieldset">
        <legend className="rating__legend">
          <span className="rating__title">{t('preview.rating.title')}</span>
          <span className="field__hint">{t('preview.rating.legend')}</span>
        </legend>
        <div className="stars" role="radiogroup" aria-label={t('preview.rating.title')} aria-describedby={missing ? `${ids}-missing` : undefined}>
          {SCORES.map((value) => {
            const id = `${ids}-star-${value}`;
            const word = t(`preview.rating.scores.${value}`);
            return (
              <span className="stars__item" key={value}>
                <input
                  className="stars__input visually-hidden"
                  type="radio"
                  id={id}
                  name={`${ids}-score`}
                  value={value}
                  checked={score === value}
                  onChange={() => {
                    setScore(value);
                    setMissing(false);
                  }}
                  data-testid={`${testId}-star-${value}`}
                />
                <label htmlFor={id} className={score !== null && value <= score ? 'stars__star stars__star--on' : 'stars__star'} title={word}>
                  <span aria-hidden="true">★</span>
                  <span className="visually-hidden">{t('preview.rating.starLabel', { score: value, word })}</span>
                </label>
              </span>
            );
          })}
          <span className="stars__word" aria-hidden="true">
            {score !== null ? t(`preview.rating.scores.${score as 1 | 2 | 3 | 4 | 5}`) : ''}
          </span>
        </div>
        {missing && (
          <p className="field__hint field__hint--error" id={`${ids}-missing`} role="alert">
            {t('preview.rating.pickScore')}
          </p>
        )}
        <label className="field" htmlFor={`${ids}-comment`}>
          <span className="field__label field__label--small">{t('preview.rating.comment')}</span>
          <textarea
            id={`${ids}-comment`}
            className="input rating__comment"
            rows={2}
            maxLength={1000}
            value={comment}
            placeholder={t('preview.rating.commentPlaceholder')}
            onChange={(event) => setComment(event.target.value)}
            data-testid={`${testId}-comment`}
          />
        </label>
      </fieldset>
      {add.isError && <ApiErrorMessage error={add.error} role={user.role} testId={`${testId}-error`} />}
      <div className="button-row">
        <button type="submit" className="button button--secondary button--small" disabled={add.isPending} data-testid={`${testId}-submit`}>
          {add.isPending ? t('preview.rating.saving') : t('preview.rating.submit')}
        </button>
      </div>
    </form>
  );
}
