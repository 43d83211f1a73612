import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { renderQuotePdf } from '../documents/quote-document.ts';
import { todayIn } from '../planning/working-days.ts';
import { customerBlock, documentIssuer, documentLines } from './document-parts.ts';
import { orderNotFound } from './order-errors.ts';
import { loadOrder } from './order-view.ts';

/**
 * The 注文請書 (order confirmation) of an order the actor may see, as a PDF from the quote
 * template: its number, the day it was ordered, lines, per-rate subtotals and taxes, total.
 */
export async function renderOrderConfirmation({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const parts = await withTenant(db, actor, async (tx) => {
    const order = await loadOrder(tx, actor, id);
    if (!order) throw orderNotFound();
    return {
      order,
      customer: await customerBlock(tx, actor, order.customer.id),
      issuer: await documentIssuer(tx, actor),
    };
  });
  const { order } = parts;
  const bytes = await renderQuotePdf(
    {
      kind: 'order_confirmation',
      number: order.orderNo,
      issueDate: todayIn('Asia/Tokyo', new Date(order.orderedAt)),
      validUntil: null,
      subject: order.subject,
      customer: parts.customer,
      deliveryDate: order.deliveryDate,
      deliveryPlace: order.deliveryPlace,
      paymentTerms: order.paymentTerms,
      lines: documentLines(order.lines),
      subtotals: order.subtotals,
      taxes: order.taxes,
      total: order.total,
      remarks: order.note,
    },
    parts.issuer,
  );
  return {
    bytes,
    fileName: `注文請書-${order.orderNo}.pdf`,
    asciiName: `order-confirmation-${order.orderNo}.pdf`,
  };
}
