import { authRoutes } from './domains/auth/routes.ts';
import { briefingRoutes } from './domains/briefing/routes.ts';
import { customerPriceRoutes, priceListRoutes, productRoutes } from './domains/catalog/routes.ts';
import { companyRoutes } from './domains/company/routes.ts';
import { complaintRoutes } from './domains/complaints/routes.ts';
import { customerRoutes } from './domains/customers/routes.ts';
import { fieldRoutes } from './domains/field/routes.ts';
import { followupRoutes } from './domains/followups/routes.ts';
import { formRoutes } from './domains/forms/routes.ts';
import { handoverRoutes } from './domains/handover/routes.ts';
import { customerHealthRoutes, healthRoutes } from './domains/health/routes.ts';
import { kpiRoutes } from './domains/kpis/routes.ts';
import { notificationRoutes } from './domains/notifications/routes.ts';
import { orderRoutes } from './domains/orders/routes.ts';
import { organizationRoutes } from './domains/organization/routes.ts';
import { peoplePublicRoutes, peopleRoutes } from './domains/people/routes.ts';
import { calendarFeedRoutes, calendarRoutes } from './domains/planning/calendar-routes.ts';
import { planRoutes } from './domains/planning/routes.ts';
import { deskRoutes, quoteRoutes } from './domains/quotes/routes.ts';
import { signalsRoutes } from './domains/signals/routes.ts';
import { syncRoutes } from './domains/sync/routes.ts';
import { visitRoutes } from './domains/visits/routes.ts';
import { webhookRoutes } from './domains/webhooks/routes.ts';
import type { DomainRoutes } from './platform/http/create-app.ts';

/**
 * The business domains' routers, mounted below /api behind the actor middleware.
 * main.ts and the test harness both mount exactly this list.
 */
export const appDomains: readonly DomainRoutes[] = [
  { path: '', routes: authRoutes() },
  { path: '/customers', routes: customerRoutes },
  { path: '/customers', routes: briefingRoutes },
  { path: '/customers', routes: customerHealthRoutes },
  { path: '/customers', routes: signalsRoutes },
  { path: '/customers', routes: customerPriceRoutes },
  { path: '/products', routes: productRoutes },
  { path: '/price-lists', routes: priceListRoutes },
  { path: '/complaints', routes: complaintRoutes },
  { path: '/field', routes: fieldRoutes },
  { path: '/plans', routes: planRoutes },
  { path: '/calendar', routes: calendarFeedRoutes, public: true },
  { path: '/calendar', routes: calendarRoutes },
  { path: '', routes: visitRoutes },
  { path: '/followups', routes: followupRoutes },
  { path: '/forms', routes: formRoutes },
  { path: '', routes: peoplePublicRoutes, public: true },
  { path: '', routes: peopleRoutes },
  { path: '/kpis', routes: kpiRoutes },
  { path: '/customer-health', routes: healthRoutes },
  { path: '/quotes', routes: quoteRoutes },
  { path: '/orders', routes: orderRoutes },
  { path: '/desk', routes: deskRoutes },
  { path: '/settings', routes: companyRoutes },
  { path: '/organization', routes: organizationRoutes },
  { path: '/notifications', routes: notificationRoutes },
  { path: '/handovers', routes: handoverRoutes },
  { path: '/sync', routes: syncRoutes },
  { path: '/webhooks', routes: webhookRoutes },
];
