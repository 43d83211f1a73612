import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import { AppError, type LocalizedText } from '../../platform/errors.ts';
import { DEFAULT_CODE_SCHEME, formatCustomerCode } from './customer-writes.ts';
import { customerSettings } from './tables.ts';

export interface CustomerSettings {
  /** New customer codes: this prefix … */
  codePrefix: string;
  /** … and a number zero-padded to this many digits (C + 5 → C00213). */
  codeDigits: number;
  /** The month (1–12) the fiscal year starts: the カルテ's 今年度 figures. */
  fiscalYearStartMonth: number;
  /** The code the next customer created without one will get (nothing is taken by reading it). */
  nextCode: string;
}

export const DEFAULT_FISCAL_YEAR_START_MONTH = 4;

async function read(tx: Tx, actor: Actor): Promise<Omit<CustomerSettings, 'nextCode'>> {
  const [row] = await tx
    .select({
      codePrefix: customerSettings.codePrefix,
      codeDigits: customerSettings.codeDigits,
      fiscalYearStartMonth: customerSettings.fiscalYearStartMonth,
    })
    .from(customerSettings)
    .where(eq(customerSettings.tenantId, actor.tenantId));
  return (
    row ?? {
      codePrefix: DEFAULT_CODE_SCHEME.prefix,
      codeDigits: DEFAULT_CODE_SCHEME.digits,
      fiscalYearStartMonth: DEFAULT_FISCAL_YEAR_START_MONTH,
    }
  );
}

async function withNextCode(tx: Tx, actor: Actor, s: Omit<CustomerSettings, 'nextCode'>) {
  const [next] = await queryRows<{ n: string | number }>(
    tx,
    sql`select greatest(
          coalesce((select value + 1 from tenant_counters
                    where tenant_id = ${actor.tenantId} and name = ${`customer_code:${s.codePrefix}`}), 1),
          kayoi_next_customer_code_number_for(${s.codePrefix})) as n`,
  );
  const scheme = { prefix: s.codePrefix, digits: s.codeDigits };
  return { ...s, nextCode: formatCustomerCode(scheme, Number(next?.n ?? 1)) };
}

/** The customer book's settings of the caller's tenant (the defaults when never changed). */
export function getCustomerSettings({ db, actor }: { db: Db; actor: Actor }): Promise<CustomerSettings> {
  return withTenant(db, actor, async (tx) => withNextCode(tx, actor, await read(tx, actor)));
}

const text = (ja: string, en: string): LocalizedText => ({ ja, en });
const forbidden = () =>
  new AppError(
    403,
    'forbidden',
    text(
      '顧客台帳の設定を変更できるのは管理者だけです。',
      'Only an admin can change the customer book settings.',
    ),
  );

/**
 * Changes the code scheme and/or the fiscal year start (admins). A new prefix starts its own
 * counter after the highest code of that form already in the book; codes already given stay.
 * 422 naming the field: prefix up to 8 letters, digits or hyphens; 3–10 digits; month 1–12.
 */
export async function updateCustomerSettings({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: Partial<Omit<CustomerSettings, 'nextCode'>>;
}): Promise<CustomerSettings> {
  if (actor.role !== 'admin') throw forbidden();
  const errors: Record<string, LocalizedText> = {};
  if (input.codePrefix !== undefined && !/^[A-Za-z0-9-]{0,8}$/.test(input.codePrefix))
    errors.codePrefix = text(
      '接頭辞は英数字とハイフンで8文字までです。',
      'The prefix is up to 8 letters, digits or hyphens.',
    );
  if (
    input.codeDigits !== undefined &&
    !(Number.isInteger(input.codeDigits) && input.codeDigits >= 3 && input.codeDigits <= 10)
  )
    errors.codeDigits = text('桁数は3〜10にしてください。', 'Use 3 to 10 digits.');
  if (
    input.fiscalYearStartMonth !== undefined &&
    !(
      Number.isInteger(input.fiscalYearStartMonth) &&
      input.fiscalYearStartMonth >= 1 &&
      input.fiscalYearStartMonth <= 12
    )
  )
    errors.fiscalYearStartMonth = text('期首月は1〜12にしてください。', 'The first month is 1 to 12.');
  if (Object.keys(errors).length > 0) {
    throw new AppError(
      422,
      'validation_failed',
      text('入力内容を確認してください。', 'Check the highlighted fields.'),
      errors,
    );
  }
  return withTenant(db, actor, async (tx) => {
    const before = await read(tx, actor);
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    await tx
      .insert(customerSettings)
      .values({ tenantId: actor.tenantId, ...after })
      .onConflictDoUpdate({ target: customerSettings.tenantId, set: { ...after, updatedAt: new Date() } });
    await recordAudit(tx, actor, [
      { table: 'customer_settings', recordId: actor.tenantId, action: 'update', before, after },
    ]);
    return withNextCode(tx, actor, after);
  });
}
