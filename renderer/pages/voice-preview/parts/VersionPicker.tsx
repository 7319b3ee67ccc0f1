import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewVersion } from '../../../../electron/api/index.js';
import { formatDateTimeShort } from '../../../components/format-date';
import { formatNumber } from '../format-numbers';

interface VersionPickerProps {
  name: string;
  versions: readonly PreviewVersion[];
  selected: string | null;
  onSelect: (version: string) => void;
}

/** The member's versions, newest first: version, date, format, rating so far, and why one cannot play. */
export function VersionPicker({ name, versions, selected, onSelect }: VersionPickerProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const ids = useId();
  if (versions.length === 0) {
    return (
      <p className="preview-note" data-testid="preview-no-versions">
        {t('preview.versions.none', { name })}
      </p>
    );
  }
  return (
    <fieldset className="fieldset version-list" data-testid="preview-versions">
      <legend className="field__label">{t('preview.versions.title')}</legend>
      {versions.map((v) => {
        const id = `${ids}-${v.version}`;
        const on = v.version === selected;
        const classes = ['version-option', on ? 'version-option--on' : '', v.blocked ? 'version-option--blocked' : ''].filter(Boolean).join(' ');
        return (
          <div className={classes} key={v.version} data-testid={`preview-version-${v.version}`} data-blocked={v.blocked ?? ''}>
            <input
              className="version-option__input"
              type="radio"
              id={id}
              name={`${ids}-version`}
              value={v.version}
              checked={on}
              onChange={() => onSelect(v.version)}
              aria-describedby={`${id}-meta`}
            />
            <label className="version-option__label" htmlFor={id}>
              <span className="version-option__head">
                <span className="mono version-option__number">{v.version}</span>
                {v.active && <span className="badge badge--ok">{t('preview.versions.active')}</span>}
                {v.sample && (
                  <span className="badge badge--warn" title={t('preview.versions.sampleHint')}>
                    {t('preview.versions.sample')}
                  </span>
                )}
                <code className="format-tag version-option__format">{v.format}</code>
              </span>
              <span className="version-option__meta" id={`${id}-meta`}>
                <span>{t('preview.versions.imported', { date: formatDateTimeShort(v.importedAt, language) })}</span>
                <span className={v.rating.count > 0 ? 'version-option__rating' : 'version-option__rating muted'} data-testid="preview-version-rating">
                  {v.rating.count > 0 && v.rating.average !== null ? (
                    <>
                      <span className="version-option__star" aria-hidden="true">
                        ★
                      </span>{' '}
                      {t('preview.versions.rating', { average: formatNumber(v.rating.average, language, 1), count: v.rating.count })}
                    </>
                  ) : (
                    t('preview.versions.notRated')
                  )}
                </span>
                {v.blocked && <span className="version-option__blocked">{t(`preview.versions.blocked.${v.blocked}`)}</span>}
              </span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
