import en from './en.json';
import ja from './ja.json';

export const SUPPORTED_LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ja';

export const resources = {
  ja: { translation: ja },
  en: { translation: en },
} as const;
