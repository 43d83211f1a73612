import { useQuery } from '@tanstack/react-query';
import { listReps } from '../../customers/api/customers-api.ts';
import { customerKeys } from '../../customers/hooks/customer-keys.ts';
import type { PlanScope } from '../api/plan-types.ts';
import { getDayVisits, getLatestPlan, getPlan, getPlanDays, getUnplanned } from '../api/plans-api.ts';
import { planKeys } from './plan-keys.ts';

const scopeTeamId = (scope: PlanScope) => (scope.kind === 'team' ? scope.teamId : undefined);

/** The newest ready plan of the scope (a manager's default: their team; an admin's: every rep). */
export const useLatestPlan = (scope: PlanScope) =>
  useQuery({
    queryKey: planKeys.latest(scope),
    queryFn: ({ signal }) => getLatestPlan(scopeTeamId(scope), signal),
    // Without a plan yet (the demo company's first one is computed right after the server starts),
    // look again now and then so it shows up by itself.
    refetchInterval: (query) => (query.state.data && !query.state.data.plan ? 5000 : false),
  });

const inProgress = (status: string | undefined) => status === 'queued' || status === 'running';

/** A plan being computed, polled every second until it is ready, failed or cancelled. */
export const usePlanJob = (planId: string | null) =>
  useQuery({
    queryKey: planKeys.plan(planId ?? ''),
    queryFn: ({ signal }) => getPlan(planId!, signal),
    enabled: planId !== null,
    refetchInterval: (query) => (inProgress(query.state.data?.status) || !query.state.data ? 1000 : false),
  });

export const usePlanDays = (planId: string | undefined) =>
  useQuery({
    queryKey: planKeys.days(planId ?? ''),
    queryFn: ({ signal }) => getPlanDays(planId!, signal),
    enabled: Boolean(planId),
  });

export const useDayVisits = (
  planId: string | undefined,
  repId: string | undefined,
  date: string | undefined,
) =>
  useQuery({
    queryKey: planKeys.dayVisits(planId ?? '', repId ?? '', date ?? ''),
    queryFn: ({ signal }) => getDayVisits(planId!, repId!, date!, signal),
    enabled: Boolean(planId && repId && date),
    select: (data) => data.visits,
  });

export const useUnplanned = (planId: string | undefined) =>
  useQuery({
    queryKey: planKeys.unplanned(planId ?? ''),
    queryFn: ({ signal }) => getUnplanned(planId!, signal),
    enabled: Boolean(planId),
    select: (data) => data.unplanned,
  });

/** The teams an admin may plan, named by their reps (the API lists staff with their team). */
export const usePlanTeams = (enabled: boolean) =>
  useQuery({
    queryKey: customerKeys.reps,
    queryFn: listReps,
    enabled,
    staleTime: 5 * 60_000,
    select: (data) => {
      const teams = new Map<string, string[]>();
      for (const rep of data.items) {
        if (!rep.teamId) continue;
        teams.set(rep.teamId, [...(teams.get(rep.teamId) ?? []), rep.name]);
      }
      return [...teams].map(([id, names]) => ({ id, reps: names }));
    },
  });
