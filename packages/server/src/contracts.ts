

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
