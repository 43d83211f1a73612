import type { SignUpInput } from '@kayoi/server/contracts';
import { apiFetch } from '../../../lib/http.ts';

export const fetchSignUpStatus = () => apiFetch<{ enabled: boolean }>('/api/signup');
export const signUp = (body: SignUpInput) =>
  apiFetch<{ tenantId: string; userId: string }>('/api/signup', { method: 'POST', body });
