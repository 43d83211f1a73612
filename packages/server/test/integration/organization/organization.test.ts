import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../src/domains/customers/tables.ts';
import { auditEvents } from '../../../src/platform/db/schema/index.ts';
import { createTestApp, request, type SignedTenantFixture } from '../../support/test-app.ts';

const t = await createTestApp();
afterAll(() => t.close());

let tenant: SignedTenantFixture;
let admin: string;
let manager: string;
let rep1: string;

interface TeamBody {
  id: string;
  name: string;
  managerUserId: string | null;
  managerName: string | null;
  retiredAt: string | null;
  memberCount: number;
  version: number;
}
interface AreaBody {
  id: string;
  name: string;
  definition: { municipalities: string[]; postcodePrefixes: string[] };
  retiredAt: string | null;
  customerCount: number;
  version: number;
}
interface PreviewBody {
  matched: number;
  moveIn: number;
  moveOut: number;
  stay: number;
  customers: { id: string; change: string; currentAreaName: string | null }[];
}

const call = async (method: string, path: string, cookie: string, body?: unknown, locale?: 'ja' | 'en') => {
  const res = await request(t.app, method, `/api/organization${path}`, {
    cookie,
    ...(body !== undefined ? { body } : {}),
    ...(locale ? { locale } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  tenant = await t.createTenant({ customersPerRep: 3 });
  [admin, manager, rep1] = await Promise.all([
    tenant.signIn('admin'),
    tenant.signIn('manager'),
    tenant.signIn('rep1'),
  ]);
  // Three addresses outside 北区: two in 中央区 (one by postcode only), one in 堺市.
  const [c1, c2] = tenant.customersOf('rep2');
  const [c3] = tenant.customersOf('rep3');
  const db = t.database.admin;
  await db
    .update(customers)
    .set({ address: '大阪府大阪市中央区本町1-1-1', postalCode: '541-0053' })
    .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.id, c1!.id)));
  await db
    .update(customers)
    .set({ address: '大阪府 大阪市 中央区 北浜2-2-2', postalCode: '541-0041' })
    .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.id, c2!.id)));
  await db
    .update(customers)
    .set({ address: '大阪府堺市堺区3-3', postalCode: '590-0077' })
    .where(and(eq(customers.tenantId, tenant.tenantId), eq(customers.id, c3!.id)));
});

describe('teams', () => {
  it('an admin creates a team with its manager, renames it, retires it and reinstates it', async () => {
    const created = await call('POST', '/teams', admin, {
      name: '第3営業課',
      managerUserId: tenant.users.manager.id,
    });
    expect(created.status).toBe(201);
    const team = created.body as unknown as TeamBody;
    expect(team).toMatchObject({
      name: '第3営業課',
      managerName: '課長 一郎',
      memberCount: 0,
      retiredAt: null,
    });

    const renamed = await call('PATCH', `/teams/${team.id}`, admin, {
      version: team.version,
      name: '第三営業課',
    });
    expect(renamed.status).toBe(200);
    const retired = await call('PATCH', `/teams/${team.id}`, admin, {
      version: (renamed.body as unknown as TeamBody).version,
      retired: true,
    });
    expect((retired.body as unknown as TeamBody).retiredAt).not.toBeNull();

    // A stale version changes nothing and answers the current team.
    const stale = await call('PATCH', `/teams/${team.id}`, admin, {
      version: team.version,
      name: '古い名前',
    });
    expect(stale.status).toBe(409);
    expect((stale.body.error as { current: TeamBody }).current.name).toBe('第三営業課');

    const list = await call('GET', '/teams', manager);
    const items = (list.body.items as TeamBody[]).map((x) => x.name);
    expect(items.at(-1)).toBe('第三営業課'); // retired last
    expect((list.body.items as TeamBody[]).find((x) => x.name === '第1営業課')?.memberCount).toBe(3);

    const back = await call('PATCH', `/teams/${team.id}`, admin, {
      version: (retired.body as unknown as TeamBody).version,
      retired: false,
    });
    expect((back.body as unknown as TeamBody).retiredAt).toBeNull();

    const history = await t.database.admin
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, team.id)));
    expect(history.map((h) => h.action).sort()).toEqual([
      'create',
      'status_change',
      'status_change',
      'update',
    ]);
  });

  it('a retired team takes no new members', async () => {
    const team = (await call('POST', '/teams', admin, { name: '廃止予定課' })).body as unknown as TeamBody;
    await call('PATCH', `/teams/${team.id}`, admin, { version: team.version, retired: true });
    const res = await request(t.app, 'PATCH', `/api/people/${tenant.users.rep2.id}`, {
      cookie: admin,
      body: { teamId: team.id },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'teamId',
    );
  });

  it('refuses a rep as manager and a taken name, naming the field in ja and en', async () => {
    const rep = await call(
      'POST',
      '/teams',
      admin,
      { name: '新チーム', managerUserId: tenant.users.rep1.id },
      'en',
    );
    expect(rep.status).toBe(422);
    expect((rep.body.error as { fields: Record<string, string> }).fields.managerUserId).toMatch(/manager/);
    const taken = await call('POST', '/teams', admin, { name: '第1営業課' }, 'ja');
    expect(taken.status).toBe(422);
    expect((taken.body.error as { fields: Record<string, string> }).fields.name).toBe(
      '同じ名前のチームが既にあります。',
    );
  });

  it('a manager reads the teams but cannot create one', async () => {
    expect((await call('POST', '/teams', manager, { name: '勝手な課' })).status).toBe(403);
    expect((await call('GET', '/teams', rep1)).status).toBe(403);
  });
});

describe('areas', () => {
  it('previews a definition, applies it, and the customer list filters by the area and the team', async () => {
    const created = await call('POST', '/areas', admin, {
      name: '中央区',
      definition: { municipalities: ['大阪市中央区'], postcodePrefixes: ['541-00'] },
    });
    expect(created.status).toBe(201);
    const area = created.body as unknown as AreaBody;
    expect(area.definition).toEqual({ municipalities: ['大阪市中央区'], postcodePrefixes: ['54100'] });

    const preview = await call('POST', `/areas/${area.id}/preview`, admin, {});
    expect(preview.status).toBe(200);
    const p = preview.body as unknown as PreviewBody;
    // 本町 by its address, 北浜 by its address with spaces; none in the area yet.
    expect(p).toMatchObject({ matched: 2, moveIn: 2, moveOut: 0, stay: 0 });
    expect(p.customers.every((c) => c.currentAreaName !== null)).toBe(true);

    // A draft adds 堺市: previewed, not saved.
    const draft = await call('POST', `/areas/${area.id}/preview`, admin, {
      definition: { municipalities: ['大阪市中央区', '堺市'], postcodePrefixes: [] },
    });
    expect((draft.body as unknown as PreviewBody).moveIn).toBe(3);

    const applied = await call('POST', `/areas/${area.id}/apply`, admin, { version: area.version });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ movedIn: 2, movedOut: 0 });
    expect((applied.body.area as AreaBody).customerCount).toBe(2);

    // Each moved customer has a new version and an audit row naming the apply.
    const [moved] = tenant.customersOf('rep2');
    const [row] = await t.database.admin
      .select({ areaId: customers.areaId, version: customers.version })
      .from(customers)
      .where(eq(customers.id, moved!.id));
    expect(row).toMatchObject({ areaId: area.id, version: 2 });
    const audit = await t.database.admin
      .select({ context: auditEvents.context, changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, tenant.tenantId), eq(auditEvents.recordId, moved!.id)));
    expect(audit.some((a) => (a.context as Record<string, string>).areaApply === area.id)).toBe(true);

    const inArea = await request(t.app, 'GET', `/api/customers?areaId=${area.id}`, { cookie: admin });
    expect(((await inArea.json()) as { total: number }).total).toBe(2);
    const teamB = await request(t.app, 'GET', `/api/customers?teamId=${tenant.teams.b.id}`, {
      cookie: admin,
    });
    const teamBody = (await teamB.json()) as { total: number; items: { repId: string }[] };
    expect(teamBody.total).toBe(3);
    expect(teamBody.items.every((c) => c.repId === tenant.users.rep3.id)).toBe(true);

    // Narrowed to 本町's postcode: 北浜 leaves on the next apply.
    const narrowed = await call('PATCH', `/areas/${area.id}`, admin, {
      version: area.version,
      definition: { municipalities: [], postcodePrefixes: ['5410053'] },
    });
    const next = narrowed.body as unknown as AreaBody;
    expect((await call('POST', `/areas/${area.id}/apply`, admin, { version: area.version })).status).toBe(
      409,
    );
    const again = await call('POST', `/areas/${area.id}/preview`, admin, {});
    expect(again.body).toMatchObject({ moveIn: 0, moveOut: 1, stay: 1 });
    const second = await call('POST', `/areas/${area.id}/apply`, admin, { version: next.version });
    expect(second.body).toMatchObject({ movedIn: 0, movedOut: 1 });
  });

  it('a retired area takes no customers and still lists with its history', async () => {
    const area = (
      await call('POST', '/areas', admin, { name: '旧エリア', definition: { municipalities: ['堺市'] } })
    ).body as unknown as AreaBody;
    const retired = (
      await call('PATCH', `/areas/${area.id}`, admin, { version: area.version, retired: true })
    ).body as unknown as AreaBody;
    const res = await call('POST', `/areas/${area.id}/apply`, admin, { version: retired.version });
    expect(res.status).toBe(409);
    expect((res.body.error as { code: string }).code).toBe('area_retired');
    const list = (await call('GET', '/areas', manager)).body.items as AreaBody[];
    expect(list.at(-1)?.name).toBe('旧エリア');
  });

  it('refuses a bad postcode prefix naming the field', async () => {
    const res = await call(
      'POST',
      '/areas',
      admin,
      { name: 'X', definition: { postcodePrefixes: ['53a'] } },
      'ja',
    );
    expect(res.status).toBe(422);
    expect(
      (res.body.error as { fields: Record<string, string> }).fields['definition.postcodePrefixes.0'],
    ).toBe('郵便番号は1〜7桁の数字で入力してください。');
  });

  it('the map lists located customers with their area, within the caller’s book', async () => {
    const asAdmin = (await call('GET', '/areas/map', admin)).body.customers as unknown[];
    const asManager = (await call('GET', '/areas/map', manager)).body.customers as unknown[];
    expect(asAdmin).toHaveLength(9);
    expect(asManager).toHaveLength(6); // team A's reps
  });
});

describe('working profiles and absences', () => {
  it('a manager edits a team rep’s profile (map pick, days, hours, max visits); stale versions are refused', async () => {
    const path = `/people/${tenant.users.rep1.id}/working-profile`;
    const read = (await call('GET', path, rep1)).body as { version: number; workStart: string };
    expect(read.workStart).toBe('09:00');
    const saved = await call('PUT', path, manager, {
      version: read.version,
      start: { address: '大阪市北区梅田1-1-3', lat: 34.7025, lng: 135.4959 },
      end: { address: null },
      workingWeekdays: [2, 3, 4, 5, 6],
      workStart: '08:30',
      workEnd: '17:30',
      lunchStart: '11:30',
      lunchEnd: '13:30',
      lunchDurationMinutes: 60,
      maxVisitsPerDay: 8,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      start: { address: '大阪市北区梅田1-1-3', lat: 34.7025, lng: 135.4959 },
      end: { address: null, lat: null },
      workingWeekdays: [2, 3, 4, 5, 6],
      workStart: '08:30',
      maxVisitsPerDay: 8,
      version: read.version + 1,
    });
    const stale = await call('PUT', path, manager, { version: read.version, maxVisitsPerDay: 3 });
    expect(stale.status).toBe(409);
  });

  it('refuses hours that end before they start, naming the field in en', async () => {
    const path = `/people/${tenant.users.rep2.id}/working-profile`;
    const read = (await call('GET', path, admin)).body as { version: number };
    const res = await call(
      'PUT',
      path,
      admin,
      { version: read.version, workStart: '18:00', workEnd: '09:00' },
      'en',
    );
    expect(res.status).toBe(422);
    expect((res.body.error as { fields: Record<string, string> }).fields.workEnd).toBe(
      'End work after it starts.',
    );
  });

  it('a rep reads only their own profile; a manager cannot edit another team’s rep', async () => {
    expect((await call('GET', `/people/${tenant.users.rep2.id}/working-profile`, rep1)).status).toBe(404);
    const other = `/people/${tenant.users.rep3.id}/working-profile`;
    expect((await call('GET', other, manager)).status).toBe(404);
    expect((await call('PUT', other, manager, { version: 1, maxVisitsPerDay: 2 })).status).toBe(404);
    expect(
      (await call('PUT', `/people/${tenant.users.rep1.id}/working-profile`, rep1, { version: 1 })).status,
    ).toBe(403);
  });

  it('adds an absence (listed on the profile), refuses an overlapping one, removes it', async () => {
    const base = `/people/${tenant.users.rep2.id}`;
    const added = await call('POST', `${base}/absences`, admin, {
      startDate: '2099-03-02',
      endDate: '2099-03-04',
      kind: 'vacation',
      note: '有給',
    });
    expect(added.status).toBe(201);
    const overlap = await call(
      'POST',
      `${base}/absences`,
      admin,
      { startDate: '2099-03-04', kind: 'training' },
      'ja',
    );
    expect(overlap.status).toBe(422);
    expect((overlap.body.error as { fields: Record<string, string> }).fields.startDate).toBe(
      'この期間には既に不在予定があります。',
    );
    const backwards = await call('POST', `${base}/absences`, admin, {
      startDate: '2099-04-02',
      endDate: '2099-04-01',
      kind: 'other',
    });
    expect((backwards.body.error as { fields: Record<string, string> }).fields).toHaveProperty('endDate');

    const profile = (await call('GET', `${base}/working-profile`, manager)).body as {
      absences: { id: string; kind: string; note: string }[];
    };
    expect(profile.absences).toEqual([expect.objectContaining({ kind: 'vacation', note: '有給' })]);
    const id = (added.body as { id: string }).id;
    expect((await call('DELETE', `${base}/absences/${id}`, manager)).status).toBe(200);
    expect((await call('DELETE', `${base}/absences/${id}`, manager)).status).toBe(404);
  });
});
