import { sql } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/query-rows.ts';
import type { SetupChecklistView, SetupItemKeyType } from './people-schemas.ts';

export interface GetSetupChecklistOptions {
  db: Db;
  actor: Actor;
}

/**
 * What a new company has set up, each item computed from its data: a company profile (address
 * and phone, in the tenant settings or the 会社情報 the settings page saves), areas, teams,
 * people besides the first admin (or invited), a working profile (a start address) for every
 * rep, products, customers.
 */
export async function getSetupChecklist({
  db,
  actor,
}: GetSetupChecklistOptions): Promise<SetupChecklistView> {
  const [row] = await withTenant(db, actor, (tx) =>
    queryRows<Record<SetupItemKeyType, boolean>>(
      tx,
      sql`select
        (exists (select 1 from tenant_settings where address is not null and phone is not null)
          or exists (select 1 from company_profiles where coalesce(address, '') <> '' and coalesce(phone, '') <> ''))
          as "companyProfile",
        exists (select 1 from areas) as "areas",
        exists (select 1 from teams) as "teams",
        ((select count(*) from member where organization_id = ${actor.tenantId}) > 1
          or exists (select 1 from staff_profiles where user_id <> ${actor.userId})) as "people",
        (exists (select 1 from member where organization_id = ${actor.tenantId} and role = 'rep')
          and not exists (select 1 from member m left join staff_profiles sp on sp.user_id = m.user_id
            where m.organization_id = ${actor.tenantId} and m.role = 'rep' and m.deactivated_at is null
              and sp.start_address is null)) as "workingProfiles",
        exists (select 1 from products) as "products",
        exists (select 1 from customers) as "customers"`,
    ),
  );
  const keys: SetupItemKeyType[] = [
    'companyProfile',
    'areas',
    'teams',
    'people',
    'workingProfiles',
    'products',
    'customers',
  ];
  const items = keys.map((key) => ({ key, done: Boolean(row?.[key]) }));
  return { items, done: items.filter((i) => i.done).length, total: items.length };
}
