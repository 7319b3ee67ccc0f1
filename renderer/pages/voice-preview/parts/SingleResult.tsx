import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { PreviewPlayer } from '../player/PreviewPlayer';
import type { PreviewRun } from '../use-preview-synthesis';
import { ClipFacts } from './ClipFacts';
import { DownloadLink } from './DownloadLink';
import { RatingForm } from './RatingForm';

/** One version's preview: player, facts, download, rating. */
export function SingleResult({ run }: { run: PreviewRun }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const preview = run.preview;
  const section = useRef<HTMLElement>(null);
  const shownFor = useRef<string | null>(null);
  // When a new preview's first audio arrives, bring the player into view (it may be below the form).
  const hasAudio = run.clips.length > 0;
  useEffect(() => {
    if (!hasAudio || !preview || shownFor.current === preview.id) return;
    shownFor.current = preview.id;
    section.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [hasAudio, preview]);
  return (
    <section ref={section} className="card result" aria-labelledby="player-title" data-testid="preview-result">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="player-title">
            {t('preview.player.title')}
          </h2>
          {preview && (
            <p className="card__subtitle" data-testid="preview-result-voice">
              <span className="mono">{preview.staff}</span> · <span className="mono">{preview.version}</span>
              {preview.sample && (
                <>
                  {' '}
                  <span className="badge badge--warn" title={t('preview.versions.sampleHint')}>
                    {t('preview.versions.sample')}
                  </span>
                </>
              )}
            </p>
          )}
        </div>
        {preview && run.final && run.phase === 'ready' && <DownloadLink blob={run.final} preview={preview} testId="preview-download" />}
      </div>
      <PreviewPlayer run={run} label={t('preview.player.title')} testId="player" />
      {run.phase === 'failed' && <ApiErrorMessage error={run.error} role={user.role} testId="preview-error" />}
      {preview && <ClipFacts preview={preview} testId="facts" />}
      {preview && (
        <blockquote className="result__text" data-testid="preview-result-text">
          {preview.text}
        </blockquote>
      )}
      {preview?.state === 'ready' && run.phase === 'ready' && <RatingForm key={preview.id} preview={preview} blind={false} testId="rating" />}
      <p className="field__hint result__shortcut">{t('preview.player.shortcut')}</p>
    </section>
  );
}
