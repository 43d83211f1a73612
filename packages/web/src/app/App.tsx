import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { i18n } from '../i18n/i18n.ts';
import { createQueryClient } from './query-client.ts';
import { createAppRouter } from './router.tsx';
import { theme } from './theme.ts';

let router: ReturnType<typeof createAppRouter> | undefined;

const queryClient = createQueryClient(() => {
  // The session ended while using the app: forget cached data and ask to sign in again.
  if (!router || router.state.location.pathname === '/sign-in') return;
  queryClient.removeQueries({ queryKey: ['me'] });
  notifications.show({ id: 'session-expired', color: 'yellow', message: i18n.t('errors.sessionExpired') });
  void router.navigate({ to: '/sign-in', search: { redirect: router.state.location.href } });
});

router = createAppRouter(queryClient);

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-center" limit={3} zIndex={1000} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router!} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
