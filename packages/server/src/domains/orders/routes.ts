import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { bulkOrderStatus, changeOrderStatus } from './change-order-status.ts';
import { createOrder } from './create-order.ts';
import { pdfHeaders } from './document-parts.ts';
import { exportOrdersCsv } from './export-orders-csv.ts';
import { getOrder, listOrders } from './list-orders.ts';
import {
  BulkStatusBody,
  BulkStatusResult,
  CreateOrderBody,
  Order,
  OrderCsvQuery,
  OrderIdParam,
  OrderListQuery,
  OrderPage,
  OrderStatusBody,
} from './order-schemas.ts';
import { renderOrderConfirmation } from './render-order-confirmation.ts';

const tags = ['Orders'];
const everyone = ['rep', 'manager', 'admin'] as const;
const book = { roles: everyone, scope: 'customer-book' } as const;

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Orders (受注) of the customers the caller may see, newest first (keyset pages)',
  request: { query: OrderListQuery },
  responses: { 200: json(OrderPage, 'A page'), ...errorResponses(401, 422) },
  access: { ...book, references: { query: { customerId: 'customer', repId: 'user' } } },
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/export.csv',
  tags,
  summary: 'The filtered orders as CSV (UTF-8 with BOM by default, or Shift_JIS)',
  request: { query: OrderCsvQuery },
  responses: {
    200: { description: 'orders-YYYYMMDD.csv', content: { 'text/csv': { schema: { type: 'string' } } } },
    ...errorResponses(401, 422),
  },
  access: { ...book, references: { query: { customerId: 'customer', repId: 'user' } } },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Enter an order directly (a reorder, from the visit): status 受注 (ordered)',
  description:
    "Lines as a quote's: a productId without unitPrice takes the customer's catalog price; amounts rounded " +
    "by the company profile's rule, tax once per rate. 422 naming the field (lines.N.quantity, lines.N.productId …).",
  request: { body: { required: true, content: { 'application/json': { schema: CreateOrderBody } } } },
  responses: { 201: json(Order, 'The new order'), ...errorResponses(401, 409, 422) },
  access: { ...book, references: { body: { customerId: 'customer' } } },
});

const bulkRoute = defineRoute({
  method: 'post',
  path: '/bulk-status',
  tags,
  summary: 'Move up to 200 orders to one status, all or none (the desk)',
  description:
    '422 naming ids.N for an order the caller cannot see, 409 invalid_transition naming ids.N for one that ' +
    'cannot move there; reason required for cancelled.',
  request: { body: { required: true, content: { 'application/json': { schema: BulkStatusBody } } } },
  responses: { 200: json(BulkStatusResult, 'What changed'), ...errorResponses(401, 409, 422) },
  access: book,
});

const getRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One order with its lines and status history',
  request: { params: OrderIdParam },
  responses: { 200: json(Order, 'The order'), ...errorResponses(401, 404) },
  access: { ...book, references: { path: { id: 'order' } } },
});

const statusRoute = defineRoute({
  method: 'post',
  path: '/{id}/status',
  tags,
  summary:
    'Move an order: 受注 → 手配済 → 納品済 → 請求済, or キャンセル with a reason (send the version read)',
  request: {
    params: OrderIdParam,
    body: { required: true, content: { 'application/json': { schema: OrderStatusBody } } },
  },
  responses: { 200: json(Order, 'The order after the change'), ...errorResponses(401, 404, 409, 422) },
  access: { ...book, references: { path: { id: 'order' } } },
});

const confirmationRoute = defineRoute({
  method: 'get',
  path: '/{id}/confirmation.pdf',
  tags,
  summary: 'The 注文請書 (order confirmation) as a PDF',
  request: { params: OrderIdParam },
  responses: {
    200: {
      description: 'PDF',
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    },
    ...errorResponses(401, 404),
  },
  access: { ...book, references: { path: { id: 'order' } } },
});

/** The orders API, mounted at /api/orders. */
export const orderRoutes = createRouter()
  .openapi(listRoute, async (c) =>
    c.json(await listOrders({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
  )
  .openapi(exportRoute, async (c) => {
    const { encoding, ...filters } = c.req.valid('query');
    const file = await exportOrdersCsv({
      db: c.var.db,
      actor: c.var.actor,
      filters,
      encoding: encoding ?? 'utf8',
    });
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Replaced-Characters': String(file.replacedCharacters),
      'Cache-Control': 'no-store',
    }) as never;
  })
  .openapi(createRoute, async (c) =>
    c.json(await createOrder({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(bulkRoute, async (c) =>
    c.json(await bulkOrderStatus({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 200),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getOrder({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id }), 200),
  )
  .openapi(statusRoute, async (c) =>
    c.json(
      await changeOrderStatus({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(confirmationRoute, async (c) => {
    const file = await renderOrderConfirmation({
      db: c.var.db,
      actor: c.var.actor,
      id: c.req.valid('param').id,
    });
    return c.body(new Uint8Array(file.bytes), 200, pdfHeaders(file)) as never;
  });
