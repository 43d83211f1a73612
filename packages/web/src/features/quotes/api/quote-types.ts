/**
 * The quotes and orders API's shapes, from the server's own schemas (`@kayoi/server/contracts`),
 * under the names the screens use.
 */
import type {
  AcceptedQuote,
  CreateQuoteBody,
  OrderHistoryEntry,
  OrderLine,
  Quote,
  QuoteLine,
} from '@kayoi/server/contracts';

export type {
  Desk,
  LineKind,
  Order,
  OrderListQuery,
  OrderStatus,
  OrderSummary,
  Quote,
  QuoteListQuery,
  QuoteRevision,
  QuoteStatus,
  QuoteSummary,
  RoundingMode,
  TaxRate,
  UpdateQuoteBody,
} from '@kayoi/server/contracts';
export { orderStatuses, quoteViewStatuses as quoteStatuses } from '@kayoi/server/contracts';

export type RateAmounts = Quote['subtotals'];
/** A stored line of a quote or an order (an order carries its quote's lines exactly). */
export type DocumentLine = QuoteLine | OrderLine;
export type QuoteBody = CreateQuoteBody;
export type DocumentLineInput = NonNullable<CreateQuoteBody['lines']>[number];
export type AcceptResult = AcceptedQuote;
export type OrderStatusChange = OrderHistoryEntry;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
