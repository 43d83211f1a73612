import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setRequestLanguage } from '../lib/http.ts';
import { readStoredLanguage, storeLanguage } from './language-storage.ts';
import { DEFAULT_LANGUAGE, type Language, resources } from './resources.ts';

const initial = readStoredLanguage();

void i18n.use(initReactI18next).init({
  resources,
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
