// Scratch harness (not committed): the server's test app + customer routes + this build, on :3100.
import { serve } from '@hono/node-server';
import { customerRoutes } from '../../server/src/domains/customers/routes.ts';
import { createTestApp, testConfig } from '../../server/test/support/test-app.ts';

const t = await createTestApp({
  domains: [{ path: '/customers', routes: customerRoutes }],
  config: testConfig({ BASE_URL: 'http://localhost:3100' }),
  webDistDir: new URL('../dist', import.meta.url).pathname,
});
const tenant = await t.createTenant({ customersPerRep: 12 });
console.log(
  JSON.stringify({
    users: Object.fromEntries(
      Object.entries(tenant.users).map(([k, u]) => [k, (u as { email: string }).email]),
    ),
    password: 'fixture-password-2026',
  }),
);
serve({ fetch: t.app.fetch, port: 3100, hostname: '127.0.0.1' });
console.log('listening on 3100');
