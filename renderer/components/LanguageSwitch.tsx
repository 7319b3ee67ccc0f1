import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES, type Language } from '../i18n';

const LABEL_KEYS = { 'zh-TW': 'language.zhTW', en: 'language.en' } as const satisfies Record<Language, string>;

interface LanguageSwitchProps {
  testId?: string;
  /** In the header the label is visually hidden; on the Settings page it is shown. */
  showLabel?: boolean;
}

/** Changing the language also stores it (the detector caches to localStorage) and updates <html lang>. */
export function LanguageSwitch({ testId = 'language-select', showLabel = false }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className={showLabel ? 'field__label' : 'visually-hidden'}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className="select"
        data-testid={testId}
        value={currentLanguage(i18n.resolvedLanguage)}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void i18n.changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          // Each language is named in itself, so a reader can find theirs whatever is shown now.
          <option key={language} value={language} lang={language}>
            {t(LABEL_KEYS[language])}
          </option>
        ))}
      </select>
    </div>
  );
}
