import { Anchor, Group, Paper, Skeleton, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../api/customer-types.ts';

const CustomerMap = lazy(() => import('./CustomerMap.tsx'));

export const mapsSearchUrl = (customer: Pick<Customer, 'lat' | 'lng' | 'address'>): string => {
  const query =
    customer.lat !== null && customer.lng !== null ? `${customer.lat},${customer.lng}` : customer.address;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}`;
};

/** Where the customer is: a small map when coordinates are known, with a link to open a maps app. */
export function CustomerLocationCard({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  if (customer.lat === null || customer.lng === null) return null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">
          {t('customer.location')}
        </Title>
        <Anchor href={mapsSearchUrl(customer)} target="_blank" rel="noopener noreferrer" size="sm">
          <Group gap={4}>
            {t('customer.openMap')}
            <IconExternalLink size={14} />
          </Group>
        </Anchor>
      </Group>
      <div
        style={{
          height: 200,
          borderRadius: 'var(--mantine-radius-md)',
          overflow: 'hidden',
          isolation: 'isolate',
        }}
      >
        <Suspense fallback={<Skeleton height={200} />}>
          <CustomerMap lat={customer.lat} lng={customer.lng} label={t('customer.location')} />
        </Suspense>
      </div>
    </Paper>
  );
}
