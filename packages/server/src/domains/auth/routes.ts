import { z } from '@hono/zod-openapi';
import { kayoiRoles } from '../../platform/db/schema/index.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses } from '../../platform/http/openapi-schemas.ts';
import { getMe } from './get-me.ts';
import { listAreas } from './list-areas.ts';
import { listUsers } from './list-users.ts';

const Role = z.enum(kayoiRoles).openapi({ description: 'rep = 営業担当, manager = 課長, admin = 営業事務' });

const Me = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: Role,
      /** The UI language the person chose (PATCH /api/me); null = the browser's. */
      language: z.enum(['ja', 'en']).nullable(),
    }),
    tenant: z.object({ id: z.string(), name: z.string() }),
    team: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi('Me');

const UserSummary = z
  .object({ id: z.string(), name: z.string(), role: Role, teamId: z.string().nullable() })
  .openapi('UserSummary');

const Area = z.object({ id: z.string(), name: z.string() }).openapi('Area');

const security = [{ session: [] }];

const meRoute = defineRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in user, tenant and team',
  security,
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: Me } } },
    ...errorResponses(401),
  },
  access: { roles: ['rep', 'manager', 'admin'], scope: 'self' },
});

const usersRoute = defineRoute({
  method: 'get',
  path: '/users',
  tags: ['auth'],
  summary: 'Staff visible to the caller (rep: self, manager: team, admin: tenant)',
  security,
  request: { query: z.object({ role: Role.optional() }) },
  responses: {
    200: {
      description: 'Users',
      content: { 'application/json': { schema: z.object({ items: z.array(UserSummary) }) } },
    },
    ...errorResponses(401, 422),
  },
  access: { roles: ['rep', 'manager', 'admin'], scope: 'team' },
});

const areasRoute = defineRoute({
  method: 'get',
  path: '/areas',
  tags: ['auth'],
  summary: 'Sales areas of the tenant',
  security,
  responses: {
    200: {
      description: 'Areas',
      content: { 'application/json': { schema: z.object({ items: z.array(Area) }) } },
    },
    ...errorResponses(401),
  },
  access: { roles: ['rep', 'manager', 'admin'], scope: 'tenant' },
});

/** GET /me, /users and /areas; mounted at /api behind the actor middleware. */
export const authRoutes = () =>
  createRouter()
    .openapi(meRoute, async (c) => c.json(await getMe({ db: c.var.db, actor: c.var.actor }), 200))
    .openapi(usersRoute, async (c) => {
      const { role } = c.req.valid('query');
      return c.json({ items: await listUsers({ db: c.var.db, actor: c.var.actor, role }) }, 200);
    })
    .openapi(areasRoute, async (c) =>
      c.json({ items: await listAreas({ db: c.var.db, actor: c.var.actor }) }, 200),
    );
