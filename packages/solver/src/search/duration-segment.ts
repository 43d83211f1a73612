/**
 * A route piece's duration summary (PyVRP's DurationSegment, without time warp): the least
 * time from the start of its first service to the end of its last one, and the earliest and
 * latest start of the first service that achieve it. Two pieces joined by a travel time
 * concatenate in O(1), so a route's duration with the departure delayed as late as the windows
 * allow is known for any "prefix + new nodes + suffix". Exact for nodes with one window each;
 * feasibility itself is checked elsewhere (earliest departures and latest starts).
 */
export class DurationSegment {
  duration = 0;
  earliest = 0;
  latest = 0;

  set(duration: number, earliest: number, latest: number): this {
    this.duration = duration;
    this.earliest = earliest;
    this.latest = latest;
    return this;
  }

  /** This piece, then `travel`, then the piece (duration, earliest, latest). */
  append(travel: number, duration: number, earliest: number, latest: number): this {
    const delta = this.duration + travel;
    const wait = Math.max(earliest - delta - this.latest, 0);
    this.earliest = Math.max(earliest - delta, this.earliest) - wait;
    this.latest = Math.min(latest - delta, this.latest);
    this.duration = delta + duration + wait;
    return this;
  }

  /** Duration of this piece, then `travel`, then (duration, earliest), without building it. */
  durationWith(travel: number, duration: number, earliest: number): number {
    const delta = this.duration + travel;
    return delta + duration + Math.max(earliest - delta - this.latest, 0);
  }
}
