import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { forgetOfflineCopies } from '../../offline/snapshots.ts';
import { signOut } from '../api/auth-api.ts';

/** Signs out, forgets every cached answer (they belong to the previous user) and shows the sign-in page. */
export const useSignOut = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: async () => {
      // The day stored on this phone belongs to the person signing out (unsent writes stay).
      await forgetOfflineCopies();
      return signOut();
    },
    onSettled: async () => {
      queryClient.clear();
      await navigate({ to: '/sign-in' });
      notifications.show({ message: t('signOut.done'), color: 'gray' });
    },
  });
};
