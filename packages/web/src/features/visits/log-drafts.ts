import type { VisitLogBody } from '@kayoi/server/contracts';
import { newIdempotencyKey } from '../../lib/idempotency.ts';

/**
 * Visit-log drafts kept on the phone (localStorage) until the server confirms the save: a draft
 * holds the body and the Idempotency-Key it is sent with, so a resend after a lost answer — a
 * retry now, or a reload later — carries the same key and never makes a second log. This is the
 * shape a later offline outbox can drain: one entry per visit, replayable as is.
 */
export interface LogDraft {
  visitId: string;
  customerName: string;
  body: VisitLogBody;
  idempotencyKey: string;
  savedAt: string;
  /** The last send failed (shown as 未送信). */
  failed: boolean;
}

const PREFIX = 'kayoi.visitLogDraft.';
const MAX_DRAFTS = 50;

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

export const readDraft = (visitId: string): LogDraft | null => {
  const text = storage()?.getItem(PREFIX + visitId);
  if (!text) return null;
  try {
    return JSON.parse(text) as LogDraft;
  } catch {
    return null;
  }
};

export const listDrafts = (): LogDraft[] => {
  const store = storage();
  if (!store) return [];
  const drafts: LogDraft[] = [];
  for (let i = 0; i < store.length && drafts.length < MAX_DRAFTS; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const draft = readDraft(key.slice(PREFIX.length));
    if (draft) drafts.push(draft);
  }
  return drafts;
};

/**
 * Stores what was typed. The key stays the same while the body does (a resend of the same log);
 * a changed body is a new write and gets a new key.
 */
export const writeDraft = (
  draft: Omit<LogDraft, 'idempotencyKey' | 'savedAt'> & { idempotencyKey?: string },
) => {
  const previous = readDraft(draft.visitId);
  const sameBody = previous && JSON.stringify(previous.body) === JSON.stringify(draft.body);
  const stored: LogDraft = {
    ...draft,
    idempotencyKey: draft.idempotencyKey ?? (sameBody ? previous.idempotencyKey : newIdempotencyKey()),
    savedAt: new Date().toISOString(),
  };
  storage()?.setItem(PREFIX + draft.visitId, JSON.stringify(stored));
  return stored;
};

export const removeDraft = (visitId: string): void => {
  storage()?.removeItem(PREFIX + visitId);
};
