import { ApiError } from '../../lib/api-error.ts';
import { type OfflineDb, offlineDb } from './offline-db.ts';

/** The network is known to be down (the browser says so); a request would only wait to fail. */
export const browserOffline = (): boolean => typeof navigator !== 'undefined' && navigator.onLine === false;

export async function readSnapshot<T>(key: string, db: OfflineDb = offlineDb()): Promise<T | undefined> {
  try {
    return (await db.snapshots.get(key))?.data as T | undefined;
  } catch {
    return undefined;
  }
}

export async function writeSnapshot(key: string, data: unknown, db: OfflineDb = offlineDb()): Promise<void> {
  try {
    await db.snapshots.put({ key, data, savedAt: new Date().toISOString() });
  } catch {
    // A full or unavailable store only loses the offline copy, never the answer itself.
  }
}

/** Changes a stored copy in place (a write queued offline shows on the screens that read it). */
export async function patchSnapshot<T>(
  key: string,
  change: (data: T) => T,
  db: OfflineDb = offlineDb(),
): Promise<void> {
  await db.transaction('rw', db.snapshots, async () => {
    const row = await db.snapshots.get(key);
    if (row) await db.snapshots.put({ ...row, data: change(row.data as T) });
  });
}

/** Forgets every stored copy (at sign-out); the outbox is kept, so no unsent work is lost. */
export async function forgetOfflineCopies(db: OfflineDb = offlineDb()): Promise<void> {
  try {
    await db.snapshots.clear();
  } catch {
    // nothing stored, nothing to forget
  }
}

const noConnection = (error: unknown) => error instanceof ApiError && error.status === 0;

/**
 * A query function that keeps working without signal: online it asks the server and stores the
 * answer under `key`; with no network (the browser is offline, or the request got no answer) it
 * answers with the stored copy. Without a stored copy the original error stands.
 *
 * @example
 * useQuery({ queryKey: ['briefing', id], queryFn: ({ signal }) => offlineFirst(`briefing:${id}`, () => getBriefing(id, signal)) })
 */
export async function offlineFirst<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
  if (browserOffline()) {
    const stored = await readSnapshot<T>(key);
    if (stored !== undefined) return stored;
  }
  try {
    const fresh = await fetcher();
    await writeSnapshot(key, fresh);
    return fresh;
  } catch (error) {
    if (!noConnection(error)) throw error;
    const stored = await readSnapshot<T>(key);
    if (stored === undefined) throw error;
    return stored;
  }
}

export const snapshotKeys = {
  me: 'me',
  today: (date: string) => `today:${date}`,
  briefing: (customerId: string) => `briefing:${customerId}`,
  customer: (customerId: string) => `customer:${customerId}`,
  followups: (customerId: string) => `followups:${customerId}`,
  templates: 'visit-templates',
  catalog: 'catalog',
};
