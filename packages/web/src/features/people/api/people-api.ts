import type {
  InvitationView,
  InviteInput,
  InviteResult,
  PasswordResetLink,
  PeopleList,
  Person,
  SetupChecklist,
  UpdatePersonInput,
} from '@kayoi/server/contracts';
import { apiFetch } from '../../../lib/http.ts';

export const fetchPeople = (signal?: AbortSignal) => apiFetch<PeopleList>('/api/people', { signal });
export const fetchSetup = (signal?: AbortSignal) => apiFetch<SetupChecklist>('/api/setup', { signal });

export const invitePerson = (body: InviteInput) =>
  apiFetch<InviteResult>('/api/people/invitations', { method: 'POST', body });

const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export const updatePerson = (id: string, body: UpdatePersonInput) =>
  apiFetch<Person>(personPath(id), { method: 'PATCH', body });
export const deactivatePerson = (id: string) =>
  apiFetch<Person>(`${personPath(id)}/deactivate`, { method: 'POST', body: {} });
export const reactivatePerson = (id: string) =>
  apiFetch<Person>(`${personPath(id)}/reactivate`, { method: 'POST', body: {} });
const invitationPath = (id: string) => `/api/people/invitations/${encodeURIComponent(id)}`;
export const resendInvitation = (id: string) =>
  apiFetch<InviteResult>(`${invitationPath(id)}/resend`, { method: 'POST', body: {} });
export const cancelInvitation = (id: string) =>
  apiFetch<{ ok: true }>(`${invitationPath(id)}/cancel`, { method: 'POST', body: {} });
export const issuePasswordReset = (id: string) =>
  apiFetch<PasswordResetLink>(`${personPath(id)}/password-reset`, { method: 'POST', body: {} });

const tokenPath = (token: string) => encodeURIComponent(token);

export const fetchInvitation = (token: string, signal?: AbortSignal) =>
  apiFetch<InvitationView>(`/api/invitations/${tokenPath(token)}`, { signal });
export const acceptInvitation = (token: string, body: { password: string; name?: string }) =>
  apiFetch<{ ok: true }>(`/api/invitations/${tokenPath(token)}/accept`, { method: 'POST', body });
export const resetPassword = (token: string, body: { password: string }) =>
  apiFetch<{ ok: true }>(`/api/password-reset/${tokenPath(token)}`, { method: 'POST', body });

export const updateMe = (body: { name?: string; language?: 'ja' | 'en' }) =>
  apiFetch<{ name: string; language: 'ja' | 'en' | null }>('/api/me', { method: 'PATCH', body });
export const changeOwnPassword = (body: { current: string; next: string }) =>
  apiFetch<{ ok: true }>('/api/me/password', { method: 'POST', body });
