import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { calendarFeedFile, getCalendarFeed } from './calendar-feed.ts';
import { CalendarFeed, CalendarTokenParam } from './plan-schemas.ts';
import { planningTravel } from './planning-travel.ts';

const tags = ['Calendar'];
const everyone = ['rep', 'manager', 'admin'] as const;

const meRoute = defineRoute({
  method: 'get',
  path: '/me',
  tags,
  summary: 'The caller’s private calendar feed URL (created on first call)',
  description: 'Subscribe to it in Google Calendar or Outlook: the planned visits, as iCalendar.',
  responses: { 200: json(CalendarFeed, 'The feed'), ...errorResponses(401) },
  access: { roles: everyone, scope: 'self' },
});

const resetRoute = defineRoute({
  method: 'post',
  path: '/me/reset',
  tags,
  summary: 'Replace the caller’s feed token: the old URL stops working (404)',
  responses: { 200: json(CalendarFeed, 'The new feed'), ...errorResponses(401) },
  access: { roles: everyone, scope: 'self' },
});

/** The app's public base URL (config) or, when not configured, the request's origin. */
const publicUrlOf = (requestUrl: string) => planningTravel.publicUrl ?? new URL(requestUrl).origin;

/** /api/calendar: the signed-in user's feed URL and its reset. */
export const calendarRoutes = createRouter()
  .openapi(meRoute, async (c) => {
    const feed = await getCalendarFeed({
      db: c.var.db,
      actor: c.var.actor,
      signer: c.var.signer,
      publicUrl: publicUrlOf(c.req.url),
    });
    return c.json(feed, 200);
  })
  .openapi(resetRoute, async (c) => {
    const feed = await getCalendarFeed({
      db: c.var.db,
      actor: c.var.actor,
      signer: c.var.signer,
      publicUrl: publicUrlOf(c.req.url),
      reset: true,
    });
    return c.json(feed, 200);
  });

const feedRoute = defineRoute({
  method: 'get',
  path: '/{token}.ics',
  tags,
  summary: 'A private calendar feed (iCalendar, RFC 5545): the user’s planned visits',
  description:
    'No session: the token is the key. One VEVENT per visit from a week back to 60 days ahead ' +
    '(customer, address, planned time, a link to the customer). 404 for an unknown or reset token.',
  request: { params: CalendarTokenParam },
  responses: {
    200: { description: 'The feed', content: { 'text/calendar': { schema: { type: 'string' } } } },
    ...errorResponses(404),
  },
  access: { roles: 'public', scope: 'public' },
});

/**
 * The public feed, mounted before the session check. Hono's `:param` cannot carry a suffix, so
 * the route is served on a pattern and described in the API document by its declaration.
 */
export const calendarFeedRoutes = createRouter();
calendarFeedRoutes.openAPIRegistry.registerPath(feedRoute);
calendarFeedRoutes.get('/:file{[A-Za-z0-9_\\-]{1,200}\\.ics}', async (c) => {
  const token = c.req.param('file').slice(0, -'.ics'.length);
  const publicUrl = publicUrlOf(c.req.url);
  const ics = await calendarFeedFile({ db: c.var.db, token, publicUrl, host: new URL(publicUrl).host });
  if (ics === null)
    return c.json(
      {
        error: {
          code: 'not_found',
          message: c.var.locale === 'en' ? 'Calendar feed not found.' : 'カレンダーが見つかりません。',
        },
      },
      404,
    );
  return c.body(ics, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'cache-control': 'private, max-age=300',
  });
});
