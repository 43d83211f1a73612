import { z } from '@hono/zod-openapi';
import { withTenant } from '../../platform/context.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { addAbsence } from './add-absence.ts';
import { applyArea } from './apply-area.ts';
import { createArea } from './create-area.ts';
import { createTeam } from './create-team.ts';
import { listAreaMap } from './list-area-map.ts';
import { listAreas } from './list-areas.ts';
import { listTeams } from './list-teams.ts';
import {
  Absence,
  AbsenceParam,
  ApplyAreaBody,
  ApplyAreaResult,
  Area,
  AreaList,
  AreaMap,
  AreaPreview,
  CreateAbsenceBody,
  CreateAreaBody,
  CreateTeamBody,
  IdParam,
  PreviewAreaBody,
  Team,
  TeamList,
  UpdateAreaBody,
  UpdateTeamBody,
  UpdateWorkingProfileBody,
  WorkingProfile,
} from './organization-schemas.ts';
import { previewArea } from './preview-area.ts';
import { removeAbsence } from './remove-absence.ts';
import { updateArea } from './update-area.ts';
import { updateTeam } from './update-team.ts';
import { updateWorkingProfile } from './update-working-profile.ts';
import { loadWorkingProfile } from './working-profile-view.ts';

const tags = ['Organization'];
const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const admin = ['admin'] as const;
const leads = ['manager', 'admin'] as const;
const everyone = ['rep', 'manager', 'admin'] as const;

// ——— teams ———

const listTeamsRoute = defineRoute({
  method: 'get',
  path: '/teams',
  tags,
  summary: 'The teams with their manager and member count (retired ones last)',
  responses: { 200: json(TeamList, 'The teams'), ...errorResponses(401, 403) },
  access: { roles: leads, scope: 'tenant' },
});

const createTeamRoute = defineRoute({
  method: 'post',
  path: '/teams',
  tags,
  summary: 'Create a team, optionally with its manager (an active manager-role person)',
  description: '422 on name when the company has a team of that name; on managerUserId for anyone else.',
  request: body(CreateTeamBody),
  responses: { 201: json(Team, 'The new team'), ...errorResponses(401, 403, 409, 422) },
  access: { roles: admin, scope: 'tenant', references: { body: { managerUserId: 'user' } } },
});

const updateTeamRoute = defineRoute({
  method: 'patch',
  path: '/teams/{id}',
  tags,
  summary: 'Rename a team, change its manager, retire or reinstate it (send the version you read)',
  description:
    'A retired team keeps its members, plans and KPI history and takes no new members. ' +
    '409 version_conflict with `current` on a stale version.',
  request: { params: IdParam, ...body(UpdateTeamBody) },
  responses: { 200: json(Team, 'The team'), ...errorResponses(401, 403, 404, 409, 422) },
  access: {
    roles: admin,
    scope: 'tenant',
    references: { path: { id: 'team' }, body: { managerUserId: 'user' } },
  },
});

// ——— areas ———

const listAreasRoute = defineRoute({
  method: 'get',
  path: '/areas',
  tags,
  summary: 'The areas with their definitions (市区町村/区, postcode prefixes) and customer counts',
  responses: { 200: json(AreaList, 'The areas'), ...errorResponses(401, 403) },
  access: { roles: leads, scope: 'tenant' },
});

const areaMapRoute = defineRoute({
  method: 'get',
  path: '/areas/map',
  tags,
  summary: 'The located customers the caller may see with their area (up to 5,000): the areas map',
  responses: { 200: json(AreaMap, 'Markers'), ...errorResponses(401, 403) },
  access: { roles: leads, scope: 'customer-book' },
});

const createAreaRoute = defineRoute({
  method: 'post',
  path: '/areas',
  tags,
  summary: 'Create an area with its definition (no customer moves until it is applied)',
  request: body(CreateAreaBody),
  responses: { 201: json(Area, 'The new area'), ...errorResponses(401, 403, 409, 422) },
  access: { roles: admin, scope: 'tenant' },
});

const updateAreaRoute = defineRoute({
  method: 'patch',
  path: '/areas/{id}',
  tags,
  summary: 'Rename an area, change its definition, retire or reinstate it (send the version you read)',
  request: { params: IdParam, ...body(UpdateAreaBody) },
  responses: { 200: json(Area, 'The area'), ...errorResponses(401, 403, 404, 409, 422) },
  access: { roles: admin, scope: 'tenant', references: { path: { id: 'area' } } },
});

const previewAreaRoute = defineRoute({
  method: 'post',
  path: '/areas/{id}/preview',
  tags,
  summary: 'What applying the area (or a draft definition) would do: customers moving in, out, staying',
  description:
    'Writes nothing. The list holds up to 1,000 customers, the moving ones first; the counts are complete.',
  request: { params: IdParam, ...body(PreviewAreaBody) },
  responses: { 200: json(AreaPreview, 'The preview'), ...errorResponses(401, 403, 404, 422) },
  access: { roles: admin, scope: 'tenant', references: { path: { id: 'area' } } },
});

const applyAreaRoute = defineRoute({
  method: 'post',
  path: '/areas/{id}/apply',
  tags,
  summary: "Assign the customers the area's definition matches to it; those no longer matching leave it",
  description:
    'One transaction; every moved customer gets a new version and an audit row. 409 version_conflict ' +
    'when the area changed since the preview; 409 area_retired for a retired area.',
  request: { params: IdParam, ...body(ApplyAreaBody) },
  responses: { 200: json(ApplyAreaResult, 'Moved'), ...errorResponses(401, 403, 404, 409, 422) },
  access: { roles: admin, scope: 'tenant', references: { path: { id: 'area' } } },
});

// ——— working profiles and absences ———

const getProfileRoute = defineRoute({
  method: 'get',
  path: '/people/{id}/working-profile',
  tags,
  summary: "A person's working profile (start/end place, days, hours, lunch, max visits) and absences",
  request: { params: IdParam },
  responses: { 200: json(WorkingProfile, 'The working profile'), ...errorResponses(401, 404) },
  access: { roles: everyone, scope: 'team', references: { path: { id: 'user' } } },
});

const updateProfileRoute = defineRoute({
  method: 'put',
  path: '/people/{id}/working-profile',
  tags,
  summary: "Change a person's working profile (an admin anyone's, a manager their team's)",
  description:
    'A start or end address without lat/lng is geocoded (kept without a position when not found); ' +
    'lat/lng given = picked on the map. 409 version_conflict with `current` on a stale version.',
  request: { params: IdParam, ...body(UpdateWorkingProfileBody) },
  responses: { 200: json(WorkingProfile, 'The working profile'), ...errorResponses(401, 403, 404, 409, 422) },
  access: { roles: leads, scope: 'team', references: { path: { id: 'user' } } },
});

const addAbsenceRoute = defineRoute({
  method: 'post',
  path: '/people/{id}/absences',
  tags,
  summary: 'Record days a person is away (休暇 / 研修 / その他): plans give them no visits then',
  request: { params: IdParam, ...body(CreateAbsenceBody) },
  responses: { 201: json(Absence, 'The absence'), ...errorResponses(401, 403, 404, 409, 422) },
  access: { roles: leads, scope: 'team', references: { path: { id: 'user' } } },
});

const removeAbsenceRoute = defineRoute({
  method: 'delete',
  path: '/people/{id}/absences/{absenceId}',
  tags,
  summary: 'Remove an absence',
  request: { params: AbsenceParam },
  responses: {
    200: json(z.object({ ok: z.literal(true) }), 'Removed'),
    ...errorResponses(401, 403, 404),
  },
  access: { roles: leads, scope: 'team', references: { path: { id: 'user', absenceId: 'absence' } } },
});

/** Teams, areas, working profiles and absences, mounted at /api/organization. */
export const organizationRoutes = createRouter()
  .openapi(listTeamsRoute, async (c) => c.json(await listTeams({ db: c.var.db, actor: c.var.actor }), 200))
  .openapi(createTeamRoute, async (c) =>
    c.json(await createTeam({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(updateTeamRoute, async (c) =>
    c.json(
      await updateTeam({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(listAreasRoute, async (c) => c.json(await listAreas({ db: c.var.db, actor: c.var.actor }), 200))
  .openapi(areaMapRoute, async (c) => c.json(await listAreaMap({ db: c.var.db, actor: c.var.actor }), 200))
  .openapi(createAreaRoute, async (c) =>
    c.json(await createArea({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(updateAreaRoute, async (c) =>
    c.json(
      await updateArea({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(previewAreaRoute, async (c) =>
    c.json(
      await previewArea({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        definition: c.req.valid('json').definition,
      }),
      200,
    ),
  )
  .openapi(applyAreaRoute, async (c) =>
    c.json(
      await applyArea({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        version: c.req.valid('json').version,
      }),
      200,
    ),
  )
  .openapi(getProfileRoute, async (c) => {
    const { db, actor } = c.var;
    return c.json(
      await withTenant(db, actor, (tx) => loadWorkingProfile(tx, actor, c.req.valid('param').id)),
      200,
    );
  })
  .openapi(updateProfileRoute, async (c) =>
    c.json(
      await updateWorkingProfile({
        db: c.var.db,
        actor: c.var.actor,
        userId: c.req.valid('param').id,
        input: c.req.valid('json'),
        geocoder: c.var.geocoder,
      }),
      200,
    ),
  )
  .openapi(addAbsenceRoute, async (c) =>
    c.json(
      await addAbsence({
        db: c.var.db,
        actor: c.var.actor,
        userId: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      201,
    ),
  )
  .openapi(removeAbsenceRoute, async (c) => {
    const { id, absenceId } = c.req.valid('param');
    await removeAbsence({ db: c.var.db, actor: c.var.actor, userId: id, absenceId });
    return c.json({ ok: true as const }, 200);
  });
