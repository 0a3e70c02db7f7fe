import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { pl } from './pl.js';
import { DEFAULT_LANGUAGE, isLanguage, readStoredLanguage, storeLanguage } from './language.js';

/** Sets up i18next once: Polish by default, the stored choice if any, and <html lang> kept in step. */
export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    document.title = i18next.t('app.title');
    if (isLanguage(language)) storeLanguage(language);
  });
  await i18next.use(initReactI18next).init({
    resources: { pl: { translation: pl }, en: { translation: en } },
    lng: readStoredLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    // React escapes output itself.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = i18next.language;
  document.title = i18next.t('app.title');
}
