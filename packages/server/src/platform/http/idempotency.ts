import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { withTenant } from '../context.ts';
import { idempotencyKeys } from '../db/schema/idempotency.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from './app-env.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long an answer is kept for replay (the draft asks for at least 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a first request may run before a retry is allowed to take over its key. */
const LEASE_MS = 5 * 60 * 1000;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** Response headers worth replaying (content type, file names, counters of a CSV …). */
const REPLAYED_HEADERS = ['content-type', 'content-disposition', 'location', 'x-replaced-characters'];

const keyInvalid = () => {
  const text = {
    ja: 'Idempotency-Key ヘッダーは1〜255文字の英数字・記号で指定してください。',
    en: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.',
  };
  return new AppError(422, 'idempotency_key_invalid', text, { [IDEMPOTENCY_HEADER]: text });
};
const keyReused = () =>
  new AppError(422, 'idempotency_key_reused', {
    ja: 'この Idempotency-Key は別の内容のリクエストで使われています。新しいキーで送信してください。',
    en: 'This Idempotency-Key was used for a different request. Send it with a new key.',
  });
const inFlight = () =>
  new AppError(409, 'idempotency_in_flight', {
    ja: '同じリクエストを処理中です。少し待ってから結果を確認してください。',
    en: 'The same request is still being processed. Wait a moment, then check the result.',
  });

/** sha256 of what identifies a request: method, path, and the body's content (not its encoding). */
async function fingerprintOf(c: Context<AppEnv>): Promise<string> {
  const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n`);
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    // A retried upload has a new multipart boundary: hash the fields, not the bytes.
    const form = await c.req.formData();
    const entries = [...form.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, value] of entries) {
      hash.update(`${name}\0`);
      if (typeof value === 'string') hash.update(`s:${value}\0`);
      else hash.update(`f:${value.name}\0`).update(new Uint8Array(await value.arrayBuffer()));
    }
  } else {
    hash.update(`${type.split(';')[0]?.trim().toLowerCase()}\n`);
    hash.update(new Uint8Array(await c.req.arrayBuffer()));
  }
  return hash.digest('hex');
}

type Claim =
  | { kind: 'run' }
  | { kind: 'replay'; status: number; headers: Record<string, string>; body: Uint8Array | null };

/**
 * `Idempotency-Key` for a write (IETF httpapi draft, Stripe's semantics). Without the header
 * the request runs as usual. With it, keyed per tenant and user and kept 24 hours in the
 * database (so it holds across app instances):
 * - the first request runs and its answer (any status below 500) is stored;
 * - a retry with the same key and the same request gets the stored answer again, with
 *   `Idempotent-Replayed: true`, and changes nothing;
 * - the same key with a different request gets 422 `idempotency_key_reused`;
 * - while the first is still running, 409 `idempotency_in_flight`;
 * - a 5xx answer is not stored: the key is released so a retry can run.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    if (!KEY_FORMAT.test(key)) throw keyInvalid();
    const { db, actor } = c.var;
    const fingerprint = await fingerprintOf(c);
    const mine = and(
      eq(idempotencyKeys.tenantId, actor.tenantId),
      eq(idempotencyKeys.userId, actor.userId),
      eq(idempotencyKeys.key, key),
    );

    const claim = await withTenant(db, actor, async (tx): Promise<Claim> => {
      await tx
        .delete(idempotencyKeys)
        .where(
          and(
            eq(idempotencyKeys.tenantId, actor.tenantId),
            eq(idempotencyKeys.userId, actor.userId),
            lt(idempotencyKeys.expiresAt, sql`now()`),
          ),
        );
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({
          tenantId: actor.tenantId,
          userId: actor.userId,
          key,
          fingerprint,
          state: 'in_flight',
          lockedUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval`,
          expiresAt: sql`now() + ${`${IDEMPOTENCY_TTL_MS} milliseconds`}::interval`,
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return { kind: 'run' };

      const [row] = await tx
        .select({
          fingerprint: idempotencyKeys.fingerprint,
          state: idempotencyKeys.state,
          status: idempotencyKeys.responseStatus,
          headers: idempotencyKeys.responseHeaders,
          body: idempotencyKeys.responseBody,
          leaseOver: sql<boolean>`${idempotencyKeys.lockedUntil} < now()`,
        })
        .from(idempotencyKeys)
        .where(mine)
        .for('update');
      if (!row) return { kind: 'run' };
      if (row.fingerprint !== fingerprint) throw keyReused();
      if (row.state === 'completed')
        return { kind: 'replay', status: row.status ?? 200, headers: row.headers ?? {}, body: row.body };
      if (!row.leaseOver) throw inFlight();
      // The first request died without an answer: this retry takes the key over.
      await tx
        .update(idempotencyKeys)
        .set({ lockedUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
        .where(mine);
      return { kind: 'run' };
    });

    if (claim.kind === 'replay') {
      const headers = new Headers(claim.headers);
      headers.set('idempotent-replayed', 'true');
      return new Response(claim.body ? new Uint8Array(claim.body) : null, {
        status: claim.status,
        headers,
      });
    }

    try {
      await next();
    } catch (error) {
      await withTenant(db, actor, (tx) => tx.delete(idempotencyKeys).where(mine));
      throw error;
    }
    const res = c.res;
    if (res.status >= 500) {
      await withTenant(db, actor, (tx) => tx.delete(idempotencyKeys).where(mine));
      return;
    }
    const body = new Uint8Array(await res.clone().arrayBuffer());
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = res.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    await withTenant(db, actor, (tx) =>
      tx
        .update(idempotencyKeys)
        .set({ state: 'completed', responseStatus: res.status, responseHeaders: headers, responseBody: body })
        .where(mine),
    );
  };
}
