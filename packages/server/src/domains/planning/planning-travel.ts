/**
 * Where the planning domain's requests get travel times and links from, set once at start-up
 * (main.ts, through registerPlanningJobs and configurePlanning): the OSRM service when
 * configured, and the app's public base URL for links in calendar feeds.
 */
export const planningTravel: { osrmUrl: string | undefined; publicUrl: string | undefined } = {
  osrmUrl: undefined,
  publicUrl: undefined,
};

/** Sets the public base URL (config.baseUrl) the calendar feed links back to. */
export function configurePlanning(options: { osrmUrl?: string | undefined; publicUrl?: string | undefined }) {
  if ('osrmUrl' in options) planningTravel.osrmUrl = options.osrmUrl;
  if ('publicUrl' in options) planningTravel.publicUrl = options.publicUrl?.replace(/\/+$/, '');
}
