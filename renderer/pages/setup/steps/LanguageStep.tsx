import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WizardState } from '../../../../electron/api/index.js';
import { currentLanguage, LANGUAGES, type Language } from '../../../i18n';
import { StepFrame } from '../StepFrame';

const LABEL_KEYS = { 'zh-TW': 'language.zhTW', en: 'language.en' } as const;

/** The choice is applied on confirm, not on click: nothing changes before the step is confirmed. */
export function LanguageStep({ state }: { state: WizardState }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(state.language ?? currentLanguage(i18n.resolvedLanguage));
  return (
    <StepFrame step="language" intro={t('setupWizard.language.intro')} confirmInput={{ language }} onConfirmed={() => void i18n.changeLanguage(language)}>
      <fieldset className="fieldset wizard-choices">
        <legend className="visually-hidden">{t('language.label')}</legend>
        {LANGUAGES.map((option) => (
          <label key={option} className="wizard-choice" lang={option}>
            <input type="radio" name="wizard-language" value={option} checked={language === option} onChange={() => setLanguage(option)} data-testid={`wizard-language-${option}`} />
            <span>{t(LABEL_KEYS[option])}</span>
          </label>
        ))}
      </fieldset>
    </StepFrame>
  );
}
