/**
 * Why a customer is left out: 'no_combination_fits' — each visit fits alone, but no allowed
 * combination found room in the plan; 'window_unreachable' — on some day of every combination
 * no vehicle can reach it in time, even alone (windows, shift, duration, skills);
 * 'no_capacity' — its demand exceeds every vehicle of some day of every combination;
 * 'pinned_conflict' — no allowed combination holds its pinned days (or its pinned vehicle does
 * not work that day); 'no_combination' — no combination was given.
 */
export type PeriodicUnassignedReason =
  | 'no_combination_fits'
  | 'window_unreachable'
  | 'no_capacity'
  | 'pinned_conflict'
  | 'no_combination';

export interface PeriodicStep {
  type: 'start' | 'visit' | 'break' | 'end';
  /** Customer id for a visit, break id for a break. */
  id?: number | string;
  customerIndex?: number;
  locationIndex?: number;
  arrival: number;
  serviceStart: number;
  departure: number;
  waitingSeconds: number;
  /** Distance driven since the start, on arrival. */
  distance: number;
}

export interface PeriodicRoute {
  vehicleId: number | string;
  /** Index in the day's `vehicles`. */
  vehicleIndex: number;
  steps: PeriodicStep[];
  cost: number;
  distance: number;
  travelSeconds: number;
  serviceSeconds: number;
  waitingSeconds: number;
  /** Arrival at the end minus departure from the start. */
  durationSeconds: number;
}

export interface PeriodicDayPlan {
  day: number;
  id?: string;
  /** Used vehicles only, in the day's vehicle order. */
  routes: PeriodicRoute[];
}

export interface PeriodicAssignment {
  customerId: number | string;
  customerIndex: number;
  /** The chosen combination (day indexes, ascending). */
  days: number[];
}

export interface PeriodicUnassigned {
  customerId: number | string;
  customerIndex: number;
  reason: PeriodicUnassignedReason;
}

export interface PeriodicSummary {
  /** Route costs (travel cost plus fixed costs), without penalties. */
  cost: number;
  distance: number;
  travelSeconds: number;
  serviceSeconds: number;
  visits: number;
  routes: number;
  customersServed: number;
  customersUnassigned: number;
  /** Visits of the previous plan not kept (other day, or other vehicle when one was given). */
  movedVisits: number;
  /** Sum over vehicle-days of |work − mean work| (seconds of travel and service). */
  imbalanceSeconds: number;
}

/** The immutable answer of solvePeriodic. */
export interface PeriodicSolution {
  days: PeriodicDayPlan[];
  assignments: PeriodicAssignment[];
  unassigned: PeriodicUnassigned[];
  summary: PeriodicSummary;
  stats: { iterations: number; elapsedMs: number };
}
