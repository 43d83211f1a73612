import { useMutation, useQueryClient } from '@tanstack/react-query';
import { signInWithEmail } from '../api/auth-api.ts';
import { meQueryOptions } from './useMe.ts';

/** Signs in with email and password, then loads the user so the shell can render at once. */
export const useSignIn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      queryClient.clear();
      await signInWithEmail(input);
      return queryClient.fetchQuery(meQueryOptions);
    },
  });
};
