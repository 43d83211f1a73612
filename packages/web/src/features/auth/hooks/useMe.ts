import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/auth-api.ts';

export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
  retry: false,
});

/** The signed-in user; only usable below the authenticated layout, which loads it first. */
export const useMe = () => useSuspenseQuery(meQueryOptions).data;
