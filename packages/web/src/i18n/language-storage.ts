import { DEFAULT_LANGUAGE, type Language, SUPPORTED_LANGUAGES } from './resources.ts';

export const LANGUAGE_STORAGE_KEY = 'kayoi.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);

/** The language saved on this device, or Japanese when none (or an unknown one) is saved. */
export const readStoredLanguage = (
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Language => {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
};

export const storeLanguage = (
  language: Language,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void => {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
};
