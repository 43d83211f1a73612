import { randomUUID } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { loadCompanyProfile } from '../company/company-profile-view.ts';
import { customerScope } from '../customers/customer-scope.ts';
import { isUniqueViolation } from '../customers/customer-writes.ts';
import { customers } from '../customers/tables.ts';
import { priceLines } from '../orders/price-lines.ts';
import { addDays, todayIn } from '../planning/working-days.ts';
import { visits } from '../visits/tables.ts';
import { customerUnknown, idTaken, sourceQuoteUnknown, visitUnknown } from './quote-errors.ts';
import type { CreateQuoteBody } from './quote-schemas.ts';
import { findQuote, loadQuote, loadQuoteLines, QUOTES_TABLE, type QuoteView } from './quote-view.ts';
import { auditedLines, insertQuoteLines, nextQuoteNo } from './quote-writes.ts';
import { quotes } from './tables.ts';

export interface CreateQuoteOptions {
  db: Db;
  actor: Actor;
  input: z.output<typeof CreateQuoteBody>;
  now?: Date;
}

/**
 * A new 見積 (draft, revision 1, a new number) for a customer the actor may see: blank, from a
 * visit of that customer (`visitId`), or from a previous quote (`sourceQuoteId`: its lines are
 * copied when none are given). Validity and payment terms default from the company profile;
 * lines naming a product without a price take the customer's catalog price today. 422 naming the
 * field; nothing is stored on a refusal. Audited on the customer.
 */
export async function createQuote({
  db,
  actor,
  input,
  now = new Date(),
}: CreateQuoteOptions): Promise<QuoteView> {
  try {
    return await withTenant(db, actor, async (tx) => {
      const [customer] = await tx
        .select({ id: customers.id, repId: customers.repId })
        .from(customers)
        .where(and(customerScope(actor), eq(customers.id, input.customerId)));
      if (!customer) throw customerUnknown();
      if (input.visitId !== undefined) {
        const [visit] = await tx
          .select({ id: visits.id })
          .from(visits)
          .where(
            and(
              eq(visits.tenantId, actor.tenantId),
              eq(visits.id, input.visitId),
              eq(visits.customerId, customer.id),
            ),
          );
        if (!visit) throw visitUnknown();
      }
      let lines = input.lines;
      if (input.sourceQuoteId !== undefined) {
        const source = await findQuote(tx, actor, input.sourceQuoteId);
        if (!source || source.quote.customerId !== customer.id) throw sourceQuoteUnknown();
        if (lines.length === 0) {
          lines = (await loadQuoteLines(tx, actor, source.quote.id)).map((line) => ({
            kind: line.kind,
            productId: line.productId ?? undefined,
            name: line.name,
            quantity: line.quantity,
            unit: line.unit,
            unitPrice: Number(line.unitPrice),
            taxRate: line.taxRate,
            note: line.note,
          }));
        }
      }
      const today = todayIn('Asia/Tokyo', now);
      const profile = await loadCompanyProfile(tx, actor);
      const priced = await priceLines(tx, actor, {
        customerId: customer.id,
        date: today,
        rounding: profile.rounding,
        lines,
      });
      const id = input.id ?? randomUUID();
      const values = {
        tenantId: actor.tenantId,
        id,
        quoteNo: await nextQuoteNo(tx, actor, now),
        revision: 1,
        status: 'draft' as const,
        customerId: customer.id,
        repId: customer.repId ?? actor.userId,
        visitId: input.visitId ?? null,
        sourceQuoteId: input.sourceQuoteId ?? null,
        subject: input.subject,
        deliveryDate: input.deliveryDate ?? null,
        deliveryPlace: input.deliveryPlace ?? null,
        paymentTerms: input.paymentTerms === undefined ? profile.paymentTerms || null : input.paymentTerms,
        validUntil:
          input.validUntil === undefined ? addDays(today, profile.quoteValidityDays) : input.validUntil,
        remarks: input.remarks ?? '',
        ...priced.columns,
        rounding: priced.rounding,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(quotes).values(values);
      await insertQuoteLines(tx, actor, id, priced.lines);
      const { tenantId: _t, createdAt: _c, updatedAt: _u, ...audited } = values;
      await recordAudit(tx, actor, [
        {
          table: QUOTES_TABLE,
          recordId: id,
          action: 'create',
          before: null,
          after: { ...audited, lines: auditedLines(priced.lines) },
          subject: { table: 'customers', id: customer.id },
        },
      ]);
      return (await loadQuote(tx, actor, id, today)) as QuoteView;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'quotes_tenant_id_id_pk')) throw idTaken();
    throw error;
  }
}
