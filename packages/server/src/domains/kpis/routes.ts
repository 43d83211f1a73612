import { createRouter } from '../../platform/http/create-router.ts';
import { defineRoute } from '../../platform/http/define-route.ts';
import { errorResponses, json } from '../../platform/http/openapi-schemas.ts';
import { exportKpisCsv } from './export-kpis-csv.ts';
import { getKpiTrend } from './get-kpi-trend.ts';
import { getKpis } from './get-kpis.ts';
import {
  KpiByRep,
  KpiQuery,
  KpiRecordPage,
  KpiRecordsParam,
  KpiRecordsQuery,
  KpiReport,
  KpiScopeChoices,
  KpiScopeQuery,
  KpiTrend,
  KpiTrendQuery,
} from './kpi-schemas.ts';
import { listKpiRecords } from './list-kpi-records.ts';
import { listKpiScopes } from './list-kpi-scopes.ts';
import { listKpisByRep } from './list-kpis-by-rep.ts';

const tags = ['KPIs'];
const everyone = ['rep', 'manager', 'admin'] as const;
/** scopeId names a rep by default (scope=rep); team and area ids work the same way. */
const access = { roles: everyone, scope: 'team', references: { query: { scopeId: 'user' } } } as const;
const scopeNote =
  'Definitions: docs/kpi.md. A rep sees their own scope only, a manager their team (its reps, areas ' +
  'and ranks narrowed to the team), an admin any; anything else is 404 not_found, like an id that ' +
  'exists nowhere.';

const kpisRoute = defineRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The KPIs of a scope and period, with the previous period and the same period last year',
  description: scopeNote,
  request: { query: KpiQuery },
  responses: { 200: json(KpiReport, 'The figures'), ...errorResponses(401, 404, 422) },
  access,
});

const trendRoute = defineRoute({
  method: 'get',
  path: '/trend',
  tags,
  summary: 'The KPIs of a period by ISO week or month',
  description: scopeNote,
  request: { query: KpiTrendQuery },
  responses: { 200: json(KpiTrend, 'One bucket per week or month'), ...errorResponses(401, 404, 422) },
  access,
});

const byRepRoute = defineRoute({
  method: 'get',
  path: '/by-rep',
  tags,
  summary: 'The KPIs of each rep of the scope and its total (a rep: their own row and place in the team)',
  description: scopeNote,
  request: { query: KpiScopeQuery },
  responses: { 200: json(KpiByRep, 'Rows by rep'), ...errorResponses(401, 404, 422) },
  access,
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/export.csv',
  tags,
  summary: 'The by-rep table and total as CSV (UTF-8 with BOM)',
  description: scopeNote,
  request: { query: KpiScopeQuery },
  responses: {
    200: { description: 'kpis-FROM-TO.csv', content: { 'text/csv': { schema: { type: 'string' } } } },
    ...errorResponses(401, 404, 422),
  },
  access,
});

const recordsRoute = defineRoute({
  method: 'get',
  path: '/{kpi}/records',
  tags,
  summary: 'The orders, visits or customers behind a number (drill-down), a page at a time',
  description: `${scopeNote} At most 5,000 records are reachable.`,
  request: { params: KpiRecordsParam, query: KpiRecordsQuery },
  responses: { 200: json(KpiRecordPage, 'A page'), ...errorResponses(401, 404, 422) },
  access,
});

const scopesRoute = defineRoute({
  method: 'get',
  path: '/scopes',
  tags,
  summary: 'The scopes the caller may ask for: teams, reps, areas and ranks (a rep: only themself)',
  responses: { 200: json(KpiScopeChoices, 'The choices'), ...errorResponses(401) },
  access: { roles: everyone, scope: 'team' },
});

/** The KPI read model, mounted at /api/kpis. */
export const kpiRoutes = createRouter()
  .openapi(scopesRoute, async (c) => c.json(await listKpiScopes({ db: c.var.db, actor: c.var.actor }), 200))
  .openapi(kpisRoute, async (c) =>
    c.json(await getKpis({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
  )
  .openapi(trendRoute, async (c) =>
    c.json(await getKpiTrend({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
  )
  .openapi(byRepRoute, async (c) =>
    c.json(await listKpisByRep({ db: c.var.db, actor: c.var.actor, query: c.req.valid('query') }), 200),
  )
  .openapi(exportRoute, async (c) => {
    const file = await exportKpisCsv({
      db: c.var.db,
      actor: c.var.actor,
      query: c.req.valid('query'),
      locale: c.var.locale,
    });
    return c.body(file.text, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file.fileName}"`,
    });
  })
  .openapi(recordsRoute, async (c) =>
    c.json(
      await listKpiRecords({
        db: c.var.db,
        actor: c.var.actor,
        kpi: c.req.valid('param').kpi,
        query: c.req.valid('query'),
      }),
      200,
    ),
  );
