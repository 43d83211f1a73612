import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { listCustomers } from '../api/customers-api.ts';
import type { CustomerFilters } from '../utils/customer-filters.ts';
import { customerKeys } from './customer-keys.ts';

/** Pages through the customer list for the given filters (cursor based, 50 at a time). */
export const useCustomers = (filters: CustomerFilters) =>
  useInfiniteQuery({
    queryKey: customerKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listCustomers(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
