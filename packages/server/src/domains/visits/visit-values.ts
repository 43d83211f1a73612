/**
 * The visits domain's fixed value lists, shared by the server and the web app (re-exported by
 * contracts.ts at run time: this module imports nothing).
 */

/** How a visit went: 面談 (met someone), 不在 (nobody there), 再訪 (come back: met, not finished). */
export const visitOutcomes = ['met', 'absent', 'revisit'] as const;

/** A stop of 今日: planned (not started), checked_in (on site), done (checked out), skipped. */
export const stopStatuses = ['planned', 'checked_in', 'done', 'skipped'] as const;

/** Why a rep skips a planned stop (the planned visit goes back to the planner's pool). */
export const skipReasons = [
  'customer_closed',
  'customer_request',
  'no_time',
  'vehicle',
  'weather',
  'other',
] as const;

/**
 * A check-in further than this from the customer's position (after subtracting the fix's
 * accuracy) is flagged `farFromCustomer`, never refused.
 */
export const FAR_FROM_CUSTOMER_METRES = 500;

/** Bounds of the visit log (the server refuses more, naming the field). */
export const visitLogLimits = {
  notes: 4000,
  needs: 2000,
  complaintHeard: 2000,
  forms: 10,
  formKind: 50,
  formCount: 99,
  promises: 10,
  promiseTitle: 200,
  nextVisitNote: 500,
  skipNote: 500,
} as const;
