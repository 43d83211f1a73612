import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import { meQueryOptions } from '../features/auth/hooks/useMe.ts';
import { safeRedirect } from '../features/auth/utils/safe-redirect.ts';
import { parseCustomerFilters } from '../features/customers/utils/customer-filters.ts';
import { ApiError } from '../lib/api-error.ts';
import { CustomerEditPage } from '../pages/CustomerEditPage.tsx';
import { CustomerImportPage } from '../pages/CustomerImportPage.tsx';
import { CustomerNewPage } from '../pages/CustomerNewPage.tsx';
import { CustomerPage } from '../pages/CustomerPage.tsx';
import { CustomersPage } from '../pages/CustomersPage.tsx';
import { DashboardPage } from '../pages/DashboardPage.tsx';
import { DealsPage } from '../pages/DealsPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PlanPage } from '../pages/PlanPage.tsx';
import { SettingsPage } from '../pages/SettingsPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { TodayPage } from '../pages/TodayPage.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { AppLayout } from './AppLayout.tsx';

interface RouterContext {
  queryClient: QueryClient;
}

function PendingScreen() {
  return (
    <Center h="60dvh">
      <Loader type="dots" />
    </Center>
  );
}

function RouteError({ error, reset }: { error: unknown; reset: () => void }) {
  const router = useRouter();
  return (
    <Center p="md" mih="50dvh">
      <ErrorState
        error={error}
        onRetry={() => {
          reset();
          void router.invalidate();
        }}
      />
    </Center>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    // Already signed in: skip the form.
    const me = await context.queryClient.fetchQuery(meQueryOptions).catch(() => null);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: function SignInRoute() {
    const { redirect: target } = signInRoute.useSearch();
    return <SignInPage redirect={target} />;
  },
});

/** Everything behind sign-in: loads /api/me first and sends signed-out visitors to /sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQueryOptions);
    } catch (error) {
      if (error instanceof ApiError && error.isUnauthorized) {
        throw redirect({ to: '/sign-in', search: location.href === '/' ? {} : { redirect: location.href } });
      }
      throw error;
    }
  },
  component: AppLayout,
  pendingComponent: PendingScreen,
  errorComponent: RouteError,
  notFoundComponent: NotFoundPage,
});

const todayRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: TodayPage });

const customersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers',
  validateSearch: parseCustomerFilters,
  component: function CustomersRoute() {
    return <CustomersPage filters={customersRoute.useSearch()} />;
  },
});

const customerNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/new',
  component: CustomerNewPage,
});

const customerImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/import',
  component: CustomerImportPage,
});

const customerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/$customerId',
  component: function CustomerRoute() {
    return <CustomerPage customerId={customerRoute.useParams().customerId} />;
  },
});

const customerEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/$customerId/edit',
  component: function CustomerEditRoute() {
    return <CustomerEditPage customerId={customerEditRoute.useParams().customerId} />;
  },
});

const planRoute = createRoute({ getParentRoute: () => appRoute, path: '/plan', component: PlanPage });
const dealsRoute = createRoute({ getParentRoute: () => appRoute, path: '/deals', component: DealsPage });
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  component: DashboardPage,
});
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: SettingsPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    todayRoute,
    customersRoute,
    customerNewRoute,
    customerImportRoute,
    customerRoute,
    customerEditRoute,
    planRoute,
    dealsRoute,
    dashboardRoute,
    settingsRoute,
  ]),
]);

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
