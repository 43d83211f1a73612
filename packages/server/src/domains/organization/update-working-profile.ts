import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { type Actor, withTenant } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { staffProfiles } from '../../platform/db/schema/index.ts';
import { updateVersioned } from '../../platform/db/update-versioned.ts';
import type { LocalizedText } from '../../platform/errors.ts';
import { type Geocoder, offGeocoder } from '../../platform/geo/geocoder.ts';
import { validationFailed } from '../../platform/http/create-router.ts';
import { organizationError } from './organization-errors.ts';
import type { UpdateWorkingProfileInput, WorkingProfileView } from './organization-schemas.ts';
import {
  ensureProfile,
  loadVisiblePerson,
  loadWorkingProfile,
  mayEdit,
  minuteOf,
} from './working-profile-view.ts';

export interface UpdateWorkingProfileOptions {
  db: Db;
  actor: Actor;
  userId: string;
  input: UpdateWorkingProfileInput;
  /** Locates a start or end address given without a map position (default: none). */
  geocoder?: Geocoder;
}

type PlaceInput = NonNullable<UpdateWorkingProfileInput['start']>;
type Place = { address: string | null; lat: number | null; lng: number | null };

/** A place as stored: picked on the map (lat and lng given), else the address geocoded. */
async function placeOf(geocoder: Geocoder, input: PlaceInput, stored: Place): Promise<Place> {
  const address = input.address?.trim() || null;
  if (input.lat != null && input.lng != null) return { address, lat: input.lat, lng: input.lng };
  if (address === null) return { address, lat: null, lng: null };
  if (address === stored.address && stored.lat !== null) return stored;
  if (geocoder.kind === 'off') return { address, lat: null, lng: null };
  try {
    const hit = await geocoder.geocode(address);
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    return hit ? { address, lat: round(hit.lat), lng: round(hit.lng) } : { address, lat: null, lng: null };
  } catch {
    // The service failed: the address is kept without a position (the planner starts at the
    // centre of the rep's customers), and saving again retries.
    return { address, lat: null, lng: null };
  }
}

/**
 * Changes a person's working profile: start and end place, working weekdays, hours, lunch
 * break and the most visits a day. An admin changes anyone's, a manager their team's; others
 * get 404. Versioned (409 `version_conflict` with the current profile) and audited. 422 naming
 * the field when the hours or the lunch break do not fit.
 */
export async function updateWorkingProfile({
  db,
  actor,
  userId,
  input,
  geocoder = offGeocoder,
}: UpdateWorkingProfileOptions): Promise<WorkingProfileView> {
  const read = await withTenant(db, actor, (tx) => loadWorkingProfile(tx, actor, userId));
  const start = input.start ? await placeOf(geocoder, input.start, read.start) : read.start;
  const end = input.end ? await placeOf(geocoder, input.end, read.end) : read.end;

  return withTenant(db, actor, async (tx) => {
    const person = await loadVisiblePerson(tx, actor, userId);
    if (!mayEdit(actor, person)) throw organizationError('person_not_found');
    await ensureProfile(tx, actor, person);
    const before = await loadWorkingProfile(tx, actor, userId);
    const next = { ...before, ...definedOnly(input), start, end };
    const errors: Record<string, LocalizedText> = {};
    const workStart = minuteOf(next.workStart);
    const workEnd = minuteOf(next.workEnd);
    const lunchStart = minuteOf(next.lunchStart);
    const lunchEnd = minuteOf(next.lunchEnd);
    if (workStart >= workEnd)
      errors.workEnd = { ja: '終業は始業より後にしてください。', en: 'End work after it starts.' };
    if (next.lunchDurationMinutes > 0 && lunchStart >= lunchEnd)
      errors.lunchEnd = {
        ja: '昼休みの終わりは始まりより後にしてください。',
        en: 'End the lunch window after it starts.',
      };
    else if (next.lunchDurationMinutes > lunchEnd - lunchStart)
      errors.lunchDurationMinutes = {
        ja: '昼休みの長さが時間帯に収まりません。',
        en: 'The lunch break does not fit its window.',
      };
    if (Object.keys(errors).length > 0) throw validationFailed(errors);
    const weekdays = [...new Set(next.workingWeekdays)].sort((a, b) => a - b);

    await updateVersioned(tx, {
      table: staffProfiles,
      where: and(eq(staffProfiles.tenantId, actor.tenantId), eq(staffProfiles.userId, userId)) as never,
      version: input.version,
      set: {
        startAddress: start.address,
        startLat: start.lat,
        startLng: start.lng,
        endAddress: end.address,
        endLat: end.lat,
        endLng: end.lng,
        workingWeekdays: weekdays,
        workStartMinute: workStart,
        workEndMinute: workEnd,
        lunchStartMinute: lunchStart,
        lunchEndMinute: lunchEnd,
        lunchDurationMinutes: next.lunchDurationMinutes,
        maxVisitsPerDay: next.maxVisitsPerDay,
      },
      current: () => loadWorkingProfile(tx, actor, userId),
      notFound: () => organizationError('person_not_found'),
    });
    const after = await loadWorkingProfile(tx, actor, userId);
    await recordAudit(tx, actor, [
      {
        table: 'staff_profiles',
        recordId: userId,
        action: 'update',
        before: audited(before),
        after: audited(after),
      },
    ]);
    return after;
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const audited = ({ absences: _, version: __, ...p }: WorkingProfileView) => ({
  startAddress: p.start.address,
  startLat: p.start.lat,
  startLng: p.start.lng,
  endAddress: p.end.address,
  endLat: p.end.lat,
  endLng: p.end.lng,
  workingWeekdays: p.workingWeekdays.join(','),
  workStart: p.workStart,
  workEnd: p.workEnd,
  lunchStart: p.lunchStart,
  lunchEnd: p.lunchEnd,
  lunchDurationMinutes: p.lunchDurationMinutes,
  maxVisitsPerDay: p.maxVisitsPerDay,
});
