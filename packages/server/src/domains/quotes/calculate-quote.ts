import type { z } from '@hono/zod-openapi';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { loadCompanyProfile } from '../company/company-profile-view.ts';
import type { CalculateBody, CalculateResult } from './quote-schemas.ts';
import { calculateTotals, type RoundingMode } from './quote-totals.ts';

export interface CalculateQuoteOptions {
  db: Db;
  actor: Actor;
  input: z.output<typeof CalculateBody>;
}

/** The tenant's rounding rule (company profile; 切捨て until one is saved). */
export async function tenantRounding(tx: Tx, actor: Actor): Promise<RoundingMode> {
  return (await loadCompanyProfile(tx, actor)).rounding;
}

/**
 * Totals of unsaved lines, as the quote editor shows them and as a stored quote will carry them:
 * the same `calculateTotals`, with the tenant's rounding unless the request names one.
 */
export async function calculateQuote({
  db,
  actor,
  input,
}: CalculateQuoteOptions): Promise<z.output<typeof CalculateResult>> {
  const rounding = input.rounding ?? (await withTenant(db, actor, (tx) => tenantRounding(tx, actor)));
  return { ...calculateTotals({ lines: input.lines, rounding }), rounding };
}
