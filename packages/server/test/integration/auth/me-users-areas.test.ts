import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserKey } from '../../support/tenant-fixture.ts';
import { createTestApp, request, type SignedTenantFixture, type TestApp } from '../../support/test-app.ts';

let t: TestApp;
let a: SignedTenantFixture;
let b: SignedTenantFixture;
const cookies: Partial<Record<`${'a' | 'b'}:${UserKey}`, string>> = {};

beforeAll(async () => {
  t = await createTestApp();
  a = await t.createTenant({ name: '浪速テスト商事' });
  b = await t.createTenant({ name: '京都テスト商会' });
});
afterAll(() => t?.close());

async function as(tenant: 'a' | 'b', key: UserKey) {
  const cacheKey = `${tenant}:${key}` as const;
  cookies[cacheKey] ??= await (tenant === 'a' ? a : b).signIn(key);
  return cookies[cacheKey]!;
}

async function getJson<T>(path: string, cookie: string): Promise<T> {
  const res = await request(t.app, 'GET', path, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

type Users = { items: { id: string; name: string; role: string; teamId: string | null }[] };
const idsOf = (users: Users) => users.items.map((u) => u.id).sort();

describe('GET /api/me', () => {
  it('tells a rep who they are, their company and team', async () => {
    const me = await getJson('/api/me', await as('a', 'rep1'));
    expect(me).toEqual({
      user: {
        id: a.users.rep1.id,
        name: a.users.rep1.name,
        email: a.users.rep1.email,
        role: 'rep',
        language: null,
      },
      tenant: { id: a.tenantId, name: '浪速テスト商事' },
      team: a.teams.a,
    });
  });

  it('gives an admin outside any team a null team', async () => {
    const me = await getJson<{ user: { role: string }; team: unknown }>('/api/me', await as('a', 'admin'));
    expect(me.user.role).toBe('admin');
    expect(me.team).toBeNull();
  });

  it('shows a manager of tenant B their own tenant', async () => {
    const me = await getJson<{ tenant: { name: string } }>('/api/me', await as('b', 'manager'));
    expect(me.tenant.name).toBe('京都テスト商会');
  });
});

describe('GET /api/users', () => {
  it('shows a rep only themself', async () => {
    const users = await getJson<Users>('/api/users', await as('a', 'rep2'));
    expect(users.items).toEqual([
      { id: a.users.rep2.id, name: a.users.rep2.name, role: 'rep', teamId: a.teams.a.id },
    ]);
  });

  it('shows a manager their team, not the other team or the admin', async () => {
    const users = await getJson<Users>('/api/users', await as('a', 'manager'));
    expect(idsOf(users)).toEqual([a.users.manager.id, a.users.rep1.id, a.users.rep2.id].sort());
  });

  it('shows an admin everyone in the tenant and filters by role', async () => {
    const all = await getJson<Users>('/api/users', await as('a', 'admin'));
    expect(idsOf(all)).toEqual(
      Object.values(a.users)
        .map((u) => u.id)
        .sort(),
    );
    const reps = await getJson<Users>('/api/users?role=rep', await as('a', 'admin'));
    expect(idsOf(reps)).toEqual([a.users.rep1.id, a.users.rep2.id, a.users.rep3.id].sort());
  });

  it('never shows users of another tenant', async () => {
    const seen = await getJson<Users>('/api/users', await as('b', 'admin'));
    const aIds = new Set(Object.values(a.users).map((u) => u.id));
    expect(seen.items.length).toBe(5);
    expect(seen.items.some((u) => aIds.has(u.id))).toBe(false);
  });

  it('refuses an unknown role filter with 422 naming the field', async () => {
    const res = await request(t.app, 'GET', '/api/users?role=boss', {
      cookie: await as('a', 'admin'),
      locale: 'en',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.role).toBe('Must be one of: rep / manager / admin');
  });
});

describe('GET /api/areas', () => {
  it('lists the tenant’s areas in display order, for any role', async () => {
    for (const key of ['rep3', 'manager', 'admin'] as const) {
      const areas = await getJson<{ items: unknown[] }>('/api/areas', await as('a', key));
      expect(areas.items).toEqual(a.areas);
    }
  });

  it('never lists another tenant’s areas', async () => {
    const areas = await getJson<{ items: { id: string }[] }>('/api/areas', await as('b', 'rep1'));
    expect(areas.items.map((x) => x.id).sort()).toEqual(b.areas.map((x) => x.id).sort());
  });
});
