import { createHmac } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstCookie, sessionActorLookup, verifiedToken } from '../../../src/domains/auth/session-actor.ts';
import { queryRows } from '../../../src/platform/db/query-rows.ts';
import { sqlLiteral } from '../../../src/platform/db/run-script.ts';
import { member, session, staffProfiles } from '../../../src/platform/db/schema/index.ts';
import { createTestApp, request, type TestApp } from '../../support/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const tokenOf = (cookie: string) => {
  const value = firstCookie(cookie, 'kayoi.session_token');
  return decodeURIComponent(value ?? '').split('.')[0]!;
};
const me = async (cookie: string) => {
  const res = await request(t.app, 'GET', '/api/me', { cookie });
  return { status: res.status, body: (await res.json()) as Record<string, never> };
};
const DAY = 24 * 60 * 60 * 1000;

describe('the one-round-trip session → actor look-up', () => {
  it('answers a live session itself, without better-auth (on this driver)', async () => {
    const tenant = await t.createTenant();
    const cookie = await tenant.signIn('rep1');
    const lookUp = sessionActorLookup(t.auth);
    const found = await lookUp(t.database.db, new Headers({ cookie }));
    expect(found).toEqual({ kind: 'actor', actor: tenant.actor('rep1') });
    expect(await lookUp(t.database.db, new Headers())).toEqual({ kind: 'undecided' });
  });

  it('sees a changed role, a changed team and a removed membership on the very next request', async () => {
    const tenant = await t.createTenant();
    const cookie = await tenant.signIn('rep1');
    const rep = tenant.users.rep1;
    expect((await me(cookie)).body).toMatchObject({ user: { role: 'rep' }, team: { id: rep.teamId } });

    await t.database.admin
      .update(member)
      .set({ role: 'manager' })
      .where(and(eq(member.organizationId, tenant.tenantId), eq(member.userId, rep.id)));
    expect((await me(cookie)).body).toMatchObject({ user: { role: 'manager' } });

    await t.database.admin
      .update(staffProfiles)
      .set({ teamId: tenant.teams.b.id })
      .where(and(eq(staffProfiles.tenantId, tenant.tenantId), eq(staffProfiles.userId, rep.id)));
    expect((await me(cookie)).body).toMatchObject({ team: { id: tenant.teams.b.id } });

    await t.database.admin
      .update(member)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(member.organizationId, tenant.tenantId), eq(member.userId, rep.id)));
    expect((await me(cookie)).status).toBe(401);

    await t.database.admin
      .delete(member)
      .where(and(eq(member.organizationId, tenant.tenantId), eq(member.userId, rep.id)));
    const gone = await me(cookie);
    expect(gone.status).toBe(403);
    expect(gone.body).toMatchObject({ error: { code: 'no_tenant' } });
  });

  it('refuses a deleted session, an expired one (deleting it), and one re-signed with another secret', async () => {
    const tenant = await t.createTenant();
    const deleted = await tenant.signIn('rep2');
    await t.database.admin.delete(session).where(eq(session.token, tokenOf(deleted)));
    expect((await me(deleted)).status).toBe(401);

    const expired = await tenant.signIn('rep2');
    await t.database.admin
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.token, tokenOf(expired)));
    expect((await me(expired)).status).toBe(401);
    expect(
      await t.database.admin
        .select()
        .from(session)
        .where(eq(session.token, tokenOf(expired))),
    ).toEqual([]);

    const live = await tenant.signIn('rep2');
    const token = tokenOf(live);
    const forged = createHmac('sha256', 'another-secret-another-secret-0123456789')
      .update(token)
      .digest('base64');
    expect((await me(`kayoi.session_token=${encodeURIComponent(`${token}.${forged}`)}`)).status).toBe(401);
    expect((await me(`kayoi.session_token=${token}`)).status).toBe(401);
    expect((await me(live)).status).toBe(200);
  });

  it('still slides a session past its update age (better-auth refreshes it), then answers it itself', async () => {
    const tenant = await t.createTenant();
    const cookie = await tenant.signIn('manager');
    const token = tokenOf(cookie);
    // Two days left of fourteen: past the one-day update age.
    await t.database.admin
      .update(session)
      .set({ expiresAt: new Date(Date.now() + 2 * DAY) })
      .where(eq(session.token, token));
    expect((await me(cookie)).status).toBe(200);
    const [row] = await t.database.admin.select().from(session).where(eq(session.token, token));
    expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * DAY);
    expect((await sessionActorLookup(t.auth)(t.database.db, new Headers({ cookie }))).kind).toBe('actor');
  });

  it('uses the only membership of a session without an active organization, and none of two', async () => {
    const tenant = await t.createTenant();
    const other = await t.createTenant();
    const cookie = await tenant.signIn('rep3');
    const rep = tenant.users.rep3;
    await t.database.admin
      .update(session)
      .set({ activeOrganizationId: null })
      .where(eq(session.token, tokenOf(cookie)));
    expect((await me(cookie)).body).toMatchObject({ tenant: { id: tenant.tenantId } });

    await t.database.admin.insert(member).values({
      id: crypto.randomUUID(),
      organizationId: other.tenantId,
      userId: rep.id,
      role: 'rep',
      createdAt: new Date(),
    });
    const two = await me(cookie);
    expect(two.status).toBe(403);
    expect(two.body).toMatchObject({ error: { code: 'no_tenant' } });
  });
});

describe('cookie parsing and signatures', () => {
  it('reads the first cookie of a name, unquoted and percent-decoded', () => {
    expect(firstCookie('a=1; kayoi.session_token=x%2Ey; kayoi.session_token=z', 'kayoi.session_token')).toBe(
      'x.y',
    );
    expect(firstCookie('kayoi.session_token="q"', 'kayoi.session_token')).toBe('q');
    expect(firstCookie('other=1', 'kayoi.session_token')).toBeNull();
    expect(firstCookie('', 'kayoi.session_token')).toBeNull();
  });

  it('accepts only the HMAC-SHA256 of the token under the secret', () => {
    const secret = 'a-secret-of-enough-length-0123456789';
    const signature = createHmac('sha256', secret).update('tok').digest('base64');
    expect(verifiedToken(`tok.${signature}`, secret)).toBe('tok');
    expect(verifiedToken(`tok.${signature}`, `${secret}x`)).toBeNull();
    expect(verifiedToken(`tak.${signature}`, secret)).toBeNull();
    expect(verifiedToken('tok', secret)).toBeNull();
    expect(verifiedToken(`tok.${signature.slice(1)}`, secret)).toBeNull();
  });

  it('quotes literals the database reads back unchanged', async () => {
    for (const value of ["o'clock", 'back\\slash', "both\\'", '日本語'])
      expect(
        (await queryRows<{ v: string }>(t.database.db, sql.raw(`select ${sqlLiteral(value)} as v`)))[0]!.v,
      ).toBe(value);
  });
});
