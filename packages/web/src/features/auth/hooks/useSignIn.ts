import { useMutation, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { signInWithEmail } from '../api/auth-api.ts';
import { meQueryOptions } from './useMe.ts';

/** Signs in with email and password, then loads the user so the shell can render at once. */
export const useSignIn = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      queryClient.clear();
      await signInWithEmail(input);
      const me = await queryClient.fetchQuery(meQueryOptions);
      // The language the person chose on Settings (PATCH /api/me), on whatever device they sign in.
      if (me.user.language && me.user.language !== i18n.language) await i18n.changeLanguage(me.user.language);
      return me;
    },
  });
};
