import type { Actor } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { nextCounter } from '../../platform/db/next-counter.ts';
import type { PricedLine } from '../orders/price-lines.ts';
import { todayIn } from '../planning/working-days.ts';
import { quoteLines } from './tables.ts';

/** 'Q-2026-0001': per tenant and year (Asia/Tokyo), from the tenant's counter. */
export async function nextQuoteNo(tx: Tx, actor: Actor, now: Date): Promise<string> {
  const year = todayIn('Asia/Tokyo', now).slice(0, 4);
  const n = await nextCounter(tx, { tenantId: actor.tenantId, name: `quote_no:${year}` });
  return `Q-${year}-${String(n).padStart(4, '0')}`;
}

export async function insertQuoteLines(tx: Tx, actor: Actor, quoteId: string, lines: readonly PricedLine[]) {
  if (lines.length === 0) return;
  await tx.insert(quoteLines).values(
    lines.map((line) => ({
      tenantId: actor.tenantId,
      quoteId,
      lineNo: line.lineNo,
      kind: line.kind,
      productId: line.productId,
      productCode: line.productCode,
      name: line.name,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      taxRate: line.taxRate,
      amount: line.amount,
      note: line.note,
    })),
  );
}

/** What the audit trail keeps of a quote's lines: enough to see what changed. */
export const auditedLines = (lines: readonly PricedLine[]) =>
  lines.map(
    (line) => `${line.kind}:${line.name}×${line.quantity}@${line.unitPrice}(${line.taxRate}%)=${line.amount}`,
  );
