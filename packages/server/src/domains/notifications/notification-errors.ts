import { notFound } from '../../platform/errors.ts';

export const notificationNotFound = () => notFound({ ja: 'お知らせ', en: 'Notification' });
