import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeader } from '../../components/PageHeader';
import { AccountsSection } from './AccountsSection';
import { RerunSetupCard } from '../setup/RerunSetupCard';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('pages.settings.title')} subtitle={t('pages.settings.subtitle')} />
      <div className="stack">
        <section className="card" aria-labelledby="settings-language-title">
          <div className="card__header">
            <div>
              <h2 className="card__title" id="settings-language-title">
                {t('pages.settings.languageTitle')}
              </h2>
              <p className="card__subtitle">{t('pages.settings.languageHelp')}</p>
            </div>
          </div>
          <LanguageSwitch testId="settings-language-select" showLabel />
        </section>
        <AccountsSection />
        <RerunSetupCard />
        <section className="card card--planned" aria-labelledby="settings-later-title">
          <h2 className="card__title" id="settings-later-title">
            {t('pages.settings.laterTitle')}
          </h2>
          <p className="card__body-text">{t('pages.settings.later')}</p>
        </section>
      </div>
    </>
  );
}
