import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/hooks/useMe.ts';
import { useCreateCustomer } from '../hooks/useCustomerMutations.ts';
import { toCustomerInput, toFormValues } from '../utils/customer-form-values.ts';
import { CustomerForm } from './CustomerForm.tsx';

export function CreateCustomer() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const isRep = me.user.role === 'rep';
  const initialValues = useMemo(
    () => toFormValues(undefined, { repId: isRep ? me.user.id : '' }),
    [isRep, me.user.id],
  );

  return (
    <CustomerForm
      initialValues={initialValues}
      submitting={create.isPending}
      error={create.error}
      lockRep={isRep ? { id: me.user.id, name: me.user.name } : undefined}
      onCancel={() => void navigate({ to: '/customers' })}
      onSubmit={(values) =>
        create.mutateAsync(toCustomerInput(values)).then((customer) => {
          notifications.show({ color: 'teal', message: t('customerForm.created') });
          return navigate({ to: '/customers/$customerId', params: { customerId: customer.id } });
        })
      }
    />
  );
}
