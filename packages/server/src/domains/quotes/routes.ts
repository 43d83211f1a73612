import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { calculateQuote } from './calculate-quote.ts';
import { CalculateBody, CalculateResult } from './quote-schemas.ts';

const tags = ['Quotes'];
const everyone = ['rep', 'manager', 'admin'] as const;

const calculateRoute = defineRoute({
  method: 'post',
  path: '/calculate',
  tags,
  summary: 'Totals of unsaved lines: per-rate subtotals, taxes rounded once per rate, total (integer yen)',
  description:
    "Each line's amount = unitPrice × quantity rounded to whole yen; per rate (10, 8) the subtotal is the " +
    "items minus the discounts and its tax is rounded once. rounding defaults to the company profile's. " +
    'Nothing is stored.',
  request: { body: { required: true, content: { 'application/json': { schema: CalculateBody } } } },
  responses: { 200: json(CalculateResult, 'The totals'), ...errorResponses(401, 422) },
  access: { roles: everyone, scope: 'tenant' },
});

/** The quotes API, mounted at /api/quotes. */
export const quoteRoutes = createRouter().openapi(calculateRoute, async (c) =>
  c.json(await calculateQuote({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 200),
);
