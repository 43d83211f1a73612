import { z } from '@hono/zod-openapi';
import {
  complaintActionTypes,
  complaintCategories,
  complaintHistoryTypes,
  complaintKinds,
  complaintSeverities,
  complaintSources,
  complaintStatuses,
} from './complaint-values.ts';

export const MAX_TITLE = 200;
export const MAX_DETAIL = 4000;
export const MAX_NOTE = 2000;
/** History entries returned with one complaint (the newest ones when there are more). */
export const MAX_ACTIONS_SHOWN = 200;

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-20T01:30:00.000Z' });
const isoDate = z.string().openapi({ format: 'date', example: '2026-11-27' });
const refId = () => z.string().max(100);

export const ComplaintIdParam = z.object({
  id: refId().openapi({ param: { name: 'id', in: 'path' } }),
});

export const CreateComplaintBody = z
  .object({
    id: z.uuid().openapi({ description: 'A client-made UUID (an offline phone names the record first)' }),
    customerId: refId(),
    source: z.enum(complaintSources).openapi({ description: 'visit / phone / mail / other' }),
    visitId: refId().optional().openapi({ description: 'The visit it was heard at (source visit)' }),
    kind: z.enum(complaintKinds).openapi({ description: 'complaint 不満 / inquiry 問い合わせ' }),
    category: z.enum(complaintCategories).openapi({
      description:
        'quality 品質 / delivery 納期 / billing 請求 / service 対応 / spec 製品仕様 / other その他',
    }),
    severity: z.enum(complaintSeverities).openapi({
      description: 'Sets the due date: critical 1, high 3, medium 7, low 14 working days (Asia/Tokyo)',
    }),
    title: z.string().trim().min(1).max(MAX_TITLE),
    detail: z.string().max(MAX_DETAIL).optional(),
    ownerId: refId().optional().openapi({
      description:
        "Who handles it (the customer's rep, a manager of their team or an admin); default the customer's rep",
    }),
  })
  .openapi('CreateComplaint', {
    example: {
      id: '6f1c2c8e-4a7b-4c1e-9d55-2b7f1e0a9c31',
      customerId: 'cus-1',
      source: 'visit',
      kind: 'complaint',
      category: 'delivery',
      severity: 'high',
      title: '先週の納品が2日遅れた',
      detail: '月曜指定の納品が水曜になり、店頭で欠品が出た。次回は前日に連絡がほしいとのこと。',
    },
  });

export const ComplaintActionBody = z
  .object({
    id: z.uuid().openapi({ description: 'A client-made UUID for the history entry' }),
    type: z.enum(complaintActionTypes).openapi({
      description:
        'note (any status) · start: open→in_progress · resolve: open/in_progress→resolved (note required) · ' +
        'confirm: resolved→confirmed · reopen: resolved/confirmed→in_progress (note required) · reassign (ownerId required)',
    }),
    note: z.string().max(MAX_NOTE).optional(),
    ownerId: refId().optional().openapi({ description: 'The new owner (reassign)' }),
    version: z.number().int().min(1).openapi({ description: 'The complaint version you read' }),
  })
  .openapi('ComplaintActionInput', {
    example: { id: '0b7e9f1a-3c55-4d2a-8f61-9a0c4e2d7b18', type: 'note', note: '倉庫に確認中', version: 1 },
  });

export const ComplaintAction = z
  .object({
    id: z.string(),
    type: z.enum(complaintHistoryTypes),
    note: z.string(),
    fromStatus: z.enum(complaintStatuses).nullable(),
    toStatus: z.enum(complaintStatuses),
    ownerId: z.string().nullable().openapi({ description: 'The owner after this action' }),
    actorId: z.string(),
    actorName: z.string(),
    at: isoTime,
  })
  .openapi('ComplaintAction');

export const Complaint = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    customerCode: z.string(),
    repId: z.string().nullable().openapi({ description: "The customer's rep" }),
    source: z.enum(complaintSources),
    visitId: z.string().nullable(),
    kind: z.enum(complaintKinds),
    category: z.enum(complaintCategories),
    severity: z.enum(complaintSeverities),
    title: z.string(),
    detail: z.string(),
    status: z.enum(complaintStatuses),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    receivedAt: isoTime,
    receivedDate: isoDate.openapi({ description: 'The day it was received, Asia/Tokyo' }),
    dueDate: isoDate.openapi({
      description: 'Severity’s working days after receivedDate (or the last reopen)',
    }),
    ageDays: z.number().int().openapi({ description: 'Calendar days since receivedDate (Asia/Tokyo)' }),
    overdue: z.boolean().openapi({ description: 'Past dueDate and still open or in progress' }),
    escalated: z.boolean().openapi({
      description: "Overdue: shown to the manager of the customer's rep's team (GET /api/field/today)",
    }),
    resolvedAt: isoTime.nullable(),
    confirmedAt: isoTime.nullable(),
    createdBy: z.string(),
    version: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .openapi('Complaint');

export const ComplaintDetail = Complaint.extend({
  actions: z.array(ComplaintAction).openapi({
    description: `Every action, oldest first (the newest ${MAX_ACTIONS_SHOWN} when there are more)`,
  }),
}).openapi('ComplaintDetail');

export const ComplaintListQuery = z.object({
  status: z
    .enum([...complaintStatuses, 'active'])
    .optional()
    .openapi({ description: 'active = open or in_progress' }),
  kind: z.enum(complaintKinds).optional(),
  customerId: refId().optional(),
  overdue: z.enum(['true', 'false']).optional().openapi({ description: 'true: only overdue ones' }),
  scope: z
    .enum(['mine', 'book'])
    .optional()
    .openapi({ description: 'mine: those I own; book (default): all of the customers I may see' }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: '1..100, default 50' }),
  cursor: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page' }),
});

export const ComplaintPage = z
  .object({
    items: z.array(Complaint),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Newest received first; null on the last page' }),
  })
  .openapi('ComplaintPage');
