import type { Authentication } from '../../platform/http/authentication.ts';
import type { ClientIpResolver } from '../../platform/http/client-ip.ts';
import { accountSessions } from './account-sessions.ts';
import { registerAuthDocs } from './auth-docs.ts';
import { authError } from './auth-errors.ts';
import { authHandler } from './auth-handler.ts';
import type { Auth } from './create-auth.ts';
import { resolveActor } from './resolve-actor.ts';
import { sessionActorLookup } from './session-actor.ts';

export interface SessionAuthenticationOptions {
  auth: Auth;
  /** The client address better-auth rate-limits sign-ins by. */
  clientIp: ClientIpResolver;
  /** Public account actions (sign-up, invitations, resets) per address per minute; default 10. */
  attemptLimit?: number;
}

/**
 * Cookie sessions through better-auth: its sign-in, sign-out and session endpoints under
 * /api/auth (every other /api/auth path answers 404), and the session → Actor resolution the platform runs in front of every other
 * /api route (401 `unauthenticated` without a valid session, 403 `no_tenant` without a company).
 */
export function sessionAuthentication({
  auth,
  clientIp,
  attemptLimit = 10,
}: SessionAuthenticationOptions): Authentication {
  const sessions = accountSessions({ auth, clientIp, limit: attemptLimit });
  const lookUp = sessionActorLookup(auth);
  return {
    mount(app) {
      app.use('/api/*', async (c, next) => {
        c.set('sessions', sessions);
        await next();
      });
      app.all('/api/auth/*', authHandler(auth, clientIp));
      registerAuthDocs(app);
    },
    async actorOf(c) {
      // One round trip for a live session (see sessionActorLookup); better-auth decides the rest.
      const found = await lookUp(c.var.db, c.req.raw.headers);
      if (found.kind === 'actor') return found.actor;
      if (found.kind === 'no_tenant') throw authError('no_tenant');
      if (found.kind === 'deactivated') throw authError('unauthenticated');
      const session = await auth.api.getSession({ headers: c.req.raw.headers });
      if (!session) throw authError('unauthenticated');
      const actor = await resolveActor(c.var.db, {
        userId: session.user.id,
        activeOrganizationId: session.session.activeOrganizationId,
      });
      if (!actor) throw authError('no_tenant');
      return actor;
    },
  };
}
