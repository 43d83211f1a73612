import ja from './ja.json';

export const SUPPORTED_LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ja';

/** Bundled with the app: the default language, also the fallback for any missing key. */
export const resources = {
  ja: { translation: ja },
} as const;

/**
 * A language's strings. English is fetched on first use, in its own chunk, so the Japanese
 * majority never downloads it.
 */
export const loadTranslation = async (language: string): Promise<Record<string, unknown>> =>
  language === 'en' ? (await import('./en.json')).default : ja;
