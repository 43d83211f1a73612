import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { OfflineDb, type OutboxEntry } from './offline-db.ts';
import { backoffFor, enqueueWrite, flushOutbox, type NewWrite, resubmitWrite } from './outbox.ts';

let db: OfflineDb;
beforeEach(() => {
  db = new OfflineDb(`outbox-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await db.delete();
});

const buildWrite = (overrides: Partial<NewWrite> = {}): NewWrite => ({
  kind: 'visit-log',
  method: 'PUT',
  path: '/api/visits/v1/log',
  body: { outcome: 'met', notes: '異常なし' },
  label: '株式会社なにわ商会',
  ...overrides,
});

/**
 * A server that applies each Idempotency-Key once (as the platform's idempotency does): a resent
 * key is answered with the first answer and counted once.
 */
const fakeServer = () => {
  const applied = new Map<string, unknown>();
  let answer: (entry: OutboxEntry) => Error | null = () => null;
  return {
    applied,
    answerWith(next: (entry: OutboxEntry) => Error | null) {
      answer = next;
    },
    send: async (entry: OutboxEntry) => {
      const error = answer(entry);
      if (error) throw error;
      if (!applied.has(entry.idempotencyKey)) applied.set(entry.idempotencyKey, entry.body);
      return applied.get(entry.idempotencyKey);
    },
  };
};

const offline = () => new ApiError({ status: 0, code: 'network', message: '' });

describe('the outbox', () => {
  it('keeps writes made without signal and sends them in the order they were made when it returns', async () => {
    const server = fakeServer();
    await enqueueWrite(
      db,
      buildWrite({ kind: 'check-in', method: 'POST', path: '/api/visits', body: { n: 1 } }),
    );
    await enqueueWrite(db, buildWrite({ body: { n: 2 } }));
    await enqueueWrite(db, buildWrite({ kind: 'followup', path: '/api/followups', body: { n: 3 } }));

    server.answerWith(offline);
    const cut = await flushOutbox(db, server.send);
    expect(cut.waiting).toBe(3);
    expect(await db.outbox.count()).toBe(3);

    server.answerWith(() => null);
    const back = await flushOutbox(db, server.send, Date.now() + backoffFor(1));
    expect(back.sent.map((s) => (s.entry.body as { n: number }).n)).toEqual([1, 2, 3]);
    expect(await db.outbox.count()).toBe(0);
    expect(server.applied.size).toBe(3);
  });

  it('applies a write once even when its first answer was lost: the resend carries the same key', async () => {
    const server = fakeServer();
    await enqueueWrite(db, buildWrite());
    // The server applied it, but the phone lost the answer (a 502 from the carrier's proxy).
    server.answerWith((entry) => {
      server.applied.set(entry.idempotencyKey, entry.body);
      return new ApiError({ status: 502, code: 'server', message: '' });
    });
    await flushOutbox(db, server.send);
    server.answerWith(() => null);
    await flushOutbox(db, server.send, Date.now() + backoffFor(1));
    expect(server.applied.size).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('waits longer after each try with no answer, and holds the writes behind it', async () => {
    const server = fakeServer();
    server.answerWith(offline);
    await enqueueWrite(db, buildWrite({ body: { n: 1 } }));
    await enqueueWrite(db, buildWrite({ body: { n: 2 } }));
    const now = Date.now();
    await flushOutbox(db, server.send, now);
    const [first] = await db.outbox.orderBy('seq').toArray();
    expect(first?.attempts).toBe(1);
    expect(first?.notBefore).toBe(now + backoffFor(1));
    // Before the backoff ends nothing is sent, even though the network is back.
    server.answerWith(() => null);
    const early = await flushOutbox(db, server.send, now + backoffFor(1) - 1);
    expect(early.sent).toHaveLength(0);
    expect(backoffFor(2)).toBeGreaterThan(backoffFor(1));
    expect(backoffFor(99)).toBe(backoffFor(4));
  });

  it('keeps a write the server refused with its reasons, and goes on with the others', async () => {
    const server = fakeServer();
    await enqueueWrite(db, buildWrite({ body: { n: 1 } }));
    await enqueueWrite(db, buildWrite({ path: '/api/visits/v2/log', body: { n: 2 } }));
    server.answerWith((entry) =>
      (entry.body as { n: number }).n === 1
        ? new ApiError({
            status: 422,
            code: 'validation_failed',
            message: '入力内容を確認してください。',
            fields: { 'promises.0.dueDate': '過去の日付です' },
          })
        : null,
    );
    const result = await flushOutbox(db, server.send);
    expect(result.sent).toHaveLength(1);
    const [kept] = await db.outbox.toArray();
    expect(kept).toMatchObject({ status: 'failed', body: { n: 1 } });
    expect(kept?.error?.fields).toEqual({ 'promises.0.dueDate': '過去の日付です' });

    // A failed write is never retried as it is …
    expect((await flushOutbox(db, server.send)).sent).toHaveLength(0);
    // … the rep corrects it, and it goes.
    server.answerWith(() => null);
    await resubmitWrite(db, kept?.seq as number, { n: 1, fixed: true });
    const fixed = await flushOutbox(db, server.send);
    expect(fixed.sent.map((s) => s.entry.body)).toEqual([{ n: 1, fixed: true }]);
  });

  it('keeps an edit made on a stale version as a conflict with the server’s copy', async () => {
    const server = fakeServer();
    const current = { id: 'c1', notes: 'マネージャーのメモ', version: 4 };
    server.answerWith(
      () =>
        new ApiError({
          status: 409,
          code: 'version_conflict',
          message: '他の人が先に更新しました。',
          current,
        }),
    );
    await enqueueWrite(
      db,
      buildWrite({
        kind: 'customer-edit',
        method: 'PATCH',
        path: '/api/customers/c1',
        body: { notes: '担当のメモ', version: 3 },
      }),
    );
    const result = await flushOutbox(db, server.send);
    expect(result.conflicts).toHaveLength(1);
    const [kept] = await db.outbox.toArray();
    expect(kept).toMatchObject({ status: 'conflict', current, body: { notes: '担当のメモ', version: 3 } });
  });

  it('a corrected draft takes the place of the refused one; an unanswered one is never replaced', async () => {
    const server = fakeServer();
    server.answerWith(() => new ApiError({ status: 422, code: 'validation_failed', message: '' }));
    await enqueueWrite(db, buildWrite({ body: { v: 1 }, replaces: 'visit-log:v1' }));
    await flushOutbox(db, server.send);
    await enqueueWrite(db, buildWrite({ body: { v: 2 }, replaces: 'visit-log:v1' }));
    expect((await db.outbox.toArray()).map((e) => [e.status, e.body])).toEqual([['pending', { v: 2 }]]);

    // Sent without an answer: it may have been applied, so an edit after it queues behind it.
    server.answerWith(offline);
    await flushOutbox(db, server.send);
    await enqueueWrite(db, buildWrite({ body: { v: 3 }, replaces: 'visit-log:v1' }));
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.body)).toEqual([{ v: 2 }, { v: 3 }]);
  });

  it('survives the page: a new connection to the store finds the writes', async () => {
    await enqueueWrite(db, buildWrite());
    db.close();
    const reopened = new OfflineDb(db.name);
    expect(await reopened.outbox.count()).toBe(1);
    reopened.close();
  });
});
