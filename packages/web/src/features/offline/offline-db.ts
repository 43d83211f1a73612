import Dexie, { type EntityTable } from 'dexie';

/** A copy of one API answer kept on the phone, e.g. `today:2026-12-02` or `briefing:<customerId>`. */
export interface Snapshot {
  key: string;
  data: unknown;
  savedAt: string;
}

export type OutboxKind =
  | 'check-in'
  | 'check-out'
  | 'visit-log'
  | 'skip'
  | 'followup-done'
  | 'followup'
  | 'complaint'
  | 'customer-edit';

/**
 * - `pending`: waiting to be sent (offline, or the last try had no answer / a 5xx: retried later);
 * - `failed`: the server refused it (4xx): retrying cannot fix it, the rep must change or discard it;
 * - `conflict`: the record changed on the server since the rep's copy (409 version_conflict).
 */
export type OutboxStatus = 'pending' | 'failed' | 'conflict';

export interface OutboxError {
  status: number;
  code: string;
  message: string;
  fields: Record<string, string>;
}

/** One write made on the phone, replayable as is: the same Idempotency-Key on every try. */
export interface OutboxEntry {
  /** Order of entry; writes are sent in this order. */
  seq?: number;
  /** The write's own id (also the client-made id of the record it creates, when it creates one). */
  id: string;
  kind: OutboxKind;
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: unknown;
  idempotencyKey: string;
  /** What the rep sees in the 未送信 list, e.g. the customer's name. */
  label: string;
  customerId: string | null;
  /** A later write of the same thing (e.g. the same visit's log) replaces an unsent earlier one. */
  replaces: string | null;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  /** Epoch ms before which a pending entry is not tried again (backoff). */
  notBefore: number;
  error: OutboxError | null;
  /** With `conflict`: the server's current copy from the 409 answer. */
  current: unknown;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** The phone's own store: the day's data, the outbox and sync facts. One per browser profile. */
export class OfflineDb extends Dexie {
  snapshots!: EntityTable<Snapshot, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = 'kayoi-offline') {
    super(name);
    this.version(1).stores({
      snapshots: 'key',
      outbox: '++seq, id, status, replaces',
      meta: 'key',
    });
  }
}

let shared: OfflineDb | null = null;

/** The app's store (created on first use, so tests can make their own). */
export const offlineDb = (): OfflineDb => {
  shared ??= new OfflineDb();
  return shared;
};
