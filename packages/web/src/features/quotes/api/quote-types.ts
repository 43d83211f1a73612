/**
 * The quotes and orders API's shapes (docs: the paperwork API contract). Until the server's schemas
 * are exported through `@kayoi/server/contracts`, the web app states them here; each type carries
 * only what the screens read or send.
 */
import type { LineKind, RoundingMode, TaxRate } from '@kayoi/server/contracts';

export type { LineKind, RoundingMode, TaxRate };

export const quoteStatuses = ['draft', 'submitted', 'accepted', 'lost', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

export const orderStatuses = ['ordered', 'arranged', 'delivered', 'invoiced', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export type RateAmounts = { '10'?: number; '8'?: number };

export interface DocumentLineInput {
  kind: LineKind;
  productId?: string | null;
  name: string;
  quantity: number;
  unit: string;
  /** Decimal yen, at most 2 decimals; omitted with a productId: the server's price lookup fills it. */
  unitPrice?: number;
  taxRate: TaxRate;
  note?: string;
}

export interface QuoteBody {
  customerId: string;
  visitId?: string;
  sourceQuoteId?: string;
  subject: string;
  deliveryDate?: string | null;
  deliveryPlace?: string;
  paymentTerms?: string;
  validUntil?: string | null;
  remarks?: string;
  lines: DocumentLineInput[];
}

export interface DocumentLine {
  lineNo: number;
  kind: LineKind;
  productId: string | null;
  productCode: string | null;
  name: string;
  quantity: number;
  unit: string;
  /** Decimal yen as text or number ('1.5', 12800). */
  unitPrice: string | number;
  taxRate: TaxRate;
  amount: number;
  note: string | null;
}

export interface QuoteRevision {
  id: string;
  revision: number;
  status: QuoteStatus;
  issuedAt: string | null;
  total: number;
}

export interface Quote {
  id: string;
  quoteNo: string;
  revision: number;
  status: QuoteStatus;
  customer: { id: string; name: string };
  repId: string | null;
  visitId: string | null;
  subject: string;
  deliveryDate: string | null;
  deliveryPlace: string | null;
  paymentTerms: string | null;
  validUntil: string | null;
  remarks: string | null;
  lines: DocumentLine[];
  subtotals: RateAmounts;
  taxes: RateAmounts;
  total: number;
  rounding: RoundingMode;
  issuedAt: string | null;
  lostReason: string | null;
  orderId: string | null;
  version: number;
  revisions: QuoteRevision[];
}

export interface QuoteSummary {
  id: string;
  quoteNo: string;
  revision: number;
  status: QuoteStatus;
  customer: { id: string; name: string };
  repId: string | null;
  subject: string;
  total: number;
  issuedAt: string | null;
  validUntil: string | null;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface QuoteListQuery {
  status?: QuoteStatus | '';
  customerId?: string;
  repId?: string;
  from?: string;
  to?: string;
  q?: string;
  minTotal?: number;
  maxTotal?: number;
  /** 'true': superseded revisions too (電子帳簿保存法 search). */
  allRevisions?: 'true';
  cursor?: string;
  limit?: number;
}

export interface OrderSummary {
  id: string;
  orderNo: string;
  status: OrderStatus;
  customer: { id: string; name: string };
  repId: string | null;
  quoteId?: string | null;
  subject?: string | null;
  total: number;
  orderedAt?: string | null;
  updatedAt?: string;
}

export interface OrderStatusChange {
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  reason: string | null;
  actorId: string;
  actorName: string | null;
  at: string;
}

export interface Order extends OrderSummary {
  lines: DocumentLine[];
  subtotals: RateAmounts;
  taxes: RateAmounts;
  cancelReason?: string | null;
  version: number;
  history?: OrderStatusChange[];
}

export interface OrderListQuery {
  status?: OrderStatus | '';
  customerId?: string;
  repId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface AcceptResult {
  quote: Quote;
  order: { id: string; orderNo: string };
}
