import { z } from '@hono/zod-openapi';
import { IsoDateString } from '../planning/plan-schemas.ts';
import { maxLines } from '../quotes/quote-totals.ts';
import { DocumentLine, LineInput, RateAmounts, Rounding } from './line-schemas.ts';
import { orderStatuses } from './order-values.ts';

export const MAX_ORDER_NOTE = 2000;
export const MAX_REASON = 500;
export const MAX_BULK_IDS = 200;

const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-20T01:30:00.000Z' });
const refId = () => z.string().max(100);
const statusDescription =
  'ordered 受注 / arranged 手配済 / delivered 納品済 / invoiced 請求済 / cancelled キャンセル';

export const OrderIdParam = z.object({ id: refId().openapi({ param: { name: 'id', in: 'path' } }) });

export const CreateOrderBody = z
  .object({
    id: z.uuid().optional().openapi({ description: 'A client-made UUID' }),
    customerId: refId(),
    subject: z.string().trim().max(200).optional().openapi({ description: '件名' }),
    deliveryDate: IsoDateString.nullable().optional(),
    deliveryPlace: z.string().max(200).nullable().optional(),
    paymentTerms: z.string().max(200).nullable().optional(),
    note: z.string().max(MAX_ORDER_NOTE).optional(),
    lines: z.array(LineInput).min(1).max(maxLines),
  })
  .openapi('CreateOrder', {
    example: {
      customerId: 'cus-1',
      subject: '定期補充',
      lines: [{ kind: 'item', name: 'コピー用紙 A4', quantity: 5, unit: '箱', unitPrice: 3280, taxRate: 10 }],
    },
  });

export const OrderStatusBody = z
  .object({
    version: z.number().int().min(1).openapi({ description: 'The version you read' }),
    status: z.enum(orderStatuses).openapi({ description: statusDescription }),
    reason: z.string().trim().max(MAX_REASON).optional().openapi({ description: 'Required for cancelled' }),
  })
  .openapi('OrderStatusChange');

export const BulkStatusBody = z
  .object({
    ids: z.array(refId()).min(1).max(MAX_BULK_IDS),
    status: z.enum(orderStatuses),
    reason: z.string().trim().max(MAX_REASON).optional().openapi({ description: 'Required for cancelled' }),
  })
  .openapi('OrderBulkStatus');

export const BulkStatusResult = z
  .object({ updated: z.number().int(), ids: z.array(z.string()) })
  .openapi('OrderBulkStatusResult');

export const OrderHistoryEntry = z.object({
  fromStatus: z.enum(orderStatuses).nullable(),
  toStatus: z.enum(orderStatuses),
  reason: z.string().nullable(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  at: isoTime,
});

const CustomerRef = z.object({ id: z.string(), name: z.string() });

export const OrderSummary = z
  .object({
    id: z.string(),
    orderNo: z.string(),
    status: z.enum(orderStatuses),
    customer: CustomerRef,
    repId: z.string().nullable(),
    quoteId: z.string().nullable(),
    subject: z.string(),
    total: z.number().int(),
    orderedAt: isoTime,
    deliveryDate: z.string().nullable(),
    version: z.number().int(),
    updatedAt: isoTime,
  })
  .openapi('OrderSummary');

export const Order = OrderSummary.extend({
  customer: CustomerRef.extend({ code: z.string() }),
  quoteNo: z.string().nullable(),
  deliveryPlace: z.string().nullable(),
  paymentTerms: z.string().nullable(),
  note: z.string(),
  lines: z.array(DocumentLine),
  subtotals: RateAmounts,
  taxes: RateAmounts,
  rounding: Rounding,
  cancelReason: z.string().nullable(),
  createdAt: isoTime,
  history: z.array(OrderHistoryEntry).openapi({ description: 'Status changes, oldest first' }),
}).openapi('Order');

export const OrderListQuery = z.object({
  status: z.enum(orderStatuses).optional(),
  customerId: refId().optional(),
  repId: refId().optional(),
  from: IsoDateString.optional().openapi({ description: 'Ordered on or after (Asia/Tokyo)' }),
  to: IsoDateString.optional().openapi({ description: 'Ordered on or before (Asia/Tokyo)' }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ description: '1..100, default 50' }),
  cursor: z.string().max(500).optional(),
});

export const OrderPage = z
  .object({ items: z.array(OrderSummary), nextCursor: z.string().nullable() })
  .openapi('OrderPage');

export const OrderCsvQuery = OrderListQuery.omit({ cursor: true, limit: true }).extend({
  encoding: z.enum(['utf8', 'sjis']).optional().openapi({ description: 'utf8 (with BOM, default) or sjis' }),
});
