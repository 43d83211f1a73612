import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api-error.ts';
import { apiFetch } from '../../lib/http.ts';
import { downloadDay } from './morning-download.ts';
import { type OfflineDb, type OutboxEntry, offlineDb } from './offline-db.ts';
import { enqueueWrite, type FlushResult, flushOutbox, type NewWrite } from './outbox.ts';
import { browserOffline } from './snapshots.ts';

/** The day's data is downloaded again when older than this (and whenever the network returns). */
export const DOWNLOAD_EVERY_MS = 15 * 60_000;
/** How often a phone with writes waiting tries the outbox again while the page is open. */
export const TICK_MS = 20_000;

export const META_LAST_SYNC = 'lastSyncAt';
export const META_LAST_DOWNLOAD = 'lastDownloadAt';
export const META_OWNER = 'owner';

/** The server's answers to this page's writes, by write id (what `submitWrite` returns). */
const lastAnswers = new Map<string, unknown>();

/** Sends one outbox write with its own Idempotency-Key (the same on every try). */
export const sendEntry = async (entry: OutboxEntry): Promise<unknown> => {
  const answer = await apiFetch(entry.path, {
    method: entry.method,
    body: entry.body,
    idempotencyKey: entry.idempotencyKey,
  });
  lastAnswers.set(entry.id, answer);
  if (lastAnswers.size > 50) lastAnswers.delete(lastAnswers.keys().next().value as string);
  return answer;
};

let running: Promise<FlushResult | null> | null = null;
let queryClient: QueryClient | null = null;

const refreshScreens = (result: FlushResult) => {
  if (!queryClient || result.sent.length + result.failed.length + result.conflicts.length === 0) return;
  for (const key of ['today', 'briefing', 'followups', 'customers', 'timeline', 'complaints', 'field'])
    void queryClient.invalidateQueries({ queryKey: [key] });
};

const metaValue = async <T>(db: OfflineDb, key: string): Promise<T | undefined> =>
  (await db.meta.get(key))?.value as T | undefined;

async function runSync(db: OfflineDb, forceDownload: boolean): Promise<FlushResult | null> {
  if (browserOffline()) return null;
  const result = await flushOutbox(db, sendEntry);
  refreshScreens(result);
  if (result.waiting > 0) return result;
  const lastDownload = Date.parse((await metaValue<string>(db, META_LAST_DOWNLOAD)) ?? '') || 0;
  const downloadDue = forceDownload || Date.now() - lastDownload > DOWNLOAD_EVERY_MS;
  if (downloadDue) {
    try {
      await downloadDay();
      await db.meta.put({ key: META_LAST_DOWNLOAD, value: new Date().toISOString() });
    } catch {
      return result; // no signal again, or the server is down: the last sync stays the last one
    }
  }
  // A tick with nothing sent and nothing downloaded is not a sync worth telling the server about
  // (one heartbeat per download or drained outbox, not one per tick of every open tab).
  const handled = result.sent.length + result.failed.length + result.conflicts.length;
  if (!downloadDue && handled === 0) return result;
  const waiting = await db.outbox.count();
  try {
    await apiFetch('/api/sync/heartbeat', { method: 'POST', body: { pending: waiting } });
  } catch {
    return result;
  }
  await db.meta.put({ key: META_LAST_SYNC, value: new Date().toISOString() });
  if (queryClient && result.sent.length > 0) void queryClient.invalidateQueries({ queryKey: ['today'] });
  return result;
}

/**
 * One sync: the outbox drained in order, then (when due) the day downloaded, then a heartbeat
 * so the manager sees it. Concurrent calls share the run in progress.
 */
export function syncNow({ forceDownload = false, db = offlineDb() } = {}): Promise<FlushResult | null> {
  running ??= runSync(db, forceDownload).finally(() => {
    running = null;
  });
  return running;
}

export type WriteOutcome =
  | { state: 'sent'; result: unknown }
  | { state: 'queued'; entry: OutboxEntry }
  | { state: 'refused'; entry: OutboxEntry };

/**
 * Makes a field write durable first, then tries to send it: `sent` with the server's answer,
 * `queued` when there is no signal (it goes later, in order, and shows as 未送信), `refused`
 * when the server said no (kept, with the reasons, for the rep to fix).
 */
export async function submitWrite(write: NewWrite, db: OfflineDb = offlineDb()): Promise<WriteOutcome> {
  const entry = await enqueueWrite(db, write);
  if (running) await running.catch(() => null);
  await syncNow({ db });
  const after = await db.outbox.get(entry.seq as number);
  if (!after) return { state: 'sent', result: lastAnswers.get(entry.id) ?? null };
  if (after.status === 'pending') return { state: 'queued', entry: after };
  return { state: 'refused', entry: after };
}

let started = false;

/**
 * Starts syncing for the signed-in user: now, whenever the network returns or the page comes
 * back to the front, and every {@link TICK_MS} while writes wait. A different user on this
 * browser starts from an empty store (another person's day is not shown to them).
 */
export async function startSync(client: QueryClient, userId: string, db: OfflineDb = offlineDb()) {
  queryClient = client;
  const owner = await metaValue<string>(db, META_OWNER).catch(() => undefined);
  if (owner !== userId) {
    await db.transaction('rw', db.snapshots, db.meta, async () => {
      if (owner !== undefined) await db.snapshots.clear();
      await db.meta.clear();
      await db.meta.put({ key: META_OWNER, value: userId });
    });
  }
  if (started) return;
  started = true;
  window.addEventListener('online', () => void syncNow({ forceDownload: true }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });
  setInterval(() => void syncNow(), TICK_MS);
  void syncNow({ forceDownload: true });
}

/**
 * {@link submitWrite} for a screen that shows a refusal as an error: resolves when the write was
 * sent or queued (未送信), throws the server's ApiError when it was refused (the write stays in
 * the outbox, editable).
 */
export async function submitOrThrow(write: NewWrite, db: OfflineDb = offlineDb()): Promise<WriteOutcome> {
  const outcome = await submitWrite(write, db);
  if (outcome.state === 'refused') {
    const error = outcome.entry.error;
    throw new ApiError({
      status: error?.status ?? 422,
      code: error?.code ?? 'validation_failed',
      message: error?.message ?? '',
      fields: error?.fields ?? {},
      current: outcome.entry.current,
    });
  }
  return outcome;
}
