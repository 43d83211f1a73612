import type { z } from '@hono/zod-openapi';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { getCompanyProfile, toDocumentIssuer } from '../company/get-company-profile.ts';
import { customerContacts, customers } from '../customers/tables.ts';
import type { DocumentIssuer, QuoteDocument } from '../documents/quote-document.ts';
import { fromSen, toSen } from '../quotes/quote-totals.ts';
import type { DocumentLine } from './line-schemas.ts';

/** The 宛先 block of a document: the customer's name, honorific (御中 / 様), address, primary contact. */
export async function customerBlock(
  tx: Tx,
  actor: Actor,
  customerId: string,
): Promise<QuoteDocument['customer']> {
  const [customer] = await tx
    .select({
      name: customers.name,
      honorific: customers.honorific,
      postalCode: customers.postalCode,
      address: customers.address,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, actor.tenantId), eq(customers.id, customerId)));
  const [contact] = await tx
    .select({ name: customerContacts.name })
    .from(customerContacts)
    .where(and(eq(customerContacts.tenantId, actor.tenantId), eq(customerContacts.customerId, customerId)))
    .orderBy(desc(customerContacts.isPrimary))
    .limit(1);
  return {
    name: customer?.name ?? '',
    honorific: customer?.honorific === 'sama' ? '様' : '御中',
    postalCode: customer?.postalCode || null,
    address: customer?.address || null,
    contactName: contact?.name ?? null,
  };
}

/** The issuer block (company profile with its seal). */
export async function documentIssuer(tx: Tx, actor: Actor): Promise<DocumentIssuer> {
  return toDocumentIssuer(await getCompanyProfile(tx, actor));
}

/** API lines → the document's lines (unit prices as decimal yen text). */
export const documentLines = (lines: readonly z.output<typeof DocumentLine>[]): QuoteDocument['lines'] =>
  lines.map((line) => ({
    kind: line.kind,
    code: line.productCode,
    name: line.name,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: fromSen(toSen(line.unitPrice)),
    taxRate: line.taxRate,
    amount: line.amount,
    note: line.note || null,
  }));

/** A PDF download's headers: the Japanese file name in filename*, an ASCII one for old clients. */
export const pdfHeaders = (file: { fileName: string; asciiName: string }) => ({
  'Content-Type': 'application/pdf',
  'Content-Disposition': `inline; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  'Cache-Control': 'no-store',
});
