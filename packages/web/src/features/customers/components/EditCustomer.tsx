import { Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error.ts';
import { ErrorState } from '../../../ui/ErrorState.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import { useCustomer } from '../hooks/useCustomer.ts';
import { useUpdateCustomer } from '../hooks/useCustomerMutations.ts';
import { type CustomerFormValues, toCustomerInput, toFormValues } from '../utils/customer-form-values.ts';
import { CustomerForm } from './CustomerForm.tsx';

/**
 * Edits a customer with optimistic concurrency: the version loaded with the form is sent back, and a
 * 409 offers to load the latest version instead of overwriting someone else's change.
 */
export function EditCustomer({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const query = useCustomer(customerId);
  const update = useUpdateCustomer(customerId);
  const customer = query.data;
  // A snapshot taken once, and again only on an explicit reload, so a background refetch never wipes edits.
  const [initialValues, setInitialValues] = useState<CustomerFormValues | null>(null);
  if (customer && !initialValues) setInitialValues(toFormValues(customer));

  if (query.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={260} radius="md" />
        <Skeleton height={120} radius="md" />
      </Stack>
    );
  }
  if (query.isError || !customer || !initialValues) {
    return (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isRefetching} />
    );
  }

  const isRep = me.user.role === 'rep';
  return (
    <CustomerForm
      initialValues={initialValues}
      geoPrecision={customer.geoPrecision}
      submitting={update.isPending}
      error={update.error}
      lockRep={
        isRep ? { id: customer.repId ?? me.user.id, name: customer.repName ?? me.user.name } : undefined
      }
      onCancel={() => void navigate({ to: '/customers/$customerId', params: { customerId } })}
      reloading={query.isFetching}
      onReloadLatest={() =>
        void query.refetch().then((result) => {
          if (result.data) {
            setInitialValues(toFormValues(result.data));
            update.reset();
            notifications.show({ color: 'blue', message: t('customerForm.reloaded') });
          }
        })
      }
      onSubmit={(values) =>
        update
          .mutateAsync({ ...toCustomerInput(values), version: customer.version })
          .then(() => {
            notifications.show({ color: 'teal', message: t('customerForm.saved') });
            return navigate({ to: '/customers/$customerId', params: { customerId } });
          })
          .catch((error: unknown) => {
            if (error instanceof ApiError && error.isConflict)
              window.scrollTo({ top: 0, behavior: 'smooth' });
            throw error;
          })
      }
    />
  );
}
