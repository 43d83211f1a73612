export type {
  CreatePlanBody,
  CreatePlanResult,
  DayChangeResult,
  MoveVisitBody,
  Plan,
  PlanDay,
  PlanDayList,
  PlannedVisit,
  PlanPlace,
  PlanSummary,
  UnplannedList,
  VisitList,
} from '@kayoi/server/contracts';

export type PlanStatus = 'queued' | 'running' | 'ready' | 'failed' | 'cancelled';

/** Which plan the board shows: a manager's team (the default) or, for an admin, all reps or one team. */
export type PlanScope = { kind: 'all' } | { kind: 'team'; teamId: string };

/** One rep of a plan's scope (a row of the week view). */
export interface PlanRep {
  id: string;
  name: string;
}

/** A rep-day of the board. */
export interface RepDay {
  repId: string;
  date: string;
}
