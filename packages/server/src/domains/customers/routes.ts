import { AppError } from '../../platform/errors.ts';
import { MAX_BODY_LIMIT } from '../../platform/http/body-limit.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute, type OperationAccess } from '../../platform/http/define-route.ts';
import { ErrorBody, errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { archiveCustomer } from './archive-customer.ts';
import { commitCustomerImport } from './commit-customer-import.ts';
import { createCustomer } from './create-customer.ts';
import type { CustomerListFilters } from './customer-query.ts';
import {
  ArchiveBody,
  CreateCustomerBody,
  Customer,
  CustomerFigures,
  CustomerHistory,
  CustomerPage,
  CustomerSettingsBody,
  CustomerSettingsView,
  ExportCheck,
  ExportQuery,
  HistoryQuery,
  IdParam,
  ImportCommitResult,
  ImportIdParam,
  ImportPreview,
  ImportPreviewForm,
  ListFilters,
  ListQuery,
  OrdersQuery,
  PositionIssues,
  PurchaseHistory,
  UpdateCustomerBody,
} from './customer-schemas.ts';
import { getCustomerSettings, updateCustomerSettings } from './customer-settings.ts';
import { checkShiftJisExport, exportCustomersCsv } from './export-customers-csv.ts';
import { getCustomer } from './get-customer.ts';
import { getCustomerFigures } from './get-customer-figures.ts';
import { getCustomerHistory } from './get-customer-history.ts';
import { listCustomerOrders } from './list-customer-orders.ts';
import { listCustomers } from './list-customers.ts';
import { countPositionIssues, relocateCustomer } from './locate-customer.ts';
import { previewCustomerImport } from './preview-customer-import.ts';
import { restoreCustomer } from './restore-customer.ts';
import { updateCustomer } from './update-customer.ts';

const tags = ['Customers'];

const everyone = ['rep', 'manager', 'admin'] as const;
const filterRefs = { query: { repId: 'user', areaId: 'area', teamId: 'team' } };
/** Any signed-in role, on the customers their book holds (rep: own, manager: team, admin: all). */
const bookRead: OperationAccess = { roles: everyone, scope: 'customer-book', references: filterRefs };
const oneCustomer: OperationAccess = {
  roles: everyone,
  scope: 'customer-book',
  references: { path: { id: 'customer' } },
};

const filtersOf = (q: {
  q?: string | undefined;
  repId?: string | undefined;
  areaId?: string | undefined;
  teamId?: string | undefined;
  rank?: CustomerListFilters['rank'];
  status?: CustomerListFilters['status'];
  includeArchived?: 'true' | 'false' | undefined;
  position?: CustomerListFilters['position'];
}): CustomerListFilters => ({
  q: q.q,
  repId: q.repId,
  areaId: q.areaId,
  teamId: q.teamId,
  rank: q.rank,
  status: q.status,
  includeArchived: q.includeArchived === 'true',
  position: q.position,
});

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'List the customer book (scoped to the caller), filtered, sorted, keyset-paginated',
  request: { query: ListQuery },
  responses: { 200: json(CustomerPage, 'A page of customers'), ...errorResponses(401, 422) },
  access: bookRead,
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/export.csv',
  tags,
  summary: 'Export the filtered customers as CSV (Shift_JIS + CRLF for Excel by default)',
  description:
    'Same columns as the import. Characters Shift_JIS cannot hold are written as 〓 ' +
    '(count in the X-Replaced-Characters header); use encoding=utf8 to keep them.',
  request: { query: ExportQuery },
  responses: {
    200: { description: 'customers-YYYYMMDD.csv', content: { 'text/csv': { schema: { type: 'string' } } } },
    ...errorResponses(401, 422),
  },
  access: bookRead,
});

const positionIssuesRoute = defineRoute({
  method: 'get',
  path: '/position-issues',
  tags,
  summary: 'How many customers of the book have no usable position (the planner skips or guesses them)',
  description:
    'missing: no coordinates (the address is blank, the geocoder found nothing or failed); ' +
    'approximate: located to the municipality only. Archived customers are not counted. ' +
    'List them with GET /api/customers?position=missing|approximate.',
  responses: { 200: json(PositionIssues, 'Counts'), ...errorResponses(401) },
  access: { roles: everyone, scope: 'customer-book' },
});

const settingsRoute = defineRoute({
  method: 'get',
  path: '/settings',
  tags,
  summary: 'The customer book settings: code scheme (prefix + digits) and fiscal year start',
  responses: { 200: json(CustomerSettingsView, 'Settings'), ...errorResponses(401) },
  access: { roles: everyone, scope: 'tenant' },
});

const updateSettingsRoute = defineRoute({
  method: 'patch',
  path: '/settings',
  tags,
  summary: 'Change the code scheme or the fiscal year start (admin)',
  description:
    'A new prefix continues after the highest code of that form already in the book; codes given ' +
    'before keep their form. 422 naming the field when out of range.',
  request: { body: { required: true, content: { 'application/json': { schema: CustomerSettingsBody } } } },
  responses: { 200: json(CustomerSettingsView, 'Settings'), ...errorResponses(401, 403, 422) },
  access: { roles: ['admin'], scope: 'tenant' },
});

const relocateRoute = defineRoute({
  method: 'post',
  path: '/{id}/geocode',
  tags,
  summary: 'Geocode the customer’s address again (send the version you read)',
  description:
    'A position found replaces the stored one (a manual pin too: the user asked); when nothing is ' +
    'found the position stays and geocodedAt records the attempt.',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: ArchiveBody } } },
  },
  responses: { 200: json(Customer, 'The customer'), ...errorResponses(401, 404, 409, 422) },
  access: oneCustomer,
});

const exportCheckRoute = defineRoute({
  method: 'get',
  path: '/export-check',
  tags,
  summary: 'What a Shift_JIS export of these filters would lose (characters written as 〓), by row',
  description:
    'Same filters as the list and the export. Lists the rows (first 100) and columns holding characters ' +
    'outside CP932 (𠮷, emoji, —): export those with encoding=utf8 (UTF-8 with BOM) to keep them.',
  request: { query: ListFilters },
  responses: { 200: json(ExportCheck, 'Rows that would change'), ...errorResponses(401, 422) },
  access: bookRead,
});

const previewRoute = defineRoute({
  method: 'post',
  path: '/import/preview',
  tags,
  summary: 'Check a customer CSV and keep it for commit (manager/admin); changes no customer',
  description:
    'Columns as in the export (顧客コード, 会社名, … 緯度, 経度), by header, in any order, each optional. ' +
    'A row whose 顧客コード matches a customer updates it, others create a customer (会社名 required; ' +
    '担当者メール too unless the caller is an admin). A blank cell, or a column the file lacks, keeps ' +
    'the stored value (a new customer gets the default); a cell holding only `(削除)` or `(clear)` ' +
    'empties the field (not possible for 会社名, 敬称, ランク, ステータス and the numbers). ' +
    'The answer lists each row’s changes old → new. A file that is not CSV text (a workbook, an ' +
    'image, UTF-16, no known column in row 1) is refused with 422 not_csv. Rows are numbered as a ' +
    'spreadsheet shows them: the header is row 1.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: ImportPreviewForm } } } },
  responses: {
    200: json(ImportPreview, 'Rows, errors by row and column'),
    ...errorResponses(401, 403, 413, 422),
  },
  access: { roles: ['manager', 'admin'], scope: 'customer-book' },
  bodyLimit: MAX_BODY_LIMIT,
});

const commitRoute = defineRoute({
  method: 'post',
  path: '/import/{importId}/commit',
  tags,
  summary: 'Write a previewed import in one transaction (all or nothing)',
  request: { params: ImportIdParam },
  responses: {
    200: json(ImportCommitResult, 'Customers created and updated'),
    ...errorResponses(401, 403, 404, 409, 422),
    410: json(ErrorBody, 'The preview expired (import_expired)'),
  },
  access: {
    roles: ['manager', 'admin'],
    scope: 'creator',
    references: { path: { importId: 'customerImport' } },
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One customer with contacts and order stats',
  request: { params: IdParam },
  responses: { 200: json(Customer, 'The customer'), ...errorResponses(401, 404) },
  access: oneCustomer,
});

const ordersRoute = defineRoute({
  method: 'get',
  path: '/{id}/orders',
  tags,
  summary: "A customer's purchase history, newest first, a page at a time (nextCursor)",
  request: { params: IdParam, query: OrdersQuery },
  responses: { 200: json(PurchaseHistory, 'Orders with lines'), ...errorResponses(401, 404, 422) },
  access: oneCustomer,
});

const figuresRoute = defineRoute({
  method: 'get',
  path: '/{id}/figures',
  tags,
  summary:
    "The カルテ's figures: per period (12 months, fiscal year, all time) with both tax bases, and what the customer usually buys",
  description:
    'Each period names its dates (Asia/Tokyo); revenue is given tax-excluded and tax-included; ' +
    'cancelled orders count nowhere. The fiscal year starts in the month of the customer book settings (April by default).',
  request: { params: IdParam },
  responses: { 200: json(CustomerFigures, 'Figures'), ...errorResponses(401, 404) },
  access: oneCustomer,
});

const historyRoute = defineRoute({
  method: 'get',
  path: '/{id}/history',
  tags,
  summary: "A customer's change history (audit trail), newest first",
  description:
    'Every recorded change of the customer and its contacts: who, when, what, and each ' +
    'changed field before and after. Visible when the customer is.',
  request: { params: IdParam, query: HistoryQuery },
  responses: { 200: json(CustomerHistory, 'History entries'), ...errorResponses(401, 404, 422) },
  access: oneCustomer,
});

const createCustomerRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Add a customer',
  request: { body: { required: true, content: { 'application/json': { schema: CreateCustomerBody } } } },
  responses: { 201: json(Customer, 'The new customer'), ...errorResponses(401, 409, 422) },
  access: {
    roles: everyone,
    scope: 'customer-book',
    references: { body: { repId: 'user', areaId: 'area' } },
  },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change some fields (send the version you read)',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: UpdateCustomerBody } } },
  },
  responses: { 200: json(Customer, 'The updated customer'), ...errorResponses(401, 404, 409, 422) },
  access: {
    roles: everyone,
    scope: 'customer-book',
    references: { path: { id: 'customer' }, body: { repId: 'user', areaId: 'area' } },
  },
});

const archiveRoute = defineRoute({
  method: 'post',
  path: '/{id}/archive',
  tags,
  summary: 'Archive a customer (hidden from the list unless includeArchived)',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: ArchiveBody } } },
  },
  responses: { 200: json(Customer, 'The archived customer'), ...errorResponses(401, 404, 409, 422) },
  access: oneCustomer,
});

const restoreRoute = defineRoute({
  method: 'post',
  path: '/{id}/restore',
  tags,
  summary: 'Restore an archived customer to the book (manager/admin; send the version you read)',
  description:
    'Clears archivedAt: the customer is back in the list and can be edited again. Audited as a ' +
    'status_change of archivedAt. Reps get 403.',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: ArchiveBody } } },
  },
  responses: { 200: json(Customer, 'The restored customer'), ...errorResponses(401, 403, 404, 409, 422) },
  access: { roles: ['manager', 'admin'], scope: 'customer-book', references: { path: { id: 'customer' } } },
});

const noFile = () => {
  const text = { ja: 'CSVファイルを選んでください。', en: 'Choose a CSV file.' };
  return new AppError(422, 'validation_failed', text, { file: text });
};

/** The customer book API, mounted by the platform at /api/customers. */
export const customerRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await listCustomers({
      db: c.var.db,
      actor: c.var.actor,
      filters: filtersOf(q),
      sort: q.sort,
      cursor: q.cursor,
      limit: q.limit,
      signer: c.var.signer,
    });
    return c.json(page, 200);
  })
  .openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const file = await exportCustomersCsv({
      db: c.var.db,
      actor: c.var.actor,
      filters: filtersOf(q),
      encoding: q.encoding ?? 'sjis',
    });
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Replaced-Characters': String(file.replacedCharacters),
      'Cache-Control': 'no-store',
    }) as never;
  })
  .openapi(exportCheckRoute, async (c) =>
    c.json(
      await checkShiftJisExport({
        db: c.var.db,
        actor: c.var.actor,
        filters: filtersOf(c.req.valid('query')),
      }),
      200,
    ),
  )
  .openapi(positionIssuesRoute, async (c) =>
    c.json(await countPositionIssues({ db: c.var.db, actor: c.var.actor }), 200),
  )
  .openapi(settingsRoute, async (c) =>
    c.json(await getCustomerSettings({ db: c.var.db, actor: c.var.actor }), 200),
  )
  .openapi(updateSettingsRoute, async (c) =>
    c.json(
      await updateCustomerSettings({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }),
      200,
    ),
  )
  .openapi(previewRoute, async (c) => {
    const form = c.req.valid('form');
    const file: unknown = form.file;
    if (!(file instanceof Blob) || file.size === 0) throw noFile();
    const preview = await previewCustomerImport({
      db: c.var.db,
      actor: c.var.actor,
      locale: c.var.locale,
      file: new Uint8Array(await file.arrayBuffer()),
      fileName: file instanceof File ? file.name : '',
      encoding: form.encoding ?? 'auto',
      geocoder: c.var.geocoder,
    });
    return c.json(preview, 200);
  })
  .openapi(commitRoute, async (c) => {
    const { importId } = c.req.valid('param');
    return c.json(await commitCustomerImport({ db: c.var.db, actor: c.var.actor, importId }), 200);
  })
  .openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getCustomer({ db: c.var.db, actor: c.var.actor, id }), 200);
  })
  .openapi(ordersRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    return c.json(
      await listCustomerOrders({ db: c.var.db, actor: c.var.actor, customerId: id, limit, cursor }),
      200,
    );
  })
  .openapi(figuresRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getCustomerFigures({ db: c.var.db, actor: c.var.actor, customerId: id }), 200);
  })
  .openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { limit, before } = c.req.valid('query');
    return c.json(await getCustomerHistory({ db: c.var.db, actor: c.var.actor, id, limit, before }), 200);
  })
  .openapi(createCustomerRoute, async (c) => {
    const input = c.req.valid('json');
    return c.json(
      await createCustomer({ db: c.var.db, actor: c.var.actor, input, geocoder: c.var.geocoder }),
      201,
    );
  })
  .openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(
      await updateCustomer({ db: c.var.db, actor: c.var.actor, id, input, geocoder: c.var.geocoder }),
      200,
    );
  })
  .openapi(relocateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('json');
    return c.json(
      await relocateCustomer({ db: c.var.db, actor: c.var.actor, id, version, geocoder: c.var.geocoder }),
      200,
    );
  })
  .openapi(archiveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('json');
    return c.json(await archiveCustomer({ db: c.var.db, actor: c.var.actor, id, version }), 200);
  })
  .openapi(restoreRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('json');
    return c.json(await restoreCustomer({ db: c.var.db, actor: c.var.actor, id, version }), 200);
  });
