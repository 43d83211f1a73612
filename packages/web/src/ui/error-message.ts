import type { TFunction } from 'i18next';
import { ApiError } from '../lib/api-error.ts';

/**
 * The message to show for a failed call: the server's own (already in the caller's language) when it
 * sent one, otherwise a generic message for the failure kind.
 */
export const errorMessage = (error: unknown, t: TFunction): string => {
  if (!(error instanceof ApiError)) return t('errors.generic');
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'rate_limited':
      return error.message || t('errors.rateLimited');
    case 'forbidden':
      return error.message || t('errors.forbidden');
    case 'not_found':
      return error.message || t('errors.notFound');
    case 'unauthorized':
      return error.message || t('errors.sessionExpired');
    default:
      return error.message || t('errors.generic');
  }
};
