import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { getCustomerHealth } from './get-customer-health.ts';
import { AtRiskPage, AtRiskQuery, CustomerHealth, CustomerHealthParam } from './health-schemas.ts';
import { listAtRiskCustomers } from './list-at-risk-customers.ts';

const tags = ['Customer health'];
const everyone = ['rep', 'manager', 'admin'] as const;

const atRiskRoute = defineRoute({
  method: 'get',
  path: '/at-risk',
  tags,
  summary: 'Customers whose health is below the band, least healthy first (a bounded page)',
  description:
    'Health 0–100 (docs/kpi.md 顧客ヘルス) with its reasons as codes and figures. A rep sees their own ' +
    "book, a manager their team's; filters teamId, repId, areaId narrow it. Computed on each request.",
  request: { query: AtRiskQuery },
  responses: { 200: json(AtRiskPage, 'A page of the list'), ...errorResponses(401, 422) },
  access: {
    roles: everyone,
    scope: 'customer-book',
    references: { query: { teamId: 'team', repId: 'user', areaId: 'area' } },
  },
});

const customerHealthRoute = defineRoute({
  method: 'get',
  path: '/{id}/health',
  tags,
  summary: "A customer's health with its reasons (カルテ, briefing)",
  request: { params: CustomerHealthParam },
  responses: { 200: json(CustomerHealth, 'The health'), ...errorResponses(401, 404) },
  access: { roles: everyone, scope: 'customer-book', references: { path: { id: 'customer' } } },
});

/** The at-risk list, mounted at /api/customer-health. */
export const healthRoutes = createRouter().openapi(atRiskRoute, async (c) =>
  c.json(await listAtRiskCustomers({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
);

/** A customer's health, mounted at /api/customers. */
export const customerHealthRoutes = createRouter().openapi(customerHealthRoute, async (c) =>
  c.json(
    await getCustomerHealth({ db: c.var.db, actor: c.var.actor, customerId: c.req.valid('param').id }),
    200,
  ),
);
