import type { UpdatePersonInput } from '@kayoi/server/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  cancelInvitation,
  deactivatePerson,
  fetchPeople,
  fetchSetup,
  invitePerson,
  issuePasswordReset,
  reactivatePerson,
  resendInvitation,
  updatePerson,
} from '../api/people-api.ts';

export const peopleQueryOptions = queryOptions({
  queryKey: ['people'],
  queryFn: ({ signal }) => fetchPeople(signal),
});

export const setupQueryOptions = queryOptions({
  queryKey: ['setup'],
  queryFn: ({ signal }) => fetchSetup(signal),
});

/** The people list's writes; each refreshes the list and the setup checklist. */
export function usePeopleActions() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['people'] }),
      queryClient.invalidateQueries({ queryKey: ['setup'] }),
    ]);
  return {
    invite: useMutation({ mutationFn: invitePerson, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdatePersonInput }) => updatePerson(id, input),
      onSuccess: refresh,
    }),
    deactivate: useMutation({ mutationFn: deactivatePerson, onSuccess: refresh }),
    reactivate: useMutation({ mutationFn: reactivatePerson, onSuccess: refresh }),
    passwordReset: useMutation({ mutationFn: issuePasswordReset }),
    resendInvitation: useMutation({ mutationFn: resendInvitation, onSuccess: refresh }),
    cancelInvitation: useMutation({ mutationFn: cancelInvitation, onSuccess: refresh }),
  };
}
