import { z } from '@hono/zod-openapi';
import { customerRanks } from '../customers/customer-values.ts';
import { priceSources, taxCategories } from './catalog-values.ts';

/**
 * Request and response schemas of the catalog API. Request schemas check types and generous
 * bounds only; the rules (code form, price decimals, dates, overlaps) live in the domain and
 * answer 422 with a message per field in the caller's language.
 */
const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-20T01:30:00.000Z' });
const SHORT = 1000;
const short = () => z.string().max(SHORT);
export const MAX_COMPONENTS = 50;

const taxCategory = z
  .enum(taxCategories)
  .openapi({ description: 'standard 標準税率 10% / reduced 軽減税率 8% (food and drink)' });
const unitPrice = z.number().openapi({
  description: 'Tax-exclusive yen, 0..10,000,000, at most two decimals (1.5 for a 1.5円/枚 counter charge)',
  example: 2980,
});
const dateText = z
  .string()
  .max(20)
  .openapi({ description: 'YYYY-MM-DD (Asia/Tokyo)', example: '2026-04-01' });

export const ProductComponent = z
  .object({
    productId: z.string(),
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    quantity: z.number().int(),
    unitPrice: z.number().openapi({ description: 'The component’s own list price' }),
    active: z.boolean(),
  })
  .openapi('ProductComponent');

export const ProductSummary = z
  .object({
    id: z.string(),
    code: z.string().openapi({ example: 'TN-BK-MFP' }),
    name: z.string().openapi({ example: 'トナーカートリッジ ブラック（複合機用）' }),
    nameKana: z.string().openapi({ example: 'トナーカートリッジブラック' }),
    category: z.string().openapi({ example: 'トナー・インク' }),
    unit: z.string().openapi({ example: '本' }),
    unitPrice,
    taxCategory,
    taxRate: z.union([z.literal(10), z.literal(8)]),
    active: z.boolean(),
    isBundle: z
      .boolean()
      .openapi({ description: 'A bundle (セット) of component products, priced as a whole' }),
    version: z.number().int().openapi({ description: 'Send it back with PATCH (optimistic concurrency)' }),
    updatedAt: isoTime,
  })
  .openapi('ProductSummary');

export const Product = ProductSummary.extend({
  components: z
    .array(ProductComponent)
    .openapi({ description: 'A bundle’s components, in order (empty otherwise)' }),
  componentsListTotal: z
    .number()
    .nullable()
    .openapi({ description: 'A bundle: Σ component list price × quantity, to show what the bundle saves' }),
  createdAt: isoTime,
}).openapi('Product');

export const ProductPage = z
  .object({
    items: z.array(ProductSummary),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as cursor for the next page; null on the last' }),
  })
  .openapi('ProductPage');

export const ProductFilters = z.object({
  q: z.string().max(100).optional().openapi({
    description: 'Searches code, name and furigana (hiragana works); several words must each match',
    example: 'トナー',
  }),
  active: z.enum(['true', 'false']).optional().openapi({ description: 'Omitted: active and inactive' }),
  category: z.string().max(100).optional(),
});

export const ProductListQuery = ProductFilters.extend({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '1..200, default 50' }),
});

export const ProductExportQuery = ProductFilters.extend({
  encoding: z
    .enum(['sjis', 'utf8'])
    .optional()
    .openapi({ description: 'sjis (default, for Excel) or utf8 with BOM' }),
});

export const ProductIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const ComponentInput = z
  .object({
    productId: z.string().max(100),
    quantity: z.number().openapi({ description: '1..1,000,000' }),
  })
  .openapi('ProductComponentInput');

const editable = {
  code: short().openapi({
    description: 'ASCII letters, digits and symbols, no spaces, ≤ 32',
    example: 'CC-MONO',
  }),
  name: short(),
  nameKana: short().openapi({ description: 'Katakana (hiragana is converted)' }),
  category: short(),
  unit: short().openapi({ example: '枚' }),
  unitPrice,
  taxCategory,
  active: z.boolean(),
  components: z
    .array(ComponentInput)
    .max(MAX_COMPONENTS)
    .openapi({
      description:
        'Makes the product a bundle of these products (each once, none a bundle, all of the bundle’s tax ' +
        'category); [] makes it a single product again. Replaces the whole list when given.',
    }),
};

export const CreateProductBody = z
  .object({
    ...editable,
    id: z.uuid().openapi({ description: 'A client-made UUID for the new product (optional)' }),
  })
  .partial()
  .required({ code: true, name: true, unit: true, unitPrice: true })
  .openapi('CreateProduct', {
    example: {
      code: 'CC-MONO',
      name: 'モノクロカウンター料金',
      nameKana: 'モノクロカウンターリョウキン',
      category: 'カウンター料金',
      unit: '枚',
      unitPrice: 1.5,
      taxCategory: 'standard',
    },
  });

export const UpdateProductBody = z
  .object(editable)
  .partial()
  .extend({ version: z.number().int().openapi({ description: 'The version you read' }) })
  .openapi('UpdateProduct', { example: { unitPrice: 3180, version: 1 } });

/* Price list entries. */

const rank = z
  .enum(customerRanks)
  .openapi({ description: 'A … C: the entry applies to every customer of the rank' });

export const PriceListEntry = z
  .object({
    id: z.string(),
    customer: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
    rank: rank.nullable(),
    product: z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      unitPrice: z.number().openapi({ description: 'The list price' }),
      taxCategory,
    }),
    kind: z.enum(['price', 'discount']),
    unitPrice: z.number().nullable().openapi({ description: 'The special unit price (kind price)' }),
    discountPercent: z
      .number()
      .nullable()
      .openapi({ description: 'Percent off the list price (kind discount)' }),
    effectiveUnitPrice: z.number().openapi({
      description: 'What the entry charges now: the special price, or the list price less the discount',
    }),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable().openapi({ description: 'Inclusive; null = open-ended' }),
    note: z.string(),
    version: z.number().int(),
    updatedAt: isoTime,
  })
  .openapi('PriceListEntry');

export const PriceListPage = z
  .object({
    items: z.array(PriceListEntry),
    nextCursor: z.string().nullable(),
  })
  .openapi('PriceListPage');

export const PriceListQuery = z.object({
  productId: z.string().max(100).optional(),
  customerId: z.string().max(100).optional(),
  rank: rank.optional(),
  on: dateText.optional().openapi({ description: 'Only entries in effect on this date' }),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '1..200, default 100' }),
});

export const CreatePriceEntryBody = z
  .object({
    id: z.uuid().optional().openapi({ description: 'A client-made UUID (optional)' }),
    customerId: z.string().max(100).optional().openapi({ description: 'The customer (or give rank)' }),
    rank: rank.optional(),
    productId: z.string().max(100),
    unitPrice: z
      .number()
      .optional()
      .openapi({ description: 'A special unit price (or give discountPercent)' }),
    discountPercent: z.number().optional().openapi({ description: '0 < percent ≤ 100, two decimals' }),
    effectiveFrom: dateText,
    effectiveTo: dateText.nullable().optional(),
    note: short().optional(),
  })
  .openapi('CreatePriceListEntry', {
    example: {
      productId: 'x',
      customerId: 'x',
      unitPrice: 1.2,
      effectiveFrom: '2026-04-01',
      effectiveTo: null,
    },
  });

export const UpdatePriceEntryBody = z
  .object({
    version: z.number().int(),
    unitPrice: z
      .number()
      .nullable()
      .optional()
      .openapi({ description: 'Set to switch the entry to a special price' }),
    discountPercent: z
      .number()
      .nullable()
      .optional()
      .openapi({ description: 'Set to switch it to a discount' }),
    effectiveFrom: dateText.optional(),
    effectiveTo: dateText.nullable().optional(),
    note: short().optional(),
  })
  .openapi('UpdatePriceListEntry', { example: { version: 1, effectiveTo: '2027-03-31' } });

export const VersionBody = z.object({ version: z.number().int() }).openapi('DeletePriceListEntry');

export const PriceEntryIdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const CustomerPricesQuery = z.object({
  date: dateText.optional().openapi({ description: 'Default today (Asia/Tokyo)' }),
});

export const CustomerPrices = z
  .object({
    date: z.string(),
    rank: rank,
    entries: z.array(PriceListEntry).openapi({
      description: 'The customer’s own entries and its rank’s, in effect on the date or later, by product',
    }),
  })
  .openapi('CustomerPrices');

export const UnitPriceQuery = CustomerPricesQuery.extend({
  customerId: z.string().max(100).optional().openapi({ description: 'Omitted: the list price' }),
});

export const UnitPriceAnswer = z
  .object({
    unitPrice: z.string(),
    source: z.enum(priceSources),
    priceListId: z.string().optional(),
    listPrice: z.string(),
  })
  .openapi('UnitPrice');

/* CSV import. */

export const ProductImportForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'The CSV file' }),
  encoding: z.enum(['auto', 'sjis', 'utf8']).optional().openapi({ description: 'Default auto' }),
});

export const ProductImportPreview = z
  .object({
    importId: z.string(),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    errorRows: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({
          description:
            'As a spreadsheet numbers the file: the header is row 1, the first data row 2; 0 = the whole file',
        }),
        column: z.string().openapi({ example: '単価' }),
        message: z.string(),
      }),
    ),
    sample: z.array(
      z.object({
        row: z.number().int(),
        action: z.enum(['create', 'update', 'unchanged']),
        code: z.string(),
        name: z.string(),
        changes: z.array(
          z.object({
            column: z.string(),
            before: z.string().nullable().openapi({ description: 'null for a new product' }),
            after: z.string(),
          }),
        ),
      }),
    ),
    summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
    ignoredColumns: z.array(z.string()),
    encoding: z.enum(['sjis', 'utf8']),
  })
  .openapi('ProductImportPreview');

export const ProductImportIdParam = z.object({
  importId: z
    .string()
    .max(100)
    .openapi({ param: { name: 'importId', in: 'path' } }),
});

export const ProductImportResult = z
  .object({ created: z.number().int(), updated: z.number().int() })
  .openapi('ProductImportResult');

export type ProductView = z.output<typeof Product>;
export type ProductSummaryView = z.output<typeof ProductSummary>;
export type PriceListEntryView = z.output<typeof PriceListEntry>;
export type ProductImportPreviewView = z.output<typeof ProductImportPreview>;
