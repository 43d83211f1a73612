import { withTenant } from '../../platform/context.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { acceptIntroVisit } from './accept-intro-visit.ts';
import { commitHandover } from './commit-handover.ts';
import { getHandoverSheet } from './get-handover-sheet.ts';
import {
  CommitHandoverBody,
  Handover,
  HandoverIdParam,
  HandoverPreview,
  HandoverSelection,
  HandoverSheet,
  HandoverSheetList,
  HandoverSheetListQuery,
  IntroVisitBody,
} from './handover-schemas.ts';
import { listHandoverSheets } from './list-handover-sheets.ts';
import { previewHandover } from './preview-handover.ts';

const tags = ['Handover'];
const movers = ['manager', 'admin'] as const;
const everyone = ['rep', 'manager', 'admin'] as const;

const previewRoute = defineRoute({
  method: 'post',
  path: '/preview',
  tags,
  summary:
    'Preview a handover (引き継ぎ): which customers move, and each rep’s cadence load against capacity',
  description:
    'Select by customerIds, areaId and/or fromRepId (within the caller’s book; a manager hands over ' +
    'inside their team). Writes nothing. Load = Σ 30 / cadence days; capacity = working days in the ' +
    'next 30 days × the working profile’s visits a day (default 8).',
  request: { body: { required: true, content: { 'application/json': { schema: HandoverSelection } } } },
  responses: { 200: json(HandoverPreview, 'The preview'), ...errorResponses(401, 403, 422) },
  access: {
    roles: movers,
    scope: 'customer-book',
    references: { body: { areaId: 'area', fromRepId: 'user', toRepId: 'user' } },
  },
});

const commitRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Commit a handover: customers, their open promises, sheets and one notification, all or none',
  description:
    'Send each customer’s version from the preview: one changed since is 409 version_conflict and ' +
    'nothing moves. Each customer gets a handover sheet for the new rep (note, introduction visit).',
  request: { body: { required: true, content: { 'application/json': { schema: CommitHandoverBody } } } },
  responses: {
    201: json(Handover, 'The handover and its sheets'),
    ...errorResponses(401, 403, 404, 409, 422),
  },
  access: {
    roles: movers,
    scope: 'customer-book',
    references: { body: { toRepId: 'user' } },
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/sheets',
  tags,
  summary: 'Handover sheets: those handed to the caller (mine), or all the caller may see',
  request: { query: HandoverSheetListQuery },
  responses: { 200: json(HandoverSheetList, 'Sheets'), ...errorResponses(401, 422) },
  access: { roles: everyone, scope: 'customer-book', references: { query: { customerId: 'customer' } } },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/sheets/{id}',
  tags,
  summary: 'One handover sheet: note, introduction visit, the customer’s briefing, who had it when',
  request: { params: HandoverIdParam },
  responses: { 200: json(HandoverSheet, 'The sheet'), ...errorResponses(401, 404) },
  access: { roles: everyone, scope: 'customer-book', references: { path: { id: 'handoverSheet' } } },
});

const introVisitRoute = defineRoute({
  method: 'post',
  path: '/sheets/{id}/intro-visit',
  tags,
  summary: 'Accept the introduction visit into the new rep’s plan (an agreed appointment)',
  description:
    'The new rep (or a manager or admin over them) picks the day, a time window and a note ' +
    '(default 「前任 〇〇さんと同行」). A ready plan of that day gets it as a fixed visit at once; ' +
    'otherwise the next plan built over that day pins it. The outgoing rep is notified. 422 names ' +
    '`date` (not a working day of the new rep), `startTime` or `endTime`; 409 once accepted; 403 ' +
    'for the outgoing rep.',
  request: {
    params: HandoverIdParam,
    body: { required: true, content: { 'application/json': { schema: IntroVisitBody } } },
  },
  responses: {
    200: json(HandoverSheet, 'The sheet with its accepted appointment'),
    ...errorResponses(401, 403, 404, 409, 422),
  },
  access: { roles: everyone, scope: 'customer-book', references: { path: { id: 'handoverSheet' } } },
});

/** The handover API, mounted at /api/handovers. */
export const handoverRoutes = createRouter()
  .openapi(previewRoute, async (c) =>
    c.json(await previewHandover({ db: c.var.db, actor: c.var.actor, selection: c.req.valid('json') }), 200),
  )
  .openapi(commitRoute, async (c) =>
    c.json(await commitHandover({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    return c.json(
      await withTenant(c.var.db, c.var.actor, (tx) => listHandoverSheets(tx, c.var.actor, query)),
      200,
    );
  })
  .openapi(getRoute, async (c) =>
    c.json(await getHandoverSheet({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id }), 200),
  )
  .openapi(introVisitRoute, async (c) =>
    c.json(
      await acceptIntroVisit({
        db: c.var.db,
        actor: c.var.actor,
        sheetId: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  );
