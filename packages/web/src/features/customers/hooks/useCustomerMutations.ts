import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Customer, CustomerInput } from '../api/customer-types.ts';
import { archiveCustomer, createCustomer, updateCustomer } from '../api/customers-api.ts';
import { customerKeys } from './customer-keys.ts';

const useStoreCustomer = () => {
  const queryClient = useQueryClient();
  return (customer: Customer) => {
    queryClient.setQueryData(customerKeys.detail(customer.id), customer);
    void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
  };
};

export const useCreateCustomer = () => {
  const store = useStoreCustomer();
  return useMutation({ mutationFn: (input: CustomerInput) => createCustomer(input), onSuccess: store });
};

export const useUpdateCustomer = (id: string) => {
  const store = useStoreCustomer();
  return useMutation({
    mutationFn: (input: Partial<CustomerInput> & { version: number }) => updateCustomer(id, input),
    onSuccess: store,
  });
};

export const useArchiveCustomer = (id: string) => {
  const store = useStoreCustomer();
  return useMutation({ mutationFn: (version: number) => archiveCustomer(id, version), onSuccess: store });
};
