import { z } from '@hono/zod-openapi';
import { orderStatuses } from '../orders/order-values.ts';
import {
  customerRanks,
  customerSorts,
  customerStatuses,
  geoPrecisions,
  honorifics,
  positionFilters,
} from './customer-values.ts';

/**
 * Request and response schemas of the customer API (OpenAPI 3.1). Request schemas check
 * types only; the rules (katakana, ranges, overlaps, who may be assigned) live in the domain
 * and answer 422 with a message per field in the caller's language.
 */
const isoTime = z.string().openapi({ format: 'date-time', example: '2026-11-20T01:30:00.000Z' });
const rank = z.enum(customerRanks).openapi({ description: 'A (most important) … C' });
const status = z.enum(customerStatuses).openapi({ description: 'active 稼働 / dormant 休眠 / churned 離脱' });
const honorific = z.enum(honorifics).openapi({ description: 'onchu 御中 (company) / sama 様 (person)' });
/** Request bounds: generous beyond the domain's own rules (which answer with precise messages). */
const SHORT = 1000;
const PROSE = 10_000;
export const MAX_CONTACTS = 50;
export const MAX_TIME_WINDOWS = 12;
const short = () => z.string().max(SHORT);
const prose = () => z.string().max(PROSE);
const timeWindow = z
  .object({
    start: z.string().max(20).openapi({ example: '09:00' }),
    end: z.string().max(20).openapi({ example: '12:00' }),
  })
  .openapi('TimeWindow');

export const CustomerSummary = z
  .object({
    id: z.string(),
    code: z.string().openapi({ example: 'C00213' }),
    name: z.string().openapi({ example: '株式会社なにわ商会' }),
    nameKana: z.string().openapi({ example: 'カブシキガイシャナニワショウカイ' }),
    honorific,
    address: z.string().openapi({ example: '大阪府大阪市北区梅田1-1-1' }),
    phone: z.string().openapi({ example: '06-6123-4567' }),
    rank,
    status,
    repId: z.string().nullable(),
    repName: z.string().nullable(),
    areaId: z.string().nullable(),
    areaName: z.string().nullable(),
    cadenceDays: z.number().int(),
    lastOrderAt: isoTime.nullable(),
    lastVisitAt: isoTime.nullable(),
    archivedAt: isoTime.nullable(),
    hasPosition: z
      .boolean()
      .openapi({ description: 'Whether lat/lng are known (the planner skips customers without)' }),
    geoPrecision: z.enum(geoPrecisions).openapi({
      description:
        'How the position was reached: banchi (番地), chome (町丁目), city (市区町村 only) by the geocoder; manual (a dragged pin, typed or imported 緯度/経度); none',
    }),
  })
  .openapi('CustomerSummary');

export const CustomerContact = z
  .object({
    id: z.string(),
    name: z.string(),
    nameKana: z.string(),
    title: z.string().openapi({ example: '総務課長' }),
    phone: z.string(),
    email: z.string(),
    isPrimary: z.boolean(),
  })
  .openapi('CustomerContact');

export const Customer = CustomerSummary.extend({
  postalCode: z.string().openapi({ example: '530-0001' }),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  geocodedAt: isoTime.nullable().openapi({
    description: 'When the address was last geocoded (found or not); null = never, or the geocoder failed',
  }),
  contacts: z.array(CustomerContact),
  cadenceToleranceDays: z.number().int(),
  preferredWeekdays: z.array(z.number().int()).openapi({ description: '0 = Sunday … 6 = Saturday' }),
  timeWindows: z.array(timeWindow),
  visitDurationMinutes: z.number().int(),
  preferences: z.string().openapi({ description: '好み・人柄' }),
  cautions: z.string().openapi({ description: '注意点' }),
  notes: z.string(),
  version: z
    .number()
    .int()
    .openapi({ description: 'Send it back with PATCH / archive (optimistic concurrency)' }),
  createdAt: isoTime,
  updatedAt: isoTime,
  stats: z.object({
    orderCount: z.number().int().openapi({ description: 'Non-cancelled orders, all time' }),
    revenue12m: z.number().int().openapi({ description: 'Tax-exclusive yen, non-cancelled, last 12 months' }),
    averageOrderValue: z.number().int().openapi({ description: 'Tax-exclusive yen per non-cancelled order' }),
    lastOrderAt: isoTime.nullable(),
  }),
}).openapi('Customer');

export const CustomerPage = z
  .object({
    items: z.array(CustomerSummary),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as cursor for the next page; null on the last' }),
    total: z.number().int().openapi({ description: 'Customers matching the filters, all pages' }),
  })
  .openapi('CustomerPage');

export const ListFilters = z.object({
  q: z.string().max(100).optional().openapi({
    description: 'Searches name, furigana (hiragana works), address, code, and phone digits',
    example: 'なにわ',
  }),
  repId: z.string().max(100).optional(),
  areaId: z.string().max(100).optional(),
  teamId: z.string().max(100).optional().openapi({ description: 'Customers whose rep is in this team' }),
  rank: rank.optional(),
  status: status.optional(),
  includeArchived: z.enum(['true', 'false']).optional().openapi({ description: 'Default false' }),
  position: z.enum(positionFilters).optional().openapi({
    description: 'missing: no coordinates (not planned); approximate: located to the municipality only',
  }),
});

export const ListQuery = ListFilters.extend({
  sort: z.enum(customerSorts).optional().openapi({
    description: 'name = furigana order; nextVisitDue = last visit + cadence, never-visited first',
  }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '1..200, default 50' }),
});

export const ExportQuery = ListFilters.extend({
  encoding: z
    .enum(['sjis', 'utf8'])
    .optional()
    .openapi({ description: 'sjis (default, for Excel) or utf8 with BOM' }),
});

export const ExportCheck = z
  .object({
    rows: z.number().int().openapi({ description: 'Rows the export would write' }),
    affectedRows: z.number().int().openapi({ description: 'Rows with a character Shift_JIS writes as 〓' }),
    characters: z
      .array(z.string())
      .max(30)
      .openapi({ description: 'The characters lost, distinct (first 30)' }),
    affected: z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          columns: z.array(z.object({ column: z.string(), characters: z.array(z.string()).max(10) })),
        }),
      )
      .max(100)
      .openapi({ description: 'The affected rows (first 100)' }),
  })
  .openapi('CustomerExportCheck');

export const IdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const ContactInput = z
  .object({
    id: z
      .string()
      .max(100)
      .optional()
      .openapi({ description: 'The contact’s id as read: keeps it when renamed' }),
    name: short(),
    nameKana: short().optional(),
    title: short().optional(),
    phone: short().optional(),
    email: short().optional(),
    isPrimary: z.boolean().optional(),
  })
  .openapi('CustomerContactInput');

const editable = {
  code: short()
    .optional()
    .openapi({ description: "Omitted on create: the next code of the tenant's scheme (C00213 by default)" }),
  name: short(),
  nameKana: short().openapi({ description: 'Katakana (spaces and ー allowed)' }),
  honorific,
  postalCode: short().openapi({ description: '123-4567' }),
  address: short(),
  phone: short().openapi({ description: 'Digits and hyphens' }),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  repId: short().nullable().openapi({ description: 'A rep or manager the caller may assign to' }),
  areaId: short().nullable(),
  rank,
  status,
  cadenceDays: z.number().openapi({ description: '1..365' }),
  cadenceToleranceDays: z.number().openapi({ description: '0..cadenceDays' }),
  preferredWeekdays: z.array(z.number()).max(7).openapi({ description: '0..6, unique' }),
  timeWindows: z
    .array(timeWindow)
    .max(MAX_TIME_WINDOWS)
    .openapi({ description: 'HH:MM, start < end, not overlapping' }),
  visitDurationMinutes: z.number().openapi({ description: '1..600' }),
  preferences: prose(),
  cautions: prose(),
  notes: prose(),
  contacts: z
    .array(ContactInput)
    .max(MAX_CONTACTS)
    .openapi({ description: `Replaces the whole list when given (at most ${MAX_CONTACTS})` }),
};

export const CreateCustomerBody = z
  .object({
    ...editable,
    id: z.uuid().openapi({
      description: 'A client-made UUID for the new customer (optional): lets an offline phone name it first',
    }),
  })
  .partial()
  .required({ name: true })
  .openapi('CreateCustomer', {
    example: {
      name: '株式会社なにわ商会',
      nameKana: 'ナニワショウカイ',
      address: '大阪府大阪市北区梅田1-1-1',
      phone: '06-6123-4567',
      cadenceDays: 28,
      contacts: [{ name: '総務 太郎', title: '総務課長', isPrimary: true }],
    },
  });

export const UpdateCustomerBody = z
  .object(editable)
  .partial()
  .extend({ version: z.number().int().openapi({ description: 'The version you read' }) })
  .openapi('UpdateCustomer', { example: { notes: '来月から担当が交代', version: 3 } });

export const PositionIssues = z
  .object({
    missing: z.number().int().openapi({ description: 'No coordinates: not planned' }),
    approximate: z.number().int().openapi({ description: 'Located to the municipality (市区町村) only' }),
  })
  .openapi('CustomerPositionIssues');

export const CustomerSettingsView = z
  .object({
    codePrefix: z.string().openapi({ example: 'C' }),
    codeDigits: z.number().int().openapi({ example: 5 }),
    fiscalYearStartMonth: z.number().int().openapi({ description: '1–12; April (4) by default', example: 4 }),
    nextCode: z
      .string()
      .openapi({ description: 'What the next customer created without a code gets', example: 'C00213' }),
  })
  .openapi('CustomerSettings');

export const CustomerSettingsBody = z
  .object({
    codePrefix: z
      .string()
      .max(20)
      .openapi({ description: 'Up to 8 letters, digits or hyphens (may be empty)' }),
    codeDigits: z.number().openapi({ description: '3..10' }),
    fiscalYearStartMonth: z.number().openapi({ description: '1..12' }),
  })
  .partial()
  .openapi('UpdateCustomerSettings');

export const ArchiveBody = z.object({ version: z.number().int() }).openapi('ArchiveCustomer');

export const OrdersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '1..200, default 50' }),
  cursor: z.string().max(500).optional().openapi({ description: 'nextCursor of the previous page' }),
});

const periodFigures = z.object({
  period: z.enum(['12m', 'fy', 'all']).openapi({
    description: '12m: the last 12 months; fy: this fiscal year so far; all: all time',
  }),
  from: isoTime.nullable().openapi({ description: 'First instant counted; null for all time' }),
  fromDate: z
    .string()
    .nullable()
    .openapi({ description: 'YYYY-MM-DD in Asia/Tokyo (all time: the first order’s date)' }),
  toDate: z.string().openapi({ description: 'YYYY-MM-DD in Asia/Tokyo: today' }),
  orderCount: z.number().int().openapi({ description: 'Non-cancelled orders in the period' }),
  revenueExclTax: z.number().int().openapi({ description: 'Tax-exclusive yen (税抜)' }),
  revenueInclTax: z.number().int().openapi({ description: 'Tax-inclusive yen (税込)' }),
  averageOrderExclTax: z.number().int().openapi({ description: 'Tax-exclusive yen per order' }),
});

export const CustomerFigures = z
  .object({
    fiscalYearStartMonth: z.number().int(),
    periods: z.array(periodFigures).max(3),
    usuallyBuys: z
      .array(
        z.object({
          productCode: z.string(),
          productName: z.string(),
          unit: z.string(),
          orders: z.number().int().openapi({ description: 'Orders (of those read) holding the product' }),
          usualQuantity: z.number().int().openapi({ description: 'Median quantity per order' }),
          intervalDays: z
            .number()
            .int()
            .nullable()
            .openapi({ description: 'Median days between two of those orders' }),
          lastOrderedAt: isoTime,
        }),
      )
      .max(10)
      .openapi({
        description:
          'Products in at least two of the last 100 non-cancelled orders, most frequent first (≤ 5)',
      }),
    usualFromOrders: z.number().int().openapi({ description: 'How many orders usuallyBuys was read from' }),
  })
  .openapi('CustomerFigures');

export const PurchaseHistory = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        orderNo: z.string(),
        orderedAt: isoTime,
        status: z.enum(orderStatuses).openapi({
          description:
            'ordered 受注 / arranged 手配済 / delivered 納品済 / invoiced 請求済 / cancelled キャンセル',
        }),
        subtotal: z.number().int().openapi({ description: 'Tax-exclusive yen' }),
        tax: z.number().int().openapi({ description: 'Once per order per rate' }),
        total: z.number().int(),
        lines: z.array(
          z.object({
            productCode: z.string(),
            productName: z.string(),
            quantity: z.number().int(),
            unit: z.string(),
            unitPrice: z.number().openapi({ description: 'Tax-exclusive decimal yen (1.5円/枚)' }),
            taxRate: z.union([z.literal(10), z.literal(8)]),
            amount: z.number().int(),
          }),
        ),
      }),
    ),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'Pass as cursor for older orders; null on the last page' }),
  })
  .openapi('PurchaseHistory');

export const ImportPreviewForm = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'The CSV file' }),
  encoding: z.enum(['auto', 'sjis', 'utf8']).optional().openapi({ description: 'Default auto' }),
});

export const ImportPreview = z
  .object({
    importId: z.string(),
    totalRows: z.number().int().openapi({ description: 'Data rows in the file (blank lines apart)' }),
    validRows: z.number().int().openapi({ description: 'Rows that can be imported' }),
    errorRows: z.number().int().openapi({ description: 'Rows that cannot: totalRows − validRows' }),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({
          description:
            'The row as a spreadsheet numbers the file: the header is row 1, the first data row 2; 0 = the file as a whole',
        }),
        column: z.string().openapi({ example: '電話番号' }),
        message: z.string(),
      }),
    ),
    sample: z
      .array(
        z.object({
          row: z.number().int().openapi({ description: 'Spreadsheet row number (first data row = 2)' }),
          action: z.enum(['create', 'update', 'unchanged']),
          code: z.string().nullable(),
          name: z.string(),
          repId: z.string().nullable(),
          areaId: z.string().nullable(),
          changes: z
            .array(
              z.object({
                column: z.string().openapi({ example: '電話番号' }),
                before: z.string().nullable().openapi({ description: 'null for a new customer' }),
                after: z.string(),
              }),
            )
            .openapi({
              description:
                'Each column the row changes, old → new, as the CSV spells it (担当者メール shows the rep’s name, エリア the area’s)',
            }),
        }),
      )
      .openapi({
        description:
          'Every row that creates or updates (at most 200), then unchanged rows up to the same bound',
      }),
    summary: z
      .object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() })
      .openapi({ description: 'Counts over all valid rows' }),
    ignoredColumns: z.array(z.string()).openapi({ description: 'Header cells that name no known column' }),
    encoding: z.enum(['sjis', 'utf8']),
    geocoding: z
      .object({
        asked: z.number().int().openapi({ description: 'Rows whose new address was geocoded' }),
        banchi: z.number().int(),
        chome: z.number().int(),
        city: z.number().int(),
        notFound: z.number().int().openapi({ description: 'The geocoder knows no such place' }),
        failed: z.number().int().openapi({
          description: 'The geocoder failed, timed out or the time budget ran out: saved without a position',
        }),
      })
      .openapi({
        description: 'Rows with a new or changed address and no 緯度/経度 are geocoded at preview',
      }),
  })
  .openapi('CustomerImportPreview');

export const ImportIdParam = z.object({
  importId: z
    .string()
    .max(100)
    .openapi({ param: { name: 'importId', in: 'path' } }),
});

export const ImportCommitResult = z
  .object({ created: z.number().int(), updated: z.number().int() })
  .openapi('CustomerImportResult');

/** The shapes the routes answer with, as the domain's use cases build them. */
export type CustomerSummaryView = z.output<typeof CustomerSummary>;
export type CustomerView = z.output<typeof Customer>;
export type CustomerContactView = z.output<typeof CustomerContact>;
export type PurchaseOrderView = z.output<typeof PurchaseHistory>['items'][number];

export const HistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ description: '1..200, default 50' }),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: 'The previous page’s nextBefore: older entries only' }),
});

const fieldChange = z
  .object({ before: z.unknown().optional(), after: z.unknown().optional() })
  .openapi('FieldChange', { description: 'before is absent on create, after on delete' });

export const CustomerHistory = z
  .object({
    items: z.array(
      z.object({
        seq: z.number().int(),
        at: isoTime,
        actor: z.object({
          id: z.string(),
          name: z.string().nullable(),
          role: z.string().openapi({ example: 'rep' }),
        }),
        table: z.enum(['customers', 'customer_contacts']).or(z.string()).openapi({
          description: 'customers (the customer itself) or customer_contacts (one of its contacts)',
        }),
        recordId: z.string(),
        action: z.enum(['create', 'update', 'archive', 'status_change', 'delete', 'commit']),
        changes: z.record(z.string(), fieldChange).openapi({
          description: 'Field name (as in the Customer / CustomerContact schema) → before and after',
          example: { phone: { before: '06-6123-4567', after: '06-6123-9999' } },
        }),
        context: z.record(z.string(), z.string()).openapi({
          description: 'e.g. { importId } when the change came from a CSV import',
        }),
      }),
    ),
    nextBefore: z.number().int().nullable(),
  })
  .openapi('CustomerHistory');
