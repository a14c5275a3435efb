import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { api } from '../api/client';
import { FALLBACK_LANGUAGE, LANGUAGE_STORAGE_KEY, LANGUAGES, resources } from './languages';

// The stored choice first, then the browser's languages. The detector caches nothing itself:
// only an explicit choice in the language switch is stored (storeLanguage), so a user who never
// chose keeps following the browser, and a session's preferred locale can still apply.
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: FALLBACK_LANGUAGE,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: [],
    },
    interpolation: {
      // React escapes what it renders.
      escapeValue: false,
    },
  });

function markDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  // The server words its problems in the language the app shows.
  api.setLanguage(language);
}

i18n.on('languageChanged', markDocumentLanguage);
markDocumentLanguage(i18n.resolvedLanguage ?? FALLBACK_LANGUAGE);

export default i18n;
