import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { renderQuotePdf } from '../documents/quote-document.ts';
import { customerBlock, documentIssuer, documentLines } from '../orders/document-parts.ts';
import { todayIn } from '../planning/working-days.ts';
import { quoteNotFound } from './quote-errors.ts';
import { documentNumber, loadQuote } from './quote-view.ts';

/**
 * The 見積書 of a quote the actor may see, as a PDF: its number (with the revision from the
 * second on), the day it was issued (a draft: today), validity, lines, per-rate subtotals and
 * taxes, total, remarks; the issuer block from the company profile.
 */
export async function renderQuote({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const parts = await withTenant(db, actor, async (tx) => {
    const quote = await loadQuote(tx, actor, id);
    if (!quote) throw quoteNotFound();
    return {
      quote,
      customer: await customerBlock(tx, actor, quote.customer.id),
      issuer: await documentIssuer(tx, actor),
    };
  });
  const { quote } = parts;
  const number = documentNumber(quote.quoteNo, quote.revision);
  const bytes = await renderQuotePdf(
    {
      kind: 'quote',
      number,
      issueDate: todayIn('Asia/Tokyo', quote.issuedAt ? new Date(quote.issuedAt) : new Date()),
      validUntil: quote.validUntil,
      subject: quote.subject,
      customer: parts.customer,
      deliveryDate: quote.deliveryDate,
      deliveryPlace: quote.deliveryPlace,
      paymentTerms: quote.paymentTerms,
      lines: documentLines(quote.lines),
      subtotals: quote.subtotals,
      taxes: quote.taxes,
      total: quote.total,
      remarks: quote.remarks,
    },
    parts.issuer,
  );
  return { bytes, fileName: `見積書-${number}.pdf`, asciiName: `quote-${number}.pdf` };
}
