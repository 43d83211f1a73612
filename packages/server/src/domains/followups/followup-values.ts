/**
 * The followups domain's fixed value lists (re-exported by contracts.ts at run time: this
 * module imports nothing).
 */

/** Who keeps a promise: 'us' (our side: the rep or a colleague) or 'customer' (they promised). */
export const followupOwners = ['us', 'customer'] as const;

/** A followup is open until someone marks it done (one tap); overdue = open past its due date. */
export const followupStatuses = ['open', 'done'] as const;

/** GET /api/followups?status=: open (all not done), overdue (open, due before today), done. */
export const followupStatusFilters = ['open', 'overdue', 'done'] as const;

/** GET /api/followups?scope=: mine (assigned to the caller), team (the caller's customer book). */
export const followupScopes = ['mine', 'team'] as const;
