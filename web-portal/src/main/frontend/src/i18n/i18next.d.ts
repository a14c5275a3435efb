import 'i18next';
import type en from './en.json';

// Checks every t('…') key against the English texts at compile time; the unit test checks that
// German has the same keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en;
    };
  }
}
