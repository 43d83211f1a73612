import {
  calculateTotals,
  isUnitPrice,
  lineAmount,
  maxQuantity,
  type RoundingMode,
  type Totals,
} from '@kayoi/server/contracts';
import type { DocumentLineInput, LineKind, Quote, QuoteBody, TaxRate } from '../api/quote-types.ts';

/** One line as typed: numbers stay text until saved, so nothing typed is ever reformatted away. */
export interface LineValues {
  /** Stable React key and error anchor; not sent. */
  key: string;
  kind: LineKind;
  productId: string | null;
  productCode: string | null;
  name: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  taxRate: TaxRate;
  note: string;
  /**
   * 'catalog': the price shown came with the product and was not changed: it is left out on save so
   * the server's price lookup (the customer's price list) decides. 'typed': sent as typed.
   */
  priceSource: 'catalog' | 'typed';
  /** Where a catalog price came from: the list price, or this customer's special price or discount. */
  priceNote?: 'list' | 'customer_price' | 'discount';
}

export interface QuoteFormValues {
  customerId: string;
  customerName: string;
  visitId: string;
  sourceQuoteId: string;
  subject: string;
  deliveryDate: string;
  deliveryPlace: string;
  paymentTerms: string;
  validUntil: string;
  remarks: string;
  lines: LineValues[];
}

let keySeed = 0;
const nextKey = () => `line-${++keySeed}`;

export const emptyLine = (patch: Partial<LineValues> = {}): LineValues => ({
  key: nextKey(),
  kind: 'item',
  productId: null,
  productCode: null,
  name: '',
  quantity: '1',
  unit: '',
  unitPrice: '',
  taxRate: 10,
  note: '',
  priceSource: 'typed',
  ...patch,
});

export const emptyQuoteForm = (patch: Partial<QuoteFormValues> = {}): QuoteFormValues => ({
  customerId: '',
  customerName: '',
  visitId: '',
  sourceQuoteId: '',
  subject: '',
  deliveryDate: '',
  deliveryPlace: '',
  paymentTerms: '',
  validUntil: '',
  remarks: '',
  lines: [emptyLine()],
  ...patch,
});

/** A decimal-yen price as the editor shows it: `'1280.50'` → `'1280.5'`, `'1280.00'` → `'1280'`. */
export const catalogPriceText = (value: string | number): string =>
  String(value)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');

/**
 * The fields a picked catalog product sets on a line: at its list price, marked 'catalog' so the
 * server's price lookup decides on save (the customer's price replaces it once known).
 */
export const productLinePatch = (product: {
  id: string;
  code: string;
  name: string;
  unit: string;
  unitPrice: string | number;
  taxRate: TaxRate;
}): Partial<LineValues> => ({
  productId: product.id,
  productCode: product.code,
  name: product.name,
  unit: product.unit,
  unitPrice: catalogPriceText(product.unitPrice),
  taxRate: product.taxRate,
  priceSource: 'catalog',
  priceNote: 'list',
});

/** Full-width digits and separators as typed on a Japanese IME become ASCII: `１，２８０．５` → `1280.5`. */
export const normalizeNumberText = (text: string): string =>
  text.normalize('NFKC').replace(/[,\s]/g, '').replace(/。/g, '.');

const isBlankLine = (line: LineValues) =>
  !line.productId && !line.name.trim() && !line.unitPrice.trim() && !line.note.trim();

export const parseQuantity = (text: string): number | null => {
  const normalized = normalizeNumberText(text);
  if (!/^\d{1,7}$/.test(normalized)) return null;
  const value = Number(normalized);
  return value >= 1 && value <= maxQuantity ? value : null;
};

export const parseUnitPrice = (text: string): string | null => {
  const normalized = normalizeNumberText(text);
  return normalized !== '' && isUnitPrice(normalized) ? normalized : null;
};

/** A line's amount in whole yen by the document's rounding, or null while its price or quantity is incomplete. */
export const lineAmountOf = (line: LineValues, rounding: RoundingMode): number | null => {
  const quantity = parseQuantity(line.quantity);
  const unitPrice = parseUnitPrice(line.unitPrice);
  if (quantity === null || unitPrice === null) return null;
  return lineAmount(unitPrice, quantity, rounding);
};

export interface LiveTotals extends Totals {
  /** Lines left out of the totals because their price or quantity is not (yet) a valid number. */
  incomplete: number;
}

/**
 * The editor's live totals, computed by the server's own `calculateTotals` over the lines whose price
 * and quantity are valid; the others are counted in `incomplete`.
 */
export const liveTotals = (lines: readonly LineValues[], rounding: RoundingMode): LiveTotals => {
  const counted: { kind: LineKind; unitPrice: string; quantity: number; taxRate: TaxRate }[] = [];
  let incomplete = 0;
  for (const line of lines) {
    if (isBlankLine(line)) continue;
    const quantity = parseQuantity(line.quantity);
    const unitPrice = parseUnitPrice(line.unitPrice);
    if (quantity === null || unitPrice === null) {
      incomplete++;
      continue;
    }
    counted.push({ kind: line.kind, unitPrice, quantity, taxRate: line.taxRate });
  }
  return { ...calculateTotals({ lines: counted, rounding }), incomplete };
};

export interface QuoteBodyResult {
  body: QuoteBody;
  /** Index of each sent line → its form line's key, to put `lines.N.field` errors on the right row. */
  lineKeys: string[];
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** The POST/PUT body; fully blank lines are left out. */
export const toQuoteBody = (values: QuoteFormValues): QuoteBodyResult => {
  const sent = values.lines.filter((line) => !isBlankLine(line));
  const lines = sent.map((line): DocumentLineInput => {
    const quantity = parseQuantity(line.quantity);
    const unitPrice = parseUnitPrice(line.unitPrice);
    const omitPrice = line.productId !== null && line.priceSource === 'catalog';
    return {
      kind: line.kind,
      ...(line.productId ? { productId: line.productId } : {}),
      name: line.name.trim(),
      // An invalid number goes as typed (NaN is sent as null) for the server to name the field.
      quantity: quantity ?? Number(normalizeNumberText(line.quantity)),
      unit: line.unit.trim(),
      ...(omitPrice ? {} : { unitPrice: Number(unitPrice ?? normalizeNumberText(line.unitPrice)) }),
      taxRate: line.taxRate,
      ...(line.note.trim() ? { note: line.note.trim() } : {}),
    };
  });
  return {
    body: {
      customerId: values.customerId,
      ...(values.visitId ? { visitId: values.visitId } : {}),
      ...(values.sourceQuoteId ? { sourceQuoteId: values.sourceQuoteId } : {}),
      subject: values.subject.trim(),
      // Left blank: not sent, so the server applies its defaults (validity from the company profile).
      ...(values.deliveryDate ? { deliveryDate: values.deliveryDate } : {}),
      ...(optional(values.deliveryPlace) !== undefined ? { deliveryPlace: values.deliveryPlace.trim() } : {}),
      ...(optional(values.paymentTerms) !== undefined ? { paymentTerms: values.paymentTerms.trim() } : {}),
      ...(values.validUntil ? { validUntil: values.validUntil } : {}),
      ...(optional(values.remarks) !== undefined ? { remarks: values.remarks.trim() } : {}),
      lines,
    },
    lineKeys: sent.map((line) => line.key),
  };
};

const priceText = (value: string | number): string => {
  const text = String(value);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
};

/** A stored quote as editor values; `copy` (複製) starts a new quote from it. */
export const toFormValues = (quote: Quote, options: { copy?: boolean } = {}): QuoteFormValues => ({
  customerId: quote.customer.id,
  customerName: quote.customer.name,
  visitId: options.copy ? '' : (quote.visitId ?? ''),
  sourceQuoteId: options.copy ? quote.id : '',
  subject: quote.subject,
  deliveryDate: quote.deliveryDate ?? '',
  deliveryPlace: quote.deliveryPlace ?? '',
  paymentTerms: quote.paymentTerms ?? '',
  validUntil: options.copy ? '' : (quote.validUntil ?? ''),
  remarks: quote.remarks ?? '',
  lines: quote.lines.map((line) =>
    emptyLine({
      kind: line.kind,
      productId: line.productId,
      productCode: line.productCode,
      name: line.name,
      quantity: String(line.quantity),
      unit: line.unit,
      unitPrice: priceText(line.unitPrice),
      taxRate: line.taxRate,
      note: line.note ?? '',
      priceSource: 'typed',
    }),
  ),
});

/**
 * Splits the server's `fields` into the document's own (`subject` …) and each line's, by line key:
 * `lines.1.unitPrice` lands on the second sent line's 単価.
 */
export const splitFieldErrors = (
  fields: Record<string, string>,
  lineKeys: readonly string[],
): { form: Record<string, string>; lines: Record<string, Record<string, string>> } => {
  const form: Record<string, string> = {};
  const lines: Record<string, Record<string, string>> = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^lines\.(\d+)\.(\w+)/.exec(path);
    const key = match ? lineKeys[Number(match[1])] : undefined;
    if (match && key) {
      lines[key] = { ...lines[key], [match[2]!]: message };
    } else {
      form[path] = message;
    }
  }
  return { form, lines };
};
