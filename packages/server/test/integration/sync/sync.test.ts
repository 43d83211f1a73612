import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type SignedTenantFixture } from '../../support/test-app.ts';
import { signInAll } from '../customers/customer-app.ts';

const t = await createTestApp();
afterAll(() => t.close());
let tenant: SignedTenantFixture;
let as: Awaited<ReturnType<typeof signInAll>>;
let other: SignedTenantFixture;
let asOther: Awaited<ReturnType<typeof signInAll>>;

beforeAll(async () => {
  tenant = await t.createTenant();
  as = await signInAll(t, tenant);
  other = await t.createTenant();
  asOther = await signInAll(t, other);
});

type Field = { reps: { repId: string; sync: { lastSyncedAt: string; pending: number } | null }[] };

describe('a phone’s last sync on チームの状況', () => {
  it('shows the manager when each rep of the team last synced and what still waited; never another company’s', async () => {
    const before = (await (await as('manager').get('/api/field/today')).json()) as Field;
    expect(before.reps.find((r) => r.repId === tenant.users.rep1.id)?.sync).toBeNull();

    const started = Date.now();
    const first = await as('rep1').send('POST', '/api/sync/heartbeat', { pending: 2 });
    expect(first.status).toBe(200);
    await as('rep1').send('POST', '/api/sync/heartbeat', { pending: 0 });
    // The same rep in another company syncing does not show here.
    await asOther('rep1').send('POST', '/api/sync/heartbeat', { pending: 7 });

    const after = (await (await as('manager').get('/api/field/today')).json()) as Field;
    const rep1 = after.reps.find((r) => r.repId === tenant.users.rep1.id);
    expect(rep1?.sync?.pending).toBe(0);
    expect(Date.parse(rep1?.sync?.lastSyncedAt ?? '')).toBeGreaterThanOrEqual(started - 1000);
    expect(after.reps.find((r) => r.repId === tenant.users.rep2.id)?.sync).toBeNull();
  });

  it('refuses a pending count out of range, naming the field', async () => {
    const res = await as('rep2').send('POST', '/api/sync/heartbeat', { pending: -1 }, 'en');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields)).toContain('pending');
  });
});
