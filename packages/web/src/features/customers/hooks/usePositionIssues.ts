import { useQuery } from '@tanstack/react-query';
import { getPositionIssues } from '../api/customers-api.ts';
import { customerKeys } from './customer-keys.ts';

/** How many customers of the book have no usable position (for the list's notice). */
export const usePositionIssues = () =>
  useQuery({
    queryKey: customerKeys.positionIssues,
    queryFn: ({ signal }) => getPositionIssues(signal),
    staleTime: 60_000,
  });
