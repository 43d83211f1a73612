import type { PlanScope } from '../api/plan-types.ts';

export const planKeys = {
  all: ['plans'] as const,
  latest: (scope: PlanScope) => [...planKeys.all, 'latest', scope] as const,
  plan: (id: string) => [...planKeys.all, 'plan', id] as const,
  days: (id: string) => [...planKeys.all, 'plan', id, 'days'] as const,
  dayVisits: (id: string, repId: string, date: string) =>
    [...planKeys.all, 'plan', id, 'visits', repId, date] as const,
  unplanned: (id: string) => [...planKeys.all, 'plan', id, 'unplanned'] as const,
  teams: ['plans', 'teams'] as const,
};
