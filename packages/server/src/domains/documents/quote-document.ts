import { renderDocumentPdf } from './render-quote-pdf.ts';

/**
 * The document shape shared by the quotes domain (which fills it) and the PDF renderer (which draws it):
 * 御見積書 (kind 'quote') and 注文請書 (kind 'order_confirmation') come from the same template.
 * Amounts are integer yen; a unit price is a decimal string ('1.5', '12800').
 */
export interface QuoteDocument {
  kind: 'quote' | 'order_confirmation'; // 見積書 | 注文請書
  number: string; // e.g. 'Q-2026-0012' or 'Q-2026-0012-2' (revision)
  issueDate: string; // 'YYYY-MM-DD' (Asia/Tokyo)
  validUntil: string | null;
  subject: string; // 件名
  customer: {
    name: string;
    honorific: '御中' | '様';
    postalCode?: string | null;
    address?: string | null;
    contactName?: string | null;
  };
  deliveryDate: string | null;
  deliveryPlace: string | null;
  paymentTerms: string | null;
  lines: {
    kind: 'item' | 'discount';
    code?: string | null;
    name: string;
    quantity: number;
    unit: string;
    unitPrice: string /* decimal yen, e.g. '1.5' or '12800' */;
    taxRate: 10 | 8;
    amount: number /* integer yen, a discount's is positive */;
    note?: string | null;
  }[];
  subtotals: { '10'?: number; '8'?: number };
  taxes: { '10'?: number; '8'?: number };
  total: number;
  remarks: string;
}

/** The issuing company, from the tenant's company profile (see domains/company `toDocumentIssuer`). */
export interface DocumentIssuer {
  legalName: string;
  postalCode: string | null;
  address: string | null;
  phone: string | null;
  contactName: string | null;
  registrationNumber: string | null;
  seal: { data: Uint8Array; mimeType: 'image/png' | 'image/jpeg' } | null;
  dateStyle: 'western' | 'japanese'; // 西暦 | 和暦 (令和元年 for an era's first year)
}

/**
 * Renders an A4 portrait PDF of the document (御見積書 or 注文請書), Noto Sans JP subset-embedded.
 *
 * @example
 * const profile = await getCompanyProfile(tx, actor);
 * const bytes = await renderQuotePdf(doc, toDocumentIssuer(profile));
 */
export function renderQuotePdf(doc: QuoteDocument, issuer: DocumentIssuer): Promise<Uint8Array> {
  return renderDocumentPdf(doc, issuer);
}
