import type {
  AreaDefinition,
  CreateAbsenceInput,
  UpdateAreaInput,
  UpdateTeamInput,
  UpdateWorkingProfileInput,
} from '@kayoi/server/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  addAbsence,
  applyArea,
  createArea,
  createTeam,
  fetchAreaMap,
  fetchAreas,
  fetchTeams,
  fetchWorkingProfile,
  removeAbsence,
  updateArea,
  updateTeam,
  updateWorkingProfile,
} from '../api/organization-api.ts';

export const teamsQueryOptions = queryOptions({
  queryKey: ['organization', 'teams'],
  queryFn: ({ signal }) => fetchTeams(signal),
});
export const areasQueryOptions = queryOptions({
  queryKey: ['organization', 'areas'],
  queryFn: ({ signal }) => fetchAreas(signal),
});
export const areaMapQueryOptions = queryOptions({
  queryKey: ['organization', 'area-map'],
  queryFn: ({ signal }) => fetchAreaMap(signal),
});
export const workingProfileQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: ['organization', 'working-profile', userId],
    queryFn: ({ signal }) => fetchWorkingProfile(userId, signal),
  });

/** Team and area writes; each refreshes the lists, the map, the people list and the setup checklist. */
export function useOrganizationActions() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['organization'] }),
      queryClient.invalidateQueries({ queryKey: ['people'] }),
      queryClient.invalidateQueries({ queryKey: ['setup'] }),
    ]);
  return {
    createTeam: useMutation({ mutationFn: createTeam, onSuccess: refresh }),
    updateTeam: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateTeamInput }) => updateTeam(id, input),
      onSuccess: refresh,
    }),
    createArea: useMutation({ mutationFn: createArea, onSuccess: refresh }),
    updateArea: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateAreaInput }) => updateArea(id, input),
      onSuccess: refresh,
    }),
    applyArea: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) => applyArea(id, version),
      onSuccess: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['customers'] })]),
    }),
  };
}

export type { AreaDefinition };

/** A person's working profile writes. */
export function useWorkingProfileActions(userId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['organization', 'working-profile', userId] }),
      queryClient.invalidateQueries({ queryKey: ['setup'] }),
    ]);
  return {
    save: useMutation({
      mutationFn: (input: UpdateWorkingProfileInput) => updateWorkingProfile(userId, input),
      onSuccess: (profile) => {
        queryClient.setQueryData(['organization', 'working-profile', userId], profile);
        return refresh();
      },
    }),
    addAbsence: useMutation({
      mutationFn: (input: CreateAbsenceInput) => addAbsence(userId, input),
      onSuccess: refresh,
    }),
    removeAbsence: useMutation({ mutationFn: (id: string) => removeAbsence(userId, id), onSuccess: refresh }),
  };
}
