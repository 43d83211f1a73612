import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';

export interface DemoCompanyProfile {
  tenantId: string;
  contactName: string;
  paymentTerms: string;
  dateStyle: 'western' | 'japanese';
  /** A PNG of the company seal (角印) beside this file, or none. */
  sealFile?: string;
}

/** The demo companies' document settings; name, address, phone and 登録番号 come from tenant_settings. */
export const demoCompanyProfiles: readonly DemoCompanyProfile[] = [
  {
    tenantId: 'tenant-naniwa',
    contactName: '営業事務 田中',
    paymentTerms: '月末締め翌月末日 銀行振込',
    dateStyle: 'western',
    sealFile: 'naniwa-seal.png',
  },
  {
    tenantId: 'tenant-rakuchu',
    contactName: '業務課',
    paymentTerms: '20日締め翌月10日払い',
    dateStyle: 'japanese',
  },
];

/**
 * The company profile (見積書・注文請書の発行元) of each demo tenant, from its tenant settings plus
 * the document settings above: rounding 切捨て, 30 days' validity.
 */
export async function seedCompanyProfiles(db: Db, profiles = demoCompanyProfiles): Promise<void> {
  for (const p of profiles) {
    const seal = p.sealFile
      ? new Uint8Array(await readFile(new URL(`./assets/${p.sealFile}`, import.meta.url)))
      : null;
    await db.execute(sql`insert into company_profiles
        (tenant_id, legal_name, postal_code, address, phone, contact_name, registration_number, entity_type,
         rounding, date_style, quote_validity_days, payment_terms,
         seal_data, seal_mime_type, seal_size, seal_updated_at)
      select s.tenant_id, s.company_name, s.postal_code, s.address, s.phone, ${p.contactName},
        s.invoice_registration_no, 'corporation', 'floor', ${p.dateStyle}, 30, ${p.paymentTerms},
        ${seal}, ${seal ? 'image/png' : null}, ${seal ? seal.length : null}, ${seal ? sql`now()` : null}
      from tenant_settings s where s.tenant_id = ${p.tenantId}
      on conflict (tenant_id) do update set contact_name = excluded.contact_name,
        payment_terms = excluded.payment_terms, date_style = excluded.date_style,
        registration_number = excluded.registration_number, seal_data = excluded.seal_data,
        seal_mime_type = excluded.seal_mime_type, seal_size = excluded.seal_size,
        seal_updated_at = excluded.seal_updated_at`);
  }
}
