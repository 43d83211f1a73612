import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../platform/http/app-env.ts';
import { authError } from './auth-errors.ts';
import type { Auth } from './create-auth.ts';
import { resolveActor } from './resolve-actor.ts';

/** Turns the session cookie into c.var.actor; 401 `unauthenticated` without a valid session. */
export function requireActor(auth: Auth): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) throw authError('unauthenticated');
    const actor = await resolveActor(c.var.db, {
      userId: session.user.id,
      activeOrganizationId: session.session.activeOrganizationId,
    });
    if (!actor) throw authError('no_tenant');
    c.set('actor', actor);
    await next();
  };
}
