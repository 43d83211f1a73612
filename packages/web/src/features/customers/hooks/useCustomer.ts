import { useQuery } from '@tanstack/react-query';
import { getCustomer, listCustomerOrders } from '../api/customers-api.ts';
import { customerKeys } from './customer-keys.ts';

export const useCustomer = (id: string) =>
  useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => getCustomer(id, signal),
  });

export const useCustomerOrders = (id: string) =>
  useQuery({
    queryKey: customerKeys.orders(id),
    queryFn: ({ signal }) => listCustomerOrders(id, signal),
  });
