import { z } from '@hono/zod-openapi';
import { MAX_TITLE } from '../complaints/complaint-schemas.ts';
import { complaintCategories, complaintKinds, complaintSeverities } from '../complaints/complaint-values.ts';
import { Followup, FollowupInput } from '../followups/followup-schemas.ts';
import { IsoDateString } from '../planning/plan-schemas.ts';
import {
  FAR_FROM_CUSTOMER_METRES,
  visitLogLimits as L,
  skipReasons,
  stopStatuses,
  visitOutcomes,
} from './visit-values.ts';

/**
 * Request and response schemas of the field app's API: 今日 (the rep's stops of a day), visits
 * (check-in, check-out), the visit log, skip, and the log templates. Every write carries an
 * Idempotency-Key; check-in and promises carry client-made UUIDs, so a phone can retry (or
 * replay a draft made without signal) without making a second visit, log or task.
 */
const isoTime = z.string().openapi({ format: 'date-time', example: '2027-01-12T00:35:00.000Z' });
const idOf = (description: string) => z.string().min(1).max(100).openapi({ description });

export const Position = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    accuracy: z
      .number()
      .min(0)
      .max(100_000)
      .nullable()
      .optional()
      .openapi({ description: 'The fix’s accuracy radius in metres, as the browser reports it' }),
  })
  .openapi('Position');

const at = isoTime.optional().openapi({
  description:
    'When it happened on the phone (default: when the server receives it). At most 5 minutes ahead ' +
    'of the server and 7 days back (a draft kept offline).',
});

export const CheckInBody = z
  .object({
    id: z.uuid().openapi({ description: 'A client-made UUID: the same id again answers the stored visit' }),
    customerId: idOf('The customer visited (of the caller’s book)'),
    plannedVisitId: idOf('The planned stop checked in at; omitted: an unplanned visit').optional(),
    at,
    position: Position.optional(),
  })
  .openapi({
    example: {
      id: '0b6f7a4e-58a1-4c3c-9d1e-2f0c4b7a9e21',
      customerId: 'cus_1',
      at: '2027-01-12T00:35:00.000Z',
      position: { lat: 34.7025, lng: 135.4959, accuracy: 20 },
    },
  });

export const CheckOutBody = z
  .object({ at, position: Position.optional() })
  .openapi({ example: { at: '2027-01-12T01:05:00.000Z' } });

export const VisitForm = z.object({
  id: z.uuid().optional().openapi({
    description: 'The client-made id of the one form this line is (then count is 1); re-saving updates it',
  }),
  kind: z
    .string()
    .min(1)
    .max(L.formKind)
    .openapi({
      example: 'new_service',
      description:
        'new_service / contract_change / renewal / cancellation / other; older clients’ free text ' +
        '(定期便申込書 …) is read by its words and kept as the note',
    }),
  count: z
    .number()
    .int()
    .min(1)
    .max(L.formCount)
    .optional()
    .openapi({ description: 'Papers of this kind (no id); default 1' }),
  note: z.string().max(1000).optional(),
});

export const NextVisitWish = z
  .object({
    date: IsoDateString.nullable()
      .optional()
      .openapi({ description: 'The day the customer would like us back' }),
    note: z.string().max(L.nextVisitNote).optional().openapi({ example: '月末の午前中希望' }),
  })
  .openapi('NextVisitWish');

export const VisitComplaint = z
  .object({
    id: z
      .uuid()
      .openapi({ description: 'A client-made UUID for the complaint (a retry never makes a second one)' }),
    kind: z
      .enum(complaintKinds)
      .optional()
      .openapi({ description: 'complaint 不満 (default) / inquiry 問い合わせ' }),
    category: z.enum(complaintCategories),
    severity: z
      .enum(complaintSeverities)
      .openapi({ description: 'Sets its due date (critical 1 … low 14 working days)' }),
    title: z
      .string()
      .trim()
      .min(1)
      .max(MAX_TITLE)
      .optional()
      .openapi({ description: 'Default: the first line of complaintHeard' }),
  })
  .openapi('VisitComplaint');

export const VisitLogBody = z
  .object({
    outcome: z.enum(visitOutcomes).openapi({ description: 'met 面談 / absent 不在 / revisit 再訪' }),
    notes: z.string().max(L.notes).optional(),
    needs: z.string().max(L.needs).optional().openapi({ description: '要望: what the customer asked for' }),
    complaintHeard: z
      .string()
      .max(L.complaintHeard)
      .optional()
      .openapi({ description: '不満: a complaint heard' }),
    complaint: VisitComplaint.optional().openapi({
      description:
        'Register the 不満 heard (complaintHeard, required then) as a complaint to carry to closure, source visit. ' +
        'Saved in the same transaction as the log; an id already registered is left as it is.',
    }),
    satisfaction: z.number().int().min(1).max(5).nullable().optional(),
    forms: z
      .array(VisitForm)
      .max(L.forms)
      .optional()
      .openapi({
        description:
          '申込書 collected, as the forms domain records them (one form per paper): the log lists them all each ' +
          'save; lines with an id are those forms, lines without are matched to the visit’s forms of that ' +
          'kind; a form no longer listed is voided (its photo stays), never deleted. Left out, the visit’s forms stay as they are',
      }),
    promises: z
      .array(FollowupInput)
      .max(L.promises)
      .optional()
      .openapi({
        description:
          'Promises made (each becomes a followup task). A re-save updates the open ones by id and adds new ones; ' +
          'it never removes a task already made.',
      }),
    nextVisitWish: NextVisitWish.nullable().optional(),
    templateId: idOf('The template the log started from (for statistics)').optional(),
    checkOut: z.boolean().optional().openapi({
      description:
        'Check out too when the visit is still checked in (default true): saving the log ends the visit',
    }),
    version: z.number().int().min(1).optional().openapi({
      description:
        'The visit’s version as read; required to change a log already saved (409 version_conflict when stale)',
    }),
  })
  .openapi({
    example: {
      outcome: 'met',
      notes: '定期訪問。在庫確認、異常なし。',
      satisfaction: 4,
      promises: [
        {
          id: '5c3e8d1a-7b2f-4e6a-8c90-1d4f6a2b3c7e',
          title: '新商品のサンプルを持参',
          dueDate: '2027-01-19',
          owner: 'us',
        },
      ],
    },
  });

export const VisitLog = z
  .object({
    outcome: z.enum(visitOutcomes),
    notes: z.string(),
    needs: z.string(),
    complaintHeard: z.string(),
    satisfaction: z.number().int().nullable(),
    forms: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        note: z.string(),
        count: z.number().int().openapi({ description: 'Always 1: one line per form' }),
        attachment: z
          .object({ contentType: z.string(), size: z.number().int(), fileName: z.string() })
          .nullable(),
      }),
    ),
    promises: z.array(Followup).openapi({ description: 'The followups this visit’s log made' }),
    nextVisitWish: z.object({ date: z.string().nullable(), note: z.string() }).nullable(),
    templateId: z.string().nullable(),
    loggedAt: isoTime,
    loggedBy: z.string(),
  })
  .openapi('VisitLog');

export const Visit = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    repId: z.string().openapi({ description: 'Who visited' }),
    repName: z.string(),
    plannedVisitId: z.string().nullable().openapi({ description: 'null: an unplanned visit' }),
    date: z.string().openapi({ format: 'date', description: 'The day of the check-in (Asia/Tokyo)' }),
    status: z.enum(['checked_in', 'done']),
    checkInAt: isoTime,
    checkOutAt: isoTime.nullable(),
    checkInPosition: Position.nullable(),
    distanceMetres: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Check-in position to the customer’s (null without either)' }),
    farFromCustomer: z
      .number()
      .int()
      .nullable()
      .openapi({
        description: `Metres from the customer when the check-in was further than ${FAR_FROM_CUSTOMER_METRES} m beyond its accuracy; null otherwise`,
      }),
    log: VisitLog.nullable(),
    version: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi('Visit');

export const VisitIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const SkipBody = z
  .object({
    plannedVisitId: idOf('The caller’s planned stop to skip'),
    reason: z.object({
      code: z.enum(skipReasons),
      note: z.string().max(L.skipNote).optional(),
    }),
  })
  .openapi({
    example: { plannedVisitId: 'pv_1', reason: { code: 'customer_closed', note: '臨時休業の貼り紙' } },
  });

export const StopCustomer = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    phone: z.string(),
    cautions: z.string().openapi({ description: '注意点' }),
  })
  .openapi('StopCustomer');

/** One stop of a day: a planned visit, the visit made at it, or an unplanned visit. */
export const Stop = z
  .object({
    key: z
      .string()
      .openapi({ description: 'plannedVisitId, or visitId for an unplanned visit (stable list key)' }),
    plannedVisitId: z.string().nullable(),
    visitId: z.string().nullable(),
    seq: z
      .number()
      .int()
      .openapi({ description: 'Order of the day: planned stops first by plan, unplanned after by check-in' }),
    plannedArrival: isoTime.nullable(),
    plannedStart: isoTime.nullable(),
    plannedDeparture: isoTime.nullable(),
    fixed: z.boolean().openapi({ description: 'An agreed appointment' }),
    customer: StopCustomer,
    navigation: z.object({
      google: z
        .string()
        .openapi({ description: 'Google Maps directions (coordinates when known, else the address)' }),
      apple: z.string().openapi({ description: 'Apple Maps directions' }),
    }),
    status: z.enum(stopStatuses),
    checkInAt: isoTime.nullable(),
    checkOutAt: isoTime.nullable(),
    farFromCustomer: z.number().int().nullable(),
    log: z
      .object({
        outcome: z.enum(visitOutcomes),
        satisfaction: z.number().int().nullable(),
        notes: z.string().openapi({ description: 'The first 120 characters' }),
        promises: z.number().int(),
      })
      .nullable(),
    skip: z.object({ code: z.enum(skipReasons), note: z.string() }).nullable(),
    visitVersion: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The visit’s version (for PUT …/log edits)' }),
  })
  .openapi('Stop');

export const ComplaintAlert = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    title: z.string(),
    openedAt: isoTime,
  })
  .openapi('ComplaintAlert');

export const TodayQuery = z.object({
  date: IsoDateString.optional().openapi({
    description: 'Default today (Asia/Tokyo); tomorrow is one swipe away',
  }),
});

export const Today = z
  .object({
    date: z.string().openapi({ format: 'date' }),
    planId: z
      .string()
      .nullable()
      .openapi({ description: 'The newest ready plan holding the caller’s stops that day' }),
    stops: z.array(Stop),
    alerts: z.object({
      overdueFollowups: z.array(Followup).openapi({
        description: 'Open followups past due of the day’s customers, and the caller’s own (at most 50)',
      }),
      openComplaints: z
        .array(ComplaintAlert)
        .openapi({ description: 'Open complaints of the day’s customers (at most 50)' }),
    }),
  })
  .openapi('Today');

export const VisitTemplate = z
  .object({
    id: z.string(),
    name: z.string().openapi({ example: '定期訪問・異常なし' }),
    outcome: z.enum(visitOutcomes),
    satisfaction: z.number().int().nullable(),
    notes: z.string(),
    sortOrder: z.number().int(),
  })
  .openapi('VisitTemplate');

export const VisitTemplateList = z
  .object({
    templates: z
      .array(VisitTemplate)
      .openapi({ description: 'The tenant’s, or the defaults when it has none' }),
  })
  .openapi('VisitTemplateList');
