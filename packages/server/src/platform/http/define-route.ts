import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { KayoiRole } from '../db/schema/auth.ts';
import { forbidden } from '../errors.ts';
import type { AppEnv } from './app-env.ts';
import { JSON_BODY_LIMIT, limitBody, MAX_BODY_LIMIT } from './body-limit.ts';
import { idempotency } from './idempotency.ts';

/**
 * Which records a caller reaches through an operation:
 * - `public`: no session needed (sign-in, health, the API description);
 * - `self`: only the caller's own user;
 * - `team`: a rep themself, a manager their team, an admin the whole company (staff lists);
 * - `tenant`: everything of the caller's company, whatever their role;
 * - `customer-book`: a rep their own customers, a manager their team's, an admin all of them;
 * - `creator`: only what the caller created (e.g. an import they previewed).
 */
export type AccessScope = 'public' | 'self' | 'team' | 'tenant' | 'customer-book' | 'creator';

/**
 * An operation's authorization rule, declared beside its route and published in the OpenAPI
 * document as `x-kayoi-access`. The authorization-matrix suite reads it for every operation
 * (one without it fails the suite) and checks the running app against it.
 */
export interface OperationAccess {
  /** Who may call it: 'public', or the roles allowed (others get 403 `forbidden`). */
  readonly roles: 'public' | readonly KayoiRole[];
  readonly scope: AccessScope;
  /**
   * Request fields that name records, by kind (e.g. `{ path: { id: 'customer' } }`), so the
   * matrix can aim another tenant's ids at each of them.
   */
  readonly references?: {
    readonly path?: Readonly<Record<string, string>>;
    readonly query?: Readonly<Record<string, string>>;
    readonly body?: Readonly<Record<string, string>>;
  };
}

export const ACCESS_EXTENSION = 'x-kayoi-access';

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

const requireRoles =
  (roles: readonly KayoiRole[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!roles.includes(c.var.actor.role)) throw forbidden();
    await next();
  };

type RoutingPath<P extends string> = P extends `${infer A}/{${infer B}}${infer C}`
  ? `${A}/:${B}${RoutingPath<C>}`
  : P;
export type DefinedRoute<R extends RouteConfig> = R & { getRoutingPath(): RoutingPath<R['path']> };

/**
 * `createRoute` with the platform's rules attached: the access declaration (enforced for roles,
 * published for the matrix), the body limit (1 MB unless the route says more, up to 10 MB), and
 * for every write the `Idempotency-Key` handling. Every domain route is made with this.
 *
 * @example
 * const archiveRoute = defineRoute({
 *   method: 'post', path: '/{id}/archive', request: { params: IdParam }, responses: { … },
 *   access: { roles: ['rep', 'manager', 'admin'], scope: 'customer-book', references: { path: { id: 'customer' } } },
 * });
 */
export function defineRoute<const R extends RouteConfig>(
  config: R & { access: OperationAccess; bodyLimit?: number },
): DefinedRoute<R> {
  const { access, bodyLimit, ...route } = config;
  if (bodyLimit !== undefined && bodyLimit > MAX_BODY_LIMIT)
    throw new Error(`bodyLimit ${bodyLimit} exceeds the platform ceiling ${MAX_BODY_LIMIT}`);
  const middleware: MiddlewareHandler<AppEnv>[] = [];
  if (access.roles !== 'public') middleware.push(requireRoles(access.roles));
  if (route.request?.body) middleware.push(limitBody(bodyLimit ?? JSON_BODY_LIMIT));
  if (WRITE_METHODS.has(route.method) && access.roles !== 'public') middleware.push(idempotency());
  return createRoute({
    ...(route as unknown as R),
    middleware,
    [ACCESS_EXTENSION]: access,
  }) as unknown as DefinedRoute<R>;
}
