/**
 * The notifications domain's fixed value lists (re-exported by contracts.ts at run time: this
 * module imports nothing).
 */

/**
 * What a notification tells its recipient; the web turns kind + params into a sentence (ja/en):
 * - `handover_received`: customers were handed over to you (params: count, fromName, byName);
 * - `promise_overdue`: a promise assigned to you is past its due date (params: title, customerName, dueDate);
 * - `complaint_escalated`: a complaint was handed to you (params: title, customerName, byName);
 * - `plan_ready`: the plan you asked for is ready (params: startDate, days, visits);
 * - `companion_visit`: you come along to a handed-over customer's introduction visit (params:
 *   customerName, date, startTime, endTime, repName).
 */
export const notificationKinds = [
  'handover_received',
  'promise_overdue',
  'complaint_escalated',
  'plan_ready',
  'companion_visit',
] as const;
