import { z } from '@hono/zod-openapi';
import { plannedVisitStatuses, planStatuses } from './tables.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (value: string) =>
  ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** A civil date (Asia/Tokyo), YYYY-MM-DD, that exists in the calendar. */
export const IsoDateString = z
  .string()
  .max(10)
  .superRefine((value, ctx) => {
    if (!isCalendarDate(value))
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a date as YYYY-MM-DD.',
        params: { ja: '日付は YYYY-MM-DD の形式で入力してください。', en: 'Enter a date as YYYY-MM-DD.' },
      });
  })
  .openapi({ format: 'date', example: '2027-01-11' });

const id = (name: string) =>
  z
    .string()
    .max(100)
    .openapi({ param: { name, in: 'path' } });

export const PlanIdParam = z.object({ id: id('id') });
export const VisitIdParam = z.object({ id: id('id'), visitId: id('visitId') });

export const CreatePlanBody = z
  .object({
    teamId: z.string().max(100).optional().openapi({
      description: 'The team to plan (a manager: their own, the default); omitted by an admin: every rep',
    }),
    startDate: IsoDateString,
    days: z.number().int().min(1).max(28).openapi({ description: 'Horizon length in days (1–28)' }),
    timeLimitSeconds: z.number().int().min(1).max(300).optional().openapi({
      description: "The solver's time (default 20 s)",
    }),
  })
  .openapi({ example: { startDate: '2027-01-11', days: 5, timeLimitSeconds: 1 } });

export const PlanSummary = z.object({
  travelSeconds: z.number().int(),
  visits: z.number().int(),
  unplanned: z.number().int(),
  movedVisits: z.number().int(),
});

export const Plan = z
  .object({
    id: z.string(),
    teamId: z.string().nullable(),
    startDate: z.string(),
    days: z.number().int(),
    status: z.enum(planStatuses),
    jobId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    summary: PlanSummary.nullable(),
    version: z.number().int(),
    progress: z
      .object({ fraction: z.number(), message: z.string().nullable() })
      .nullable()
      .openapi({ description: "The job's progress; message is a key: loading, solving, saving" }),
  })
  .openapi('Plan');

export const CreatePlanResult = z.object({ plan: Plan, jobId: z.string() });

export const PlannedVisit = z
  .object({
    id: z.string(),
    planId: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    address: z.string(),
    repId: z.string(),
    date: z.string(),
    seq: z.number().int(),
    plannedArrival: z.string(),
    plannedStart: z.string(),
    plannedDeparture: z.string(),
    travelSecondsBefore: z.number().int(),
    status: z.enum(plannedVisitStatuses),
    pinned: z.boolean(),
    fixed: z.boolean(),
    version: z.number().int(),
  })
  .openapi('PlannedVisit');

export const VisitsQuery = z.object({
  repId: z.string().max(100).optional(),
  date: IsoDateString.optional(),
});
export const MyVisitsQuery = z.object({
  from: IsoDateString.optional().openapi({ description: 'First day (default today, Asia/Tokyo)' }),
  days: z.coerce.number().int().min(1).max(28).optional().openapi({ description: 'Days (default 7)' }),
});
export const LatestQuery = z.object({ teamId: z.string().max(100).optional() });
export const NextVisitQuery = z.object({ customerId: z.string().max(100) });

export const VisitList = z.object({ visits: z.array(PlannedVisit) });
export const NextVisit = z.object({ visit: PlannedVisit.nullable() });
export const LatestPlan = z.object({ plan: Plan.nullable() });

export const UnplannedList = z.object({
  unplanned: z.array(
    z.object({
      customerId: z.string(),
      customerName: z.string(),
      reason: z.string(),
      message: z.string().openapi({ description: 'The reason in the caller’s language' }),
    }),
  ),
});

export const PinBody = z
  .object({ pinned: z.boolean(), version: z.number().int() })
  .openapi({ example: { pinned: true, version: 1 } });
