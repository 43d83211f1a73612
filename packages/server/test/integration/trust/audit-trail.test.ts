import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvColumns } from '../../../src/domains/customers/customer-values.ts';
import { customers } from '../../../src/domains/customers/tables.ts';
import { recordAudit } from '../../../src/platform/audit/record-audit.ts';
import { withTenant } from '../../../src/platform/context.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import type { SignedTenantFixture, TestApp } from '../../support/test-app.ts';
import { testDriver } from '../../support/test-database.ts';
import { createCustomerTestApp, csvForm, signInAll } from '../customers/customer-app.ts';

type History = {
  items: {
    seq: number;
    at: string;
    actor: { id: string; name: string | null; role: string };
    table: string;
    recordId: string;
    action: string;
    changes: Record<string, { before?: unknown; after?: unknown }>;
    context: Record<string, string>;
  }[];
  nextBefore: number | null;
};

let t: TestApp;
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  t = await createCustomerTestApp();
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
});
afterAll(() => t.close());

const auditCount = async (recordId?: string) => {
  const [row] = await t.database.admin
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.tenantId, tenant.tenantId),
        recordId ? eq(auditEvents.subjectId, recordId) : undefined,
      ),
    );
  return row?.n ?? 0;
};
const history = async (key: Parameters<typeof as>[0], id: string, query = '') => {
  const res = await as(key).get(`/api/customers/${id}/history${query}`);
  return { status: res.status, body: (await res.json()) as History };
};

describe(`audit trail on ${testDriver()}`, () => {
  it('records who, role and every field of a create, then only the changed fields of an update', async () => {
    const created = await as('rep1').send('POST', '/api/customers', {
      name: '監査テスト商事',
      phone: '06-1111-2222',
      contacts: [{ name: '総務 太郎', title: '総務課長' }],
    });
    expect(created.status).toBe(201);
    const customer = (await created.json()) as { id: string; version: number; code: string };

    const patched = await as('rep1').send('PATCH', `/api/customers/${customer.id}`, {
      phone: '06-1111-3333',
      notes: '請求書は月末締め',
      version: customer.version,
    });
    expect(patched.status).toBe(200);

    const { body } = await history('rep1', customer.id);
    const [update, contact, create] = body.items;
    expect(update).toMatchObject({
      action: 'update',
      table: 'customers',
      recordId: customer.id,
      actor: { id: tenant.users.rep1.id, name: tenant.users.rep1.name, role: 'rep' },
      changes: {
        phone: { before: '06-1111-2222', after: '06-1111-3333' },
        notes: { before: '', after: '請求書は月末締め' },
      },
    });
    expect(Object.keys(update!.changes).sort()).toEqual(['notes', 'phone']);
    expect(contact).toMatchObject({
      action: 'create',
      table: 'customer_contacts',
      changes: { name: { after: '総務 太郎' }, title: { after: '総務課長' } },
    });
    expect(create).toMatchObject({
      action: 'create',
      changes: { name: { after: '監査テスト商事' }, code: { after: customer.code } },
    });
    expect(create!.changes.name).not.toHaveProperty('before');
  });

  it('writes nothing for a refused write: invalid (422) or stale (409)', async () => {
    const target = tenant.customersOf('rep1')[0]!;
    const before = await auditCount(target.id);
    const invalid = await as('rep1').send('PATCH', `/api/customers/${target.id}`, {
      cadenceDays: 999,
      version: 1,
    });
    expect(invalid.status).toBe(422);
    const stale = await as('rep1').send('PATCH', `/api/customers/${target.id}`, { notes: 'x', version: 99 });
    expect(stale.status).toBe(409);
    const foreign = await as('rep3').send('PATCH', `/api/customers/${target.id}`, { notes: 'x', version: 1 });
    expect(foreign.status).toBe(404);
    expect(await auditCount(target.id)).toBe(before);
  });

  it('leaves no audit row when the change is rolled back after auditing', async () => {
    const target = tenant.customersOf('rep2')[0]!;
    const before = await auditCount(target.id);
    await expect(
      withTenant(t.database.db, tenant.actor('rep2'), async (tx) => {
        await tx.update(customers).set({ notes: 'rolled back' }).where(eq(customers.id, target.id));
        await recordAudit(tx, tenant.actor('rep2'), [
          {
            table: 'customers',
            recordId: target.id,
            action: 'update',
            before: { notes: '' },
            after: { notes: 'rolled back' },
          },
        ]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await auditCount(target.id)).toBe(before);
  });

  it('is append-only for the application role: it may insert and read, never update or delete', async () => {
    const actor = tenant.actor('admin');
    const rows = await withTenant(t.database.db, actor, (tx) => tx.select().from(auditEvents).limit(1));
    expect(rows.length).toBe(1);
    const denied = (error: unknown) =>
      /permission denied/.test(String((error as { cause?: { message?: string } }).cause?.message ?? error));
    await expect(
      withTenant(t.database.db, actor, (tx) =>
        tx.update(auditEvents).set({ action: 'delete' }).where(eq(auditEvents.tenantId, actor.tenantId)),
      ),
    ).rejects.toSatisfy(denied);
    await expect(
      withTenant(t.database.db, actor, (tx) =>
        tx.delete(auditEvents).where(eq(auditEvents.tenantId, actor.tenantId)),
      ),
    ).rejects.toSatisfy(denied);
    await expect(
      withTenant(t.database.db, actor, (tx) => tx.execute(sql`truncate audit_events`)),
    ).rejects.toSatisfy(denied);
  });

  it('refuses an audit row in another user’s name or another tenant', async () => {
    const actor = tenant.actor('rep1');
    const rls = (error: unknown) =>
      /row-level security/.test(String((error as { cause?: { message?: string } }).cause?.message ?? error));
    await expect(
      withTenant(t.database.db, actor, (tx) =>
        tx.insert(auditEvents).values({
          tenantId: actor.tenantId,
          actorUserId: tenant.users.admin.id,
          actorRole: 'admin',
          tableName: 'customers',
          recordId: 'x',
          subjectTable: 'customers',
          subjectId: 'x',
          action: 'delete',
          changes: {},
        }),
      ),
    ).rejects.toSatisfy(rls);
  });

  it('shows a customer’s history to whoever may see the customer, and to nobody else', async () => {
    const target = tenant.customersOf('rep1')[1]!;
    const edit = await as('manager').send('PATCH', `/api/customers/${target.id}`, { rank: 'A', version: 1 });
    expect(edit.status).toBe(200);
    for (const key of ['rep1', 'manager', 'admin'] as const) {
      const { status, body } = await history(key, target.id);
      expect(status).toBe(200);
      expect(body.items[0]).toMatchObject({
        action: 'update',
        actor: { role: 'manager' },
        changes: { rank: { after: 'A' } },
      });
    }
    for (const key of ['rep2', 'rep3'] as const) {
      const { status, body } = await history(key, target.id);
      expect(status).toBe(404);
      expect(body).toEqual({ error: { code: 'not_found', message: '顧客が見つかりません。' } });
    }
  });

  it('records a status change and an archive as such', async () => {
    const target = tenant.customersOf('rep2')[1]!;
    const changed = await as('rep2').send('PATCH', `/api/customers/${target.id}`, {
      status: 'dormant',
      version: 1,
    });
    expect(changed.status).toBe(200);
    const archived = await as('rep2').send('POST', `/api/customers/${target.id}/archive`, { version: 2 });
    expect(archived.status).toBe(200);
    const { body } = await history('rep2', target.id);
    expect(body.items.slice(0, 2).map((e) => e.action)).toEqual(['archive', 'status_change']);
    expect(body.items[1]!.changes.status).toEqual({ before: 'active', after: 'dormant' });
    expect(body.items[0]!.changes.archivedAt?.before).toBeNull();
  });

  it('audits every customer an import creates or updates, with the import id', async () => {
    const header = csvColumns.join(',');
    const existing = tenant.customersOf('rep1')[0]!;
    const rep = tenant.users.rep1.email;
    const csv = [
      header,
      `${existing.code},取込で改名,,御中,,,,${rep},,B,稼働,28,3,,,30,,,`,
      `,取込新規商事,,御中,,,,${rep},,B,稼働,28,3,,,30,,,`,
    ].join('\n');
    const preview = await as('manager').send('POST', '/api/customers/import/preview', csvForm(csv));
    const p = (await preview.json()) as { importId: string; errors: unknown[]; summary: unknown };
    expect(p.errors, JSON.stringify(p.errors)).toEqual([]);
    const commit = await as('manager').send('POST', `/api/customers/import/${p.importId}/commit`);
    expect(await commit.json()).toEqual({ created: 1, updated: 1 });
    const { body } = await history('manager', existing.id);
    expect(body.items[0]).toMatchObject({
      action: 'update',
      context: { importId: p.importId },
      changes: { name: { before: existing.name, after: '取込で改名' } },
    });
    const [importRow] = await t.database.admin
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, p.importId)));
    expect(importRow).toMatchObject({
      action: 'commit',
      tableName: 'customer_imports',
      actorRole: 'manager',
    });
  });

  it('pages through a long history with nextBefore', async () => {
    const target = tenant.customersOf('rep3')[0]!;
    let version = 1;
    for (let i = 0; i < 5; i++) {
      const res = await as('rep3').send('PATCH', `/api/customers/${target.id}`, {
        notes: `メモ${i}`,
        version,
      });
      version = ((await res.json()) as { version: number }).version;
    }
    const first = await history('rep3', target.id, '?limit=3');
    expect(first.body.items.map((e) => e.changes.notes?.after)).toEqual(['メモ4', 'メモ3', 'メモ2']);
    const second = await history('rep3', target.id, `?limit=3&before=${first.body.nextBefore}`);
    expect(second.body.items.map((e) => e.changes.notes?.after)).toEqual(['メモ1', 'メモ0']);
    expect(second.body.nextBefore).toBeNull();
  });
});
