import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/customer-types.ts';

function Note({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Title order={3} fz="sm" c="dimmed">
        {title}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={body ? undefined : 'dimmed'}>
        {body || t('customer.noNotes')}
      </Text>
    </Stack>
  );
}

/** Soft knowledge about the customer: preferences and personality, free notes. */
export function CustomerNotesCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        {/* Written cautions are shown in the alert above the card; an empty one is still listed here. */}
        {!customer.cautions.trim() && <Note title={t('customer.cautions')} body="" />}
        <Note title={t('customer.preferences')} body={customer.preferences} />
        <Note title={t('customer.notes')} body={customer.notes} />
      </Stack>
    </Paper>
  );
}
