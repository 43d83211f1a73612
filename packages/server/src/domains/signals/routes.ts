import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses } from '../../platform/http/openapi-schemas.ts';
import { CustomerIdParam } from '../briefing/briefing-schemas.ts';
import { getCustomerSignals } from './get-customer-signals.ts';
import { CustomerSignals } from './signals-schemas.ts';

const signalsRoute = defineRoute({
  method: 'get',
  path: '/{id}/signals',
  tags: ['Customers'],
  summary: "A customer's reorder predictions and cross-sell suggestions",
  description:
    'Reorders: for each product bought on 3+ days (2+ with the typical interval of the product), the usual ' +
    'interval (median of the latest 12 intervals, blended with the median interval of the product among the ' +
    'book) and the expected next order; `due` when expected within 7 days or overdue. Cross-sell: active ' +
    'products that the 30 customers with the most similar purchases (Jaccard) buy and this one does not, ' +
    'bought by 3+ of them and with lift ≥ 1.2, each with its reason (code + figures, and in words). ' +
    'Discount lines and cancelled orders are not purchases. See docs/kpi.md.',
  request: { params: CustomerIdParam },
  responses: {
    200: { description: 'The signals', content: { 'application/json': { schema: CustomerSignals } } },
    ...errorResponses(401, 404),
  },
  access: {
    roles: ['rep', 'manager', 'admin'],
    scope: 'customer-book',
    references: { path: { id: 'customer' } },
  },
});

/** Reorder and cross-sell signals of one customer, mounted at /api/customers. */
export const signalsRoutes = createRouter().openapi(signalsRoute, async (c) =>
  c.json(
    await getCustomerSignals({ db: c.var.db, actor: c.var.actor, customerId: c.req.valid('param').id }),
    200,
  ),
);
