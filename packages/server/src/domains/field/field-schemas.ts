import { z } from '@hono/zod-openapi';
import { complaintKinds, complaintSeverities, complaintStatuses } from '../complaints/complaint-values.ts';
import { IsoDateString } from '../planning/plan-schemas.ts';

export const MAX_FIELD_REPS = 200;
/** Per rep at most (the rest is counted in the totals). */
export const MAX_FIELD_ITEMS = 50;

const isoDate = z.string().openapi({ format: 'date', example: '2026-12-01' });
const isoTime = z.string().openapi({ format: 'date-time' });

export const FieldTodayQuery = z.object({
  teamId: z.string().max(100).optional().openapi({
    description: 'A manager: their own team (default); an admin: one team, or every rep when omitted',
  }),
  date: IsoDateString.optional().openapi({ description: 'YYYY-MM-DD, Asia/Tokyo; default today' }),
});

export const FieldVisit = z
  .object({
    id: z.string().openapi({ description: 'The planned visit' }),
    customerId: z.string(),
    customerName: z.string(),
    plannedStart: isoTime.nullable(),
    status: z.enum(['planned', 'done', 'skipped']),
  })
  .openapi('FieldVisit');

export const FieldPromise = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    title: z.string(),
    dueDate: isoDate,
    daysOverdue: z.number().int(),
  })
  .openapi('FieldPromise');

export const FieldComplaint = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    title: z.string(),
    kind: z.enum(complaintKinds),
    severity: z.enum(complaintSeverities),
    status: z.enum(complaintStatuses),
    ownerId: z.string().nullable(),
    dueDate: isoDate,
    daysOverdue: z.number().int(),
  })
  .openapi('FieldComplaint');

export const FieldRep = z
  .object({
    repId: z.string(),
    repName: z.string(),
    teamId: z.string().nullable(),
    planned: z.number().int().openapi({ description: 'Visits planned for the date' }),
    done: z.number().int().openapi({ description: 'Of those, done' }),
    visits: z.array(FieldVisit),
    overduePromises: z.array(FieldPromise),
    escalatedComplaints: z
      .array(FieldComplaint)
      .openapi({ description: "Overdue complaints of the rep's customers" }),
    sync: z
      .object({
        lastSyncedAt: z.string().openapi({ format: 'date-time' }),
        pending: z.number().int().openapi({ description: 'Changes still waiting on the phone then' }),
      })
      .nullable()
      .openapi({ description: "The rep's phone's last successful sync (null: never)" }),
  })
  .openapi('FieldRep');

export const FieldToday = z
  .object({
    date: isoDate,
    teamId: z.string().nullable().openapi({ description: 'null: every rep of the company (admin)' }),
    reps: z.array(FieldRep),
    totals: z.object({
      planned: z.number().int(),
      done: z.number().int(),
      overduePromises: z.number().int(),
      escalatedComplaints: z.number().int(),
    }),
    promisesAvailable: z.boolean().openapi({ description: 'false while the promises table does not exist' }),
  })
  .openapi('FieldToday');
