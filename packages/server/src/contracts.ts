/**
 * The API's public contract for clients (the web app, the browser tests): response and request
 * types inferred from the zod schemas the routes validate with, so they cannot drift, and the
 * fixed value lists both sides need.
 *
 * At run time this module imports only the `*-values.ts` lists and the pure quote-totals module,
 * which import nothing: the schema imports below are type-only and erased, so a browser bundle
 * gets no server code.
 *
 * @example
 * import { customerRanks, type Customer } from '@kayoi/server/contracts';
 */
import type { z } from 'zod';
import type * as briefingApi from './domains/briefing/briefing-schemas.ts';
import type * as catalogApi from './domains/catalog/catalog-schemas.ts';
import type * as catalogValues from './domains/catalog/catalog-values.ts';
import type * as companyApi from './domains/company/company-schemas.ts';
import type * as complaintApi from './domains/complaints/complaint-schemas.ts';
import type * as complaintValues from './domains/complaints/complaint-values.ts';
import type * as customerApi from './domains/customers/customer-schemas.ts';
import type * as values from './domains/customers/customer-values.ts';
import type * as fieldApi from './domains/field/field-schemas.ts';
import type * as followupApi from './domains/followups/followup-schemas.ts';
import type * as followupValues from './domains/followups/followup-values.ts';
import type * as formApi from './domains/forms/form-schemas.ts';
import type * as handoverApi from './domains/handover/handover-schemas.ts';
import type * as healthApi from './domains/health/health-schemas.ts';
import type * as kpiApi from './domains/kpis/kpi-schemas.ts';
import type * as notificationApi from './domains/notifications/notification-schemas.ts';
import type * as orderApi from './domains/orders/order-schemas.ts';
import type * as orderValues from './domains/orders/order-values.ts';
import type * as organizationApi from './domains/organization/organization-schemas.ts';
import type * as peopleApi from './domains/people/people-schemas.ts';
import type * as planApi from './domains/planning/plan-schemas.ts';
import type * as quoteApi from './domains/quotes/quote-schemas.ts';
import type * as quoteValues from './domains/quotes/quote-values.ts';
import type * as signalsApi from './domains/signals/signals-schemas.ts';
import type * as visitApi from './domains/visits/visit-schemas.ts';
import type * as visitValues from './domains/visits/visit-values.ts';
import type * as webhookApi from './domains/webhooks/webhook-schemas.ts';

export * from './domains/catalog/catalog-values.ts';
export {
  DEFAULT_QUOTE_VALIDITY_DAYS,
  dateStyles,
  entityTypes,
  MAX_QUOTE_VALIDITY_DAYS,
  MAX_SEAL_BYTES,
  sealMimeTypes,
} from './domains/company/company-values.ts';
export * from './domains/complaints/complaint-values.ts';
export * from './domains/customers/customer-values.ts';
export * from './domains/followups/followup-values.ts';
export * from './domains/forms/form-values.ts';
export * from './domains/health/health-values.ts';
export * from './domains/kpis/kpi-values.ts';
export * from './domains/notifications/notification-values.ts';
export * from './domains/orders/order-values.ts';
export * from './domains/quotes/quote-totals.ts';
export * from './domains/quotes/quote-values.ts';
export * from './domains/visits/visit-values.ts';
export * from './domains/webhooks/webhook-values.ts';

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
/** GET /api/customers/export-check: what a Shift_JIS export would write as 〓, by row. */
export type CustomerExportCheck = z.output<typeof customerApi.ExportCheck>;
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

/* Visits and followups (the rep's day on a phone): src/domains/visits, src/domains/followups. */
export type VisitOutcome = (typeof visitValues.visitOutcomes)[number];
export type StopStatus = (typeof visitValues.stopStatuses)[number];
export type SkipReason = (typeof visitValues.skipReasons)[number];
export type FollowupOwner = (typeof followupValues.followupOwners)[number];
export type FollowupStatus = (typeof followupValues.followupStatuses)[number];
/** GET /api/today?date=: the caller's stops of a day (default today, Asia/Tokyo) and the alerts on top. */
export type Today = z.output<typeof visitApi.Today>;
export type Stop = z.output<typeof visitApi.Stop>;
export type StopCustomer = z.output<typeof visitApi.StopCustomer>;
export type ComplaintAlert = z.output<typeof visitApi.ComplaintAlert>;
/** GET /api/visits/:id and the answer of check-in, check-out and PUT …/log. */
export type Visit = z.output<typeof visitApi.Visit>;
export type VisitLog = z.output<typeof visitApi.VisitLog>;
/** A browser position (Geolocation API: lat, lng, accuracy in metres). */
export type GeoPosition = z.input<typeof visitApi.Position>;
/** POST /api/visits body (check in; the client makes the id). */
export type CheckInBody = z.input<typeof visitApi.CheckInBody>;
/** POST /api/visits/:id/check-out body. */
export type CheckOutBody = z.input<typeof visitApi.CheckOutBody>;
/** PUT /api/visits/:id/log body. */
export type VisitLogBody = z.input<typeof visitApi.VisitLogBody>;
export type VisitFormInput = z.input<typeof visitApi.VisitForm>;
/** POST /api/visits/skip body; the answer is the skipped Stop. */
export type SkipBody = z.input<typeof visitApi.SkipBody>;
/** GET /api/visit-templates. */
export type VisitTemplateList = z.output<typeof visitApi.VisitTemplateList>;
export type VisitTemplate = z.output<typeof visitApi.VisitTemplate>;
/** A promise (約束) as a task: GET /api/followups, POST /api/followups, POST /api/followups/:id/done. */
export type Followup = z.output<typeof followupApi.Followup>;
export type FollowupList = z.output<typeof followupApi.FollowupList>;
export type FollowupListQuery = z.input<typeof followupApi.FollowupListQuery>;
/** One promise in a visit log. */
export type FollowupInput = z.input<typeof followupApi.FollowupInput>;
/** POST /api/followups body (a promise made outside a visit). */
export type CreateFollowupBody = z.input<typeof followupApi.CreateFollowupBody>;
/** POST /api/followups/:id/done body. */
export type FollowupDoneBody = z.input<typeof followupApi.FollowupDoneBody>;

/** POST /api/complaints body (due date from severity: critical 1, high 3, medium 7, low 14 working days). */
export type CreateComplaintBody = z.input<typeof complaintApi.CreateComplaintBody>;
/** POST /api/complaints/:id/actions body. */
export type ComplaintActionBody = z.input<typeof complaintApi.ComplaintActionBody>;
/** A complaint or inquiry (POST /api/complaints 201, list items). */
export type Complaint = z.output<typeof complaintApi.Complaint>;
/** GET /api/complaints/:id and POST …/actions: the complaint with its history, oldest first. */
export type ComplaintDetail = z.output<typeof complaintApi.ComplaintDetail>;
export type ComplaintAction = z.output<typeof complaintApi.ComplaintAction>;
/** GET /api/complaints query string and answer. */
export type ComplaintListQuery = z.input<typeof complaintApi.ComplaintListQuery>;
export type ComplaintPage = z.output<typeof complaintApi.ComplaintPage>;
export type ComplaintCategory = (typeof complaintValues.complaintCategories)[number];
export type ComplaintSeverity = (typeof complaintValues.complaintSeverities)[number];
export type ComplaintStatus = (typeof complaintValues.complaintStatuses)[number];
export type ComplaintSource = (typeof complaintValues.complaintSources)[number];
export type ComplaintKind = (typeof complaintValues.complaintKinds)[number];
export type ComplaintActionType = (typeof complaintValues.complaintActionTypes)[number];
/** GET /api/customers/:id/briefing: the pre-visit briefing, every line with its source record. */
export type Briefing = z.output<typeof briefingApi.Briefing>;
export type BriefingSource = z.output<typeof briefingApi.Source>;
export type BriefingTalkingPoint = z.output<typeof briefingApi.TalkingPoint>;
export type BriefingComplaintLine = z.output<typeof briefingApi.ComplaintLine>;
export type BriefingReorderLine = z.output<typeof briefingApi.ReorderLine>;
/** GET /api/customers/:id/timeline (query and page). */
export type TimelineQuery = z.input<typeof briefingApi.TimelineQuery>;
export type TimelinePage = z.output<typeof briefingApi.TimelinePage>;
export type TimelineItem = z.output<typeof briefingApi.TimelineItem>;
export type TimelineKind = (typeof complaintValues.timelineKinds)[number];
/** GET /api/field/today: the manager's view of the field. */
export type FieldTodayQuery = z.input<typeof fieldApi.FieldTodayQuery>;
export type FieldToday = z.output<typeof fieldApi.FieldToday>;
export type FieldRep = z.output<typeof fieldApi.FieldRep>;
/** GET /api/kpis…: the KPIs of a scope and period (docs/kpi.md). */
export type KpiFigures = kpiApi.KpiFiguresView;
export type KpiReport = kpiApi.KpiReportView;
export type KpiTrend = kpiApi.KpiTrendView;
export type KpiByRep = kpiApi.KpiByRepView;
export type KpiRepRow = KpiByRep['rows'][number];
export type KpiRecordPage = kpiApi.KpiRecordPageView;
export type KpiRecord = kpiApi.KpiRecordView;
export type KpiScopeChoices = kpiApi.KpiScopeChoicesView;
/** /api/people, /api/setup, /api/signup, invitations and one's own account. */
export type Person = peopleApi.PersonView;
export type PeopleList = peopleApi.PeopleListView;
export type PendingInvitation = peopleApi.PendingInvitationView;
export type InviteInput = peopleApi.InviteInput;
export type InviteResult = peopleApi.InviteResultView;
export type InvitationView = peopleApi.InvitationViewType;
export type SetupChecklist = peopleApi.SetupChecklistView;
export type SetupItemKey = peopleApi.SetupItemKeyType;
export type UpdatePersonInput = peopleApi.UpdatePersonInput;
export type SignUpInput = peopleApi.SignUpInput;
export type PasswordResetLink = peopleApi.PasswordResetLinkView;
/** GET/PATCH /api/settings/company: the company profile printed on 見積書 and 注文請書. */
export type CompanyProfile = z.output<typeof companyApi.CompanyProfileView>;
export type CompanyProfileBody = z.input<typeof companyApi.CompanyProfileBody>;
export type CompanyEntityType = CompanyProfile['entityType'];
export type CompanyDateStyle = CompanyProfile['dateStyle'];

/* The catalog and prices: src/domains/catalog (/api/products, /api/price-lists, /api/customers/:id/prices). */
export type TaxCategory = (typeof catalogValues.taxCategories)[number];
export type PriceSource = (typeof catalogValues.priceSources)[number];
export type ProductCsvColumn = (typeof catalogValues.productCsvColumns)[number];
/** GET /api/products: one page of the catalog. */
export type ProductPage = z.output<typeof catalogApi.ProductPage>;
export type ProductSummary = z.output<typeof catalogApi.ProductSummary>;
/** GET /api/products/:id and every product write: the product with a bundle's components. */
export type Product = z.output<typeof catalogApi.Product>;
export type ProductComponent = z.output<typeof catalogApi.ProductComponent>;
export type ProductListQuery = z.input<typeof catalogApi.ProductListQuery>;
/** POST /api/products body. */
export type CreateProductBody = z.input<typeof catalogApi.CreateProductBody>;
/** PATCH /api/products/:id body. */
export type UpdateProductBody = z.input<typeof catalogApi.UpdateProductBody>;
/** GET /api/products/:id/price?customerId=&date=. */
export type UnitPriceAnswer = z.output<typeof catalogApi.UnitPriceAnswer>;
/** A customer's (or a rank's) special price or discount on one product. */
export type PriceListEntry = z.output<typeof catalogApi.PriceListEntry>;
export type PriceListPage = z.output<typeof catalogApi.PriceListPage>;
export type PriceListQuery = z.input<typeof catalogApi.PriceListQuery>;
export type CreatePriceEntryBody = z.input<typeof catalogApi.CreatePriceEntryBody>;
export type UpdatePriceEntryBody = z.input<typeof catalogApi.UpdatePriceEntryBody>;
/** GET /api/customers/:id/prices. */
export type CustomerPrices = z.output<typeof catalogApi.CustomerPrices>;
/** POST /api/products/import/preview and …/commit. */
export type ProductImportPreview = z.output<typeof catalogApi.ProductImportPreview>;
export type ProductImportResult = z.output<typeof catalogApi.ProductImportResult>;

/* Quotes (見積) and orders (受注): src/domains/quotes, src/domains/orders (/api/quotes, /api/orders, /api/desk). */
export type QuoteStatus = (typeof quoteValues.quoteViewStatuses)[number];
export type OrderStatus = (typeof orderValues.orderStatuses)[number];
/** POST /api/quotes/calculate body and answer. */
export type CalculateQuoteBody = z.input<typeof quoteApi.CalculateBody>;
export type QuoteTotals = z.output<typeof quoteApi.CalculateResult>;
/** One line as a client sends it (quotes and direct orders). */
export type DocumentLineInput = NonNullable<z.input<typeof quoteApi.CreateQuoteBody>['lines']>[number];
/** POST /api/quotes body; PUT /api/quotes/:id body. */
export type CreateQuoteBody = z.input<typeof quoteApi.CreateQuoteBody>;
export type UpdateQuoteBody = z.input<typeof quoteApi.UpdateQuoteBody>;
/** GET /api/quotes/:id and every quote write. */
export type Quote = z.output<typeof quoteApi.Quote>;
export type QuoteLine = Quote['lines'][number];
export type QuoteRevision = Quote['revisions'][number];
/** POST /api/quotes/:id/accept answer. */
export type AcceptedQuote = z.output<typeof quoteApi.AcceptResult>;
/** GET /api/quotes query and page. */
export type QuoteListQuery = z.input<typeof quoteApi.QuoteListQuery>;
export type QuotePage = z.output<typeof quoteApi.QuotePage>;
export type QuoteSummary = z.output<typeof quoteApi.QuoteSummary>;
/** POST /api/orders body; POST /api/orders/:id/status body; POST /api/orders/bulk-status body and answer. */
export type CreateOrderBody = z.input<typeof orderApi.CreateOrderBody>;
export type OrderStatusBody = z.input<typeof orderApi.OrderStatusBody>;
export type BulkOrderStatusBody = z.input<typeof orderApi.BulkStatusBody>;
export type BulkOrderStatusResult = z.output<typeof orderApi.BulkStatusResult>;
/** GET /api/orders/:id. */
export type Order = z.output<typeof orderApi.Order>;
export type OrderLine = Order['lines'][number];
export type OrderHistoryEntry = Order['history'][number];
/** GET /api/orders query and page. */
export type OrderListQuery = z.input<typeof orderApi.OrderListQuery>;
export type OrderPage = z.output<typeof orderApi.OrderPage>;
export type OrderSummary = z.output<typeof orderApi.OrderSummary>;
/** GET /api/desk: what needs action. */
export type DeskQuery = z.input<typeof quoteApi.DeskQuery>;
export type Desk = z.output<typeof quoteApi.Desk>;
/** GET /api/customer-health/at-risk query and page; GET /api/customers/:id/health. */
export type AtRiskQuery = z.input<typeof healthApi.AtRiskQuery>;
export type AtRiskPage = z.output<typeof healthApi.AtRiskPage>;
export type AtRiskCustomer = z.output<typeof healthApi.AtRiskCustomer>;
export type CustomerHealth = z.output<typeof healthApi.CustomerHealth>;
export type HealthReason = z.output<typeof healthApi.HealthReason>;

/** GET /api/customers/:id/signals: reorder predictions and cross-sell suggestions with their reasons. */
export type CustomerSignals = z.output<typeof signalsApi.CustomerSignals>;
export type ReorderSignal = z.output<typeof signalsApi.ReorderSignal>;
export type CrossSellSignal = z.output<typeof signalsApi.CrossSellSignal>;

// Notifications (お知らせ): the shell's badge and /notifications.
export type Notification = z.output<typeof notificationApi.Notification>;
export type NotificationList = z.output<typeof notificationApi.NotificationList>;
export type NotificationKind = Notification['kind'];

// Reassignment and handover (引き継ぎ).
export type HandoverSelection = z.input<typeof handoverApi.HandoverSelection>;
export type HandoverPreview = z.output<typeof handoverApi.HandoverPreview>;
export type HandoverRepLoad = z.output<typeof handoverApi.RepLoad>;
export type CommitHandoverBody = z.input<typeof handoverApi.CommitHandoverBody>;
export type Handover = z.output<typeof handoverApi.Handover>;
export type HandoverSheetSummary = z.output<typeof handoverApi.HandoverSheetSummary>;
export type HandoverSheetList = z.output<typeof handoverApi.HandoverSheetList>;
export type HandoverSheet = z.output<typeof handoverApi.HandoverSheet>;
export type IntroVisitBody = z.input<typeof handoverApi.IntroVisitBody>;
export type IntroAppointment = z.output<typeof handoverApi.IntroAppointment>;

// 申込書 (application forms): /api/forms, the visit log's forms, the カルテ.
export type Form = z.output<typeof formApi.FormView>;
export type FormAttachment = z.output<typeof formApi.FormAttachmentView>;
export type FormPage = z.output<typeof formApi.FormPage>;
export type FormRepCount = z.output<typeof formApi.FormRepCount>;
export type FormListQuery = z.input<typeof formApi.FormListQuery>;
export type CreateFormBody = z.input<typeof formApi.CreateFormBody>;
export type UpdateFormBody = z.input<typeof formApi.UpdateFormBody>;
/** /api/organization: teams, areas (definition, preview, apply, map), working profiles, absences. */
export type Team = organizationApi.TeamView;
export type Area = organizationApi.AreaView;
export type AreaPreview = organizationApi.AreaPreviewView;
export type Absence = organizationApi.AbsenceView;
export type WorkingProfile = organizationApi.WorkingProfileView;
export type CreateTeamInput = z.input<typeof organizationApi.CreateTeamBody>;
export type UpdateTeamInput = z.input<typeof organizationApi.UpdateTeamBody>;
export type CreateAreaInput = z.input<typeof organizationApi.CreateAreaBody>;
export type UpdateAreaInput = z.input<typeof organizationApi.UpdateAreaBody>;
export type AreaDefinition = z.input<typeof organizationApi.AreaDefinitionSchema>;
export type AreaMap = z.output<typeof organizationApi.AreaMap>;
export type UpdateWorkingProfileInput = z.input<typeof organizationApi.UpdateWorkingProfileBody>;
export type CreateAbsenceInput = z.input<typeof organizationApi.CreateAbsenceBody>;
export type AbsenceKind = organizationApi.AbsenceView['kind'];
/** /api/webhooks (admins): web hooks per company, their deliveries, test and retry. */
export type WebhookEndpoint = z.output<typeof webhookApi.WebhookEndpoint>;
export type WebhookEndpointList = z.output<typeof webhookApi.WebhookEndpointList>;
export type WebhookEndpointWithSecret = z.output<typeof webhookApi.WebhookEndpointWithSecret>;
export type WebhookDelivery = z.output<typeof webhookApi.WebhookDelivery>;
export type WebhookDeliveryList = z.output<typeof webhookApi.WebhookDeliveryList>;
export type WebhookSendResult = z.output<typeof webhookApi.WebhookSendResult>;
export type CreateWebhookEndpointInput = z.input<typeof webhookApi.CreateWebhookEndpointBody>;
export type UpdateWebhookEndpointInput = z.input<typeof webhookApi.UpdateWebhookEndpointBody>;
