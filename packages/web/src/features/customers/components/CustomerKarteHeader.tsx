import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconFilePlus, IconMapPin, IconPhone } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatPostalCode } from '../../../lib/format.ts';
import type { Customer } from '../api/customer-types.ts';
import { ArchiveCustomerButton } from './ArchiveCustomerButton.tsx';
import { ArchivedBadge, RankBadge, StatusBadge } from './CustomerBadges.tsx';
import { mapsSearchUrl } from './CustomerLocationCard.tsx';
import { CustomerName } from './CustomerName.tsx';

/** The カルテ header: who the customer is, how to reach them, and the main actions. */
export function CustomerKarteHeader({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
            <Group gap={6}>
              <RankBadge rank={customer.rank} size="lg" />
              {/* One state: an archived customer is アーカイブ済み, whatever its status was. */}
              {customer.archivedAt ? <ArchivedBadge /> : <StatusBadge status={customer.status} />}
              <Text size="xs" c="dimmed" ff="monospace" aria-label={t('customer.meta.code')}>
                {customer.code}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {customer.nameKana}
            </Text>
            <Title order={1} fz={{ base: 22, sm: 26 }} lh={1.3}>
              <CustomerName name={customer.name} honorific={customer.honorific} />
            </Title>
          </Stack>
          <Group gap="xs">
            {!customer.archivedAt && (
              <Button
                renderRoot={(props) => (
                  <Link to="/quotes/new" search={{ customerId: customer.id }} {...props} />
                )}
                variant="light"
                leftSection={<IconFilePlus size={16} />}
              >
                {t('quotes.create')}
              </Button>
            )}
            {!customer.archivedAt && (
              <Button
                renderRoot={(props) => (
                  <Link to="/customers/$customerId/edit" params={{ customerId: customer.id }} {...props} />
                )}
                variant="default"
                leftSection={<IconEdit size={16} />}
              >
                {t('common.edit')}
              </Button>
            )}
            {!customer.archivedAt && <ArchiveCustomerButton customer={customer} />}
          </Group>
        </Group>

        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('customer.meta.rep')}{' '}
            </Text>
            {customer.repName || t('common.notSet')}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('customer.meta.area')}{' '}
            </Text>
            {customer.areaName || t('common.notSet')}
          </Text>
        </Group>

        <Stack gap={6}>
          {customer.address && (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconMapPin
                size={16}
                style={{ flexShrink: 0, marginTop: 3 }}
                color="var(--mantine-color-dimmed)"
              />
              <Anchor
                href={mapsSearchUrl(customer)}
                target="_blank"
                rel="noopener noreferrer"
                size="sm"
                c="var(--mantine-color-text)"
              >
                {customer.postalCode && `〒${formatPostalCode(customer.postalCode)} `}
                {customer.address}
              </Anchor>
            </Group>
          )}
          {customer.phone && (
            <Group gap={6} wrap="nowrap">
              <IconPhone size={16} color="var(--mantine-color-dimmed)" />
              <Anchor href={`tel:${customer.phone}`} size="sm" fw={600}>
                {customer.phone}
              </Anchor>
            </Group>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
