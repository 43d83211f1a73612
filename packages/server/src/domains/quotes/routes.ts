import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { pdfHeaders } from '../orders/document-parts.ts';
import { acceptQuote } from './accept-quote.ts';
import { calculateQuote } from './calculate-quote.ts';
import { createQuote } from './create-quote.ts';
import { exportQuotesCsv } from './export-quotes-csv.ts';
import { getDesk } from './get-desk.ts';
import { issueQuote } from './issue-quote.ts';
import { getQuote, listQuotes } from './list-quotes.ts';
import { loseQuote } from './lose-quote.ts';
import {
  AcceptResult,
  CalculateBody,
  CalculateResult,
  CreateQuoteBody,
  CsvQuery,
  Desk,
  DeskQuery,
  LoseBody,
  Quote,
  QuoteIdParam,
  QuoteListQuery,
  QuotePage,
  UpdateQuoteBody,
  VersionBody,
} from './quote-schemas.ts';
import { renderQuote } from './render-quote.ts';
import { reviseQuote } from './revise-quote.ts';
import { updateQuote } from './update-quote.ts';

const tags = ['Quotes'];
const everyone = ['rep', 'manager', 'admin'] as const;
const book = { roles: everyone, scope: 'customer-book' } as const;
const onQuote = { ...book, references: { path: { id: 'quote' } } } as const;
const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const calculateRoute = defineRoute({
  method: 'post',
  path: '/calculate',
  tags,
  summary: 'Totals of unsaved lines: per-rate subtotals, taxes rounded once per rate, total (integer yen)',
  description:
    "Each line's amount = unitPrice × quantity rounded to whole yen; per rate (10, 8) the subtotal is the " +
    "items minus the discounts and its tax is rounded once. rounding defaults to the company profile's. " +
    'Nothing is stored.',
  request: { body: body(CalculateBody) },
  responses: { 200: json(CalculateResult, 'The totals'), ...errorResponses(401, 422) },
  access: { roles: everyone, scope: 'tenant' },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'Search quotes by status, customer, rep, issue date, amount and text (keyset pages, newest first)',
  request: { query: QuoteListQuery },
  responses: { 200: json(QuotePage, 'A page'), ...errorResponses(401, 422) },
  access: { ...book, references: { query: { customerId: 'customer', repId: 'user' } } },
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/export.csv',
  tags,
  summary: 'The filtered quotes as CSV (UTF-8 with BOM by default, or Shift_JIS)',
  request: { query: CsvQuery },
  responses: {
    200: { description: 'quotes-YYYYMMDD.csv', content: { 'text/csv': { schema: { type: 'string' } } } },
    ...errorResponses(401, 422),
  },
  access: { ...book, references: { query: { customerId: 'customer', repId: 'user' } } },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Create a draft quote (blank, from a visit, or from a previous quote)',
  description:
    'Status draft, revision 1, a new number Q-YYYY-NNNN. validUntil and paymentTerms default from the company ' +
    "profile; a line with productId and no unitPrice takes the customer's catalog price. 422 naming the field " +
    '(lines.N.quantity, lines.N.productId, visitId …); nothing is stored.',
  request: { body: body(CreateQuoteBody) },
  responses: { 201: json(Quote, 'The new draft'), ...errorResponses(401, 409, 422) },
  access: {
    ...book,
    references: { body: { customerId: 'customer', visitId: 'visit', sourceQuoteId: 'quote' } },
  },
});

const getRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One quote revision with its lines, totals and every revision of its number',
  request: { params: QuoteIdParam },
  responses: { 200: json(Quote, 'The quote'), ...errorResponses(401, 404) },
  access: onQuote,
});

const updateRoute = defineRoute({
  method: 'put',
  path: '/{id}',
  tags,
  summary: "Replace a draft's fields and lines (send the version read)",
  description: '409 quote_issued once issued (revise it instead); 409 version_conflict on a stale version.',
  request: { params: QuoteIdParam, body: body(UpdateQuoteBody) },
  responses: { 200: json(Quote, 'The draft'), ...errorResponses(401, 404, 409, 422) },
  access: onQuote,
});

const issueRoute = defineRoute({
  method: 'post',
  path: '/{id}/issue',
  tags,
  summary: 'Issue a draft: 提出済 (submitted), immutable from then on',
  request: { params: QuoteIdParam, body: body(VersionBody) },
  responses: { 200: json(Quote, 'The issued quote'), ...errorResponses(401, 404, 409, 422) },
  access: onQuote,
});

const reviseRoute = defineRoute({
  method: 'post',
  path: '/{id}/revise',
  tags,
  summary:
    'A new draft revision of an issued or lost quote (same number, revision + 1); the old one is superseded',
  request: { params: QuoteIdParam },
  responses: { 201: json(Quote, 'The new draft revision'), ...errorResponses(401, 404, 409) },
  access: onQuote,
});

const acceptRoute = defineRoute({
  method: 'post',
  path: '/{id}/accept',
  tags,
  summary: '受注: the submitted quote becomes accepted and an order carrying its lines and taxes exactly',
  request: { params: QuoteIdParam, body: body(VersionBody) },
  responses: { 200: json(AcceptResult, 'The quote and its order'), ...errorResponses(401, 404, 409, 422) },
  access: onQuote,
});

const loseRoute = defineRoute({
  method: 'post',
  path: '/{id}/lose',
  tags,
  summary: '失注 with a reason',
  request: { params: QuoteIdParam, body: body(LoseBody) },
  responses: { 200: json(Quote, 'The lost quote'), ...errorResponses(401, 404, 409, 422) },
  access: onQuote,
});

const pdfRoute = defineRoute({
  method: 'get',
  path: '/{id}/pdf',
  tags,
  summary: 'The 見積書 as a PDF',
  request: { params: QuoteIdParam },
  responses: {
    200: {
      description: 'PDF',
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    },
    ...errorResponses(401, 404),
  },
  access: onQuote,
});

const csvHeaders = (file: { fileName: string; contentType: string; replacedCharacters: number }) => ({
  'Content-Type': file.contentType,
  'Content-Disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  'X-Replaced-Characters': String(file.replacedCharacters),
  'Cache-Control': 'no-store',
});

/** The quotes API, mounted at /api/quotes. */
export const quoteRoutes = createRouter()
  .openapi(calculateRoute, async (c) =>
    c.json(await calculateQuote({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 200),
  )
  .openapi(listRoute, async (c) =>
    c.json(await listQuotes({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
  )
  .openapi(exportRoute, async (c) => {
    const { encoding, ...filters } = c.req.valid('query');
    const file = await exportQuotesCsv({
      db: c.var.db,
      actor: c.var.actor,
      filters,
      encoding: encoding ?? 'utf8',
    });
    return c.body(new Uint8Array(file.bytes), 200, csvHeaders(file)) as never;
  })
  .openapi(createRoute, async (c) =>
    c.json(await createQuote({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 201),
  )
  .openapi(getRoute, async (c) =>
    c.json(await getQuote({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id }), 200),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await updateQuote({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(issueRoute, async (c) =>
    c.json(
      await issueQuote({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        version: c.req.valid('json').version,
      }),
      200,
    ),
  )
  .openapi(reviseRoute, async (c) =>
    c.json(await reviseQuote({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id }), 201),
  )
  .openapi(acceptRoute, async (c) =>
    c.json(
      await acceptQuote({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        version: c.req.valid('json').version,
      }),
      200,
    ),
  )
  .openapi(loseRoute, async (c) => {
    const input = c.req.valid('json');
    return c.json(
      await loseQuote({
        db: c.var.db,
        actor: c.var.actor,
        id: c.req.valid('param').id,
        version: input.version,
        reason: input.reason,
      }),
      200,
    );
  })
  .openapi(pdfRoute, async (c) => {
    const file = await renderQuote({ db: c.var.db, actor: c.var.actor, id: c.req.valid('param').id });
    return c.body(new Uint8Array(file.bytes), 200, pdfHeaders(file)) as never;
  });

const deskRoute = defineRoute({
  method: 'get',
  path: '/',
  tags: ['Desk'],
  summary: 'The sales-support desk: quotes to send and expiring, orders to arrange, deliver and invoice',
  request: { query: DeskQuery },
  responses: { 200: json(Desk, 'Counts and lists'), ...errorResponses(401, 422) },
  access: { ...book, references: { query: { customerId: 'customer', repId: 'user' } } },
});

/** The desk, mounted at /api/desk. */
export const deskRoutes = createRouter().openapi(deskRoute, async (c) =>
  c.json(await getDesk({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
);
