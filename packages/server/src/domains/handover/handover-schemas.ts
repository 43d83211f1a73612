import { z } from '@hono/zod-openapi';
import { Briefing } from '../briefing/briefing-schemas.ts';
import { IsoDateString } from '../planning/plan-schemas.ts';

/** Request and response schemas of the handover API (引き継ぎ). */
const isoTime = z.string().openapi({ format: 'date-time', example: '2026-12-01T01:30:00.000Z' });
const id = z.string().min(1).max(100);
export const MAX_HANDOVER_CUSTOMERS = 500;
export const MAX_HANDOVER_NOTE = 2000;

export const HandoverSelection = z
  .object({
    customerIds: z.array(id).min(1).max(MAX_HANDOVER_CUSTOMERS).optional().openapi({
      description: 'These customers (one or a selection)',
    }),
    areaId: id.optional().openapi({ description: 'Every customer of this area' }),
    fromRepId: id
      .optional()
      .openapi({ description: 'Every customer of this rep (with areaId: of the area)' }),
    toRepId: id.openapi({ description: 'The receiving rep' }),
  })
  .openapi({ example: { areaId: 'area_kita', fromRepId: 'usr_rep1', toRepId: 'usr_rep2' } });

export const RepLoad = z
  .object({
    repId: z.string(),
    name: z.string(),
    role: z.enum(['receiving', 'outgoing']),
    movingCustomers: z.number().int(),
    customersBefore: z.number().int(),
    customersAfter: z.number().int(),
    visitsPerMonthBefore: z.number(),
    visitsPerMonthAfter: z.number(),
    capacityPerMonth: z.number().int().openapi({ description: 'Working days in the next 30 × visits a day' }),
    visitsPerDay: z.number().int().openapi({ description: 'The working profile’s maximum, else 8' }),
    workingDays: z.number().int(),
    overCapacity: z.boolean(),
  })
  .openapi('HandoverRepLoad');

export const PreviewCustomer = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    version: z.number().int().openapi({ description: 'Send it back with the commit' }),
    fromRepId: z.string().nullable(),
    fromRepName: z.string().nullable(),
    cadenceDays: z.number().int(),
    visitsPerMonth: z.number(),
    openFollowups: z.number().int(),
    openComplaints: z.number().int(),
  })
  .openapi('HandoverPreviewCustomer');

export const HandoverPreview = z
  .object({
    toRepId: z.string(),
    toRepName: z.string(),
    customers: z.array(PreviewCustomer),
    truncated: z.boolean().openapi({ description: `More than ${MAX_HANDOVER_CUSTOMERS} matched` }),
    loads: z.array(RepLoad).openapi({ description: 'The receiving rep first, then each outgoing rep' }),
    introDate: z.string().nullable().openapi({ description: 'The first day (from tomorrow) both reps work' }),
  })
  .openapi('HandoverPreview');

export const CommitHandoverBody = z
  .object({
    id: z.uuid().openapi({ description: 'A client-made UUID for the handover' }),
    toRepId: id,
    customers: z
      .array(
        z.object({
          id,
          version: z.number().int().min(1),
          note: z
            .string()
            .max(MAX_HANDOVER_NOTE)
            .optional()
            .openapi({ description: 'The outgoing side’s note' }),
        }),
      )
      .min(1)
      .max(MAX_HANDOVER_CUSTOMERS),
  })
  .openapi({
    example: {
      id: '6f1c2a8e-3b7d-4c1e-9a55-0d2f8b7e4a10',
      toRepId: 'usr_rep2',
      customers: [{ id: 'cus_1', version: 3, note: '月末は経理の方が不在。請求書は月初に。' }],
    },
  });

export const HandoverSheetSummary = z
  .object({
    id: z.string(),
    handoverId: z.string(),
    customerId: z.string(),
    customerCode: z.string(),
    customerName: z.string(),
    fromRepId: z.string().nullable(),
    fromRepName: z.string().nullable(),
    toRepId: z.string(),
    toRepName: z.string(),
    note: z.string(),
    introDate: z.string().nullable(),
    followupsMoved: z.number().int(),
    complaintsMoved: z
      .number()
      .int()
      .openapi({ description: 'Open complaints of the outgoing rep that moved to the new rep' }),
    introAppointmentId: z
      .string()
      .nullable()
      .openapi({ description: 'The accepted introduction visit (null until accepted)' }),
    createdAt: isoTime,
    createdByName: z.string().nullable(),
  })
  .openapi('HandoverSheetSummary');

export const Handover = z
  .object({
    id: z.string(),
    toRepId: z.string(),
    customerCount: z.number().int(),
    createdAt: isoTime,
    sheets: z.array(HandoverSheetSummary),
  })
  .openapi('Handover');

export const HandoverSheetList = z
  .object({
    items: z.array(HandoverSheetSummary).openapi({ description: 'Newest first' }),
    truncated: z.boolean(),
  })
  .openapi('HandoverSheetList');

export const HandoverSheetListQuery = z.object({
  scope: z.enum(['mine', 'all']).optional().openapi({
    description: 'mine (default): sheets handed to the caller; all: every sheet the caller may see',
  }),
  handoverId: id.optional(),
  customerId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '1..200, default 100' }),
});

export const Assignment = z
  .object({
    fromRepName: z.string().nullable(),
    toRepName: z.string(),
    assignedAt: isoTime,
    assignedByName: z.string().nullable(),
  })
  .openapi('CustomerAssignment');

export const MAX_INTRO_NOTE = 200;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = (example: string) =>
  z
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
    .openapi({ example });

/** The introduction visit accepted into the new rep's plan: an agreed appointment (アポイント). */
export const IntroVisitBody = z
  .object({
    date: IsoDateString,
    startTime: time('10:00'),
    endTime: time('11:00'),
    note: z
      .string()
      .max(MAX_INTRO_NOTE)
      .optional()
      .openapi({ description: 'Default: 前任 〇〇さんと同行 (the outgoing rep)' }),
  })
  .openapi({
    example: { date: '2026-12-08', startTime: '10:00', endTime: '11:00', note: '前任 田中さんと同行' },
  });

export const IntroAppointment = z
  .object({
    id: z.string(),
    date: z.string(),
    startTime: z.string(),
    endTime: z.string(),
    note: z.string(),
    planId: z
      .string()
      .nullable()
      .openapi({ description: 'The plan it is a fixed visit of; null until a plan over that day is built' }),
    companionName: z.string().nullable().openapi({ description: 'Who comes along (the outgoing rep)' }),
  })
  .openapi('IntroAppointment');

export const HandoverSheet = HandoverSheetSummary.extend({
  introAppointment: IntroAppointment.nullable(),
  briefing: Briefing,
  assignments: z.array(Assignment).openapi({ description: 'Who had the customer when, oldest first' }),
}).openapi('HandoverSheet');

export const HandoverIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
