import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createIdempotentAction } from '../../../lib/idempotency.ts';
import type {
  CreatePlanBody,
  DayChangeResult,
  PlanDayList,
  PlannedVisit,
  VisitList,
} from '../api/plan-types.ts';
import { cancelPlan, createPlan, moveVisit, pinVisit } from '../api/plans-api.ts';
import { planKeys } from './plan-keys.ts';

// Each hook keeps one idempotent action: pressing the button again after a lost connection resends
// the same Idempotency-Key, so a write that did land is answered from the server's record.

export const useOptimize = () => {
  const run = useMemo(
    () => createIdempotentAction((body: CreatePlanBody, key: string) => createPlan(body, key)),
    [],
  );
  return useMutation({ mutationFn: run });
};

export const useCancelPlan = () => {
  const queryClient = useQueryClient();
  const run = useMemo(() => createIdempotentAction((id: string, key: string) => cancelPlan(id, key)), []);
  return useMutation({
    mutationFn: run,
    onSuccess: (plan) => queryClient.setQueryData(planKeys.plan(plan.id), plan),
  });
};

export const usePinVisit = (planId: string) => {
  const queryClient = useQueryClient();
  const run = useMemo(
    () =>
      createIdempotentAction((input: { visit: PlannedVisit; pinned: boolean }, key: string) =>
        pinVisit(planId, input.visit.id, { pinned: input.pinned, version: input.visit.version }, key),
      ),
    [planId],
  );
  return useMutation({
    mutationFn: run,
    onSuccess: (visit) => {
      queryClient.setQueryData<VisitList>(planKeys.dayVisits(planId, visit.repId, visit.date), (old) =>
        old ? { visits: old.visits.map((each) => (each.id === visit.id ? visit : each)) } : old,
      );
    },
  });
};

export interface MoveInput {
  visit: PlannedVisit;
  repId: string;
  date: string;
}

/** Writes a move's answer into the board: the days it touched and their visits, nothing else. */
export const applyDayChange = (
  queryClient: ReturnType<typeof useQueryClient>,
  planId: string,
  result: DayChangeResult,
) => {
  queryClient.setQueryData<PlanDayList>(planKeys.days(planId), (old) => {
    if (!old) return old;
    const key = (day: { repId: string; date: string }) => `${day.repId}|${day.date}`;
    const changed = new Map(result.days.map((day) => [key(day), day]));
    const known = new Set(old.days.map(key));
    return {
      ...old,
      days: [
        ...old.days.map((day) => changed.get(key(day)) ?? day),
        ...result.days.filter((day) => !known.has(key(day))),
      ],
    };
  });
  for (const day of result.days) {
    const visits = result.visits
      .filter((visit) => visit.repId === day.repId && visit.date === day.date)
      .sort((a, b) => a.seq - b.seq);
    queryClient.setQueryData<VisitList>(planKeys.dayVisits(planId, day.repId, day.date), { visits });
  }
  void queryClient.invalidateQueries({ queryKey: planKeys.plan(planId), exact: true });
};

export const useMoveVisit = (planId: string) => {
  const queryClient = useQueryClient();
  const run = useMemo(
    () =>
      createIdempotentAction((input: MoveInput, key: string) =>
        moveVisit(
          planId,
          input.visit.id,
          { date: input.date, repId: input.repId, version: input.visit.version },
          key,
        ),
      ),
    [planId],
  );
  return useMutation({
    mutationFn: run,
    onSuccess: (result) => applyDayChange(queryClient, planId, result),
  });
};
