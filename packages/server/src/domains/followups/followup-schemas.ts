import { z } from '@hono/zod-openapi';
import { IsoDateString } from '../planning/plan-schemas.ts';
import {
  followupOwners,
  followupScopes,
  followupStatuses,
  followupStatusFilters,
} from './followup-values.ts';

/**
 * Request and response schemas of the followups API (約束・フォロー): every promise made at a
 * visit, or outside one, is a task with an owner, an assignee and a due date (Asia/Tokyo).
 */
const isoTime = z.string().openapi({ format: 'date-time', example: '2026-12-01T01:30:00.000Z' });
export const MAX_FOLLOWUP_TITLE = 200;
export const MAX_FOLLOWUP_PAGE = 200;

export const Followup = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    visitId: z
      .string()
      .nullable()
      .openapi({ description: 'The visit whose log made it; null when made outside a visit' }),
    title: z.string().openapi({ example: 'カタログ（春号）を持参する' }),
    dueDate: z.string().openapi({ format: 'date', description: 'Due day (Asia/Tokyo)' }),
    owner: z
      .enum(followupOwners)
      .openapi({ description: 'us: our side keeps it; customer: the customer promised' }),
    assigneeId: z
      .string()
      .nullable()
      .openapi({ description: 'Who of our side follows it up (null: nobody yet)' }),
    assigneeName: z.string().nullable(),
    status: z.enum(followupStatuses),
    overdue: z.boolean().openapi({ description: 'Open and due before today (Asia/Tokyo)' }),
    doneAt: isoTime.nullable(),
    doneBy: z.string().nullable(),
    doneByName: z.string().nullable(),
    createdBy: z.string(),
    createdAt: isoTime,
    version: z.number().int(),
  })
  .openapi('Followup');

export const FollowupListQuery = z.object({
  scope: z.enum(followupScopes).optional().openapi({
    description: 'mine (default): assigned to the caller; team: every followup of the caller’s customer book',
  }),
  status: z.enum(followupStatusFilters).optional().openapi({
    description: 'open (default): not done; overdue: open and due before today; done',
  }),
  customerId: z.string().max(100).optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_FOLLOWUP_PAGE)
    .optional()
    .openapi({ description: 'Default 100' }),
});

export const FollowupList = z
  .object({
    items: z.array(Followup).openapi({ description: 'By due date, then creation' }),
    truncated: z.boolean().openapi({ description: 'More matched than `limit`' }),
  })
  .openapi('FollowupList');

/** One promise as a visit log or POST /api/followups sends it. */
export const FollowupInput = z.object({
  id: z.uuid().openapi({ description: 'A client-made UUID: a retry or a re-save never makes a second task' }),
  title: z.string().min(1).max(MAX_FOLLOWUP_TITLE),
  dueDate: IsoDateString,
  owner: z.enum(followupOwners),
  assigneeId: z.string().max(100).nullable().optional().openapi({
    description: 'Who of our side follows it up (default: the caller, also when the customer promised)',
  }),
});

export const CreateFollowupBody = FollowupInput.extend({
  customerId: z.string().min(1).max(100),
}).openapi({
  example: {
    id: '6f1c2a8e-3b7d-4c1e-9a55-0d2f8b7e4a10',
    customerId: 'cus_1',
    title: '見積書を送る',
    dueDate: '2027-01-15',
    owner: 'us',
  },
});

export const FollowupDoneBody = z
  .object({ version: z.number().int().min(1) })
  .openapi({ example: { version: 1 } });

export const FollowupIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
