import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { theme } from '../app/theme.ts';
import '../i18n/i18n.ts';
import { vi } from 'vitest';

/**
 * Renders a component the way the app does (Mantine, React Query, a router at `path`), with
 * `/api/me` answered as a manager unless the test's fetch mock says otherwise.
 */
export const renderWithApp = (ui: ReactElement, options: { path?: string } = {}) => {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  queryClient.setQueryData(['me'], {
    user: { id: 'u1', name: '佐藤 健', email: 'manager@example.jp', role: 'manager' },
    tenant: { id: 't1', name: 'デモ商事' },
    team: { id: 'team1', name: '東京第一' },
  });
  const rootRoute = createRootRoute({ component: Outlet });
  const pageRoute = createRoute({ getParentRoute: () => rootRoute, path: '$', component: () => ui });
  const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: () => ui });
  const router = createRouter({
    routeTree: rootRoute.addChildren([indexRoute, pageRoute]),
    history: createMemoryHistory({ initialEntries: [options.path ?? '/'] }),
  });
  const result = render(
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        {/* biome-ignore lint/suspicious/noExplicitAny: a test-only router outside the app's registered route tree */}
        <RouterProvider router={router as any} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, queryClient, router };
};

export interface MockResponse {
  status?: number;
  body: unknown;
}

/**
 * Replaces fetch with a table of answers by path prefix (longest first); unmatched paths fail the test.
 * Returns the mock so tests can inspect calls.
 */
export const mockFetch = (routes: Record<string, MockResponse | (() => MockResponse)>) => {
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  const mock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const prefix = prefixes.find((candidate) => url.startsWith(candidate));
    if (!prefix) throw new Error(`Unexpected fetch ${url}`);
    const entry = routes[prefix]!;
    const { status = 200, body } = typeof entry === 'function' ? entry() : entry;
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', mock);
  return mock;
};
