import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Preview } from '../../../../electron/api/index.js';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import { formatDateTimeShort } from '../../../components/format-date';
import { formatNumber } from '../format-numbers';
import { useHistory, useHistoryDays } from '../preview-queries';
import { PlayerIcon } from '../player/PlayerIcon';

interface PreviewHistoryProps {
  /** Previews of a blind test not yet revealed: listing them would give the answer away. */
  hiddenIds: readonly string[];
  busyId: string | null;
  onReplay: (preview: Preview) => void;
}

/** The last 20 previews, replayed from voice_output without synthesising again. */
export function PreviewHistory({ hiddenIds, busyId, onReplay }: PreviewHistoryProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { user } = useSession();
  const isAdmin = user.role === 'admin';
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const history = useHistory(isAdmin ? scope : 'mine');
  const days = useHistoryDays();
  const rows = (history.data ?? []).filter((p) => !hiddenIds.includes(p.id));

  return (
    <section className="card" aria-labelledby="history-title" data-testid="preview-history">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="history-title">
            {t('preview.history.title')}
          </h2>
          <p className="card__subtitle">{t('preview.history.subtitle', { days })}</p>
        </div>
        {isAdmin && (
          <div className="segmented" role="radiogroup" aria-label={t('preview.history.scopeLabel')}>
            {(['mine', 'all'] as const).map((value) => (
              <label key={value} className={scope === value ? 'segmented__option segmented__option--on' : 'segmented__option'}>
                <input type="radio" className="visually-hidden" name="history-scope" checked={scope === value} onChange={() => setScope(value)} data-testid={`preview-history-${value}`} />
                {t(`preview.history.${value}`)}
              </label>
            ))}
          </div>
        )}
      </div>
      {history.isPending && <p className="muted">{t('preview.history.loading')}</p>}
      {history.isError && <ApiErrorMessage error={history.error} role={user.role} onRetry={() => void history.refetch()} />}
      {history.data && rows.length === 0 && <p className="muted">{t('preview.history.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table table--history">
            <caption className="visually-hidden">{t('preview.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('preview.history.voice')}</th>
                <th scope="col">{t('preview.history.text')}</th>
                {scope === 'all' && <th scope="col">{t('preview.history.by')}</th>}
                <th scope="col" className="table__num">
                  {t('preview.history.duration')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('preview.history.replay')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const when = formatDateTimeShort(p.createdAt, language);
                const voice = `${p.staff} ${p.version}`;
                return (
                  <tr key={p.id} data-testid="preview-history-row" data-id={p.id}>
                    <td className="nowrap">
                      <span className="cell-main">
                        <span className="mono">{p.staff}</span> <span className="mono muted">{p.version}</span>
                      </span>
                      <span className="cell-sub">{when}</span>
                    </td>
                    <td className="history__text" title={p.text}>
                      {p.text}
                    </td>
                    {scope === 'all' && <td>{p.createdBy}</td>}
                    <td className="table__num nowrap">{p.durationSeconds !== null ? t('preview.seconds', { value: formatNumber(p.durationSeconds, language, 1) }) : ''}</td>
                    <td className="table__actions">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => onReplay(p)}
                        disabled={busyId === p.id}
                        aria-label={t('preview.history.replayLabel', { voice, when })}
                        data-testid="preview-history-replay"
                      >
                        <PlayerIcon name="play" size={14} />
                        <span className="history__replay-word">{t('preview.history.replay')}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
