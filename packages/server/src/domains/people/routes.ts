import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { changeOwnPassword } from './change-own-password.ts';
import { createCompany } from './create-company.ts';
import { getInvitation } from './get-invitation.ts';
import { getSetupChecklist } from './get-setup-checklist.ts';
import { invitePerson, type MailSettings } from './invite-person.ts';
import { issuePasswordReset } from './issue-password-reset.ts';
import { listPeople } from './list-people.ts';
import { cancelInvitation, resendInvitation } from './manage-invitation.ts';
import { peopleError } from './people-errors.ts';
import {
  AcceptInvitationBody,
  ChangePasswordBody,
  InvitationIdParam,
  InvitationView,
  InviteBody,
  InviteResult,
  Ok,
  PasswordResetLinkResult,
  PeopleList,
  Person,
  PersonIdParam,
  ResetPasswordBody,
  SetupChecklist,
  SignUpBody,
  SignUpResult,
  TokenParam,
  UpdateMeBody,
  UpdatePersonBody,
} from './people-schemas.ts';
import { resetPassword } from './reset-password.ts';
import { setPersonActive } from './set-person-active.ts';
import { updateOwnAccount } from './update-own-account.ts';
import { updatePerson } from './update-person.ts';

const tags = ['people'];
const security = [{ session: [] }];
const body = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

const mailOf = (c: Context<AppEnv>): MailSettings => ({
  smtpUrl: c.var.config.smtpUrl,
  from: c.var.config.mailFrom,
  publicUrl: c.var.config.baseUrl,
  locale: c.var.locale,
});

/** Signs the caller in with the answer: the Set-Cookie headers of their new session. */
const setSessionCookies = (c: Context<AppEnv>, cookies: string[]) => {
  for (const cookie of cookies) c.header('set-cookie', cookie, { append: true });
};

// ——— public: sign-up, invitations, password reset ———

/** Every attempt at a public account action counts against the caller's address (an invitation's GET too). */
const limitWrites =
  (action: string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (c.req.method !== 'GET' || action === 'invitation') await c.var.sessions.limitAttempts(c, action);
    await next();
  };

const signupStatusRoute = defineRoute({
  method: 'get',
  path: '/signup',
  tags,
  summary: 'Whether this installation accepts new company sign-ups (ALLOW_SIGNUP)',
  responses: { 200: json(z.object({ enabled: z.boolean() }).openapi('SignUpStatus'), 'The switch') },
  access: { roles: 'public', scope: 'public' },
});

const signupRoute = defineRoute({
  method: 'post',
  path: '/signup',
  tags,
  summary: 'Create a company and its first admin, signed in (off with ALLOW_SIGNUP=0)',
  description:
    '403 signup_disabled when sign-up is off; 422 on email when the address has an account; ' +
    '429 rate_limited past SIGN_IN_RATE_LIMIT attempts per address per minute.',
  request: body(SignUpBody),
  responses: { 201: json(SignUpResult, 'Created and signed in'), ...errorResponses(403, 422, 429) },
  access: { roles: 'public', scope: 'public' },
});

const invitationRoute = defineRoute({
  method: 'get',
  path: '/invitations/{token}',
  tags,
  summary: 'What an invitation link invites to (company, address, name, role)',
  request: { params: TokenParam },
  responses: { 200: json(InvitationView, 'The open invitation'), ...errorResponses(404, 429) },
  access: { roles: 'public', scope: 'public' },
});

const acceptRoute = defineRoute({
  method: 'post',
  path: '/invitations/{token}/accept',
  tags,
  summary: 'Accept an invitation: set the password, join the company, signed in',
  request: { params: TokenParam, ...body(AcceptInvitationBody) },
  responses: { 201: json(Ok, 'Joined and signed in'), ...errorResponses(404, 409, 422, 429) },
  access: { roles: 'public', scope: 'public' },
});

const resetRoute = defineRoute({
  method: 'post',
  path: '/password-reset/{token}',
  tags,
  summary: 'Set a new password through a one-time reset link, signed in',
  request: { params: TokenParam, ...body(ResetPasswordBody) },
  responses: { 200: json(Ok, 'Password set, signed in'), ...errorResponses(404, 422, 429) },
  access: { roles: 'public', scope: 'public' },
});

/** Sign-up, invitation links and password-reset links: served without a session. */
export const peoplePublicRoutes = createRouter();
// Counted before the body is read: a malformed attempt counts too, as at sign-in.
peoplePublicRoutes.use('/signup', limitWrites('signup'));
peoplePublicRoutes.use('/invitations/*', limitWrites('invitation'));
peoplePublicRoutes.use('/password-reset/*', limitWrites('password-reset'));
peoplePublicRoutes
  .openapi(signupStatusRoute, (c) => c.json({ enabled: c.var.config.allowSignup }, 200))
  .openapi(signupRoute, async (c) => {
    if (!c.var.config.allowSignup) throw peopleError('signup_disabled');
    const input = c.req.valid('json');
    const created = await createCompany({ db: c.var.db, input });
    const cookies = await c.var.sessions.signIn(c, { email: input.email, password: input.password });
    setSessionCookies(c, cookies);
    return c.json({ tenantId: created.tenantId, userId: created.userId }, 201);
  })
  .openapi(invitationRoute, async (c) =>
    c.json(await getInvitation({ db: c.var.db, token: c.req.valid('param').token }), 200),
  )
  .openapi(acceptRoute, async (c) => {
    const input = c.req.valid('json');
    const { email } = await acceptInvitation({ db: c.var.db, token: c.req.valid('param').token, input });
    const cookies = await c.var.sessions.signIn(c, { email, password: input.password });
    setSessionCookies(c, cookies);
    return c.json({ ok: true as const }, 201);
  })
  .openapi(resetRoute, async (c) => {
    const { password } = c.req.valid('json');
    const { email } = await resetPassword({ db: c.var.db, token: c.req.valid('param').token, password });
    const cookies = await c.var.sessions.signIn(c, { email, password });
    setSessionCookies(c, cookies);
    return c.json({ ok: true as const }, 200);
  });

// ——— signed in ———

const admin = ['admin'] as const;
const personRef = { path: { id: 'person' } };

const setupRoute = defineRoute({
  method: 'get',
  path: '/setup',
  tags,
  summary: "The new company's setup checklist, each item done or not (computed from the data)",
  security,
  responses: { 200: json(SetupChecklist, 'The checklist'), ...errorResponses(401, 403) },
  access: { roles: admin, scope: 'tenant' },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/people',
  tags,
  summary: 'Everyone of the company with role, team and status, and the open invitations',
  security,
  responses: { 200: json(PeopleList, 'People'), ...errorResponses(401, 403) },
  access: { roles: ['manager', 'admin'], scope: 'tenant' },
});

const inviteRoute = defineRoute({
  method: 'post',
  path: '/people/invitations',
  tags,
  summary:
    'Invite someone by e-mail with a role and a team (mailed with SMTP_URL, else the link is returned)',
  security,
  request: body(InviteBody),
  responses: { 201: json(InviteResult, 'Invited'), ...errorResponses(401, 403, 422) },
  access: { roles: admin, scope: 'tenant', references: { body: { teamId: 'team' } } },
});

const invitationRef = { path: { id: 'invitation' } };

const cancelInvitationRoute = defineRoute({
  method: 'post',
  path: '/people/invitations/{id}/cancel',
  tags,
  summary: 'Withdraw an invitation not yet accepted: its link stops working at once',
  security,
  request: { params: InvitationIdParam },
  responses: { 200: json(Ok, 'Withdrawn'), ...errorResponses(401, 403, 404) },
  access: { roles: admin, scope: 'tenant', references: invitationRef },
});

const resendInvitationRoute = defineRoute({
  method: 'post',
  path: '/people/invitations/{id}/resend',
  tags,
  summary: 'Send an invitation again with a new link valid 7 days (the old link stops working)',
  security,
  request: { params: InvitationIdParam },
  responses: { 200: json(InviteResult, 'Sent again'), ...errorResponses(401, 403, 404) },
  access: { roles: admin, scope: 'tenant', references: invitationRef },
});

const updateRoute = defineRoute({
  method: 'patch',
  path: '/people/{id}',
  tags,
  summary: "Change a person's role and team (send the version you read)",
  description: '409 last_admin when the only active admin would stop being one; 409 version_conflict.',
  security,
  request: { params: PersonIdParam, ...body(UpdatePersonBody) },
  responses: { 200: json(Person, 'The person'), ...errorResponses(401, 403, 404, 409, 422) },
  access: { roles: admin, scope: 'tenant', references: { ...personRef, body: { teamId: 'team' } } },
});

const passwordResetRoute = defineRoute({
  method: 'post',
  path: '/people/{id}/password-reset',
  tags,
  summary: 'A one-time password-reset link for a person, valid 1 hour (mailed, or returned)',
  security,
  request: { params: PersonIdParam },
  responses: { 201: json(PasswordResetLinkResult, 'The link'), ...errorResponses(401, 403, 404) },
  access: { roles: admin, scope: 'tenant', references: personRef },
});

const deactivateRoute = defineRoute({
  method: 'post',
  path: '/people/{id}/deactivate',
  tags,
  summary: 'Deactivate a person: no sign-in, their sessions end at once; what they wrote keeps their name',
  security,
  request: { params: PersonIdParam },
  responses: { 200: json(Person, 'The person'), ...errorResponses(401, 403, 404, 409) },
  access: { roles: admin, scope: 'tenant', references: personRef },
});

const reactivateRoute = defineRoute({
  method: 'post',
  path: '/people/{id}/reactivate',
  tags,
  summary: 'Reactivate a deactivated person',
  security,
  request: { params: PersonIdParam },
  responses: { 200: json(Person, 'The person'), ...errorResponses(401, 403, 404) },
  access: { roles: admin, scope: 'tenant', references: personRef },
});

const everyone = ['rep', 'manager', 'admin'] as const;

const updateMeRoute = defineRoute({
  method: 'patch',
  path: '/me',
  tags,
  summary: 'Change your own name and UI language',
  security,
  request: body(UpdateMeBody),
  responses: {
    200: json(z.object({ name: z.string(), language: z.enum(['ja', 'en']).nullable() }), 'Saved'),
    ...errorResponses(401, 422),
  },
  access: { roles: everyone, scope: 'self' },
});

const changePasswordRoute = defineRoute({
  method: 'post',
  path: '/me/password',
  tags,
  summary: 'Change your own password (422 on current when it is wrong)',
  security,
  request: body(ChangePasswordBody),
  responses: { 200: json(Ok, 'Changed'), ...errorResponses(401, 422) },
  access: { roles: everyone, scope: 'self' },
});

/** The setup checklist, people administration and one's own account; behind the session check. */
export const peopleRoutes = createRouter()
  .openapi(setupRoute, async (c) =>
    c.json(await getSetupChecklist({ db: c.var.db, actor: c.var.actor }), 200),
  )
  .openapi(listRoute, async (c) => c.json(await listPeople({ db: c.var.db, actor: c.var.actor }), 200))
  .openapi(inviteRoute, async (c) =>
    c.json(
      await invitePerson({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json'), mail: mailOf(c) }),
      201,
    ),
  )
  .openapi(cancelInvitationRoute, async (c) => {
    await cancelInvitation({ db: c.var.db, actor: c.var.actor, invitationId: c.req.valid('param').id });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(resendInvitationRoute, async (c) =>
    c.json(
      await resendInvitation({
        db: c.var.db,
        actor: c.var.actor,
        invitationId: c.req.valid('param').id,
        mail: mailOf(c),
      }),
      200,
    ),
  )
  .openapi(updateRoute, async (c) =>
    c.json(
      await updatePerson({
        db: c.var.db,
        actor: c.var.actor,
        userId: c.req.valid('param').id,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(passwordResetRoute, async (c) =>
    c.json(
      await issuePasswordReset({
        db: c.var.db,
        actor: c.var.actor,
        userId: c.req.valid('param').id,
        mail: mailOf(c),
      }),
      201,
    ),
  )
  .openapi(deactivateRoute, async (c) =>
    c.json(
      await setPersonActive({
        db: c.var.db,
        actor: c.var.actor,
        userId: c.req.valid('param').id,
        active: false,
      }),
      200,
    ),
  )
  .openapi(reactivateRoute, async (c) =>
    c.json(
      await setPersonActive({
        db: c.var.db,
        actor: c.var.actor,
        userId: c.req.valid('param').id,
        active: true,
      }),
      200,
    ),
  )
  .openapi(updateMeRoute, async (c) =>
    c.json(await updateOwnAccount({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 200),
  )
  .openapi(changePasswordRoute, async (c) =>
    c.json(await changeOwnPassword({ db: c.var.db, actor: c.var.actor, input: c.req.valid('json') }), 200),
  );
