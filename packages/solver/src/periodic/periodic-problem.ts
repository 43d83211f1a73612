import type { Place, TimeWindow, VehicleInput } from '../model/types.ts';

/** One day of the horizon and the vehicles (reps) working it. */
export interface PeriodicDay {
  /** Free label, echoed in the result (say an ISO date). */
  id?: string;
  /**
   * Vehicles working this day, as in the day engine: start/end place, shift (seconds of that
   * day), lunch as a break, capacity, maxDurationSeconds… The same id on several days means the
   * same rep (that is what "kept on the same vehicle" compares).
   */
  vehicles: readonly VehicleInput[];
}

/** A visit of a customer kept as it was: on that day, and on that vehicle when given. */
export interface PinnedVisit {
  day: number;
  vehicleId?: number | string;
}

export interface PeriodicCustomer extends Place {
  id: number | string;
  /** Time on site per visit. */
  serviceSeconds?: number;
  /** Windows for the start of service (every day), sorted and disjoint; none means any time. */
  timeWindows?: readonly TimeWindow[];
  /** Per day index, windows replacing `timeWindows` that day (say, closed on Wednesday afternoons). */
  timeWindowsByDay?: readonly (readonly TimeWindow[] | null | undefined)[];
  /** Amount per visit, per capacity dimension. */
  demand?: readonly number[];
  /**
   * The allowed visit-day combinations, each a list of day indexes (0-based): one of them is
   * chosen, and the customer is visited on exactly those days.
   */
  combinations: readonly (readonly number[])[];
  /** 0..100: with the 'service' objective, dropped visits weigh 1 + priority. */
  priority?: number;
  skills?: readonly number[];
  /** Visits that must be kept: only combinations holding these days are allowed. */
  pinned?: readonly PinnedVisit[];
}

/** A visit of the plan being revised: re-planning prefers to keep it (day, and vehicle if given). */
export interface PreviousVisit {
  customerId: number | string;
  day: number;
  vehicleId?: number | string;
}

export interface PeriodicProblem {
  days: readonly PeriodicDay[];
  customers: readonly PeriodicCustomer[];
  /** Square matrices indexed by locationIndex, as in the day engine. */
  matrices?: {
    durations: readonly (readonly number[])[];
    distances?: readonly (readonly number[])[];
    costs?: readonly (readonly number[])[];
  };
  haversine?: { detourFactor?: number; speedMetresPerSecond?: number };
  costBasis?: 'distance' | 'duration' | 'costs';
  /** The plan being revised; each visit not kept counts as moved. */
  previousPlan?: readonly PreviousVisit[];
  /** Cost added per moved visit (cost units, metres by default); 1,000 when not given. */
  stabilityPenalty?: number;
}
