/** A closed interval of seconds: service (or a break) may start at any time in it. */
export type TimeWindow = readonly [start: number, end: number];

/** Longitude, latitude in degrees (VROOM order). */
export type Coordinates = readonly [lon: number, lat: number];

/**
 * A place, either an index into the matrices or coordinates (then travel is estimated with
 * the haversine distance times a detour factor, at an average speed).
 */
export interface Place {
  locationIndex?: number;
  coordinates?: Coordinates;
}

export interface JobInput extends Place {
  id: number | string;
  serviceSeconds?: number;
  /** One or more disjoint windows, sorted; none means "any time in the shift". */
  timeWindows?: readonly TimeWindow[];
  /** 0..100; higher is served first when not everything fits. */
  priority?: number;
  /** A mandatory job is dropped only when no route can take it; optional jobs compete on priority. */
  mandatory?: boolean;
  /** Amounts loaded at the start and delivered here (one entry per capacity dimension). */
  delivery?: readonly number[];
  /** Amounts collected here and carried to the end. */
  pickup?: readonly number[];
  skills?: readonly number[];
}

export interface BreakInput {
  id: number | string;
  timeWindows: readonly TimeWindow[];
  serviceSeconds: number;
}

export interface VehicleInput {
  id: number | string;
  start?: Place;
  end?: Place;
  /** Working time: leaves start no earlier than shift[0], back at end no later than shift[1]. */
  shift?: TimeWindow;
  breaks?: readonly BreakInput[];
  capacity?: readonly number[];
  skills?: readonly number[];
  maxTasks?: number;
  maxTravelSeconds?: number;
  /**
   * Working time from leaving the start to arriving at the end, the departure delayed as late
   * as the windows allow (Cordeau's route duration). Needs every job and break to have at
   * most one time window.
   */
  maxDurationSeconds?: number;
  /** Added to the cost when the vehicle is used. */
  fixedCost?: number;
}

export interface ProblemInput {
  jobs: readonly JobInput[];
  vehicles: readonly VehicleInput[];
  /** Square matrices indexed by locationIndex: seconds, metres and (optional) custom costs. */
  matrices?: {
    durations: readonly (readonly number[])[];
    distances?: readonly (readonly number[])[];
    costs?: readonly (readonly number[])[];
  };
  /** Used when places are given as coordinates. */
  haversine?: { detourFactor?: number; speedMetresPerSecond?: number };
  /** What a route costs: 'distance' (default when distances exist), 'duration', or 'costs' matrix. */
  costBasis?: 'distance' | 'duration' | 'costs';
  /** 'error' (default) rejects a job no vehicle can ever serve; 'unassign' lists it as unassigned. */
  unreachableJobs?: 'error' | 'unassign';
}
