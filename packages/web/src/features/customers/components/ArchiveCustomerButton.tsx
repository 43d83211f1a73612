import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../ui/error-message.ts';
import type { Customer } from '../api/customer-types.ts';
import { useArchiveCustomer } from '../hooks/useCustomerMutations.ts';

/** Archive with a confirmation dialog; the customer keeps its history. */
export function ArchiveCustomerButton({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const archive = useArchiveCustomer(customer.id);

  return (
    <>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconArchive size={16} />}
        onClick={() => {
          archive.reset();
          open();
        }}
      >
        {t('customer.archive.action')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('customer.archive.title')} centered radius="md">
        <Text size="sm">{t('customer.archive.body', { name: customer.name })}</Text>
        {archive.error && (
          <Alert color="red" variant="light" mt="md" role="alert">
            {errorMessage(archive.error, t)}
          </Alert>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={archive.isPending}
            onClick={() =>
              archive.mutate(customer.version, {
                onSuccess: () => {
                  close();
                  notifications.show({ color: 'teal', message: t('customer.archive.done') });
                },
              })
            }
          >
            {t('customer.archive.confirm')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
