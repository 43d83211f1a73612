import { z } from '@hono/zod-openapi';
import { plannedVisitStatuses, planStatuses } from './tables.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (value: string) => {
  if (!ISO_DATE.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  // 2027-13-01 is an invalid Date (toISOString would throw); 2027-02-30 rolls over to March.
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

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
    areaId: z.string().max(100).optional().openapi({
      description: "Limits the plan to one area's customers (of the scope's reps)",
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
    areaId: z.string().nullable(),
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
    lat: z.number().nullable().openapi({ description: 'The customer’s position (null when unknown)' }),
    lng: z.number().nullable(),
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
export const LatestQuery = z.object({
  teamId: z.string().max(100).optional(),
  areaId: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'The newest plan limited to this area (default: plans of the whole scope)' }),
});
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

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A place a rep's day starts or ends at (their profile's, or the middle of their customers). */
export const PlanPlace = z
  .object({ lat: z.number(), lng: z.number(), label: z.string().max(200) })
  .openapi('PlanPlace');

/**
 * One rep's day of a plan: totals, the span of the route and the lunch break the solver placed.
 * Days a rep works with no visit are included (visitCount 0, firstStart/lastEnd null).
 */
export const PlanDay = z
  .object({
    repId: z.string(),
    repName: z.string(),
    date: z.string().openapi({ format: 'date' }),
    visitCount: z.number().int(),
    travelSeconds: z.number().int().openapi({
      description: 'Driving time of the day, including the drive back to the end place',
    }),
    firstStart: z
      .string()
      .nullable()
      .openapi({ description: 'When the rep leaves the start place (ISO); null without visits' }),
    lastEnd: z
      .string()
      .nullable()
      .openapi({ description: 'When the rep reaches the end place (ISO); null without visits' }),
    startPlace: PlanPlace.nullable(),
    endPlace: PlanPlace.nullable(),
    lunch: z
      .object({ start: z.string(), end: z.string() })
      .nullable()
      .openapi({ description: 'The lunch break the solver placed (ISO); null when none' }),
  })
  .openapi('PlanDay');

export const DaysQuery = z.object({
  repId: z.string().max(100).optional(),
  date: IsoDateString.optional(),
});

/** The plan's reps (its scope, for a week view's rows) and their days, by rep and date. */
export const PlanDayList = z
  .object({
    reps: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .openapi({ description: 'Every rep of the plan’s scope, by name (rows of a week view)' }),
    days: z.array(PlanDay),
  })
  .openapi('PlanDayList');

export const MoveVisitBody = z
  .object({
    date: IsoDateString,
    repId: z.string().min(1).max(100),
    version: z.number().int().min(1),
  })
  .openapi({ example: { date: '2027-01-12', repId: 'user_rep', version: 1 } });

/**
 * What a move or a new appointment changed: the visit, the days it touched (the target day and,
 * if different, the source day), all visits of those days in order, and the travel totals.
 */
export const DayChangeResult = z
  .object({
    visit: PlannedVisit,
    days: z.array(PlanDay).openapi({ description: 'The target day and, if different, the source day' }),
    visits: z
      .array(PlannedVisit)
      .openapi({ description: 'Every visit of those days, by rep, day and order' }),
    change: z.object({
      travelSecondsBefore: z.number().int().openapi({ description: 'Travel of those days before' }),
      travelSecondsAfter: z.number().int().openapi({ description: 'Travel of those days after' }),
      resequenced: z.number().int().openapi({
        description: 'Visits of the target day whose order or time changed (the new one excluded)',
      }),
    }),
  })
  .openapi('DayChangeResult');

export const AppointmentBody = z
  .object({
    customerId: z.string().min(1).max(100),
    repId: z.string().min(1).max(100),
    date: IsoDateString,
    startTime: z
      .string()
      .max(5)
      .superRefine((value, ctx) => {
        if (!HHMM.test(value))
          ctx.addIssue({
            code: 'custom',
            message: 'Enter a time as HH:MM.',
            params: { ja: '時刻は HH:MM の形式で入力してください。', en: 'Enter a time as HH:MM.' },
          });
      })
      .openapi({ example: '10:30' }),
    durationMinutes: z.number().int().min(5).max(480).optional().openapi({
      description: 'Length of the visit (default: the customer’s visit length)',
    }),
  })
  .openapi({ example: { customerId: 'cus_1', repId: 'user_rep', date: '2027-01-12', startTime: '10:30' } });

/** The caller's private calendar feed (iCalendar), to subscribe to in Google Calendar or Outlook. */
export const CalendarFeed = z
  .object({
    url: z.string().openapi({ description: 'The private .ics URL (anyone with it can read the plan)' }),
    createdAt: z.string(),
  })
  .openapi('CalendarFeed');

export const CalendarTokenParam = z.object({
  token: z
    .string()
    .max(200)
    .openapi({ param: { name: 'token', in: 'path' }, description: 'The token, followed by .ics' }),
});
