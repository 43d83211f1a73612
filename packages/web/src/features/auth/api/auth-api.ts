import { apiFetch } from '../../../lib/http.ts';
import { offlineFirst, snapshotKeys } from '../../offline/snapshots.ts';

export type Role = 'rep' | 'manager' | 'admin';

export interface Me {
  user: { id: string; name: string; email: string; role: Role; language?: 'ja' | 'en' | null };
  tenant: { id: string; name: string };
  team: { id: string; name: string } | null;
}

/** The signed-in user; with no signal, the one last seen on this phone (so the app opens offline). */
export const fetchMe = (): Promise<Me> => offlineFirst(snapshotKeys.me, () => apiFetch<Me>('/api/me'));

export const signInWithEmail = (input: { email: string; password: string }): Promise<unknown> =>
  apiFetch('/api/auth/sign-in/email', { method: 'POST', body: input });

export const signOut = (): Promise<unknown> => apiFetch('/api/auth/sign-out', { method: 'POST', body: {} });

/** Whether the role may import customers from CSV (reps may not). */
export const canImportCustomers = (role: Role): boolean => role === 'manager' || role === 'admin';

/** Whether the role may restore an archived customer (managers and admins, as the API allows). */
export const canRestoreCustomers = (role: Role): boolean => role === 'manager' || role === 'admin';
