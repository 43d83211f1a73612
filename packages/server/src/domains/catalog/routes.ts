import { withTenant } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { MAX_BODY_LIMIT } from '../../platform/http/body-limit.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute, type OperationAccess } from '../../platform/http/define-route.ts';
import { ErrorBody, errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { todayIn } from '../planning/working-days.ts';
import {
  catalogIssueText,
  catalogValidationFailed,
  customerNotFoundForPrices,
  productNotFound,
} from './catalog-errors.ts';
import {
  CreatePriceEntryBody,
  CreateProductBody,
  CustomerPrices,
  CustomerPricesQuery,
  PriceEntryIdParam,
  PriceListEntry,
  PriceListPage,
  PriceListQuery,
  Product,
  ProductExportQuery,
  ProductIdParam,
  ProductImportForm,
  ProductImportIdParam,
  ProductImportPreview,
  ProductImportResult,
  ProductListQuery,
  ProductPage,
  UnitPriceAnswer,
  UnitPriceQuery,
  UpdatePriceEntryBody,
  UpdateProductBody,
  VersionBody,
} from './catalog-schemas.ts';
import { commitProductImport } from './commit-product-import.ts';
import { createPriceEntry } from './create-price-entry.ts';
import { createProduct } from './create-product.ts';
import { deletePriceEntry } from './delete-price-entry.ts';
import { exportProductsCsv } from './export-products-csv.ts';
import { getProduct } from './get-product.ts';
import { getUnitPrice } from './get-unit-price.ts';
import { getCustomerPrices, listPriceEntries } from './list-price-entries.ts';
import { listProducts } from './list-products.ts';
import { previewProductImport } from './preview-product-import.ts';
import { customerVisible, isCivilDate } from './price-entries.ts';
import type { ProductFilters } from './product-query.ts';
import { updatePriceEntry } from './update-price-entry.ts';
import { updateProduct } from './update-product.ts';

const tags = ['Catalog'];
const everyone = ['rep', 'manager', 'admin'] as const;
const writers = ['manager', 'admin'] as const;
/** The catalog is the whole company's: everyone reads it, managers and admins change it. */
const catalogRead: OperationAccess = { roles: everyone, scope: 'tenant' };
const oneProduct: OperationAccess = {
  roles: everyone,
  scope: 'tenant',
  references: { path: { id: 'product' } },
};

const filtersOf = (q: {
  q?: string | undefined;
  active?: 'true' | 'false' | undefined;
  category?: string | undefined;
}) =>
  ({
    q: q.q,
    active: q.active === undefined ? undefined : q.active === 'true',
    category: q.category,
  }) satisfies ProductFilters;

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'List the catalog in code order, searched and filtered, keyset-paginated',
  request: { query: ProductListQuery },
  responses: { 200: json(ProductPage, 'A page of products'), ...errorResponses(401, 422) },
  access: catalogRead,
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/export.csv',
  tags,
  summary: 'Export the filtered catalog as CSV (Shift_JIS + CRLF for Excel by default, or UTF-8 with BOM)',
  description:
    'Columns 商品コード, 商品名, フリガナ, 分類, 単位, 単価, 税区分 (標準10% / 軽減8%), 状態 (有効 / 無効): the ' +
    'import reads the file back unchanged. Characters Shift_JIS cannot hold are written as 〓 (count in ' +
    'X-Replaced-Characters).',
  request: { query: ProductExportQuery },
  responses: {
    200: { description: 'products-YYYYMMDD.csv', content: { 'text/csv': { schema: { type: 'string' } } } },
    ...errorResponses(401, 422),
  },
  access: catalogRead,
});

const previewRoute = defineRoute({
  method: 'post',
  path: '/import/preview',
  tags,
  summary: 'Check a catalog CSV and keep it for commit (manager/admin); changes no product',
  description:
    'Columns as in the export, by header, any order; 商品コード required. A code in the catalog updates that ' +
    'product (a blank cell keeps the stored value; (削除) empties フリガナ or 分類), a new code creates one ' +
    '(商品名, 単位, 単価 required). Errors name the row as a spreadsheet numbers it (header = row 1) and the ' +
    'column, in the caller’s language; each row lists its changes old → new. Not CSV text (a workbook, an ' +
    'image, UTF-16, no known column in row 1): 422 not_csv.',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: ProductImportForm } } } },
  responses: {
    200: json(ProductImportPreview, 'Rows, errors by row and column'),
    ...errorResponses(401, 403, 413, 422),
  },
  access: { roles: writers, scope: 'tenant' },
  bodyLimit: MAX_BODY_LIMIT,
});

const commitRoute = defineRoute({
  method: 'post',
  path: '/import/{importId}/commit',
  tags,
  summary: 'Write a previewed catalog import in one transaction (all or nothing)',
  request: { params: ProductImportIdParam },
  responses: {
    200: json(ProductImportResult, 'Products created and updated'),
    ...errorResponses(401, 403, 404, 409, 422),
    410: json(ErrorBody, 'The preview expired (import_expired)'),
  },
  access: { roles: writers, scope: 'creator', references: { path: { importId: 'productImport' } } },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One product, with a bundle’s components',
  request: { params: ProductIdParam },
  responses: { 200: json(Product, 'The product'), ...errorResponses(401, 404) },
  access: oneProduct,
});

const priceRoute = defineRoute({
  method: 'get',
  path: '/{id}/price',
  tags,
  summary: 'The unit price a customer pays for the product on a date (special price, discount or list price)',
  description:
    'In effect on the date (default today, Asia/Tokyo), first found: the customer’s special price, its ' +
    'discount, its rank’s special price, its rank’s discount, else the list price. Without customerId: the ' +
    'list price. A customer the caller cannot see: 404.',
  request: { params: ProductIdParam, query: UnitPriceQuery },
  responses: {
    200: json(UnitPriceAnswer, 'The price and where it came from'),
    ...errorResponses(401, 404, 422),
  },
  access: {
    roles: everyone,
    scope: 'tenant',
    references: { path: { id: 'product' }, query: { customerId: 'customer' } },
  },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Add a product or a bundle (manager/admin)',
  request: { body: { required: true, content: { 'application/json': { schema: CreateProductBody } } } },
  responses: { 201: json(Product, 'The new product'), ...errorResponses(401, 403, 409, 422) },
  access: { roles: writers, scope: 'tenant' },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change some fields of a product (manager/admin; send the version you read)',
  request: {
    params: ProductIdParam,
    body: { required: true, content: { 'application/json': { schema: UpdateProductBody } } },
  },
  responses: { 200: json(Product, 'The product'), ...errorResponses(401, 403, 404, 409, 422) },
  access: { roles: writers, scope: 'tenant', references: { path: { id: 'product' } } },
});

const noFile = () => {
  const text = { ja: 'CSVファイルを選んでください。', en: 'Choose a CSV file.' };
  return new AppError(422, 'validation_failed', text, { file: text });
};

const today = () => todayIn('Asia/Tokyo');

/** The catalog API, mounted at /api/products. */
export const productRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await listProducts({
        db: c.var.db,
        actor: c.var.actor,
        filters: filtersOf(q),
        cursor: q.cursor,
        limit: q.limit,
        signer: c.var.signer,
      }),
      200,
    );
  })
  .openapi(exportRoute, async (c) => {
    const q = c.req.valid('query');
    const file = await exportProductsCsv({
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
  .openapi(previewRoute, async (c) => {
    const form = c.req.valid('form');
    const file: unknown = form.file;
    if (!(file instanceof Blob) || file.size === 0) throw noFile();
    return c.json(
      await previewProductImport({
        db: c.var.db,
        actor: c.var.actor,
        locale: c.var.locale,
        file: new Uint8Array(await file.arrayBuffer()),
        fileName: file instanceof File ? file.name : '',
        encoding: form.encoding ?? 'auto',
      }),
      200,
    );
  })
  .openapi(commitRoute, async (c) =>
    c.json(
      await commitProductImport({
        db: c.var.db,
        actor: c.var.actor,
        importId: c.req.valid('param').importId,
      }),
      200,
    ),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getProduct({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id }), 200),
  )
  .openapi(priceRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { customerId, date = today() } = c.req.valid('query');
    if (!isCivilDate(date)) throw catalogValidationFailed({ date: catalogIssueText('date_format') });
    const actor = c.var.actor;
    const price = await withTenant(c.var.db, actor, async (tx) => {
      if (customerId !== undefined && !(await customerVisible(tx, actor, customerId)))
        throw customerNotFoundForPrices();
      return getUnitPrice(tx, actor, { customerId: customerId ?? null, productId: id, date });
    });
    if (!price) throw productNotFound();
    const { product: _, ...answer } = price;
    return c.json(answer, 200);
  })
  .openapi(createRoute, async (c) =>
    c.json(await createProduct({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await updateProduct({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  );

/* Price lists: /api/price-lists. */

const entryRefs = { path: { id: 'priceListEntry' } } as const;

const listEntriesRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Price list entries (manager/admin): their customers’ and every rank’s, latest start first',
  request: { query: PriceListQuery },
  responses: { 200: json(PriceListPage, 'A page of entries'), ...errorResponses(401, 403, 422) },
  access: {
    roles: writers,
    scope: 'customer-book',
    references: { query: { productId: 'product', customerId: 'customer' } },
  },
});

const createEntryRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Add a special price or a discount for a customer, or for a rank (admin), on one product',
  description:
    'Give customerId or rank, and unitPrice or discountPercent. effectiveFrom and effectiveTo are inclusive ' +
    '(effectiveTo null: open-ended). Entries of one target, product and kind may not overlap: 422 naming ' +
    'effectiveFrom and the other period.',
  request: { body: { required: true, content: { 'application/json': { schema: CreatePriceEntryBody } } } },
  responses: { 201: json(PriceListEntry, 'The entry'), ...errorResponses(401, 403, 409, 422) },
  access: {
    roles: writers,
    scope: 'customer-book',
    references: { body: { customerId: 'customer', productId: 'product' } },
  },
});

const updateEntryRoute = defineRoute({
  method: 'patch',
  path: '/{id}',
  tags,
  summary: 'Change an entry’s price, discount, period or note (send the version you read)',
  request: {
    params: PriceEntryIdParam,
    body: { required: true, content: { 'application/json': { schema: UpdatePriceEntryBody } } },
  },
  responses: { 200: json(PriceListEntry, 'The entry'), ...errorResponses(401, 403, 404, 409, 422) },
  access: { roles: writers, scope: 'customer-book', references: entryRefs },
});

const deleteEntryRoute = defineRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Remove an entry (send the version you read)',
  request: {
    params: PriceEntryIdParam,
    body: { required: true, content: { 'application/json': { schema: VersionBody } } },
  },
  responses: {
    200: json(PriceEntryIdParam.openapi('DeletedPriceListEntry'), 'Removed'),
    ...errorResponses(401, 403, 404, 409, 422),
  },
  access: { roles: writers, scope: 'customer-book', references: entryRefs },
});

export const priceListRoutes = createRouter()
  .openapi(listEntriesRoute, async (c) => {
    const { cursor, limit, ...filters } = c.req.valid('query');
    return c.json(
      await listPriceEntries({
        db: c.var.db,
        actor: c.var.actor,
        filters,
        cursor,
        limit,
        signer: c.var.signer,
      }),
      200,
    );
  })
  .openapi(createEntryRoute, async (c) =>
    c.json(await createPriceEntry({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(updateEntryRoute, async (c) =>
    c.json(
      await updatePriceEntry({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(deleteEntryRoute, async (c) =>
    c.json(
      await deletePriceEntry({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        version: c.req.valid('json').version,
      }),
      200,
    ),
  );

/* A customer's prices: /api/customers/{id}/prices. */

const customerPricesRoute = defineRoute({
  method: 'get',
  path: '/{id}/prices',
  tags,
  summary: 'The special prices and discounts that price a customer (its own and its rank’s), from a date on',
  request: { params: ProductIdParam, query: CustomerPricesQuery },
  responses: {
    200: json(CustomerPrices, 'Entries in effect on the date or later'),
    ...errorResponses(401, 404, 422),
  },
  access: { roles: everyone, scope: 'customer-book', references: { path: { id: 'customer' } } },
});

export const customerPriceRoutes = createRouter().openapi(customerPricesRoute, async (c) => {
  const { date = today() } = c.req.valid('query');
  return c.json(
    await getCustomerPrices({ db: c.var.db, actor: c.var.actor, customerId: c.req.valid('param').id, date }),
    200,
  );
});
