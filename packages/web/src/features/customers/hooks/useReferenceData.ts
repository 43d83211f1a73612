import { useQuery } from '@tanstack/react-query';
import { listAreas, listReps } from '../api/customers-api.ts';
import { customerKeys } from './customer-keys.ts';

const REFERENCE_STALE_MS = 10 * 60_000;

/** Areas for filters and the customer form. */
export const useAreas = () =>
  useQuery({
    queryKey: customerKeys.areas,
    queryFn: listAreas,
    staleTime: REFERENCE_STALE_MS,
    select: (data) => data.items,
  });

/** Reps the caller may see; not requested for reps themselves, who only see their own book. */
export const useReps = (enabled = true) =>
  useQuery({
    queryKey: customerKeys.reps,
    queryFn: listReps,
    staleTime: REFERENCE_STALE_MS,
    select: (data) => data.items,
    enabled,
  });
