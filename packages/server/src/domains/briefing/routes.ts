import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute, type OperationAccess } from '../../platform/http/define-route.ts';
import { errorResponses } from '../../platform/http/openapi-schemas.ts';
import { Briefing, CustomerIdParam, TimelinePage, TimelineQuery } from './briefing-schemas.ts';
import { getBriefing } from './get-briefing.ts';
import { getTimeline } from './get-timeline.ts';

const tags = ['Customers'];
const oneCustomer: OperationAccess = {
  roles: ['rep', 'manager', 'admin'],
  scope: 'customer-book',
  references: { path: { id: 'customer' } },
};

const briefingRoute = defineRoute({
  method: 'get',
  path: '/{id}/briefing',
  tags,
  summary: 'The pre-visit briefing of a customer (one phone screen, one A4 page)',
  description:
    'Generated from the records only; every line carries `source {kind, id}`, the record it came from. ' +
    'Cautions (注意点) first, 好み・人柄, the last visits and what was said, open complaints with their age, ' +
    'resolved ones awaiting the customer’s confirmation, open promises (ours / theirs), recent orders with ' +
    'the trend (last 3 months vs the 3 before, tax-excluded), reorder due (median interval of this ' +
    'customer’s purchases of a product has passed), open quotes (none yet: available false), application ' +
    'forms collected, and up to three talking points with their reason.',
  request: { params: CustomerIdParam },
  responses: {
    200: { description: 'The briefing', content: { 'application/json': { schema: Briefing } } },
    ...errorResponses(401, 404),
  },
  access: oneCustomer,
});

const timelineRoute = defineRoute({
  method: 'get',
  path: '/{id}/timeline',
  tags,
  summary: "The カルテ's timeline: visits, orders, complaints, promises and forms, newest first",
  request: { params: CustomerIdParam, query: TimelineQuery },
  responses: {
    200: { description: 'A page of the timeline', content: { 'application/json': { schema: TimelinePage } } },
    ...errorResponses(401, 404, 422),
  },
  access: oneCustomer,
});

/** Read models of one customer (briefing, timeline), mounted at /api/customers beside the book. */
export const briefingRoutes = createRouter()
  .openapi(briefingRoute, async (c) =>
    c.json(await getBriefing({ db: c.var.db, actor: c.var.actor, customerId: c.req.valid('param').id }), 200),
  )
  .openapi(timelineRoute, async (c) => {
    const { kinds, before, limit } = c.req.valid('query');
    return c.json(
      await getTimeline({
        db: c.var.db,
        actor: c.var.actor,
        customerId: c.req.valid('param').id,
        kinds,
        before,
        limit,
      }),
      200,
    );
  });
