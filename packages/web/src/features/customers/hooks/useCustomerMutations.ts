import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { createIdempotentAction } from '../../../lib/idempotency.ts';
import type { Customer, CustomerInput } from '../api/customer-types.ts';
import {
  archiveCustomer,
  createCustomer,
  relocateCustomer,
  restoreCustomer,
  updateCustomer,
} from '../api/customers-api.ts';
import { customerKeys } from './customer-keys.ts';

const useStoreCustomer = () => {
  const queryClient = useQueryClient();
  return (customer: Customer) => {
    queryClient.setQueryData(customerKeys.detail(customer.id), customer);
    void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: customerKeys.positionIssues });
    void queryClient.invalidateQueries({ queryKey: customerKeys.history(customer.id) });
  };
};

// Each hook keeps one idempotent action: pressing 保存 again after a lost connection resends the
// same Idempotency-Key, so a save that did land is answered from the server's record, not repeated.

export const useCreateCustomer = () => {
  const store = useStoreCustomer();
  const create = useMemo(() => createIdempotentAction(createCustomer), []);
  return useMutation({ mutationFn: create, onSuccess: store });
};

export const useUpdateCustomer = (id: string) => {
  const store = useStoreCustomer();
  const update = useMemo(
    () =>
      createIdempotentAction((input: Partial<CustomerInput> & { version: number }, key: string) =>
        updateCustomer(id, input, key),
      ),
    [id],
  );
  return useMutation({ mutationFn: update, onSuccess: store });
};

export const useArchiveCustomer = (id: string) => {
  const store = useStoreCustomer();
  const archive = useMemo(
    () => createIdempotentAction((version: number, key: string) => archiveCustomer(id, version, key)),
    [id],
  );
  return useMutation({ mutationFn: archive, onSuccess: store });
};

export const useRestoreCustomer = (id: string) => {
  const store = useStoreCustomer();
  const restore = useMemo(
    () => createIdempotentAction((version: number, key: string) => restoreCustomer(id, version, key)),
    [id],
  );
  return useMutation({ mutationFn: restore, onSuccess: store });
};

export const useRelocateCustomer = (id: string) => {
  const store = useStoreCustomer();
  const relocate = useMemo(
    () => createIdempotentAction((version: number, key: string) => relocateCustomer(id, version, key)),
    [id],
  );
  return useMutation({ mutationFn: relocate, onSuccess: store });
};
