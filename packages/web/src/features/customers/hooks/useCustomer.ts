import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getCustomer, getCustomerFigures, listCustomerOrders } from '../api/customers-api.ts';
import { customerKeys } from './customer-keys.ts';

export const useCustomer = (id: string) =>
  useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => getCustomer(id, signal),
  });

/** The purchase history, newest first, 50 orders a page; older ones on request. */
export const useCustomerOrders = (id: string) =>
  useInfiniteQuery({
    queryKey: customerKeys.orders(id),
    queryFn: ({ pageParam, signal }) => listCustomerOrders(id, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const useCustomerFigures = (id: string) =>
  useQuery({
    queryKey: customerKeys.figures(id),
    queryFn: ({ signal }) => getCustomerFigures(id, signal),
  });
