import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchiveOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../ui/error-message.ts';
import type { Customer } from '../api/customer-types.ts';
import { useRestoreCustomer } from '../hooks/useCustomerMutations.ts';

/** Brings an archived customer back into the book (shown to managers and admins). */
export function RestoreCustomerButton({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const restore = useRestoreCustomer(customer.id);
  return (
    <Button
      leftSection={<IconArchiveOff size={16} />}
      loading={restore.isPending}
      onClick={() =>
        restore.mutate(customer.version, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('customer.archive.restoreDone') }),
          onError: (error) => notifications.show({ color: 'red', message: errorMessage(error, t) }),
        })
      }
    >
      {t('customer.archive.restore')}
    </Button>
  );
}
