import { Center, Loader, Skeleton, Stack } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import type { FunctionComponent } from 'react';
import { meQueryOptions } from '../features/auth/hooks/useMe.ts';
import { safeRedirect } from '../features/auth/utils/safe-redirect.ts';
import { CustomerKarteSkeleton } from '../features/customers/components/CustomerKarteSkeleton.tsx';
import { parseCustomerFilters } from '../features/customers/utils/customer-filters.ts';
import { parseDeskFilters } from '../features/desk/utils/desk-filters.ts';
import { parseFormFilters } from '../features/forms/utils/form-filters.ts';
import { parseProductsSearch, parseQtySearch } from '../features/quotes/utils/quote-prefill.ts';
import { ApiError } from '../lib/api-error.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { ListSkeleton } from '../ui/ListSkeleton.tsx';

/*
 * Every page (and the signed-in shell) is its own chunk, so the sign-in page loads only what it
 * needs. The router fetches a page's chunk on link intent (`defaultPreload: 'intent'`) and before
 * rendering it, showing the route's pending skeleton if that takes a while.
 */
const AppLayout = lazyRouteComponent(() => import('./AppLayout.tsx'), 'AppLayout');
const SignInPage = lazyRouteComponent(() => import('../pages/SignInPage.tsx'), 'SignInPage');
const OrganizationPage = lazyRouteComponent(
  () => import('../pages/OrganizationPage.tsx'),
  'OrganizationPage',
);
const WorkingProfilePage = lazyRouteComponent(
  () => import('../pages/WorkingProfilePage.tsx'),
  'WorkingProfilePage',
);
const TodayPage = lazyRouteComponent(() => import('../pages/TodayPage.tsx'), 'TodayPage');
const CustomersPage = lazyRouteComponent(() => import('../pages/CustomersPage.tsx'), 'CustomersPage');
const CustomerNewPage = lazyRouteComponent(() => import('../pages/CustomerNewPage.tsx'), 'CustomerNewPage');
const CustomerImportPage = lazyRouteComponent(
  () => import('../pages/CustomerImportPage.tsx'),
  'CustomerImportPage',
);
const CustomerPage = lazyRouteComponent(() => import('../pages/CustomerPage.tsx'), 'CustomerPage');
const CustomerEditPage = lazyRouteComponent(
  () => import('../pages/CustomerEditPage.tsx'),
  'CustomerEditPage',
);
const PlanPage = lazyRouteComponent(() => import('../pages/PlanPage.tsx'), 'PlanPage');
const DealsPage = lazyRouteComponent(() => import('../pages/DealsPage.tsx'), 'DealsPage');
const DashboardPage = lazyRouteComponent(() => import('../pages/DashboardPage.tsx'), 'DashboardPage');
const HealthPage = lazyRouteComponent(() => import('../pages/HealthPage.tsx'), 'HealthPage');
const SettingsPage = lazyRouteComponent(() => import('../pages/SettingsPage.tsx'), 'SettingsPage');
const WebhooksPage = lazyRouteComponent(() => import('../pages/WebhooksPage.tsx'), 'WebhooksPage');
const BriefingPage = lazyRouteComponent(() => import('../pages/BriefingPage.tsx'), 'BriefingPage');
const ComplaintsPage = lazyRouteComponent(() => import('../pages/ComplaintsPage.tsx'), 'ComplaintsPage');
const ComplaintPage = lazyRouteComponent(() => import('../pages/ComplaintPage.tsx'), 'ComplaintPage');
const FieldPage = lazyRouteComponent(() => import('../pages/FieldPage.tsx'), 'FieldPage');
const QuotePage = lazyRouteComponent(() => import('../pages/QuotePage.tsx'), 'QuotePage');
const QuoteEditPage = lazyRouteComponent(() => import('../pages/QuoteEditPage.tsx'), 'QuoteEditPage');
const OrderPage = lazyRouteComponent(() => import('../pages/OrderPage.tsx'), 'OrderPage');
const DeskPage = lazyRouteComponent(() => import('../pages/DeskPage.tsx'), 'DeskPage');
const FormsPage = lazyRouteComponent(() => import('../pages/FormsPage.tsx'), 'FormsPage');
const SignUpPage = lazyRouteComponent(() => import('../pages/SignUpPage.tsx'), 'SignUpPage');
const AcceptInvitePage = lazyRouteComponent(
  () => import('../pages/AcceptInvitePage.tsx'),
  'AcceptInvitePage',
);
const PeoplePage = lazyRouteComponent(() => import('../pages/PeoplePage.tsx'), 'PeoplePage');
const SetupPage = lazyRouteComponent(() => import('../pages/SetupPage.tsx'), 'SetupPage');
const CatalogPage = lazyRouteComponent(() => import('../pages/CatalogPage.tsx'), 'CatalogPage');
const NotificationsPage = lazyRouteComponent(
  () => import('../pages/NotificationsPage.tsx'),
  'NotificationsPage',
);
const HandoversPage = lazyRouteComponent(() => import('../pages/HandoversPage.tsx'), 'HandoversPage');
const HandoverNewPage = lazyRouteComponent(() => import('../pages/HandoverNewPage.tsx'), 'HandoverNewPage');
const HandoverSheetPage = lazyRouteComponent(
  () => import('../pages/HandoverSheetPage.tsx'),
  'HandoverSheetPage',
);

/**
 * A route component that passes the route's search or params to a lazy page, keeping the page's
 * `preload` so the router still fetches the chunk ahead of rendering.
 */
const withPreload = (render: FunctionComponent, page: { preload?: () => Promise<void> | undefined }) =>
  Object.assign(render, { preload: page.preload });

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

/** Inside the shell, while a page's chunk loads. */
function PageSkeleton() {
  return (
    <Stack gap="md" aria-busy="true" data-testid="page-skeleton">
      <Skeleton height={28} width="40%" radius="sm" />
      <Skeleton height={180} radius="md" />
      <Skeleton height={120} radius="md" />
    </Stack>
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
  component: withPreload(function SignInRoute() {
    const { redirect: target } = signInRoute.useSearch();
    return <SignInPage redirect={target} />;
  }, SignInPage),
  pendingComponent: PendingScreen,
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  component: SignUpPage,
  pendingComponent: PendingScreen,
});
const acceptInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: withPreload(function AcceptInviteRoute() {
    const { token } = acceptInviteRoute.useParams();
    return <AcceptInvitePage token={token} mode="invitation" />;
  }, AcceptInvitePage),
  pendingComponent: PendingScreen,
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password/$token',
  component: withPreload(function ResetPasswordRoute() {
    const { token } = resetPasswordRoute.useParams();
    return <AcceptInvitePage token={token} mode="reset" />;
  }, AcceptInvitePage),
  pendingComponent: PendingScreen,
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
  component: withPreload(function CustomersRoute() {
    return <CustomersPage filters={customersRoute.useSearch()} />;
  }, CustomersPage),
  pendingComponent: () => <ListSkeleton />,
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
  component: withPreload(function CustomerRoute() {
    return <CustomerPage customerId={customerRoute.useParams().customerId} />;
  }, CustomerPage),
  pendingComponent: CustomerKarteSkeleton,
});

const customerEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/$customerId/edit',
  component: withPreload(function CustomerEditRoute() {
    return <CustomerEditPage customerId={customerEditRoute.useParams().customerId} />;
  }, CustomerEditPage),
});

const briefingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customers/$customerId/briefing',
  component: withPreload(function BriefingRoute() {
    return <BriefingPage customerId={briefingRoute.useParams().customerId} />;
  }, BriefingPage),
});

const complaintsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/complaints',
  component: ComplaintsPage,
});
const complaintRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/complaints/$complaintId',
  component: withPreload(function ComplaintRoute() {
    return <ComplaintPage complaintId={complaintRoute.useParams().complaintId} />;
  }, ComplaintPage),
});
const fieldRoute = createRoute({ getParentRoute: () => appRoute, path: '/field', component: FieldPage });

const planRoute = createRoute({ getParentRoute: () => appRoute, path: '/plan', component: PlanPage });
const dealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals',
  validateSearch: (search: Record<string, unknown>): { tab?: 'orders' } =>
    search.tab === 'orders' ? { tab: 'orders' } : {},
  component: withPreload(function DealsRoute() {
    const navigate = dealsRoute.useNavigate();
    return (
      <DealsPage
        tab={dealsRoute.useSearch().tab ?? 'quotes'}
        onTab={(tab) => void navigate({ search: tab === 'orders' ? { tab } : {}, replace: true })}
      />
    );
  }, DealsPage),
});
const optionalId = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;
const quoteNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/quotes/new',
  validateSearch: (
    search: Record<string, unknown>,
  ): { customerId?: string; visitId?: string; sourceQuoteId?: string; products?: string; qty?: string } => {
    // products: comma-separated product ids or codes (≤ 20) to start with; qty: their quantities.
    const products = parseProductsSearch(search.products);
    const qty = products ? parseQtySearch(search.qty) : undefined;
    return {
      ...Object.fromEntries(
        (['customerId', 'visitId', 'sourceQuoteId'] as const)
          .map((key) => [key, optionalId(search[key])] as const)
          .filter(([, value]) => value !== undefined),
      ),
      ...(products ? { products } : {}),
      ...(qty ? { qty } : {}),
    };
  },
  component: withPreload(function QuoteNewRoute() {
    return <QuoteEditPage search={quoteNewRoute.useSearch()} />;
  }, QuoteEditPage),
});
const quoteRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/quotes/$quoteId',
  component: withPreload(function QuoteRoute() {
    return <QuotePage quoteId={quoteRoute.useParams().quoteId} />;
  }, QuotePage),
});
const quoteEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/quotes/$quoteId/edit',
  component: withPreload(function QuoteEditRoute() {
    return <QuoteEditPage quoteId={quoteEditRoute.useParams().quoteId} />;
  }, QuoteEditPage),
});
const orderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders/$orderId',
  component: withPreload(function OrderRoute() {
    return <OrderPage orderId={orderRoute.useParams().orderId} />;
  }, OrderPage),
});
const deskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/desk',
  validateSearch: parseDeskFilters,
  component: withPreload(function DeskRoute() {
    return <DeskPage filters={deskRoute.useSearch()} />;
  }, DeskPage),
  pendingComponent: () => <ListSkeleton />,
});
const formsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forms',
  validateSearch: parseFormFilters,
  component: withPreload(function FormsRoute() {
    return <FormsPage filters={formsRoute.useSearch()} />;
  }, FormsPage),
  pendingComponent: () => <ListSkeleton />,
});
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  component: DashboardPage,
});
const healthRoute = createRoute({ getParentRoute: () => appRoute, path: '/health', component: HealthPage });
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: SettingsPage,
});
const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/webhooks',
  component: WebhooksPage,
});

const peopleRoute = createRoute({ getParentRoute: () => appRoute, path: '/people', component: PeoplePage });
const setupRoute = createRoute({ getParentRoute: () => appRoute, path: '/setup', component: SetupPage });
const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organization',
  validateSearch: (search: Record<string, unknown>): { tab: 'teams' | 'areas' } => ({
    tab: search.tab === 'areas' ? 'areas' : 'teams',
  }),
  component: withPreload(function OrganizationRoute() {
    const { tab } = organizationRoute.useSearch();
    return <OrganizationPage tab={tab} />;
  }, OrganizationPage),
});
const workingProfileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$userId/working-profile',
  component: withPreload(function WorkingProfileRoute() {
    const { userId } = workingProfileRoute.useParams();
    return <WorkingProfilePage userId={userId} />;
  }, WorkingProfilePage),
});
const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalog',
  component: CatalogPage,
  pendingComponent: () => <ListSkeleton />,
});

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: NotificationsPage,
});
const text = (value: unknown) => (typeof value === 'string' && value.length <= 100 ? value : undefined);
const handoversRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/handovers',
  validateSearch: (search: Record<string, unknown>): { handover?: string } => {
    const handover = text(search.handover);
    return handover ? { handover } : {};
  },
  component: withPreload(function HandoversRoute() {
    return <HandoversPage handoverId={handoversRoute.useSearch().handover} />;
  }, HandoversPage),
});
const handoverNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/handovers/new',
  validateSearch: (
    search: Record<string, unknown>,
  ): { customerId?: string; fromRepId?: string; areaId?: string } => {
    const out: { customerId?: string; fromRepId?: string; areaId?: string } = {};
    for (const key of ['customerId', 'fromRepId', 'areaId'] as const) {
      const value = text(search[key]);
      if (value) out[key] = value;
    }
    return out;
  },
  component: withPreload(function HandoverNewRoute() {
    const search = handoverNewRoute.useSearch();
    return (
      <HandoverNewPage
        defaults={{
          customerIds: search.customerId ? [search.customerId] : undefined,
          fromRepId: search.fromRepId,
          areaId: search.areaId,
        }}
      />
    );
  }, HandoverNewPage),
});
const handoverSheetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/handovers/sheets/$sheetId',
  component: withPreload(function HandoverSheetRoute() {
    return <HandoverSheetPage sheetId={handoverSheetRoute.useParams().sheetId} />;
  }, HandoverSheetPage),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  acceptInviteRoute,
  resetPasswordRoute,
  appRoute.addChildren([
    todayRoute,
    customersRoute,
    customerNewRoute,
    customerImportRoute,
    customerRoute,
    customerEditRoute,
    briefingRoute,
    complaintsRoute,
    complaintRoute,
    fieldRoute,
    planRoute,
    dealsRoute,
    quoteNewRoute,
    quoteRoute,
    quoteEditRoute,
    orderRoute,
    deskRoute,
    formsRoute,
    dashboardRoute,
    healthRoute,
    settingsRoute,
    webhooksRoute,
    peopleRoute,
    setupRoute,
    organizationRoute,
    workingProfileRoute,
    catalogRoute,
    notificationsRoute,
    handoversRoute,
    handoverNewRoute,
    handoverSheetRoute,
  ]),
]);

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageSkeleton,
    scrollRestoration: true,
  });

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
