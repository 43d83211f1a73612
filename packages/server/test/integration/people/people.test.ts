import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, invitation, member } from '../../../src/platform/db/schema/index.ts';
import {
  cookieHeader,
  createTestApp,
  request,
  type SignedTenantFixture,
  signIn,
  TEST_CLIENT_IP_HEADER,
  testConfig,
} from '../../support/test-app.ts';

const t = await createTestApp();
afterAll(() => t.close());
const app = t.app;

const randomEmail = (tag: string) => `${tag}.${randomUUID().slice(0, 8)}@people.kayoi.test`;
// biome-ignore lint/suspicious/noExplicitAny: the assertions below read the answers' JSON loosely
const bodyOf = (res: Response): Promise<any> => res.json();
const tokenOf = (link: string) => link.split('/').pop()!;

let tenant: SignedTenantFixture;
let adminCookie: string;
beforeAll(async () => {
  tenant = await t.createTenant();
  adminCookie = await tenant.signIn('admin');
});

async function invite(body: Record<string, unknown>, cookie = adminCookie) {
  return request(app, 'POST', '/api/people/invitations', { cookie, body });
}

async function signUp(body: Record<string, unknown>, target = app, headers: Record<string, string> = {}) {
  return request(target, 'POST', '/api/signup', { body, headers });
}

describe('sign-up', () => {
  it('creates a company and its first admin, signed in, who lands on an empty checklist', async () => {
    const email = randomEmail('founder');
    const res = await signUp({
      companyName: '株式会社はじめ商事',
      adminName: '創業 太郎',
      email,
      password: 'first-admin-pw',
    });
    expect(res.status).toBe(201);
    const cookie = cookieHeader(res);
    const me = await bodyOf(await request(app, 'GET', '/api/me', { cookie }));
    expect(me).toMatchObject({
      user: { email, role: 'admin', name: '創業 太郎' },
      tenant: { name: '株式会社はじめ商事' },
    });
    const setup = await bodyOf(await request(app, 'GET', '/api/setup', { cookie }));
    expect(setup.done).toBe(0);
    expect(setup.items.map((i: { key: string }) => i.key)).toEqual([
      'companyProfile',
      'areas',
      'teams',
      'people',
      'workingProfiles',
      'products',
      'customers',
    ]);
    // The new company sees only itself.
    const people = await bodyOf(await request(app, 'GET', '/api/people', { cookie }));
    expect(people.items.map((p: { email: string }) => p.email)).toEqual([email]);
    // Sign-in with the chosen password works.
    await signIn(app, email, 'first-admin-pw');
  });

  it('refuses an address that already has an account, naming the field', async () => {
    const res = await signUp({
      companyName: '重複商事',
      adminName: '重複',
      email: tenant.users.rep1.email,
      password: 'whatever-pw',
    });
    expect(res.status).toBe(422);
    expect((await bodyOf(res)).error.fields).toHaveProperty('email');
  });

  it('gives one of two simultaneous sign-ups with one address the company, the other a field error', async () => {
    const email = randomEmail('twice');
    const body = { companyName: '同時商事', adminName: '同時', email, password: 'same-time-pw' };
    const statuses = (await Promise.all([signUp(body), signUp(body)])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 422]);
  });

  it('names bad fields in the caller’s language', async () => {
    const res = await request(app, 'POST', '/api/signup', {
      body: { companyName: '', adminName: 'x', email: 'not-an-email', password: 'short' },
      locale: 'en',
    });
    expect(res.status).toBe(422);
    const { error } = await bodyOf(res);
    expect(Object.keys(error.fields).sort()).toEqual(['companyName', 'email', 'password']);
  });

  it('is rate-limited per client address like sign-in', async () => {
    const ip = `10.99.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (
          await signUp({ companyName: '', adminName: '', email: 'x', password: 'x' }, app, {
            [TEST_CLIENT_IP_HEADER]: ip,
          })
        ).status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('is off with ALLOW_SIGNUP=0, with a clear message', async () => {
    const off = await createTestApp({ config: testConfig({ ALLOW_SIGNUP: '0' }) });
    try {
      expect(await bodyOf(await request(off.app, 'GET', '/api/signup'))).toEqual({ enabled: false });
      const res = await signUp(
        { companyName: '閉鎖商事', adminName: '閉鎖', email: randomEmail('off'), password: 'closed-pw-1' },
        off.app,
      );
      expect(res.status).toBe(403);
      expect((await bodyOf(res)).error).toMatchObject({ code: 'signup_disabled' });
    } finally {
      await off.close();
    }
  });
});

describe('invitations', () => {
  it('invites a rep into a team; the link shows the invitation once and accepting signs them in', async () => {
    const email = randomEmail('newrep');
    const res = await invite({ email, name: '新人 花子', role: 'rep', teamId: tenant.teams.a.id });
    expect(res.status).toBe(201);
    const body = await bodyOf(res);
    expect(body).toMatchObject({
      mailed: false,
      invitation: { email, role: 'rep', teamId: tenant.teams.a.id },
    });
    const token = tokenOf(body.link);
    expect(body.link).toBe(`${t.config.baseUrl}/invite/${token}`);
    // The token is stored hashed only.
    const people = await bodyOf(await request(app, 'GET', '/api/people', { cookie: adminCookie }));
    expect(people.invitations.map((i: { email: string }) => i.email)).toContain(email);

    const view = await request(app, 'GET', `/api/invitations/${token}`);
    expect(await bodyOf(view)).toMatchObject({
      email,
      name: '新人 花子',
      role: 'rep',
      companyName: tenant.tenantName,
    });

    const accepted = await request(app, 'POST', `/api/invitations/${token}/accept`, {
      body: { password: 'new-rep-password' },
    });
    expect(accepted.status).toBe(201);
    const me = await bodyOf(await request(app, 'GET', '/api/me', { cookie: cookieHeader(accepted) }));
    expect(me).toMatchObject({
      user: { email, role: 'rep', name: '新人 花子' },
      team: { id: tenant.teams.a.id },
    });

    // Single use.
    expect((await request(app, 'GET', `/api/invitations/${token}`)).status).toBe(404);
    const again = await request(app, 'POST', `/api/invitations/${token}/accept`, {
      body: { password: 'again-again' },
    });
    expect(again.status).toBe(404);
    expect((await bodyOf(again)).error.code).toBe('invitation_invalid');
  });

  it('refuses an expired invitation', async () => {
    const email = randomEmail('late');
    const body = await bodyOf(await invite({ email, name: '遅刻', role: 'rep' }));
    await t.database.admin
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitation.id, body.invitation.id));
    const res = await request(app, 'POST', `/api/invitations/${tokenOf(body.link)}/accept`, {
      body: { password: 'too-late-pw' },
    });
    expect(res.status).toBe(404);
  });

  it('lists an expired invitation as expired; sending it again gives a new link and kills the old one', async () => {
    const email = randomEmail('resend');
    const first = await bodyOf(await invite({ email, name: '再送 次郎', role: 'rep' }));
    await t.database.admin
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitation.id, first.invitation.id));
    const listed = await bodyOf(await request(app, 'GET', '/api/people', { cookie: adminCookie }));
    expect(listed.invitations.find((i: { email: string }) => i.email === email)).toMatchObject({
      expired: true,
    });

    const res = await request(app, 'POST', `/api/people/invitations/${first.invitation.id}/resend`, {
      cookie: adminCookie,
    });
    expect(res.status).toBe(200);
    const again = await bodyOf(res);
    expect(again).toMatchObject({
      mailed: false,
      invitation: { id: first.invitation.id, email, expired: false },
    });
    expect(new Date(again.invitation.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(again.link).not.toBe(first.link);
    expect((await request(app, 'GET', `/api/invitations/${tokenOf(first.link)}`)).status).toBe(404);
    const accepted = await request(app, 'POST', `/api/invitations/${tokenOf(again.link)}/accept`, {
      body: { password: 'resent-password' },
    });
    expect(accepted.status).toBe(201);
    // Accepted: nothing left to send again.
    const late = await request(app, 'POST', `/api/people/invitations/${first.invitation.id}/resend`, {
      cookie: adminCookie,
    });
    expect(late.status).toBe(404);
    expect((await bodyOf(late)).error.code).toBe('invitation_not_found');
  });

  it('withdraws an invitation: its link stops working and it leaves the list', async () => {
    const email = randomEmail('withdrawn');
    const body = await bodyOf(await invite({ email, name: '取消 三郎', role: 'rep' }));
    const res = await request(app, 'POST', `/api/people/invitations/${body.invitation.id}/cancel`, {
      cookie: adminCookie,
    });
    expect(res.status).toBe(200);
    expect((await request(app, 'GET', `/api/invitations/${tokenOf(body.link)}`)).status).toBe(404);
    const accept = await request(app, 'POST', `/api/invitations/${tokenOf(body.link)}/accept`, {
      body: { password: 'never-mind-pw' },
    });
    expect(accept.status).toBe(404);
    const listed = await bodyOf(await request(app, 'GET', '/api/people', { cookie: adminCookie }));
    expect(listed.invitations.map((i: { email: string }) => i.email)).not.toContain(email);
    const [audited] = await t.database.admin
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordId, body.invitation.id), eq(auditEvents.action, 'update')));
    expect(audited).toBeDefined();
    // A manager may not; another company's admin gets 404 as for an unknown id.
    const manager = await request(app, 'POST', `/api/people/invitations/${body.invitation.id}/cancel`, {
      cookie: await tenant.signIn('manager'),
    });
    expect(manager.status).toBe(403);
    const other = await t.createTenant();
    const second = await bodyOf(await invite({ email: randomEmail('kept'), name: '残る', role: 'rep' }));
    const foreign = await request(app, 'POST', `/api/people/invitations/${second.invitation.id}/cancel`, {
      cookie: await other.signIn('admin'),
    });
    expect(foreign.status).toBe(404);
    const stillThere = await bodyOf(await request(app, 'GET', '/api/people', { cookie: adminCookie }));
    expect(stillThere.invitations.map((i: { id: string }) => i.id)).toContain(second.invitation.id);
  });

  it('refuses a rep and a manager (403), and another tenant’s team (422 on teamId)', async () => {
    for (const key of ['rep1', 'manager'] as const) {
      const res = await invite(
        { email: randomEmail('x'), name: 'x', role: 'admin' },
        await tenant.signIn(key),
      );
      expect(res.status).toBe(403);
    }
    const other = await t.createTenant();
    const res = await invite({ email: randomEmail('x'), name: 'x', role: 'rep', teamId: other.teams.a.id });
    expect(res.status).toBe(422);
    expect((await bodyOf(res)).error.fields).toHaveProperty('teamId');
  });

  it('mails the link when SMTP_URL is set', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as { port: number }).port;
    const mailing = await createTestApp({ config: testConfig({ SMTP_URL: `smtp://127.0.0.1:${port}` }) });
    try {
      const owner = await mailing.createTenant();
      const email = randomEmail('mailed');
      const res = await request(mailing.app, 'POST', '/api/people/invitations', {
        cookie: await owner.signIn('admin'),
        body: { email, name: 'メール 受信', role: 'manager' },
      });
      expect(res.status).toBe(201);
      expect(await bodyOf(res)).toMatchObject({ mailed: true, link: null });
      expect(received).toHaveLength(1);
      const message = received[0]!.replace(/=\r?\n/g, '');
      expect(message).toContain(email);
      const link = message.match(/http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]+/)?.[0];
      expect(link).toBeDefined();
      const view = await request(mailing.app, 'GET', `/api/invitations/${tokenOf(link!)}`);
      expect(await bodyOf(view)).toMatchObject({ email, role: 'manager' });
    } finally {
      await mailing.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});

describe('people administration', () => {
  it('lets a manager read the list but not change anyone', async () => {
    const cookie = await tenant.signIn('manager');
    const list = await request(app, 'GET', '/api/people', { cookie });
    expect(list.status).toBe(200);
    const res = await request(app, 'PATCH', `/api/people/${tenant.users.manager.id}`, {
      cookie,
      body: { role: 'admin' },
    });
    expect(res.status).toBe(403);
  });

  it('changes a role and a team, refusing a stale version', async () => {
    const fixture = await t.createTenant();
    const cookie = await fixture.signIn('admin');
    const rep = fixture.users.rep1;
    const before = (await bodyOf(await request(app, 'GET', '/api/people', { cookie }))).items.find(
      (p: { id: string }) => p.id === rep.id,
    );
    const res = await request(app, 'PATCH', `/api/people/${rep.id}`, {
      cookie,
      body: { version: before.version, role: 'manager', teamId: fixture.teams.b.id },
    });
    expect(res.status).toBe(200);
    expect(await bodyOf(res)).toMatchObject({
      role: 'manager',
      teamId: fixture.teams.b.id,
      version: before.version + 1,
    });
    const stale = await request(app, 'PATCH', `/api/people/${rep.id}`, {
      cookie,
      body: { version: before.version, role: 'rep' },
    });
    expect(stale.status).toBe(409);
    expect((await bodyOf(stale)).error).toMatchObject({
      code: 'version_conflict',
      current: { role: 'manager' },
    });
    const me = await bodyOf(await request(app, 'GET', '/api/me', { cookie: await fixture.signIn('rep1') }));
    expect(me.user.role).toBe('manager');
    const [audit] = await t.database.admin
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.tenantId, fixture.tenantId), eq(auditEvents.recordId, rep.id)));
    expect(audit).toMatchObject({
      tableName: 'member',
      action: 'update',
      actorUserId: fixture.users.admin.id,
    });
  });

  it('keeps the last active admin: no self-demotion, no self-deactivation (409)', async () => {
    const fixture = await t.createTenant();
    const cookie = await fixture.signIn('admin');
    const id = fixture.users.admin.id;
    const demote = await request(app, 'PATCH', `/api/people/${id}`, {
      cookie,
      body: { role: 'manager' },
      locale: 'en',
    });
    expect(demote.status).toBe(409);
    expect((await bodyOf(demote)).error).toMatchObject({
      code: 'last_admin',
      message: 'The last admin cannot demote or deactivate themselves. Make someone else an admin first.',
    });
    const deactivate = await request(app, 'POST', `/api/people/${id}/deactivate`, { cookie });
    expect(deactivate.status).toBe(409);
    // With a second admin it is allowed.
    await request(app, 'PATCH', `/api/people/${fixture.users.manager.id}`, {
      cookie,
      body: { role: 'admin' },
    });
    expect(
      (await request(app, 'PATCH', `/api/people/${id}`, { cookie, body: { role: 'manager' } })).status,
    ).toBe(200);
  });

  it('deactivation ends the sessions at once and refuses sign-in; the person keeps their name', async () => {
    const fixture = await t.createTenant();
    const cookie = await fixture.signIn('admin');
    const rep = fixture.users.rep2;
    const repCookie = await fixture.signIn('rep2');
    expect((await request(app, 'GET', '/api/me', { cookie: repCookie })).status).toBe(200);

    const res = await request(app, 'POST', `/api/people/${rep.id}/deactivate`, { cookie });
    expect(res.status).toBe(200);
    expect(await bodyOf(res)).toMatchObject({ status: 'deactivated', name: rep.name });
    expect((await request(app, 'GET', '/api/me', { cookie: repCookie })).status).toBe(401);
    const again = await request(app, 'POST', '/api/auth/sign-in/email', {
      body: { email: rep.email, password: fixture.password },
    });
    expect(again.status).toBe(403);
    expect((await bodyOf(again)).error.code).toBe('deactivated');
    const list = await bodyOf(await request(app, 'GET', '/api/people', { cookie }));
    expect(list.items.find((p: { id: string }) => p.id === rep.id)).toMatchObject({
      name: rep.name,
      status: 'deactivated',
    });

    expect((await request(app, 'POST', `/api/people/${rep.id}/reactivate`, { cookie })).status).toBe(200);
    await signIn(app, rep.email, fixture.password);
  });

  it('refuses a session that raced the deactivation', async () => {
    const fixture = await t.createTenant();
    const repCookie = await fixture.signIn('rep3');
    await t.database.admin
      .update(member)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(member.organizationId, fixture.tenantId), eq(member.userId, fixture.users.rep3.id)));
    expect((await request(app, 'GET', '/api/me', { cookie: repCookie })).status).toBe(401);
  });

  it('hands out a one-time reset link that sets a new password', async () => {
    const fixture = await t.createTenant();
    const cookie = await fixture.signIn('admin');
    const rep = fixture.users.rep1;
    const res = await request(app, 'POST', `/api/people/${rep.id}/password-reset`, { cookie });
    expect(res.status).toBe(201);
    const { link, mailed } = await bodyOf(res);
    expect(mailed).toBe(false);
    const token = tokenOf(link);
    const reset = await request(app, 'POST', `/api/password-reset/${token}`, {
      body: { password: 'brand-new-pw' },
    });
    expect(reset.status).toBe(200);
    expect((await request(app, 'GET', '/api/me', { cookie: cookieHeader(reset) })).status).toBe(200);
    await signIn(app, rep.email, 'brand-new-pw');
    const old = await request(app, 'POST', '/api/auth/sign-in/email', {
      body: { email: rep.email, password: fixture.password },
    });
    expect(old.status).toBe(401);
    const twice = await request(app, 'POST', `/api/password-reset/${token}`, {
      body: { password: 'third-pw-xx' },
    });
    expect(twice.status).toBe(404);
  });

  it('another tenant’s admin cannot touch this tenant’s people', async () => {
    const other = await t.createTenant();
    const res = await request(app, 'POST', `/api/people/${tenant.users.rep1.id}/deactivate`, {
      cookie: await other.signIn('admin'),
    });
    expect(res.status).toBe(404);
  });
});

describe('own account', () => {
  it('changes one’s own name, language and password', async () => {
    const fixture = await t.createTenant();
    const cookie = await fixture.signIn('rep1');
    const res = await request(app, 'PATCH', '/api/me', {
      cookie,
      body: { name: '改名 一郎', language: 'en' },
    });
    expect(res.status).toBe(200);
    expect((await bodyOf(await request(app, 'GET', '/api/me', { cookie }))).user).toMatchObject({
      name: '改名 一郎',
      language: 'en',
    });
    const wrong = await request(app, 'POST', '/api/me/password', {
      cookie,
      body: { current: 'not-it', next: 'another-pw-1' },
    });
    expect(wrong.status).toBe(422);
    expect((await bodyOf(wrong)).error.fields).toHaveProperty('current');
    const ok = await request(app, 'POST', '/api/me/password', {
      cookie,
      body: { current: fixture.password, next: 'another-pw-1' },
    });
    expect(ok.status).toBe(200);
    await signIn(app, fixture.users.rep1.email, 'another-pw-1');
  });
});
