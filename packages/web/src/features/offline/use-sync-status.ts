import { liveQuery } from 'dexie';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { type OutboxEntry, offlineDb } from './offline-db.ts';
import { META_LAST_SYNC } from './sync-engine.ts';

const subscribeOnline = (notify: () => void) => {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
};

/** Whether the browser has a network connection (updates on `online` / `offline`). */
export const useOnline = (): boolean =>
  useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );

/** Re-runs a Dexie query whenever the tables it read change (in this tab or another). */
export function useLive<T>(query: () => Promise<T>, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is fixed for the hook's life
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
    return () => subscription.unsubscribe();
  }, []);
  return value;
}

export interface SyncStatus {
  online: boolean;
  /** Every write still on the phone, in order. */
  entries: OutboxEntry[];
  /** ISO time of the last sync that drained the outbox and downloaded the day; null: never. */
  lastSyncAt: string | null;
}

/** What the header's indicator and the 未送信 list show. */
export function useSyncStatus(): SyncStatus {
  const online = useOnline();
  const entries = useLive(() => offlineDb().outbox.orderBy('seq').toArray(), [] as OutboxEntry[]);
  const lastSyncAt = useLive(
    async () => ((await offlineDb().meta.get(META_LAST_SYNC))?.value as string | undefined) ?? null,
    null as string | null,
  );
  return { online, entries, lastSyncAt };
}
