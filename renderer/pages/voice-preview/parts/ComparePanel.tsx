import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { PreviewPlayer } from '../player/PreviewPlayer';
import type { PreviewRun } from '../use-preview-synthesis';
import { ClipFacts, EmotionName } from './ClipFacts';
import { DownloadLink } from './DownloadLink';
import { RatingForm } from './RatingForm';

export interface Comparison {
  /** Versions in the order of the sides (shuffled for a blind test). */
  a: string;
  b: string;
  blind: boolean;
  rated: { a: boolean; b: boolean };
}

interface ComparePanelProps {
  comparison: Comparison | null;
  runs: { a: PreviewRun; b: PreviewRun };
  onRated: (side: 'a' | 'b') => void;
}

/** A/B: the same sentence and settings through two versions, side by side; blind until both are rated. */
export function ComparePanel({ comparison, runs, onRated }: ComparePanelProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const revealed = comparison !== null && (!comparison.blind || (comparison.rated.a && comparison.rated.b));

  return (
    <section className="card result" aria-labelledby="compare-title" data-testid="preview-compare">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="compare-title">
            {t('preview.compare.title')}
          </h2>
          {comparison === null && <p className="card__subtitle">{t('preview.compare.empty')}</p>}
        </div>
      </div>
      {comparison?.blind && (
        <p className={revealed ? 'alert alert--success compare__banner' : 'alert compare__banner compare__banner--pending'} role="status" data-testid="preview-compare-banner">
          {revealed ? t('preview.compare.revealed', { a: comparison.a, b: comparison.b }) : t('preview.compare.rateBoth')}
        </p>
      )}
      {comparison && runs.a.preview && (
        <p className="compare__text">
          <span className="compare__quote">“{runs.a.preview.text}”</span>
          <span className="compare__emotion" data-testid="compare-emotion">
            {t('preview.facts.emotion')}: <strong><EmotionName label={runs.a.preview.emotion?.label} /></strong>
          </span>
        </p>
      )}
      {comparison && (
        <div className="compare">
          {(['a', 'b'] as const).map((side) => {
            const run = runs[side];
            const version = comparison[side];
            const preview = run.preview;
            const title = side === 'a' ? t('preview.compare.sideA') : t('preview.compare.sideB');
            return (
              <div className="compare__side" key={side} data-testid={`compare-${side}`}>
                <h3 className="compare__title">
                  <span className={side === 'a' ? 'compare__letter' : 'compare__letter compare__letter--b'} aria-hidden="true">
                    {side.toUpperCase()}
                  </span>
                  {title}
                  <span className={revealed ? 'mono compare__version' : 'compare__version compare__version--hidden'} data-testid={`compare-${side}-label`}>
                    {revealed ? version : t('preview.compare.hidden')}
                  </span>
                </h3>
                <PreviewPlayer run={run} label={title} testId={`player-${side}`} />
                {run.phase === 'failed' && <ApiErrorMessage error={run.error} role={user.role} testId={`preview-error-${side}`} />}
                <ClipFacts preview={preview} testId={`facts-${side}`} showEmotion={false} />
                {revealed && preview && run.final && run.phase === 'ready' && (
                  <div className="button-row">
                    <DownloadLink blob={run.final} preview={preview} testId={`preview-download-${side}`} />
                  </div>
                )}
                {preview?.state === 'ready' && run.phase === 'ready' && (
                  <RatingForm key={preview.id} preview={preview} blind={comparison.blind && !revealed} testId={`rating-${side}`} onRated={() => onRated(side)} />
                )}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
