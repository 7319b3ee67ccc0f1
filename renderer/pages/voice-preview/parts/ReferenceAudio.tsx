import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewVersion } from '../../../../electron/api/index.js';
import { callProcedure } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { PreviewPlayer } from '../player/PreviewPlayer';
import { IDLE_RUN, type PreviewRun } from '../use-preview-synthesis';
import { base64ToBlob } from '../wav-blob';
import { PlayerIcon } from '../player/PlayerIcon';

interface ReferenceAudioProps {
  staff: string;
  version: PreviewVersion;
}

/** The recordings a version was cloned from, each with what it says, to judge how close a preview comes. */
export function ReferenceAudio({ staff, version }: ReferenceAudioProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [playing, setPlaying] = useState<string | null>(null);
  const [run, setRun] = useState<PreviewRun>(IDLE_RUN);
  const [error, setError] = useState<unknown>(null);

  async function listen(path: string): Promise<void> {
    setPlaying(path);
    setError(null);
    setRun({ ...IDLE_RUN, phase: 'starting', autoPlay: true });
    try {
      const clip = await callProcedure('previews.referenceAudio', { staff, version: version.version, path });
      const blob = base64ToBlob(clip.audioBase64, clip.mimeType);
      setRun({ ...IDLE_RUN, phase: 'ready', autoPlay: true, sentences: [clip.text ?? ''], clips: [{ blob, durationSeconds: 0 }], final: blob });
    } catch (caught) {
      setError(caught);
      setRun(IDLE_RUN);
    }
  }

  return (
    <section className="card" aria-labelledby="reference-title" data-testid="preview-reference">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="reference-title">
            {t('preview.reference.title')}
          </h2>
          <p className="card__subtitle">{t('preview.reference.subtitle', { version: version.version })}</p>
        </div>
      </div>
      {version.references.length === 0 ? (
        <p className="muted" data-testid="preview-reference-none">
          {t('preview.reference.none')}
        </p>
      ) : (
        <div className="stack stack--tight">
          <ul className="reference-list">
            {version.references.map((clip) => (
              <li key={clip.path} className={playing === clip.path ? 'reference reference--on' : 'reference'}>
                <button type="button" className="button button--secondary button--small" onClick={() => void listen(clip.path)} data-testid="preview-reference-listen">
                  <PlayerIcon name="play" size={14} />
                  {t('preview.reference.listen')}
                </button>
                <span className="reference__body">
                  <code className="reference__path">{clip.path}</code>
                  <span className={clip.text ? 'reference__text' : 'reference__text muted'} lang={clip.text ? 'zh-TW' : undefined}>
                    {clip.text ?? t('preview.reference.noText')}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          {error !== null && <ApiErrorMessage error={error} role={user.role} testId="preview-reference-error" />}
          {playing && <PreviewPlayer run={run} label={t('preview.reference.title')} testId="reference-player" />}
        </div>
      )}
    </section>
  );
}
