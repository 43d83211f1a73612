import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTravelMatrixProvider } from '../../../src/domains/planning/get-travel-matrix-provider.ts';
import type { MigratableDatabase } from '../../../src/platform/db/open-database.ts';
import { haversineMetres } from '../../../src/platform/geo/haversine.ts';
import { createTenantFixture, type TenantFixture } from '../../support/tenant-fixture.ts';
import { createTestDatabase } from '../../support/test-database.ts';

let database: MigratableDatabase;
let suburban: TenantFixture;
let city: TenantFixture;
const umeda = { lat: 34.7025, lng: 135.4959 };
const namba = { lat: 34.6659, lng: 135.5013 };
const straight = haversineMetres(umeda, namba);

beforeAll(async () => {
  database = await createTestDatabase();
  [suburban, city] = await Promise.all([
    createTenantFixture(database.admin),
    createTenantFixture(database.admin),
  ]);
  await database.admin.execute(sql`insert into planning_settings (tenant_id, detour_factor, average_speed_kmh)
    values (${suburban.tenantId}, 1.2, 40)`);
});
afterAll(() => database?.close());

describe("the tenant's travel times", () => {
  it("use the tenant's detour factor and average speed", async () => {
    const travel = await getTravelMatrixProvider({
      db: database.db,
      actor: suburban.actor('rep1'),
      osrmUrl: undefined,
    });
    const m = await travel.matrix({ sources: [umeda], destinations: [namba] });
    expect(m.distancesMetres[0]![0]).toBe(Math.round(straight * 1.2));
    expect(m.durationsSeconds[0]![0]).toBe(Math.round((straight * 1.2) / (40 / 3.6)));
  });

  it('default to 1.3 at 25 km/h for a tenant that set nothing', async () => {
    const travel = await getTravelMatrixProvider({
      db: database.db,
      actor: city.actor('manager'),
      osrmUrl: undefined,
    });
    expect(travel.kind).toBe('straight-line');
    const m = await travel.matrix({ sources: [umeda], destinations: [namba] });
    expect(m.durationsSeconds[0]![0]).toBe(Math.round((straight * 1.3) / (25 / 3.6)));
  });

  it('come from OSRM when OSRM_URL is set', async () => {
    const travel = await getTravelMatrixProvider({
      db: database.db,
      actor: city.actor('admin'),
      osrmUrl: 'http://127.0.0.1:5000',
    });
    expect(travel.kind).toBe('osrm');
  });

  it('refuse a detour factor below 1 in the database', async () => {
    await expect(
      database.admin.execute(
        sql`update planning_settings set detour_factor = 0.9 where tenant_id = ${suburban.tenantId}`,
      ),
    ).rejects.toThrow();
  });
});
