import { withTenant } from '../../platform/context.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute, type OperationAccess } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { checkIn } from './check-in.ts';
import { checkOut } from './check-out.ts';
import { getToday } from './get-today.ts';
import { saveVisitLog } from './save-visit-log.ts';
import { skipStop } from './skip-stop.ts';
import { visitNotFound } from './visit-errors.ts';
import {
  CheckInBody,
  CheckOutBody,
  SkipBody,
  Stop,
  Today,
  TodayQuery,
  Visit,
  VisitIdParam,
  VisitLogBody,
  VisitTemplateList,
} from './visit-schemas.ts';
import { listVisitTemplates } from './visit-templates.ts';
import { loadVisit } from './visit-view.ts';

const tags = ['Visits'];
const everyone = ['rep', 'manager', 'admin'] as const;
/** A visit of the caller's reps' scope: a rep their own, a manager their team's, an admin all. */
const oneVisit: OperationAccess = {
  roles: everyone,
  scope: 'customer-book',
  references: { path: { id: 'visit' } },
};

const todayRoute = defineRoute({
  method: 'get',
  path: '/today',
  tags,
  summary: '今日: the caller’s stops of a day (default today, Asia/Tokyo) with the alerts on top',
  description:
    'The newest ready plan’s planned visits of the caller that day, in planned order, merged with the ' +
    'caller’s visits of the day (unplanned ones after). Each stop: customer (address, phone, 注意点), ' +
    'directions, status, check-in/out, far-from-customer flag, log summary, skip reason. Alerts: open ' +
    'followups past due of the day’s customers and of the caller, open complaints of the day’s customers.',
  request: { query: TodayQuery },
  responses: { 200: json(Today, 'The day'), ...errorResponses(401, 422) },
  access: { roles: everyone, scope: 'self' },
});

const templatesRoute = defineRoute({
  method: 'get',
  path: '/visit-templates',
  tags,
  summary: 'Visit log templates for the routine cases (the tenant’s, or the defaults)',
  responses: { 200: json(VisitTemplateList, 'Templates'), ...errorResponses(401) },
  access: { roles: everyone, scope: 'tenant' },
});

const checkInRoute = defineRoute({
  method: 'post',
  path: '/visits',
  tags,
  summary: 'Check in at a customer (client-made id: the same id again answers the stored visit)',
  description:
    'Time (`at`, default now) and, when the browser gives one, the position. A check-in further than ' +
    '500 m from the customer beyond the fix’s accuracy is flagged (farFromCustomer, metres), never ' +
    'refused. Without plannedVisitId the visit is linked to the caller’s planned stop at that customer ' +
    'that day when there is one; otherwise it is unplanned.',
  request: { body: { required: true, content: { 'application/json': { schema: CheckInBody } } } },
  responses: {
    201: json(Visit, 'Checked in'),
    200: json(Visit, 'Already checked in under this id'),
    ...errorResponses(401, 409, 422),
  },
  access: {
    roles: everyone,
    scope: 'customer-book',
    references: { body: { customerId: 'customer', plannedVisitId: 'plannedVisit' } },
  },
});

const skipRoute = defineRoute({
  method: 'post',
  path: '/visits/skip',
  tags,
  summary: 'Skip one of the caller’s planned stops with a reason (it goes back to the planner’s pool)',
  request: { body: { required: true, content: { 'application/json': { schema: SkipBody } } } },
  responses: { 200: json(Stop, 'The stop, skipped'), ...errorResponses(401, 409, 422) },
  access: { roles: everyone, scope: 'self', references: { body: { plannedVisitId: 'plannedVisit' } } },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/visits/{id}',
  tags,
  summary: 'A visit with its log, forms and promises',
  request: { params: VisitIdParam },
  responses: { 200: json(Visit, 'The visit'), ...errorResponses(401, 404) },
  access: oneVisit,
});

const checkOutRoute = defineRoute({
  method: 'post',
  path: '/visits/{id}/check-out',
  tags,
  summary: 'Check out (the planned stop becomes done; the customer’s last visit moves)',
  request: {
    params: VisitIdParam,
    body: { required: true, content: { 'application/json': { schema: CheckOutBody } } },
  },
  responses: { 200: json(Visit, 'The visit'), ...errorResponses(401, 404, 422) },
  access: oneVisit,
});

const logRoute = defineRoute({
  method: 'put',
  path: '/visits/{id}/log',
  tags,
  summary: 'Save the visit log (promises become followups; checks out unless checkOut: false)',
  description:
    'The first save needs no version; changing a saved log needs the version read (409 version_conflict ' +
    'with the stored visit otherwise). Promises carry client-made ids: saving again never adds a second task.',
  request: {
    params: VisitIdParam,
    body: { required: true, content: { 'application/json': { schema: VisitLogBody } } },
  },
  responses: { 200: json(Visit, 'The visit with its log'), ...errorResponses(401, 404, 409, 422) },
  access: oneVisit,
});

/** Mounted at /api (the paths carry /today, /visits and /visit-templates). */
export const visitRoutes = createRouter()
  .openapi(todayRoute, async (c) => {
    const { date } = c.req.valid('query');
    return c.json(await withTenant(c.var.db, c.var.actor, (tx) => getToday(tx, c.var.actor, date)), 200);
  })
  .openapi(templatesRoute, async (c) => {
    const templates = await withTenant(c.var.db, c.var.actor, (tx) => listVisitTemplates(tx, c.var.actor));
    return c.json({ templates }, 200);
  })
  .openapi(checkInRoute, async (c) => {
    const { visit, created } = await checkIn(c.var.db, c.var.actor, c.req.valid('json'));
    return c.json(visit, created ? 201 : 200);
  })
  .openapi(skipRoute, async (c) => c.json(await skipStop(c.var.db, c.var.actor, c.req.valid('json')), 200))
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const visit = await withTenant(c.var.db, c.var.actor, (tx) => loadVisit(tx, c.var.actor, id));
    if (!visit) throw visitNotFound();
    return c.json(visit, 200);
  })
  .openapi(checkOutRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await checkOut(c.var.db, c.var.actor, id, c.req.valid('json')), 200);
  })
  .openapi(logRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await saveVisitLog(c.var.db, c.var.actor, id, c.req.valid('json')), 200);
  });
