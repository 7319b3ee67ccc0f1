import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../../electron/api/index.js';
import { downloadName } from '../download-name';
import { PlayerIcon } from '../player/PlayerIcon';

/** The whole clip as a WAV file named <staff>_<version>_<time>.wav (a blob: link, allowed by the CSP). */
export function DownloadLink({ blob, preview, testId }: { blob: Blob; preview: Preview; testId: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  if (!url) return null;
  return (
    <a className="button button--secondary button--small" href={url} download={downloadName(preview)} data-testid={testId}>
      <PlayerIcon name="download" />
      {t('preview.player.download')}
    </a>
  );
}
