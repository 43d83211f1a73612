import { useInfiniteQuery } from '@tanstack/react-query';
import { getCustomerHistory } from '../api/customers-api.ts';
import { customerKeys } from './customer-keys.ts';

/** The カルテ's change history, newest first, 50 entries a page; older pages on request. */
export const useCustomerHistory = (customerId: string) =>
  useInfiniteQuery({
    queryKey: customerKeys.history(customerId),
    queryFn: ({ pageParam, signal }) => getCustomerHistory(customerId, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
