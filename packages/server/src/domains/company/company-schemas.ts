import { z } from '@hono/zod-openapi';
import { dateStyles, entityTypes, roundingModes, sealMimeTypes } from './company-values.ts';

/**
 * Request and response schemas of the company profile API. Request schemas check types and
 * bounds only; the rules (registration number, postal code, ranges) live in the domain and
 * answer 422 with a message per field in the caller's language.
 */
const rounding = z
  .enum(roundingModes)
  .openapi({ description: 'floor 切捨て (default) / ceil 切上げ / half_up 四捨五入' });
const dateStyle = z.enum(dateStyles).openapi({ description: 'western 西暦 (default) / japanese 和暦' });
const entityType = z
  .enum(entityTypes)
  .openapi({ description: 'corporation 法人 / sole_proprietor 個人事業者' });

export const CompanyProfileView = z
  .object({
    legalName: z.string().openapi({ example: '浪速オフィスサプライ株式会社' }),
    postalCode: z.string().nullable().openapi({ example: '550-0004' }),
    address: z.string().nullable(),
    phone: z.string().nullable().openapi({ example: '06-6441-2026' }),
    contactName: z.string().nullable(),
    registrationNumber: z.string().nullable().openapi({ example: 'T1120001234567' }),
    entityType,
    rounding,
    dateStyle,
    quoteValidityDays: z.number().int(),
    paymentTerms: z.string(),
    seal: z
      .object({
        mimeType: z.enum(sealMimeTypes),
        size: z.number().int(),
        updatedAt: z.string().openapi({ format: 'date-time' }),
      })
      .nullable()
      .openapi({ description: 'The stored seal image, fetched from GET /api/settings/company/seal' }),
    version: z.number().int(),
    updatedAt: z.string().nullable().openapi({ format: 'date-time', description: 'null until first saved' }),
  })
  .openapi('CompanyProfile');

const optionalText = (max: number) => z.string().max(max).nullable().optional();

export const CompanyProfileBody = z
  .object({
    version: z.number().int().min(0).max(2_147_483_647),
    legalName: z.string().max(1000).optional(),
    postalCode: optionalText(100),
    address: optionalText(1000),
    phone: optionalText(100),
    contactName: optionalText(1000),
    registrationNumber: optionalText(100).openapi({
      description:
        'T + 13 digits (full-width, lower case, spaces and hyphens are normalised). For a corporation the ' +
        '13 digits are its 法人番号 and the check digit is verified. null or "" clears it.',
      example: 'T7000012050002',
    }),
    entityType: entityType.optional(),
    rounding: rounding.optional(),
    dateStyle: dateStyle.optional(),
    quoteValidityDays: z.number().int().min(-1_000_000).max(1_000_000).optional(),
    paymentTerms: z.string().max(2000).optional(),
  })
  .openapi('CompanyProfileBody');

export const SealForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'PNG or JPEG, at most 1 MB' }),
});
