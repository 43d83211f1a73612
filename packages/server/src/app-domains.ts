import { customerRoutes } from './domains/customers/routes.ts';
import type { DomainRoutes } from './platform/http/create-app.ts';

/**
 * The business domains' routers, mounted below /api behind the actor middleware.
 * main.ts and the test harness both mount exactly this list.
 */
export const appDomains: readonly DomainRoutes[] = [{ path: '/customers', routes: customerRoutes }];
