/** One stop of a route, with its schedule (seconds) and the distance driven so far (metres). */
export interface Step {
  type: 'start' | 'job' | 'break' | 'end';
  /** Job or break id as given in the input (absent for start and end). */
  id?: number | string;
  locationIndex?: number;
  arrival: number;
  serviceStart: number;
  waitingSeconds: number;
  serviceSeconds: number;
  /** Cumulated travel time and distance on arrival at this step. */
  travelSeconds: number;
  distance: number;
  /** Load on board when leaving this step. */
  load: number[];
}

export interface RouteSolution {
  vehicleId: number | string;
  vehicleIndex: number;
  steps: Step[];
  cost: number;
  distance: number;
  travelSeconds: number;
  serviceSeconds: number;
  waitingSeconds: number;
  priority: number;
}

export interface UnassignedJob {
  id: number | string;
  jobIndex: number;
  reason: 'unreachable' | 'no room';
}

export interface SolutionSummary {
  cost: number;
  distance: number;
  travelSeconds: number;
  serviceSeconds: number;
  waitingSeconds: number;
  vehicles: number;
  jobsServed: number;
  jobsUnassigned: number;
  priorityServed: number;
  priorityTotal: number;
  mandatoryUnassigned: number;
}

/** The immutable answer of a solve: routes of the used vehicles and the dropped jobs. */
export interface Solution {
  routes: RouteSolution[];
  unassigned: UnassignedJob[];
  summary: SolutionSummary;
  /** Search statistics. */
  stats: { iterations: number; elapsedMs: number; exact: boolean };
}
