import type {
  Absence,
  Area,
  AreaDefinition,
  AreaMap,
  AreaPreview,
  CreateAbsenceInput,
  CreateAreaInput,
  CreateTeamInput,
  Team,
  UpdateAreaInput,
  UpdateTeamInput,
  UpdateWorkingProfileInput,
  WorkingProfile,
} from '@kayoi/server/contracts';
import { apiFetch } from '../../../lib/http.ts';

const base = '/api/organization';
const id = (value: string) => encodeURIComponent(value);

export const fetchTeams = (signal?: AbortSignal) => apiFetch<{ items: Team[] }>(`${base}/teams`, { signal });
export const createTeam = (body: CreateTeamInput) =>
  apiFetch<Team>(`${base}/teams`, { method: 'POST', body });
export const updateTeam = (teamId: string, body: UpdateTeamInput) =>
  apiFetch<Team>(`${base}/teams/${id(teamId)}`, { method: 'PATCH', body });

export const fetchAreas = (signal?: AbortSignal) => apiFetch<{ items: Area[] }>(`${base}/areas`, { signal });
export const fetchAreaMap = (signal?: AbortSignal) => apiFetch<AreaMap>(`${base}/areas/map`, { signal });
export const createArea = (body: CreateAreaInput) =>
  apiFetch<Area>(`${base}/areas`, { method: 'POST', body });
export const updateArea = (areaId: string, body: UpdateAreaInput) =>
  apiFetch<Area>(`${base}/areas/${id(areaId)}`, { method: 'PATCH', body });
export const previewArea = (areaId: string, definition?: AreaDefinition) =>
  apiFetch<AreaPreview>(`${base}/areas/${id(areaId)}/preview`, {
    method: 'POST',
    body: definition ? { definition } : {},
  });
export const applyArea = (areaId: string, version: number) =>
  apiFetch<{ area: Area; movedIn: number; movedOut: number }>(`${base}/areas/${id(areaId)}/apply`, {
    method: 'POST',
    body: { version },
  });

const personPath = (userId: string) => `${base}/people/${id(userId)}`;
export const fetchWorkingProfile = (userId: string, signal?: AbortSignal) =>
  apiFetch<WorkingProfile>(`${personPath(userId)}/working-profile`, { signal });
export const updateWorkingProfile = (userId: string, body: UpdateWorkingProfileInput) =>
  apiFetch<WorkingProfile>(`${personPath(userId)}/working-profile`, { method: 'PUT', body });
export const addAbsence = (userId: string, body: CreateAbsenceInput) =>
  apiFetch<Absence>(`${personPath(userId)}/absences`, { method: 'POST', body });
export const removeAbsence = (userId: string, absenceId: string) =>
  apiFetch<{ ok: true }>(`${personPath(userId)}/absences/${id(absenceId)}`, { method: 'DELETE' });
