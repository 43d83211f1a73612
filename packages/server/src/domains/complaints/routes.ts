import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { actOnComplaint } from './act-on-complaint.ts';
import {
  Complaint,
  ComplaintActionBody,
  ComplaintDetail,
  ComplaintIdParam,
  ComplaintListQuery,
  ComplaintPage,
  CreateComplaintBody,
} from './complaint-schemas.ts';
import { createComplaint } from './create-complaint.ts';
import { getComplaint, listComplaints } from './list-complaints.ts';

const tags = ['Complaints'];
const everyone = ['rep', 'manager', 'admin'] as const;

const createRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Record a complaint or inquiry of a customer (from a visit, a call, mail …)',
  description:
    'Status open (受付); due date = received day (Asia/Tokyo) + critical 1 / high 3 / medium 7 / low 14 ' +
    "working days (Mon–Fri, not a national holiday). Owner: ownerId, else the customer's rep. " +
    '422 naming the field (customerId unknown, ownerId not allowed, visitId without source visit).',
  request: { body: { required: true, content: { 'application/json': { schema: CreateComplaintBody } } } },
  responses: { 201: json(Complaint, 'The new complaint'), ...errorResponses(401, 409, 422) },
  access: {
    roles: everyone,
    scope: 'customer-book',
    references: { body: { customerId: 'customer', ownerId: 'user' } },
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Complaints and inquiries of the customers the caller may see, newest first (keyset pages)',
  request: { query: ComplaintListQuery },
  responses: { 200: json(ComplaintPage, 'A page'), ...errorResponses(401, 422) },
  access: { roles: everyone, scope: 'customer-book', references: { query: { customerId: 'customer' } } },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One complaint with its whole history',
  request: { params: ComplaintIdParam },
  responses: { 200: json(ComplaintDetail, 'The complaint'), ...errorResponses(401, 404) },
  access: { roles: everyone, scope: 'customer-book', references: { path: { id: 'complaint' } } },
});

const actionRoute = defineRoute({
  method: 'post',
  path: '/{id}/actions',
  tags,
  summary: 'Act on a complaint: note, start, resolve, confirm, reopen, reassign (send the version you read)',
  description:
    'open → in_progress (start) → resolved (resolve, note required) → confirmed (confirm: the customer ' +
    'agreed, usually at the next visit, where the briefing lists it). reopen (note required) goes back ' +
    'to in_progress with a new due date. 409 invalid_transition naming `type` when the action does not ' +
    'apply; 409 version_conflict with `current` on a stale version.',
  request: {
    params: ComplaintIdParam,
    body: { required: true, content: { 'application/json': { schema: ComplaintActionBody } } },
  },
  responses: {
    200: json(ComplaintDetail, 'The complaint after the action'),
    ...errorResponses(401, 404, 409, 422),
  },
  access: {
    roles: everyone,
    scope: 'customer-book',
    references: { path: { id: 'complaint' }, body: { ownerId: 'user' } },
  },
});

/** The complaints API, mounted at /api/complaints. */
export const complaintRoutes = createRouter()
  .openapi(createRoute, async (c) =>
    c.json(await createComplaint({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(listRoute, async (c) =>
    c.json(await listComplaints({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getComplaint({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id }), 200),
  )
  .openapi(actionRoute, async (c) =>
    c.json(
      await actOnComplaint({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  );
