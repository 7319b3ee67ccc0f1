import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en, type Messages } from './en';
import { zhTW } from './zh-TW';

export const LANGUAGES = ['zh-TW', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where the chosen language is remembered, per browser profile (and per Electron profile). */
export const LANGUAGE_STORAGE_KEY = 'voiceops.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Screen readers and the browser's own features (hyphenation, fonts) follow <html lang>. */
function reflectOnDocument(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : 'en';
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', reflectOnDocument);
  await i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, 'zh-TW': { translation: zhTW } },
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      // Only exact resources exist; do not look for a bare "zh".
      load: 'currentOnly',
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        // Any Chinese browser locale gets Traditional Chinese, the only Chinese we ship.
        convertDetectedLanguage: (language: string) => (language.toLowerCase().startsWith('zh') ? 'zh-TW' : language),
      },
      // React escapes what it renders; escaping here too would show "&amp;" in labels.
      interpolation: { escapeValue: false },
    });
  reflectOnDocument(i18next.resolvedLanguage ?? 'en');
  return i18next;
}

/** The language the console currently shows, narrowed to one we ship. */
export function currentLanguage(language: string | undefined): Language {
  return isLanguage(language) ? language : 'en';
}
