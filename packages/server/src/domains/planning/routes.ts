import { withTenant } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute, type OperationAccess } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { cancelPlan } from './cancel-plan.ts';
import { addAppointment, moveVisit } from './change-plan-day.ts';
import { createPlan } from './create-plan.ts';
import { pinPlannedVisit } from './pin-planned-visit.ts';
import { listPlanDays } from './plan-days.ts';
import {
  AppointmentBody,
  CreatePlanBody,
  CreatePlanResult,
  DayChangeResult,
  DaysQuery,
  LatestPlan,
  LatestQuery,
  MoveVisitBody,
  MyVisitsQuery,
  NextVisit,
  NextVisitQuery,
  PinBody,
  Plan,
  PlanDayList,
  PlanIdParam,
  PlannedVisit,
  UnplannedList,
  VisitIdParam,
  VisitList,
  VisitsQuery,
} from './plan-schemas.ts';
import {
  getNextVisit,
  latestReadyPlan,
  listMyVisits,
  listPlanVisits,
  listUnplanned,
  loadPlan,
  toPlanView,
} from './plan-view.ts';

const tags = ['Plans'];
const planners = ['manager', 'admin'] as const;
/** A manager their team's plans, an admin every plan. */
const onePlan: OperationAccess = { roles: planners, scope: 'team', references: { path: { id: 'plan' } } };

const createRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Optimise a team (or, for an admin, every rep) over a horizon: queues the planner',
  description:
    'Answers 202 with the queued plan and its job; follow it with GET /api/plans/{id}. While a plan of ' +
    'the same scope is queued or running, that plan is answered. The new plan keeps the previous ' +
    'plan’s pinned visits and replaces its visits yet to happen.',
  request: { body: { required: true, content: { 'application/json': { schema: CreatePlanBody } } } },
  responses: { 202: json(CreatePlanResult, 'Queued'), ...errorResponses(401, 403, 422) },
  access: { roles: planners, scope: 'team', references: { body: { teamId: 'team', areaId: 'area' } } },
});

const latestRoute = defineRoute({
  method: 'get',
  path: '/latest',
  tags,
  summary: 'The newest ready plan of a team (or, without teamId, the manager’s team / the company)',
  request: { query: LatestQuery },
  responses: { 200: json(LatestPlan, 'The plan, or null'), ...errorResponses(401, 403, 422) },
  access: { roles: planners, scope: 'team', references: { query: { teamId: 'team', areaId: 'area' } } },
});

const myVisitsRoute = defineRoute({
  method: 'get',
  path: '/my-visits',
  tags,
  summary: 'The caller’s own planned visits (default: the next 7 days), by day and order',
  request: { query: MyVisitsQuery },
  responses: { 200: json(VisitList, 'Visits'), ...errorResponses(401, 422) },
  access: { roles: ['rep', 'manager', 'admin'], scope: 'self' },
});

const nextVisitRoute = defineRoute({
  method: 'get',
  path: '/next-visit',
  tags,
  summary: 'A customer’s next planned visit (for its カルテ); null when none',
  request: { query: NextVisitQuery },
  responses: { 200: json(NextVisit, 'The visit, or null'), ...errorResponses(401, 422) },
  access: {
    roles: ['rep', 'manager', 'admin'],
    scope: 'customer-book',
    references: { query: { customerId: 'customer' } },
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'A plan: status, progress of its job, summary',
  request: { params: PlanIdParam },
  responses: { 200: json(Plan, 'The plan'), ...errorResponses(401, 403, 404) },
  access: onePlan,
});

const cancelRoute = defineRoute({
  method: 'post',
  path: '/{id}/cancel',
  tags,
  summary: 'Cancel a queued or running plan (409 plan_finished once it is done)',
  request: { params: PlanIdParam },
  responses: { 200: json(Plan, 'The cancelled plan'), ...errorResponses(401, 403, 404, 409) },
  access: onePlan,
});

const visitsRoute = defineRoute({
  method: 'get',
  path: '/{id}/visits',
  tags,
  summary: 'A plan’s visits by rep and day, in order, with customer name and address',
  request: { params: PlanIdParam, query: VisitsQuery },
  responses: { 200: json(VisitList, 'Visits'), ...errorResponses(401, 403, 404, 422) },
  access: { ...onePlan, references: { path: { id: 'plan' }, query: { repId: 'user' } } },
});

const unplannedRoute = defineRoute({
  method: 'get',
  path: '/{id}/unplanned',
  tags,
  summary: 'Customers the plan could not visit, with the reason (code and message)',
  request: { params: PlanIdParam },
  responses: { 200: json(UnplannedList, 'Unplanned customers'), ...errorResponses(401, 403, 404) },
  access: onePlan,
});

const pinRoute = defineRoute({
  method: 'post',
  path: '/{id}/visits/{visitId}/pin',
  tags,
  summary: 'Pin (or unpin) a planned visit: a refresh keeps its day, rep and time',
  request: {
    params: VisitIdParam,
    body: { required: true, content: { 'application/json': { schema: PinBody } } },
  },
  responses: { 200: json(PlannedVisit, 'The visit'), ...errorResponses(401, 403, 404, 409, 422) },
  access: {
    roles: planners,
    scope: 'team',
    references: { path: { id: 'plan', visitId: 'plannedVisit' } },
  },
});

const daysRoute = defineRoute({
  method: 'get',
  path: '/{id}/days',
  tags,
  summary: 'A plan’s days per rep: visits, travel (the way back included), span and lunch; and its reps',
  description:
    '`reps` lists every rep of the plan’s scope by name (the rows of a week view); `days` has one ' +
    'entry per rep and working date of the horizon (visitCount 0 on a day without visits).',
  request: { params: PlanIdParam, query: DaysQuery },
  responses: { 200: json(PlanDayList, 'Reps and days'), ...errorResponses(401, 403, 404, 422) },
  access: { ...onePlan, references: { path: { id: 'plan' }, query: { repId: 'user' } } },
});

const moveRoute = defineRoute({
  method: 'post',
  path: '/{id}/visits/{visitId}/move',
  tags,
  summary: 'Move a visit to another day or rep: that day is re-sequenced, the change reported',
  description:
    'The target day is re-sequenced by the day engine (its pinned and fixed visits keep their ' +
    'times); the source day keeps its order and starts; no other day changes. The moved visit ' +
    'becomes pinned. 422 names `date` (outside the horizon, the rep’s day off, or ' +
    '`visit_does_not_fit`) or `repId` (not a rep of the plan); 409 with `current` when stale.',
  request: {
    params: VisitIdParam,
    body: { required: true, content: { 'application/json': { schema: MoveVisitBody } } },
  },
  responses: { 200: json(DayChangeResult, 'The change'), ...errorResponses(401, 403, 404, 409, 422) },
  access: {
    roles: planners,
    scope: 'team',
    references: { path: { id: 'plan', visitId: 'plannedVisit' }, body: { repId: 'user' } },
  },
});

const appointmentRoute = defineRoute({
  method: 'post',
  path: '/{id}/appointments',
  tags,
  summary: 'Add a fixed appointment at exactly that time; the rest of the day is re-sequenced',
  description:
    'Fixed and pinned: a refresh keeps it to the minute. 422 names `startTime` outside the rep’s ' +
    'working hours or over their lunch, `date`/`repId` as for a move.',
  request: {
    params: PlanIdParam,
    body: { required: true, content: { 'application/json': { schema: AppointmentBody } } },
  },
  responses: {
    201: json(DayChangeResult, 'The new visit and its day'),
    ...errorResponses(401, 403, 404, 409, 422),
  },
  access: {
    roles: planners,
    scope: 'team',
    references: { path: { id: 'plan' }, body: { customerId: 'customer', repId: 'user' } },
  },
});

const jobsOf = (jobs: unknown) => {
  if (!jobs)
    throw new AppError(503, 'jobs_unavailable', {
      ja: '計画を実行できません（ジョブキューがありません）。',
      en: 'Plans cannot run: the job queue is not available.',
    });
  return jobs as NonNullable<Parameters<typeof createPlan>[0]['jobs']>;
};

/** /api/plans: the visit planner (optimise, follow, read by rep and day, pin, cancel). */
export const planRoutes = createRouter()
  .openapi(createRoute, async (c) => {
    const body = c.req.valid('json');
    const result = await createPlan({
      db: c.var.db,
      jobs: jobsOf(c.var.jobs),
      actor: c.var.actor,
      teamId: body.teamId,
      areaId: body.areaId,
      startDate: body.startDate,
      days: body.days,
      timeLimitSeconds: body.timeLimitSeconds,
    });
    return c.json(result, 202);
  })
  .openapi(latestRoute, async (c) => {
    const { teamId, areaId } = c.req.valid('query');
    const actor = c.var.actor;
    const plan = await withTenant(c.var.db, actor, (tx) =>
      latestReadyPlan(tx, actor, teamId ?? (actor.role === 'admin' ? null : actor.teamId), areaId ?? null),
    );
    return c.json({ plan: plan ? await toPlanView(plan, c.var.jobs) : null }, 200);
  })
  .openapi(myVisitsRoute, async (c) => {
    const { from, days } = c.req.valid('query');
    const visits = await withTenant(c.var.db, c.var.actor, (tx) => listMyVisits(tx, c.var.actor, from, days));
    return c.json({ visits }, 200);
  })
  .openapi(nextVisitRoute, async (c) => {
    const { customerId } = c.req.valid('query');
    const visit = await withTenant(c.var.db, c.var.actor, (tx) => getNextVisit(tx, c.var.actor, customerId));
    return c.json({ visit }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const plan = await withTenant(c.var.db, c.var.actor, (tx) => loadPlan(tx, c.var.actor, id));
    return c.json(await toPlanView(plan, c.var.jobs), 200);
  })
  .openapi(cancelRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await cancelPlan({ db: c.var.db, jobs: jobsOf(c.var.jobs), actor: c.var.actor, id }), 200);
  })
  .openapi(visitsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const filters = c.req.valid('query');
    const visits = await withTenant(c.var.db, c.var.actor, (tx) =>
      listPlanVisits(tx, c.var.actor, id, filters),
    );
    return c.json({ visits }, 200);
  })
  .openapi(unplannedRoute, async (c) => {
    const { id } = c.req.valid('param');
    const unplanned = await withTenant(c.var.db, c.var.actor, (tx) =>
      listUnplanned(tx, c.var.actor, id, c.var.locale),
    );
    return c.json({ unplanned }, 200);
  })
  .openapi(pinRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    const { pinned, version } = c.req.valid('json');
    const visit = await pinPlannedVisit({
      db: c.var.db,
      actor: c.var.actor,
      planId: id,
      visitId,
      pinned,
      version,
    });
    return c.json(visit, 200);
  })
  .openapi(daysRoute, async (c) => {
    const { id } = c.req.valid('param');
    const filters = c.req.valid('query');
    const result = await withTenant(c.var.db, c.var.actor, (tx) =>
      listPlanDays(tx, c.var.actor, id, filters),
    );
    return c.json(result, 200);
  })
  .openapi(moveRoute, async (c) => {
    const { id, visitId } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await moveVisit({ db: c.var.db, actor: c.var.actor, planId: id, visitId, ...body });
    return c.json(result, 200);
  })
  .openapi(appointmentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const result = await addAppointment({ db: c.var.db, actor: c.var.actor, planId: id, ...body });
    return c.json(result, 201);
  });
