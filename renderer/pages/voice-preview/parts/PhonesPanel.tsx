import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { G2P_LANGUAGES, type G2pLanguage, type PhoneSegmentView } from '../../../../electron/api/index.js';
import { useProcedureQuery } from '../../../api/hooks';
import { useSession } from '../../../app/session-context';
import { ApiErrorMessage } from '../../../components/ApiErrorMessage';
import './phones.css';

interface Request {
  lang: G2pLanguage;
  text: string;
}

/** The phones of each word2ph unit (a character or a word), in order. */
function groupByUnit(segment: PhoneSegmentView): Array<{ unit: string; phones: Array<{ phone: string; id: number }> }> {
  let at = 0;
  return segment.word2ph.map((count, i) => {
    const phones = segment.phones.slice(at, at + count).map((phone, k) => ({ phone, id: segment.phoneIds[at + k]! }));
    at += count;
    return { unit: segment.units[i] ?? '', phones };
  });
}

/**
 * "Show phones": what the GPT-SoVITS front end makes of the typed sentence, so an admin can see
 * why a word comes out wrong (a polyphone read the other way, a number read as digits, an English
 * word spelled out). Computed on request only, for the text as it was when asked, to keep the
 * console's rate limit for the previews themselves.
 */
export function PhonesPanel({ text }: { text: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [lang, setLang] = useState<G2pLanguage>('auto');
  const [request, setRequest] = useState<Request | null>(null);
  const trimmed = text.trim();
  const query = useProcedureQuery('voiceText.g2p', request ?? { lang, text: '' }, { enabled: open && request !== null, staleTime: Infinity, retry: false });

  function show(nextLang: G2pLanguage = lang): void {
    setOpen(true);
    setRequest(trimmed ? { lang: nextLang, text: trimmed } : null);
  }

  if (!open) {
    return (
      <div className="phones phones--closed">
        <button type="button" className="button button--secondary button--small" onClick={() => show()} data-testid="phones-show">
          {t('voiceText.phones.show')}
        </button>
      </div>
    );
  }

  const stale = request !== null && (request.text !== trimmed || request.lang !== lang);
  return (
    <section className="phones" aria-labelledby={`${ids}-title`} data-testid="phones-panel">
      <div className="phones__header">
        <div>
          <h3 className="phones__title" id={`${ids}-title`}>
            {t('voiceText.phones.title')}
          </h3>
          <p className="muted phones__subtitle">{t('voiceText.phones.subtitle')}</p>
        </div>
        <div className="phones__controls">
          <label className="phones__lang" htmlFor={`${ids}-lang`}>
            <span>{t('voiceText.phones.languageLabel')}</span>
            <select
              id={`${ids}-lang`}
              className="select"
              value={lang}
              onChange={(event) => {
                const next = event.target.value as G2pLanguage;
                setLang(next);
                show(next);
              }}
              data-testid="phones-lang"
            >
              {G2P_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`voiceText.phones.languages.${language}`)}
                </option>
              ))}
            </select>
          </label>
          {stale && (
            <button type="button" className="button button--secondary button--small" onClick={() => show()} data-testid="phones-refresh">
              {t('voiceText.phones.refresh')}
            </button>
          )}
          <button type="button" className="button button--secondary button--small" onClick={() => setOpen(false)} data-testid="phones-hide">
            {t('voiceText.phones.hide')}
          </button>
        </div>
      </div>

      {request === null && <p className="muted">{t('voiceText.phones.noText')}</p>}
      {request !== null && query.isPending && <p className="muted">{t('voiceText.phones.loading')}</p>}
      {request !== null && query.isError && <ApiErrorMessage error={query.error} role={user.role} onRetry={() => void query.refetch()} />}
      {stale && query.data && (
        <p className="phones__stale" data-testid="phones-stale">
          {t('voiceText.phones.stale')}
        </p>
      )}
      {query.data && (
        <div className="phones__result">
          {query.data.unknownCount > 0 && <p className="phones__warning">{t('voiceText.phones.unknown', { count: query.data.unknownCount })}</p>}
          {query.data.segments.map((segment, index) => (
            <div className="phones__segment" key={index} data-testid="phones-segment" data-language={segment.language}>
              <p className="phones__segment-head">
                <span className="badge badge--neutral">{t(`voiceText.phones.segmentLanguage.${segment.language}`)}</span>
                <span className="muted">{t('voiceText.phones.normalized')}</span>
                <span className="phones__normalized" lang={segment.language === 'zh' ? 'zh-CN' : 'en'} data-testid="phones-normalized">
                  {segment.normalizedText}
                </span>
                <span className="muted">{t('voiceText.phones.phoneCount', { count: segment.phones.length })}</span>
              </p>
              <ol className="phones__units">
                {groupByUnit(segment).map((group, k) => (
                  <li className="phones__unit" key={k} aria-label={t('voiceText.phones.unitLabel', { unit: group.unit, count: group.phones.length })} data-testid="phones-unit">
                    <span className="phones__unit-text">{group.unit}</span>
                    <span className="phones__unit-phones">
                      {group.phones.map(({ phone, id }, p) => (
                        <span className={phone === 'UNK' ? 'phones__phone phones__phone--unknown' : 'phones__phone'} key={p}>
                          <span className="mono">{phone}</span>
                          <span className="phones__id mono">{id}</span>
                        </span>
                      ))}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
          <p className="phones__all">
            <span className="muted">{t('voiceText.phones.idsLabel')}</span> <code data-testid="phones-ids">{query.data.phoneIds.join(' ')}</code>
          </p>
        </div>
      )}
    </section>
  );
}
