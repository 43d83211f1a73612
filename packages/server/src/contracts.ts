/**
 * The API's public contract for clients (the web app, the browser tests): response and request
 * types inferred from the zod schemas the routes validate with, so they cannot drift, and the
 * fixed value lists both sides need.
 *
 * At run time this module imports only `customer-values.ts`, which imports nothing: the schema
 * import below is type-only and erased, so a browser bundle gets no server code.
 *
 * @example
 * import { customerRanks, type Customer } from '@kayoi/server/contracts';
 */
import type { z } from 'zod';
import type * as customerApi from './domains/customers/customer-schemas.ts';
import type * as values from './domains/customers/customer-values.ts';
import type * as planApi from './domains/planning/plan-schemas.ts';

export * from './domains/customers/customer-values.ts';

export type Rank = (typeof values.customerRanks)[number];
export type CustomerStatus = (typeof values.customerStatuses)[number];
export type Honorific = (typeof values.honorifics)[number];
export type CustomerSort = (typeof values.customerSorts)[number];
export type CsvColumn = (typeof values.csvColumns)[number];

/** GET /api/customers: one page of the customer book. */
export type CustomerPage = z.output<typeof customerApi.CustomerPage>;
/** One row of the customer book list. Timestamps are ISO 8601 strings (UTC). */
export type CustomerSummary = z.output<typeof customerApi.CustomerSummary>;
export type CustomerContact = z.output<typeof customerApi.CustomerContact>;
/** GET /api/customers/:id and every write: the full customer record. */
export type Customer = z.output<typeof customerApi.Customer>;
export type TimeWindow = Customer['timeWindows'][number];
export type CustomerStats = Customer['stats'];
/** GET /api/customers query string. */
export type CustomerListQuery = z.input<typeof customerApi.ListQuery>;
/** GET /api/customers/position-issues: customers without a usable position. */
export type CustomerPositionIssues = z.output<typeof customerApi.PositionIssues>;
/** POST /api/customers body. */
export type CreateCustomerBody = z.input<typeof customerApi.CreateCustomerBody>;
/** PATCH /api/customers/:id body. */
export type UpdateCustomerBody = z.input<typeof customerApi.UpdateCustomerBody>;
export type CustomerContactInput = NonNullable<CreateCustomerBody['contacts']>[number];
/** GET /api/customers/:id/figures: the カルテ's figures per period, and what the customer usually buys. */
export type CustomerFigures = z.output<typeof customerApi.CustomerFigures>;
/** GET /api/customers/:id/orders. */
export type PurchaseHistory = z.output<typeof customerApi.PurchaseHistory>;
export type PurchaseOrder = PurchaseHistory['items'][number];
export type PurchaseOrderLine = PurchaseOrder['lines'][number];
/** POST /api/customers/import/preview. */
export type ImportPreview = z.output<typeof customerApi.ImportPreview>;
export type ImportRowError = ImportPreview['errors'][number];
/** POST /api/customers/import/:importId/commit. */
export type ImportCommitResult = z.output<typeof customerApi.ImportCommitResult>;
/** GET /api/customers/:id/history. */
export type CustomerHistory = z.output<typeof customerApi.CustomerHistory>;
export type HistoryEntry = CustomerHistory['items'][number];

/** POST /api/plans body. */
export type CreatePlanBody = z.input<typeof planApi.CreatePlanBody>;
/** POST /api/plans answer (202). */
export type CreatePlanResult = z.output<typeof planApi.CreatePlanResult>;
/** GET /api/plans/:id, /latest: a plan with its job's progress and summary. */
export type Plan = z.output<typeof planApi.Plan>;
export type PlanSummary = z.output<typeof planApi.PlanSummary>;
/** One visit of a plan (lat/lng of the customer, null when unknown). */
export type PlannedVisit = z.output<typeof planApi.PlannedVisit>;
/** GET /api/plans/:id/visits, /my-visits. */
export type VisitList = z.output<typeof planApi.VisitList>;
/** GET /api/plans/:id/days: `reps` (the plan's scope, by name) and `days` (per rep and date). */
export type PlanDayList = z.output<typeof planApi.PlanDayList>;
export type PlanDay = z.output<typeof planApi.PlanDay>;
export type PlanPlace = z.output<typeof planApi.PlanPlace>;
/** GET /api/plans/:id/unplanned. */
export type UnplannedList = z.output<typeof planApi.UnplannedList>;
/** POST /api/plans/:id/visits/:visitId/pin body. */
export type PinBody = z.input<typeof planApi.PinBody>;
/** POST /api/plans/:id/visits/:visitId/move body. */
export type MoveVisitBody = z.input<typeof planApi.MoveVisitBody>;
/** POST …/move (200) and POST /api/plans/:id/appointments (201): what the change did. */
export type DayChangeResult = z.output<typeof planApi.DayChangeResult>;
export type MoveVisitResult = DayChangeResult;
export type AppointmentResult = DayChangeResult;
/** POST /api/plans/:id/appointments body. */
export type AppointmentBody = z.input<typeof planApi.AppointmentBody>;
/** GET /api/calendar/me, POST /api/calendar/me/reset. */
export type CalendarFeed = z.output<typeof planApi.CalendarFeed>;
