import { withTenant } from '../../platform/context.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute, type OperationAccess } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { completeFollowup } from './complete-followup.ts';
import {
  CreateFollowupBody,
  Followup,
  FollowupDoneBody,
  FollowupIdParam,
  FollowupList,
  FollowupListQuery,
} from './followup-schemas.ts';
import { listFollowups } from './list-followups.ts';
import { createFollowup } from './save-followups.ts';

const tags = ['Followups'];
const everyone = ['rep', 'manager', 'admin'] as const;
const oneFollowup: OperationAccess = {
  roles: everyone,
  scope: 'customer-book',
  references: { path: { id: 'followup' } },
};

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Followups (promises as tasks): the caller’s own or their book’s, open, overdue or done',
  request: { query: FollowupListQuery },
  responses: { 200: json(FollowupList, 'Followups'), ...errorResponses(401, 422) },
  access: { roles: everyone, scope: 'customer-book', references: { query: { customerId: 'customer' } } },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'A promise made outside a visit (client-made id: the same id again answers the stored one)',
  request: { body: { required: true, content: { 'application/json': { schema: CreateFollowupBody } } } },
  responses: {
    201: json(Followup, 'Created'),
    200: json(Followup, 'Already stored under this id'),
    ...errorResponses(401, 409, 422),
  },
  access: {
    roles: everyone,
    scope: 'customer-book',
    references: { body: { customerId: 'customer', assigneeId: 'user' } },
  },
});

const doneRoute = defineRoute({
  method: 'post',
  path: '/{id}/done',
  tags,
  summary: 'Mark a followup done (one tap; who and when are kept; send the version you read)',
  request: {
    params: FollowupIdParam,
    body: { required: true, content: { 'application/json': { schema: FollowupDoneBody } } },
  },
  responses: { 200: json(Followup, 'The followup, done'), ...errorResponses(401, 404, 409, 422) },
  access: oneFollowup,
});

export const followupRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const result = await withTenant(c.var.db, c.var.actor, (tx) => listFollowups(tx, c.var.actor, query));
    return c.json(result, 200);
  })
  .openapi(createRoute, async (c) => {
    const body = c.req.valid('json');
    const { followup, created } = await createFollowup(c.var.db, c.var.actor, body);
    return c.json(followup, created ? 201 : 200);
  })
  .openapi(doneRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('json');
    return c.json(await completeFollowup(c.var.db, c.var.actor, id, version), 200);
  });
