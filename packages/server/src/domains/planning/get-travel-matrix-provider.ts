import { eq } from 'drizzle-orm';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { createTravelMatrixProvider } from '../../platform/geo/create-travel-matrix-provider.ts';
import { DEFAULT_DETOUR_FACTOR, DEFAULT_SPEED_KMH } from '../../platform/geo/straight-line-travel-matrix.ts';
import type { TravelMatrixProvider } from '../../platform/geo/travel-matrix.ts';
import { planningSettings } from './tables.ts';

export interface GetTravelMatrixProviderOptions {
  db: Db;
  actor: Actor;
  /** `config.osrmUrl`. */
  osrmUrl: string | undefined;
}

/**
 * The travel times the tenant plans with: OSRM when `OSRM_URL` is set, otherwise (and for the
 * pairs OSRM cannot route) the straight line × the tenant's detour factor at its average speed
 * (planning_settings; 1.3 and 25 km/h without a row).
 *
 * @example
 * const travel = await getTravelMatrixProvider({ db, actor, osrmUrl: config.osrmUrl });
 * const { durationsSeconds } = await travel.matrix({ sources: stops });
 */
export async function getTravelMatrixProvider({
  db,
  actor,
  osrmUrl,
}: GetTravelMatrixProviderOptions): Promise<TravelMatrixProvider> {
  const [settings] = await withTenant(db, actor, (tx) =>
    tx
      .select({ detourFactor: planningSettings.detourFactor, speedKmh: planningSettings.averageSpeedKmh })
      .from(planningSettings)
      .where(eq(planningSettings.tenantId, actor.tenantId)),
  );
  return createTravelMatrixProvider({
    osrmUrl,
    detourFactor: settings?.detourFactor ?? DEFAULT_DETOUR_FACTOR,
    speedKmh: settings?.speedKmh ?? DEFAULT_SPEED_KMH,
  });
}
