import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatYen } from '../../../lib/format.ts';
import { RelativeDate } from '../../../ui/RelativeDate.tsx';
import type { Customer } from '../api/customer-types.ts';

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz={{ base: 'lg', sm: 'xl' }} className="tabular" mt={2}>
        {children}
      </Text>
    </Paper>
  );
}

/** Key figures for the visit: revenue, order count and size, recency. */
export function CustomerStats({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const { stats } = customer;
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Stat label={t('customer.stats.revenue12m')}>{formatYen(stats.revenue12m, i18n.language)}</Stat>
      <Stat label={t('customer.stats.orderCount')}>{formatNumber(stats.orderCount, i18n.language)}</Stat>
      <Stat label={t('customer.stats.averageOrderValue')}>
        {formatYen(stats.averageOrderValue, i18n.language)}
      </Stat>
      <Stat label={t('customer.stats.lastOrder')}>
        <RelativeDate value={stats.lastOrderAt ?? customer.lastOrderAt} inherit />
      </Stat>
    </SimpleGrid>
  );
}
