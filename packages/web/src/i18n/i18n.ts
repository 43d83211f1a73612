import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../lib/http.ts';
import { readStoredLanguage, storeLanguage } from './language-storage.ts';
import { DEFAULT_LANGUAGE, type Language, loadTranslation, resources } from './resources.ts';

const initial = readStoredLanguage();

/** Loads the languages that are not bundled (see {@link loadTranslation}). */
const lazyTranslations: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, _namespace, callback) => {
    loadTranslation(language).then(
      (strings) => callback(null, strings),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/** Settles once the saved language's strings are in: render after it (see main.tsx). */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyTranslations)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    returnNull: false,
  });

const applyLanguage = (language: string): void => {
  setRequestLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};

applyLanguage(initial);
i18n.on('languageChanged', applyLanguage);

/** Switches the UI (and the API's Accept-Language) and remembers the choice on this device. */
export const changeLanguage = async (language: Language): Promise<void> => {
  storeLanguage(language);
  await i18n.changeLanguage(language);
};

export { i18n };
