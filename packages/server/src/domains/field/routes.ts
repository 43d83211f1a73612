import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses } from '../../platform/http/openapi-schemas.ts';
import { FieldToday, FieldTodayQuery } from './field-schemas.ts';
import { getFieldToday } from './get-field-today.ts';

const todayRoute = defineRoute({
  method: 'get',
  path: '/today',
  tags: ['Field'],
  summary:
    "The manager's view of the field: per rep planned vs done visits, overdue promises, escalated complaints",
  description:
    'A manager sees their own team (another teamId is 404); an admin one team or, without teamId, every ' +
    'rep. Overdue and escalated are as of today (Asia/Tokyo); each item carries the ids to open it.',
  request: { query: FieldTodayQuery },
  responses: {
    200: { description: 'The field', content: { 'application/json': { schema: FieldToday } } },
    ...errorResponses(401, 403, 404, 422),
  },
  access: { roles: ['manager', 'admin'], scope: 'team', references: { query: { teamId: 'team' } } },
});

/** The manager's field view, mounted at /api/field. */
export const fieldRoutes = createRouter().openapi(todayRoute, async (c) => {
  const { teamId, date } = c.req.valid('query');
  return c.json(await getFieldToday({ db: c.var.db, actor: c.var.actor, teamId, date }), 200);
});
