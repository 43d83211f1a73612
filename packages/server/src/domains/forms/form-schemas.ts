import { z } from '@hono/zod-openapi';
import { formAttachmentTypes, formKinds, formLimits, MAX_FORM_ATTACHMENT_BYTES } from './form-values.ts';

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-20T01:30:00.000Z' });
const isoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(
      (s) =>
        !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    )
    .openapi({ format: 'date', example: '2026-11-27' });
const refId = () => z.string().min(1).max(100);
const kind = z.enum(formKinds).openapi({
  description:
    'new_service 新規サービス / contract_change 契約変更 / renewal 更新 / cancellation 解約 / other その他',
});

export const FormIdParam = z.object({
  id: refId().openapi({ param: { name: 'id', in: 'path' } }),
});

export const FormAttachmentView = z
  .object({
    contentType: z.enum(formAttachmentTypes),
    size: z.number().int(),
    sha256: z.string(),
    fileName: z.string(),
    uploadedAt: isoTime,
  })
  .openapi('FormAttachment');

export const FormView = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerCode: z.string(),
    customerName: z.string(),
    kind,
    repId: z.string(),
    repName: z.string().nullable(),
    collectedOn: isoDate(),
    visitId: z.string().nullable(),
    note: z.string(),
    voidedAt: isoTime.nullable(),
    voidReason: z.string().nullable(),
    attachment: FormAttachmentView.nullable(),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: isoTime,
    updatedBy: z.string(),
    updatedAt: isoTime,
  })
  .openapi('Form');

export const CreateFormBody = z
  .object({
    id: z
      .uuid()
      .optional()
      .openapi({ description: 'A client-made UUID (an offline phone names the record first)' }),
    customerId: refId(),
    kind,
    repId: refId().optional().openapi({
      description: "Who collected it: a rep themself; default the caller (a rep) or the customer's rep",
    }),
    collectedOn: isoDate()
      .optional()
      .openapi({ description: 'Civil day in Asia/Tokyo, not in the future; default today' }),
    visitId: refId()
      .optional()
      .openapi({ description: "The visit it was collected at (one of the customer's)" }),
    note: z.string().max(formLimits.note).optional(),
  })
  .openapi('CreateForm', {
    example: { customerId: 'cus-1', kind: 'new_service', note: 'ウォーターサーバー 2台目の申込書' },
  });

export const UpdateFormBody = z
  .object({
    version: z.number().int().min(1),
    kind: kind.optional(),
    collectedOn: isoDate().optional(),
    note: z.string().max(formLimits.note).optional(),
  })
  .openapi('UpdateForm', { example: { version: 1, kind: 'renewal', note: '更新（2年）' } });

export const VoidFormBody = z
  .object({
    version: z.number().int().min(1),
    reason: z.string().trim().min(1).max(formLimits.voidReason),
  })
  .openapi('VoidForm', { example: { version: 1, reason: '別の顧客で登録していた' } });

export const FormListQuery = z.object({
  repId: refId().optional(),
  customerId: refId().optional(),
  kind: kind.optional(),
  from: isoDate().optional().openapi({ description: 'First collected day (inclusive)' }),
  to: isoDate()
    .optional()
    .openapi({ description: 'Day after the last collected day (exclusive), like the KPIs' }),
  voided: z
    .enum(['exclude', 'include', 'only'])
    .optional()
    .openapi({ description: 'exclude (default): live forms only; include: both; only: voided ones' }),
  limit: z.coerce.number().int().min(1).max(formLimits.pageSize).optional(),
  cursor: z.string().max(200).optional(),
});

export const FormRepCount = z
  .object({
    repId: z.string(),
    repName: z.string().nullable(),
    count: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
  })
  .openapi('FormRepCount');

export const FormPage = z
  .object({
    items: z.array(FormView),
    nextCursor: z.string().nullable(),
    /** Live (not voided) forms matching the filters, whatever `voided` says, per collecting rep. */
    counts: z.object({ total: z.number().int(), byRep: z.array(FormRepCount) }),
  })
  .openapi('FormPage');

export const FormUploadForm = z.object({
  file: z.any().openapi({
    type: 'string',
    format: 'binary',
    description: `JPEG, PNG, WebP, HEIC or PDF (told by its first bytes), at most ${MAX_FORM_ATTACHMENT_BYTES / 1024 / 1024} MB`,
  }),
});
