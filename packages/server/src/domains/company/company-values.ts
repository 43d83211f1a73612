/**
 * The choices of a company profile (pure values: the web client imports them through contracts;
 * the rounding modes are the totals module's own).
 */

/** 切捨て | 切上げ | 四捨五入: how a line amount and each rate's consumption tax become whole yen. */
export { type RoundingMode, roundingModes } from '../quotes/quote-totals.ts';

/** 西暦 (2026年12月2日) | 和暦 (令和8年12月2日). */
export const dateStyles = ['western', 'japanese'] as const;
export type DateStyle = (typeof dateStyles)[number];

/** 法人 (the registration number carries its 法人番号) | 個人事業者. */
export const entityTypes = ['corporation', 'sole_proprietor'] as const;
export type EntityType = (typeof entityTypes)[number];

/** Seal images: PNG or JPEG, told by their first bytes, at most 1 MB. */
export const sealMimeTypes = ['image/png', 'image/jpeg'] as const;
export type SealMimeType = (typeof sealMimeTypes)[number];
export const MAX_SEAL_BYTES = 1024 * 1024;

export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;
export const MAX_QUOTE_VALIDITY_DAYS = 365;
